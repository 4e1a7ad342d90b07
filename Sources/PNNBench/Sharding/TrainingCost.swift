import PNNData

/// The expected cost of training one experiment, in event-epochs: what a shard plan
/// balances. For every network the experiment trains (five for individual NNs, one per
/// mass; one otherwise), an epoch passes over the events its batch sampler draws from —
/// all background and the signal of the network's training masses — so
///
///     cost = epochs · Σ_networks ( Σ_k background_k + Σ_{m ∈ masses(network)} signal_m )
///
/// with the event counts of the data set's composition at the scale (`EventComposition`:
/// HEPMASS balanced, HEPMASS-IMB as the scale's `IMBSignal` makes it). Validation and
/// test scoring grow with the same counts. The architectures differ by under 4 % in
/// parameters, which is ignored. On the 174 trainings of `bench all` at the `default`
/// scale (3 seeds) this cost and the measured training + evaluation time correlate with
/// r = 0.95.
public enum TrainingCost {
    public static func expected(_ spec: ExperimentSpec, scale: Scale) -> Double {
        let composition = DatasetProvider.trainComposition(spec.dataset, scale: scale)
        let background = composition.background.reduce(0, +)
        let masses = spec.trainMasses.map { Set($0.map(Float.init)) } ?? Set(composition.masses)
        let signal = zip(composition.masses, composition.signal).filter { masses.contains($0.0) }.map(\.1)
        let networks = spec.model == .individual ? signal.map { background + $0 } : [background + signal.reduce(0, +)]
        return Double(scale.epochs) * Double(networks.reduce(0, +))
    }
}
