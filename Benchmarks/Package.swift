// swift-tools-version:6.1
import PackageDescription

// FootScan's benchmarks, a package of their own (as swift-nio keeps them) so that the library's users
// never build package-benchmark. Run from this folder: `swift package benchmark`.
let package = Package(
    name: "FootScanBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "FootScan", path: "../"),
        .package(url: "https://github.com/ordo-one/benchmark", exact: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "FootScanBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "FootScanImage", package: "FootScan"),
                .product(name: "FootScanEngine", package: "FootScan"),
                .product(name: "FootScanSynth", package: "FootScan"),
                .product(name: "FootScanLasts", package: "FootScan"),
                .product(name: "FootScanOverlay", package: "FootScan"),
            ],
            path: "Benchmarks/FootScanBenchmarks",
            plugins: [
                .plugin(name: "BenchmarkPlugin", package: "benchmark"),
            ]
        ),
    ]
)
