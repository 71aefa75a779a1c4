// swift-tools-version:6.1
// Coverage-guided fuzz targets for FootScan (libFuzzer). Built only with the fuzzer's instrumentation,
// which a plain `swift build` of the main package must not need: hence a package of its own that
// depends on the main one by path. Build and run with `Tests/Fuzz/run` (see the README's
// "Reliability" section).
import PackageDescription

let package = Package(
    name: "FootScanFuzz",
    dependencies: [
        .package(name: "FootScan", path: "../.."),
    ],
    targets: [
        .target(name: "CFuzzerDriver"),
        .target(
            name: "FuzzSupport",
            dependencies: ["CFuzzerDriver"]
        ),
        .executableTarget(
            name: "fuzz-decode",
            dependencies: [
                "FuzzSupport",
                .product(name: "FootScanImage", package: "FootScan"),
                .product(name: "FootScanEngine", package: "FootScan"),
            ]
        ),
        .executableTarget(
            name: "fuzz-channel",
            dependencies: [
                "FuzzSupport",
                .product(name: "FootScanImage", package: "FootScan"),
                .product(name: "FootScanEngine", package: "FootScan"),
            ]
        ),
        .executableTarget(
            name: "fuzz-engine",
            dependencies: [
                "FuzzSupport",
                .product(name: "FootScanImage", package: "FootScan"),
                .product(name: "FootScanEngine", package: "FootScan"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
