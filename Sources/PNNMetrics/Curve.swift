/// A curve for plotting: points (x_i, y_i) in drawing order.
public struct Curve: Codable, Equatable, Sendable {
    public var x: [Double]
    public var y: [Double]

    public init(x: [Double], y: [Double]) {
        precondition(x.count == y.count, "a curve needs as many x as y")
        self.x = x
        self.y = y
    }

    /// At most `maxPoints` of the points, spread evenly along the curve's length.
    ///
    /// A ROC curve of 3.5M events has millions of points, most of them packed where the
    /// curve is nearly straight; picking points at equal arc-length steps keeps the
    /// shape everywhere (also the steep start of a good ROC curve). The first and last
    /// points are always kept. Only the drawing changes: areas are always computed on
    /// the full curve, never on this one.
    public func downsampled(maxPoints: Int) -> Curve {
        Curve.downsampled(count: x.count, maxPoints: maxPoints) { (x[$0], y[$0]) }
    }

    /// The same selection from a curve given point by point (`point(i)` for i in
    /// 0..<count), so that a curve of millions of points never has to be stored.
    /// Two passes: the total length, then the points at each k·L/(maxPoints−1).
    public static func downsampled(count n: Int, maxPoints: Int, point: (Int) -> (Double, Double)) -> Curve {
        guard n > 0 else { return Curve(x: [], y: []) }
        guard maxPoints >= 2, n > maxPoints else {
            let points = (0..<n).map(point)
            return Curve(x: points.map(\.0), y: points.map(\.1))
        }
        func segment(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
            let dx = b.0 - a.0, dy = b.1 - a.1
            return (dx * dx + dy * dy).squareRoot()
        }
        var total = 0.0
        var previous = point(0)
        for i in 1..<n {
            let p = point(i)
            total += segment(previous, p)
            previous = p
        }
        let first = point(0), last = point(n - 1)
        guard total > 0 else { return Curve(x: [first.0, last.0], y: [first.1, last.1]) }
        var keepX = [first.0], keepY = [first.1]
        var length = 0.0, step = 1
        previous = first
        // Keep the first point at or beyond each target length; one point per target at most.
        for i in 1..<(n - 1) where step < maxPoints - 1 {
            let p = point(i)
            length += segment(previous, p)
            previous = p
            if length >= total * Double(step) / Double(maxPoints - 1) {
                keepX.append(p.0); keepY.append(p.1)
                while step < maxPoints - 1 && length >= total * Double(step) / Double(maxPoints - 1) { step += 1 }
            }
        }
        keepX.append(last.0); keepY.append(last.1)
        return Curve(x: keepX, y: keepY)
    }
}
