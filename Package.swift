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
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CGSL",
            pkgConfig: "gsl",
            providers: [.apt(["libgsl-dev"])]
        ),
        .target(
            name: "OsmoODE",
            dependencies: ["CGSL"]
        ),
        .target(name: "OsmoInflammation"),
        .target(
            name: "OsmoPhysiology",
            dependencies: ["OsmoODE", "OsmoInflammation"]
        ),
        .executableTarget(
            name: "osmo",
            dependencies: [
                "OsmoODE",
                "OsmoPhysiology",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "OsmoODETests",
            dependencies: ["OsmoODE"]
        ),
        .testTarget(
            name: "OsmoInflammationTests",
            dependencies: ["OsmoInflammation"]
        ),
        .testTarget(
            name: "OsmoPhysiologyTests",
            dependencies: ["OsmoPhysiology", "OsmoODE"]
        ),
    ]
)
