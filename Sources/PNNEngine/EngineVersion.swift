/// Version of the engine's numerics. Part of every result's content address: bump it
/// whenever a change can alter trained weights (kernels' summation order, initialisation,
/// random streams, optimiser), so stored results are not mistaken for current ones.
public enum EngineVersion {
    public static let current = "1.0.0"
}
