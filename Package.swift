// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "osmo",
    products: [
        .executable(name: "osmo", targets: ["osmo"]),
        // The general ODE layer over GSL odeiv2: no physiology in it.
        .library(name: "OsmoODE", targets: ["OsmoODE"]),
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
        .executableTarget(
            name: "osmo",
            dependencies: [
                "OsmoODE",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "OsmoODETests",
            dependencies: ["OsmoODE"]
        ),
    ]
)
