/// How `GEMMDriver` carries out one product C[m×n] = start + A[m×k]·B[k×n]: which
/// panels of B are packed, the length of the k-blocks, and the tasks C is split into.
///
/// A pure function of the shape, B's layout, the thread count and the panel width. It decides only where
/// and in which pieces work is done, never the order of an element's FMA chain, so no
/// choice made here can change a bit of the result.
struct GEMMPlan {
    let n: Int, k: Int
    let panels: GEMMDriver.Panels
    /// Panels q ≥ `firstPacked` are packed; the others are read in place from B. Packing B
    /// costs a copy of B; it pays when many row tiles reuse each panel, or when B is stored
    /// transposed (nt). Otherwise only a partial last panel is packed (zero-padded).
    let firstPacked: Int
    /// Length of the k-blocks: k in equal blocks of at most `GEMMDriver.maxKc` (B packed)
    /// or `maxKcInPlace` (B read in place).
    let kc: Int
    /// 6-row tiles of C; full ones; rows of the partial last one (m % 6), which is packed
    /// once, zero-padded, for all tasks.
    let rowTiles: Int, fullTiles: Int, edgeRows: Int
    /// Row tasks of `taskTiles` tiles each (the last may have fewer).
    let rowTasks: Int, taskTiles: Int
    /// Panels per task, and the number of such groups.
    let panelsPerGroup: Int, groups: Int
    /// Whether the tasks run on the pool: below `GEMMDriver.parallelFlops`, threads cost
    /// more than they save.
    let parallel: Bool

    /// Panels that `GEMMDriver.pack` copies.
    var packedPanels: Int { panels.count - firstPacked }
    /// Floats of the packed-B buffer: room for every panel (panel q starts at q·nr·k), even
    /// those read in place.
    var packedBCount: Int { k * panels.paddedColumns }

    init(m: Int, n: Int, k: Int, bColumnStride: Int, threads: Int, panelWidth: Int = GEMMDriver.nr) {
        self.n = n; self.k = k
        let mr = GEMMDriver.mr
        panels = GEMMDriver.Panels(n: n, width: panelWidth)
        let packAll = bColumnStride != 1 || m > GEMMDriver.packAllRows
        let maxK = packAll ? GEMMDriver.maxKc : GEMMDriver.maxKcInPlace
        let kBlocks = (k + maxK - 1) / maxK
        kc = (k + kBlocks - 1) / kBlocks
        rowTiles = (m + mr - 1) / mr
        rowTasks = (rowTiles + GEMMDriver.tilesPerTask - 1) / GEMMDriver.tilesPerTask
        taskTiles = (rowTiles + rowTasks - 1) / rowTasks      // balanced: 25 tiles → 7,7,7,4
        parallel = threads > 1 && 2 * m * n * k >= GEMMDriver.parallelFlops
        // Enough tasks for dynamic load balance: split the panels into groups when the
        // rows alone give too few (e.g. the weight gradient of a 27-input layer).
        var panelsPerGroup = panels.count
        if parallel {
            while panelsPerGroup > 1 && rowTasks * ((panels.count + panelsPerGroup - 1) / panelsPerGroup) < 4 * threads {
                panelsPerGroup = (panelsPerGroup + 1) / 2
            }
        }
        self.panelsPerGroup = panelsPerGroup
        groups = (panels.count + panelsPerGroup - 1) / panelsPerGroup
        firstPacked = packAll ? 0 : (n % panels.width == 0 ? panels.count : panels.count - 1)
        edgeRows = m % mr
        fullTiles = m / mr
    }
}
