// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "osmo",
    products: [
        .executable(name: "osmo", targets: ["osmo"]),
        // The general ODE layer over GSL odeiv2: no physiology in it.
        .library(name: "OsmoODE", targets: ["OsmoODE"]),
        // The inflammation, fever and symptom-score submodel.
        .library(name: "OsmoInflammation", targets: ["OsmoInflammation"]),
        // The physiology: fluids, electrolytes, gut, kidney, coupled to inflammation.
        .library(name: "OsmoPhysiology", targets: ["OsmoPhysiology"]),
        // Scenario files, validation, runs of arms, CSV output and summaries.
        .library(name: "OsmoScenario", targets: ["OsmoScenario"]),
        // A small SVG chart writer (no physiology in it).
        .library(name: "OsmoPlot", targets: ["OsmoPlot"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // Without its default `ConfigurationSupport` trait: osmo does not use swift-configuration (less to build).
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        // Fast dense LU factorisation and solve for the implicit steppers' iteration matrices: the
        // definitions take the place of GSL's gsl_linalg_LU_decomp / gsl_linalg_LU_solve (see lu.c).
        .target(
            name: "COsmoLinalg",
            dependencies: ["CGSL"]
        ),
        .target(
            name: "OsmoODE",
            dependencies: ["CGSL", "COsmoLinalg"]
        ),
        .target(name: "OsmoInflammation"),
        .target(
            name: "OsmoPhysiology",
            dependencies: ["OsmoODE", "OsmoInflammation"]
        ),
        // Scenario files: YAML → validated scenario → one problem per arm → CSV and summaries.
        .target(
            name: "OsmoScenario",
            dependencies: ["OsmoODE", "OsmoPhysiology", "OsmoInflammation", .product(name: "Yams", package: "Yams")]
        ),
        // SVG figures: document builder, nice ticks, lines, bands, bars, scatter, legends.
        .target(name: "OsmoPlot"),
        // Runs → figures and the self-contained HTML report.
        .target(
            name: "OsmoReport",
            dependencies: ["OsmoPlot", "OsmoScenario", "OsmoPhysiology"]
        ),
        // Parameter sweeps: sweep files, sampling plans (grid, LHS, Sobol/Saltelli), threaded and
        // sharded runs, merge, Sobol sensitivity indices.
        .target(
            name: "OsmoSweep",
            dependencies: ["CGSL", "OsmoODE", "OsmoPhysiology", "OsmoScenario", .product(name: "Yams", package: "Yams")]
        ),
        // `osmo serve`: the teaching page and its JSON API, a thin shell over OsmoScenario and OsmoReport.
        .target(
            name: "OsmoServe",
            dependencies: ["OsmoScenario", "OsmoReport", "OsmoPlot", "OsmoPhysiology", .product(name: "Yams", package: "Yams"),
                           .product(name: "Hummingbird", package: "hummingbird")]
        ),
        .executableTarget(
            name: "osmo",
            dependencies: [
                "OsmoODE",
                "OsmoPhysiology",
                "OsmoScenario",
                "OsmoReport",
                "OsmoSweep",
                "OsmoServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "OsmoODETests",
            dependencies: ["OsmoODE", "CGSL", "COsmoLinalg"]
        ),
        .testTarget(
            name: "OsmoInflammationTests",
            dependencies: ["OsmoInflammation"]
        ),
        .testTarget(
            name: "OsmoPhysiologyTests",
            dependencies: ["OsmoPhysiology", "OsmoODE"]
        ),
        .testTarget(
            name: "OsmoScenarioTests",
            dependencies: ["OsmoScenario", "OsmoPhysiology", "OsmoODE", .product(name: "Yams", package: "Yams")],
            exclude: ["Expected", "Hostile"]
        ),
        .testTarget(
            name: "OsmoPlotTests",
            dependencies: ["OsmoPlot", "OsmoReport", "OsmoScenario"]
        ),
        .testTarget(
            name: "OsmoSweepTests",
            dependencies: ["OsmoSweep", "OsmoScenario", "OsmoPhysiology", "OsmoODE"],
            exclude: ["Hostile"]
        ),
        .testTarget(
            name: "OsmoServeTests",
            dependencies: ["OsmoServe", "OsmoScenario", "OsmoReport", "OsmoPlot", "OsmoPhysiology", .product(name: "Yams", package: "Yams"),
                           .product(name: "HummingbirdTesting", package: "hummingbird")]
        ),
    ]
)
