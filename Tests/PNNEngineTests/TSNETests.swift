import Foundation
import Testing
@testable import PNNEngine

@Suite struct TSNETests {
    /// Three tight Gaussian clusters in 10 dimensions, centres 10 apart, 20 points each.
    static func clusters() -> (x: [Double], labels: [Int], n: Int, d: Int) {
        let d = 10, perCluster = 20
        var stream = RandomStream(seed: 7, purpose: .benchmark)
        var x: [Double] = [], labels: [Int] = []
        for c in 0..<3 {
            for _ in 0..<perCluster {
                for k in 0..<d { x.append((k == c ? 10 : 0) + 0.5 * stream.nextGaussian()) }
                labels.append(c)
            }
        }
        return (x, labels, 3 * perCluster, d)
    }

    static func config() -> TSNE {
        var t = TSNE(seed: 42)
        t.perplexity = 10
        t.iterations = 300
        t.exaggerationIterations = 100
        return t
    }

    @Test func separatesClustersAndLowersKL() {
        let (x, labels, n, d) = Self.clusters()
        let result = Self.config().embed(x, rows: n, cols: d, threads: 2)
        #expect(result.embedding.allSatisfy { $0.isFinite })
        var within = 0.0, withinCount = 0.0, between = 0.0, betweenCount = 0.0
        for i in 0..<n {
            for j in (i + 1)..<n {
                let a = result.point(i), b = result.point(j)
                let dist = zip(a, b).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
                if labels[i] == labels[j] { within += dist; withinCount += 1 } else { between += dist; betweenCount += 1 }
            }
        }
        // Every point is closer to its own cluster's centroid than to any other.
        let centroids = (0..<3).map { c -> [Double] in
            let members = (0..<n).filter { labels[$0] == c }
            return (0..<2).map { k in members.map { result.embedding[2 * $0 + k] }.reduce(0, +) / Double(members.count) }
        }
        for i in 0..<n {
            let distances = centroids.map { zip($0, result.point(i)).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) }
            #expect(distances.firstIndex(of: distances.min()!) == labels[i], "point \(i)")
        }
        #expect(within / withinCount < 0.5 * between / betweenCount)
        // KL after exaggeration ends decreases, and the final value is below the first.
        let kl = result.klHistory
        #expect(kl.last!.kl < kl.first!.kl)
        let late = kl.filter { $0.iteration >= 150 }
        #expect(late.count >= 2)
        #expect(late.last!.kl <= late.first!.kl + 1e-9)
    }

    @Test func identicalRerunsAndThreadCounts() {
        let (x, _, n, d) = Self.clusters()
        let a = Self.config().embed(x, rows: n, cols: d, threads: 1)
        let b = Self.config().embed(x, rows: n, cols: d, threads: 2)
        let c = Self.config().embed(x, rows: n, cols: d, threads: 2)
        #expect(a.embedding.map { $0.bitPattern } == b.embedding.map { $0.bitPattern })
        #expect(b.embedding.map { $0.bitPattern } == c.embedding.map { $0.bitPattern })
        var other = Self.config()
        other.seed = 43
        #expect(other.embed(x, rows: n, cols: d, threads: 2).embedding != a.embedding)
    }

    @Test func bandwidthMatchesPerplexity() {
        let (x, _, n, d) = Self.clusters()
        var d2 = [Double](repeating: 0, count: n)
        for j in 0..<n { for c in 0..<d { let t = x[c] - x[j * d + c]; d2[j] += t * t } }
        let row = TSNE.conditionalRow(d2, skipping: 0, targetEntropy: Foundation.log(10.0))
        #expect(row[0] == 0)
        #expect(abs(row.reduce(0, +) - 1) < 1e-12)
        let entropy = -row.filter { $0 > 0 }.map { $0 * Foundation.log($0) }.reduce(0, +)
        #expect(abs(Foundation.exp(entropy) - 10) < 1e-3)
    }

    /// The eight-lane sums are the row-by-row definition bit for bit: w_ij, S_i = Σ_j w_ij
    /// and 4 Σ_{j≠i} (α p_ij − w_ij/Z) w_ij (y_i − y_j), each over j in order, for a row
    /// count that is not a multiple of eight and 1–3 dimensions.
    @Test func pairSumsMatchTheRowByRowDefinition() {
        let n = 37
        var stream = RandomStream(seed: 11, purpose: .benchmark)
        var p = [Double](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0..<i { let v = 1e-3 * stream.nextDouble(); p[i * n + j] = v; p[j * n + i] = v } }
        for od in 1...3 {
            let y = (0..<(n * od)).map { _ in stream.nextGaussian() }
            var pairs = TSNEPairSums(rows: n, dimensions: od)
            pairs.load(y)
            var sums = [Double](repeating: 0, count: n)
            for b in 0..<pairs.blocks { pairs.rowSums(block: b, into: &sums) }
            var w = [Double](repeating: 0, count: n * n), expectedSums = [Double](repeating: 0, count: n)
            for i in 0..<n {
                var s = 0.0
                for j in 0..<n {
                    var dist = 0.0
                    for c in 0..<od { let t = y[i * od + c] - y[j * od + c]; dist += t * t }
                    w[i * n + j] = j == i ? 0 : 1 / (1 + dist)
                    s += w[i * n + j]
                }
                expectedSums[i] = s
            }
            #expect(sums.map(\.bitPattern) == expectedSums.map(\.bitPattern), "row sums, \(od) dimensions")
            let invZ = 1 / expectedSums.reduce(0, +), alpha = 12.0
            var gradient = [Double](repeating: 0, count: n * od), expected = gradient
            p.withUnsafeBufferPointer { pp in
                for b in 0..<pairs.blocks { pairs.gradient(block: b, p: pp.baseAddress!, exaggeration: alpha, invZ: invZ, into: &gradient) }
            }
            for i in 0..<n {
                for c in 0..<od {
                    var g = 0.0
                    for j in 0..<n where j != i {
                        g += (alpha * p[i * n + j] - w[i * n + j] * invZ) * w[i * n + j] * (y[i * od + c] - y[j * od + c])
                    }
                    expected[i * od + c] = g * 4
                }
            }
            #expect(gradient.map(\.bitPattern) == expected.map(\.bitPattern), "gradient, \(od) dimensions")
        }
    }
}

