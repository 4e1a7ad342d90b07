import CPUCheck

/// Cache blocking and work partition shared by the three GEMM forms.
///
/// C[m×n] = start + A[m×k]·B[k×n] where A and B are strided views (a transposed
/// operand is just swapped strides). Steps:
///   1. in parallel, pack B into column panels of width `nr` (32 or 16, the last one
///      16 or `nr`, zero-padded) — all of them, or only the partial last one when few row tiles
///      would reuse each panel and B can be read in place — and copy a partial last row
///      tile of A (m % 6 rows) into a zero-padded 6-row tile;
///   2. split C into tasks of (about 48 rows) × (a group of panels); each task runs the
///      micro-kernel over its 6-row tiles, one k-block at a time, reading full tiles of
///      A in place.
/// `GEMMPlan` makes these choices for a given shape; `pack` and `compute` carry out the
/// two steps.
///
/// Determinism: every element of C is one FMA chain over p = 0..<k in increasing order,
/// started from `start`. Between k-blocks the partial sum is stored to C and reloaded,
/// which is exact in Float, so neither the k-blocking nor the tiling nor the number of
/// threads can change a single bit of the result.
enum GEMMDriver {
    typealias Start = GEMMMicroKernel.Start

    static let mr = GEMMMicroKernel.rows
    /// Width of the B panels, 32 or 16 columns. A 6×32 tile keeps 12 SIMD16 accumulators,
    /// which fit in 32 AVX-512 registers but would take 24 of AVX2's 16 ymm registers and
    /// spill; with 256-bit vectors the 6×16 tile (12 ymm accumulators) is the register block.
    /// Measured on a Zen 3 (AVX2), one thread, the models' layer products: 29–35 GFLOP/s
    /// with 6×32 tiles, 67–88 with 6×16. The width only decides which kernel computes an
    /// element, never its FMA chain, so results do not depend on it.
    static let nr = pnn_build_has_512bit_vectors() != 0 ? 32 : 16
    /// Longest k-block: an nr×kc B panel (≤ 40 KB) then stays in L1 while the kernel
    /// sweeps the 6-row tiles of a task.
    static let maxKc = 320
    /// Longest k-block when B is read in place: a 32-column strip of an unaligned B row
    /// touches 3 cache lines, so 128 rows (≈ 24 KB) keep the strip in L1 (measured
    /// +15–40% over 320 at m = 27 and 37).
    static let maxKcInPlace = 128
    /// Row tiles per task (48 rows): the task's block of A (≤ 60 KB) stays in L2.
    static let tilesPerTask = 8
    /// Above this many rows of C, every B panel is packed (see `packAll`).
    /// Measured: at m = 27 reading B in place is ~30% faster, at m ≥ 150 packing is ~10% faster.
    static let packAllRows = 96
    /// Rows of B per packing task.
    static let packChunk = 256
    /// Below this many flops, threads cost more than they save.
    static let parallelFlops = 1 << 19

    /// Column panels of C/B: `count` panels; all but possibly the last are `width` wide
    /// (panel q starts at column q·width), the last 16 or `width`.
    struct Panels {
        let count: Int
        let width: Int
        let lastWidth: Int
        init(n: Int, width: Int = GEMMDriver.nr) {
            self.width = width
            let full = n / width, rest = n % width
            count = full + (rest > 0 ? 1 : 0)
            lastWidth = rest == 0 ? width : (rest <= 16 ? 16 : width)
        }
        @inline(__always) func width(_ q: Int) -> Int { q == count - 1 ? lastWidth : width }
        /// Packed elements of B: k rows of every panel's full width.
        var paddedColumns: Int { (count - 1) * width + lastWidth }
    }

    static func multiply(m: Int, n: Int, k: Int, a: StridedMatrix, b: StridedMatrix,
                         c: UnsafeMutablePointer<Float>, ldc: Int, cColumnStride ccs: Int = 1,
                         start: Start, relu: Bool, pool: WorkerPool, panelWidth: Int = nr) {
        if m <= 0 || n <= 0 { return }
        if k == 0 { fillWithoutProducts(m: m, n: n, c: c, ldc: ldc, ccs: ccs, start: start, relu: relu); return }
        if case .bias = start {} else if n < mr && m > n && a.rowStride == 1 && a.colStride != 1 {
            // Very narrow C with a transposed A (a weight gradient with fewer than 6 output
            // columns; `GEMM.tn` sends the contiguous one-column case to SingleColumnProducts
            // before it gets here): 6×32 tiles would waste most of their columns. Compute Cᵀ = Bᵀ·Aᵀ
            // instead, whose rows Aᵀ are read in place. fma(x, y, s) = fma(y, x, s) and p
            // still runs in increasing order, so every element gets the same bits.
            multiply(m: n, n: m, k: k, a: b.transposed, b: a.transposed, c: c, ldc: ccs, cColumnStride: ldc,
                     start: start, relu: relu, pool: pool, panelWidth: panelWidth)
            return
        }

        let plan = GEMMPlan(m: m, n: n, k: k, bColumnStride: b.colStride, threads: pool.threadCount, panelWidth: panelWidth)
        let runner: WorkerPool? = plan.parallel ? pool : nil
        ScratchBuffers.shared.with(count: plan.packedBCount + mr * k) { scratch in
            let packedB = scratch, edgeA = scratch + plan.packedBCount
            pack(a, b, plan, packedB: packedB, edgeA: edgeA, runner: runner)
            compute(a, b, plan, packedB: packedB, edgeA: edgeA, c: c, ldc: ldc, ccs: ccs, start: start, relu: relu, runner: runner)
        }
    }

    /// Step 1: copies what the micro-kernel cannot read in place — the B panels the plan
    /// packs (at q·nr·k in `packedB`, zero-padded to the panel width) and the partial last
    /// row tile of A (into `edgeA`, zero-padded to 6 rows). Tasks are (panel, chunk of k)
    /// pairs, for balance, plus one for the tile of A.
    @inline(__always)
    static func pack(_ a: StridedMatrix, _ b: StridedMatrix, _ plan: GEMMPlan,
                     packedB: UnsafeMutablePointer<Float>, edgeA: UnsafeMutablePointer<Float>, runner: WorkerPool?) {
        let k = plan.k, n = plan.n, panels = plan.panels
        let kChunks = (k + packChunk - 1) / packChunk
        let bTasks = plan.packedPanels * kChunks
        let packTasks = bTasks + (plan.edgeRows > 0 ? 1 : 0)
        forEach(packTasks > 1 ? runner : nil, packTasks) { i in
            if i == bTasks {
                GEMMPacking.packEdgeA(a, i0: plan.fullTiles * mr, rows: plan.edgeRows, k: k, into: edgeA)
                return
            }
            let q = plan.firstPacked + i / kChunks, w = panels.width(q)
            let p0 = (i % kChunks) * packChunk
            let j0 = q * panels.width
            GEMMPacking.packB(b, j0: j0, cols: min(w, n - j0), rows: p0..<min(k, p0 + packChunk),
                              width: w, into: packedB + j0 * k)
        }
    }

    /// Step 2: C = start + A·B over tasks of (`plan.taskTiles` row tiles) × (a group of
    /// panels). A task runs the micro-kernel over its 6-row tiles one k-block at a time,
    /// the first block from `start` and the others from the partial sums left in C; full
    /// tiles of A and unpacked panels of B are read in place, the rest from `pack`'s copies.
    @inline(__always)
    static func compute(_ a: StridedMatrix, _ b: StridedMatrix, _ plan: GEMMPlan,
                        packedB: UnsafeMutablePointer<Float>, edgeA: UnsafeMutablePointer<Float>,
                        c: UnsafeMutablePointer<Float>, ldc: Int, ccs: Int, start: Start, relu: Bool, runner: WorkerPool?) {
        let k = plan.k, n = plan.n, panels = plan.panels
        let kc = plan.kc, rowTiles = plan.rowTiles, taskTiles = plan.taskTiles
        let groups = plan.groups, panelsPerGroup = plan.panelsPerGroup
        let firstPacked = plan.firstPacked, fullTiles = plan.fullTiles, edgeRows = plan.edgeRows
        forEach(runner, plan.rowTasks * groups) { task in
            let rowTask = task / groups, group = task % groups
            let t0 = rowTask * taskTiles, t1 = min(rowTiles, t0 + taskTiles)
            let q0 = group * panelsPerGroup, q1 = min(panels.count, q0 + panelsPerGroup)
            ScratchBuffers.shared.with(count: mr * panels.width) { edgeC in
                var p0 = 0
                while p0 < k {
                    let kcb = min(kc, k - p0)
                    let blockStart: Start = p0 == 0 ? start : .load
                    let blockReLU = relu && p0 + kcb == k
                    for q in q0..<q1 {
                        let j0 = q * panels.width, w = panels.width(q), cols = min(w, n - j0)
                        let packed = q >= firstPacked
                        let panelB = packed ? UnsafePointer(packedB + j0 * k + p0 * w) : b.pointer(p0, j0)
                        let bs = packed ? w : b.rowStride
                        var panelStart = blockStart
                        if case .bias(let bias) = blockStart { panelStart = .bias(bias + j0) }
                        for t in t0..<t1 {
                            let cTile = c + t * mr * ldc + j0 * ccs
                            let full = t < fullTiles
                            // Full tiles read A in place; the partial one reads its packed copy.
                            let tileA = full ? a.pointer(t * mr, p0) : UnsafePointer(edgeA + p0 * mr)
                            let rs = full ? a.rowStride : 1, ps = full ? a.colStride : mr
                            if full && cols == w && ccs == 1 {
                                kernel(w, kc: kcb, a: tileA, rs: rs, ps: ps, b: panelB, bs: bs, c: cTile, ldc: ldc,
                                       start: panelStart, relu: blockReLU)
                            } else {
                                edgeKernel(w, rows: full ? mr : edgeRows, cols: cols, kc: kcb, a: tileA, rs: rs, ps: ps,
                                           b: panelB, bs: bs, c: cTile, ldc: ldc, ccs: ccs, start: panelStart,
                                           relu: blockReLU, tile: edgeC)
                            }
                        }
                    }
                    p0 += kcb
                }
            }
        }
    }

    @inline(__always)
    static func forEach(_ pool: WorkerPool?, _ count: Int, _ body: (Int) -> Void) {
        if let pool { pool.run(tasks: count, body) } else { for i in 0..<count { body(i) } }
    }

    @inline(__always)
    static func kernel(_ width: Int, kc: Int, a: UnsafePointer<Float>, rs: Int, ps: Int, b: UnsafePointer<Float>, bs: Int,
                       c: UnsafeMutablePointer<Float>, ldc: Int, start: Start, relu: Bool) {
        if width == 32 {
            GEMMMicroKernel.kernel6x32(kc: kc, a: a, rs: rs, ps: ps, b: b, bs: bs, c: c, ldc: ldc, start: start, relu: relu)
        } else {
            GEMMMicroKernel.kernel6x16(kc: kc, a: a, rs: rs, ps: ps, b: b, bs: bs, c: c, ldc: ldc, start: start, relu: relu)
        }
    }

    /// A tile that sticks out of C (rows < 6 or cols < width) or whose columns are not
    /// contiguous (C viewed transposed): run the kernel on a private copy, so it never
    /// touches memory outside C, then copy the valid part back.
    static func edgeKernel(_ width: Int, rows: Int, cols: Int, kc: Int,
                           a: UnsafePointer<Float>, rs: Int, ps: Int, b: UnsafePointer<Float>, bs: Int,
                           c: UnsafeMutablePointer<Float>, ldc: Int, ccs: Int, start: Start,
                           relu: Bool, tile: UnsafeMutablePointer<Float>) {
        tile.update(repeating: 0, count: mr * width)
        var tileStart = start
        switch start {
        case .zero:
            break
        case .load:
            for r in 0..<rows { for j in 0..<cols { tile[r * width + j] = c[r * ldc + j * ccs] } }
        case .bias(let bias):
            // `bias` points at this tile's first column; only `cols` entries exist.
            for r in 0..<rows { (tile + r * width).update(from: bias, count: cols) }
            tileStart = .load
        }
        kernel(width, kc: kc, a: a, rs: rs, ps: ps, b: b, bs: bs, c: tile, ldc: width, start: tileStart, relu: relu)
        for r in 0..<rows { for j in 0..<cols { c[r * ldc + j * ccs] = tile[r * width + j] } }
    }

    /// k == 0: the product is empty, C = start (then max(0,·) if requested).
    static func fillWithoutProducts(m: Int, n: Int, c: UnsafeMutablePointer<Float>, ldc: Int, ccs: Int, start: Start, relu: Bool) {
        for i in 0..<m {
            for j in 0..<n {
                var v: Float
                switch start {
                case .zero: v = 0
                case .load: v = c[i * ldc + j * ccs]
                case .bias(let bias): v = bias[j]
                }
                c[i * ldc + j * ccs] = relu && v < 0 ? 0 : v
            }
        }
    }
}
