// swift-tools-version:6.1
// Coverage-guided fuzz targets for FootScan (libFuzzer). Built only with the fuzzer's instrumentation,
// which a plain `swift build` of the main package must not need: hence a package of its own that
// depends on the main one by path. Build and run with `Tests/Fuzz/run` (see the README's
// "Reliability" section).
import PackageDescription

/// A fuzz target: an executable on FuzzSupport and the two libraries it fuzzes.
func fuzzTarget(_ name: String) -> Target {
    .executableTarget(
        name: name,
        dependencies: [
            "FuzzSupport",
            .product(name: "FootScanImage", package: "FootScan"),
            .product(name: "FootScanEngine", package: "FootScan"),
        ]
    )
}

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
        fuzzTarget("fuzz-decode"),
        fuzzTarget("fuzz-channel"),
        fuzzTarget("fuzz-engine"),
    ],
    swiftLanguageModes: [.v6]
)
