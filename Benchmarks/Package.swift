// swift-tools-version: 6.1
// osmo's benchmarks: a package of their own so that package-benchmark and its dependencies stay
// out of the main build. Run from this folder (see RESULTS.md for the commands and the figures):
//   swift package benchmark                      # package-benchmark: wall clock, instructions, mallocs
//   swift run -c release rhs-overhead            # Swift layer vs plain C on the same GSL stepper
//   swift run -c release model-timing            # CPU time of a 72-hour adult run of the physiology
import Foundation
import PackageDescription

// SwiftPM names a path dependency after its folder: "main" here, "osmo" in a clone called osmo.
let mainPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().lastPathComponent.lowercased()

let package = Package(
    name: "osmo-benchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        // Robertson's RHS and Jacobian in C, driven by GSL directly: the baseline without the Swift layer.
        .target(
            name: "CRobertson",
            linkerSettings: [.linkedLibrary("gsl"), .linkedLibrary("gslcblas"), .linkedLibrary("m")]
        ),
        // The same problem through OsmoODE, and the workloads both benchmark targets run.
        .target(
            name: "BenchSupport",
            dependencies: [.product(name: "OsmoODE", package: mainPackage), "CRobertson"]
        ),
        .executableTarget(
            name: "rhs-overhead",
            dependencies: ["BenchSupport"]
        ),
        // CPU time of whole-model runs (the 72-hour flagship arms), min / median / max over N runs.
        .executableTarget(
            name: "model-timing",
            dependencies: [.product(name: "OsmoODE", package: mainPackage), .product(name: "OsmoPhysiology", package: mainPackage)]
        ),
        .executableTarget(
            name: "ODEBenchmarks",
            dependencies: [
                "BenchSupport",
                .product(name: "OsmoPhysiology", package: mainPackage),
                .product(name: "OsmoInflammation", package: mainPackage),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/ODEBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
