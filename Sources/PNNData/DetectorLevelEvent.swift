/// What the detector measures of one simulated event: stage 3 of `HEPMASSSimulator`,
/// the input of reconstruction and of the low-level features. Nothing here is truth.
struct DetectorLevelEvent {
    /// The smeared lepton.
    var lepton: FourMomentum
    /// Missing transverse momentum: components and magnitude.
    var metX: Double, metY: Double, met: Double
    /// Number of jets, 4 or more (the four below plus extra radiation, which is counted
    /// but not simulated further).
    var jetCount: Int
    /// The four leading jets by decreasing pT and their b-tags (1 tagged, 0 not), in the
    /// simulator's per-chunk scratch memory: valid until the next event is simulated.
    var jets: UnsafeMutableBufferPointer<FourMomentum>
    var tags: UnsafeMutableBufferPointer<Double>
}
