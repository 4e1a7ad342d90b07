/// Mini-batch balancing (paper §4.3). B is the batch size, |M| the number of training
/// masses, P the number of background processes.
///
/// | mode         | a batch holds                                                        |
/// |--------------|----------------------------------------------------------------------|
/// | `none`       | B events of a shuffled epoch, as they come (the last batch may be short) |
/// | `class`      | B/2 signal (any mass) + B/2 background                               |
/// | `signal`     | B/2 signal split evenly over the masses (B/2/|M| each) + B/2 background |
/// | `background` | B/2 signal (any mass) + B/2 background split evenly over processes   |
/// | `full`       | signal half as in `signal`, background half as in `background`      |
///
/// Class balance is done by sampling, not weighting (the paper's option (b)), so sample
/// weights stay 1. With one background process (HEPMASS, HEPMASS-SIM) `signal` and `full`
/// give identical batches (paper footnote 11), and `background` equals `class`.
public enum BalanceMode: String, Hashable, Sendable, Codable, CaseIterable {
    case none, `class`, signal, background, full

    /// Whether the signal half is split evenly over masses.
    public var balancesSignal: Bool { self == .signal || self == .full }
    /// Whether the background half is split evenly over processes.
    public var balancesBackground: Bool { self == .background || self == .full }
}
