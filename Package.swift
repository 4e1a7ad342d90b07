// swift-tools-version:6.1
import PackageDescription

// Target CPU for the numeric code. The engine's micro-kernels are written with
// SIMD16<Float> and fused multiply-add; whether those become AVX-512/AVX2 FMA
// instructions or scalar libm `fma` calls (≈50× slower, measured) is decided here.
// The value is an LLVM CPU name, passed to swiftc's -target-cpu:
//
//   PNNBENCH_TARGET_CPU unset           → "native": the CPU of the machine that builds.
//                                         Fastest; the binary may not run on an older CPU.
//   PNNBENCH_TARGET_CPU=haswell         → any x86-64 CPU with AVX2+FMA (2013 and later).
//   PNNBENCH_TARGET_CPU=skylake-avx512  → x86-64 CPUs with AVX-512.
//   PNNBENCH_TARGET_CPU=x86-64          → the x86-64 baseline: runs anywhere, slow kernels.
//
// The chosen CPU is also compiled into the C target `CPUCheck`, so that `bench`
// refuses to start, with a clear message, on a CPU that lacks what it was built for
// instead of dying with SIGILL. `bench perf` prints the build's target CPU.
let targetCPU = Context.environment["PNNBENCH_TARGET_CPU"] ?? "native"

#if arch(x86_64) || arch(i386)
let cTargetFlag = "-march=\(targetCPU)"
#else
let cTargetFlag = "-mcpu=\(targetCPU)"
#endif

// -fno-math-errno reaches the C shim behind Float.squareRoot(): with errno semantics it
// is a scalar sqrtss guarded by a call to sqrtf for negative input, so a SIMD16 square
// root becomes 16 scalar ones; without, it is one vsqrtps (the same correctly rounded bits).
let numericSwiftFlags: [SwiftSetting] = [
    .unsafeFlags(["-Ounchecked", "-target-cpu", targetCPU, "-Xcc", "-fno-math-errno"]),
]

// The suite layer holds numeric code too (per-mass scoring, the data of the report's
// figures): optimised in every configuration so that `swift test` (a debug build) runs
// it at speed, but with overflow and bounds checks kept.
let optimizedSwiftFlags: [SwiftSetting] = [
    .unsafeFlags(["-O", "-target-cpu", targetCPU]),
]

let package = Package(
    name: "PNNBench",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "bench", targets: ["bench"]),
        .library(name: "PNNEngine", targets: ["PNNEngine"]),
        .library(name: "PNNData", targets: ["PNNData"]),
        .library(name: "PNNMetrics", targets: ["PNNMetrics"]),
        .library(name: "PNNBench", targets: ["PNNBench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .target(
            name: "CPUCheck",
            cSettings: [
                .unsafeFlags(["-O2", cTargetFlag]),
                .define("PNN_TARGET_CPU", to: "\"\(targetCPU)\""),
            ]
        ),
        .target(name: "PNNEngine", dependencies: ["CPUCheck"], swiftSettings: numericSwiftFlags),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "PNNData", dependencies: ["PNNEngine", "CZlib"], swiftSettings: numericSwiftFlags),
        .target(name: "PNNMetrics", swiftSettings: numericSwiftFlags),
        .target(name: "PNNBench", dependencies: ["PNNEngine", "PNNData", "PNNMetrics", .product(name: "Yams", package: "Yams")],
                swiftSettings: optimizedSwiftFlags),
        .executableTarget(
            name: "bench",
            dependencies: [
                "PNNBench", "PNNEngine", "PNNData", "PNNMetrics",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "PNNEngineTests", dependencies: ["PNNEngine"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PNNDataTests", dependencies: ["PNNData"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PNNMetricsTests", dependencies: ["PNNMetrics"], resources: [.copy("Fixtures")]),
        .testTarget(name: "PNNBenchTests", dependencies: ["PNNBench"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BenchCLITests", dependencies: []),
    ],
    swiftLanguageModes: [.v5]
)
