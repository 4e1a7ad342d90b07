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
        let n = x.count
        guard maxPoints >= 2, n > maxPoints else { return self }
        // Cumulative Euclidean length along the curve.
        var length = [Double](repeating: 0, count: n)
        for i in 1..<n {
            let dx = x[i] - x[i - 1], dy = y[i] - y[i - 1]
            length[i] = length[i - 1] + (dx * dx + dy * dy).squareRoot()
        }
        let total = length[n - 1]
        guard total > 0 else { return Curve(x: [x[0], x[n - 1]], y: [y[0], y[n - 1]]) }
        var keepX = [x[0]], keepY = [y[0]]
        var i = 0, lastKept = 0
        for step in 1..<(maxPoints - 1) {
            let target = total * Double(step) / Double(maxPoints - 1)
            while i < n - 1 && length[i] < target { i += 1 }
            // Several targets can fall on one long segment: keep its end point once.
            if i != lastKept && i != n - 1 {
                keepX.append(x[i]); keepY.append(y[i])
                lastKept = i
            }
        }
        keepX.append(x[n - 1]); keepY.append(y[n - 1])
        return Curve(x: keepX, y: keepY)
    }
}
