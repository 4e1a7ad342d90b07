import CPUCheck

/// Start-up check that the running CPU has every instruction-set extension the build
/// was compiled for (see Package.swift, PNNBENCH_TARGET_CPU).
public enum CPUGuard {
    /// The build's target CPU name, e.g. "native" or "haswell".
    public static var buildTargetCPU: String { String(cString: pnn_build_target_cpu()) }

    /// Extensions the build uses, e.g. "sse4.2 avx avx2 fma avx512f …".
    public static var buildFeatures: String {
        var buffer = [CChar](repeating: 0, count: 256)
        pnn_build_cpu_features(&buffer, buffer.count)
        return String(cString: buffer)
    }

    /// Extensions the build uses that this CPU lacks; empty when it is safe to run.
    public static var missingFeatures: [String] {
        var buffer = [CChar](repeating: 0, count: 256)
        let n = pnn_missing_cpu_features(&buffer, buffer.count)
        return n == 0 ? [] : String(cString: buffer).split(separator: " ").map(String.init)
    }

    /// Prints an explanation and exits with status 2 when the CPU cannot run this build.
    public static func exitIfUnsupported() {
        let missing = missingFeatures
        guard !missing.isEmpty else { return }
        let message = """
        bench: this binary was built for target CPU '\(buildTargetCPU)' and uses \(missing.joined(separator: ", ")), \
        which this CPU does not have.
        Rebuild it on this machine (swift build -c release), or for a portable build set
        PNNBENCH_TARGET_CPU=haswell (any AVX2+FMA CPU) or PNNBENCH_TARGET_CPU=x86-64 (any x86-64 CPU, slow kernels).

        """
        FileHandleStderr.write(message)
        exit(2)
    }
}

#if canImport(Glibc)
import Glibc
#endif

enum FileHandleStderr {
    static func write(_ s: String) {
        var s = s
        s.withUTF8 { buf in _ = fwrite(buf.baseAddress, 1, buf.count, stderr) }
    }
}
