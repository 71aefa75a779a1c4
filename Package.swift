// swift-tools-version:6.1
import PackageDescription

/// CI's sanitizer run sets FOOTSCAN_UBSAN=1: the C shim is then also built under UndefinedBehaviorSanitizer
/// (only the shim: a dependency's C++ would stop the run on its own undefined behaviour).
let shimSettings: [CSetting] = Context.environment["FOOTSCAN_UBSAN"] == "1"
    ? [.unsafeFlags(["-fsanitize=undefined", "-fno-sanitize-recover=undefined"])]
    : []

/// The workshop service (`footscan-server`) and its tests, with their server stack (Hummingbird, GRDB,
/// swift-crypto). CI's sanitizer run sets FOOTSCAN_SERVER=0 so it builds only the engine's side; the
/// `footscan` command and the benchmarks never depend on the server's targets.
let withServer = Context.environment["FOOTSCAN_SERVER"] != "0"

let serverDependencies: [Package.Dependency] = withServer ? [
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1", traits: ["FullFoundation"]),
    .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
    .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/apple/swift-metrics", from: "2.13.0"),
    .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    // The server tests' HTTP client (already built for Hummingbird).
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
] : []

let serverTargets: [Target] = withServer ? [
    // The workshop service: HTTP API, storage (SQLite through GRDB, scans as files by content hash),
    // sign-in, the measuring pool.
    .target(
        name: "FootScanServer",
        dependencies: [
            "FootScanImage", "FootScanEngine", "FootScanOverlay", "FootScanLasts", "FootScanReports",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
            .product(name: "Mustache", package: "swift-mustache"),
            .product(name: "MultipartKit", package: "multipart-kit"),
        ]
    ),
    .executableTarget(
        name: "footscan-server",
        dependencies: [
            "FootScanServer",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Metrics", package: "swift-metrics"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ]
    ),
    .testTarget(
        name: "FootScanServerTests",
        dependencies: [
            "FootScanServer", "FootScanSynth", "FootScanImage", "FootScanTestSupport",
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]
    ),
] : []

let package = Package(
    name: "FootScan",
    products: [
        .executable(name: "footscan", targets: ["footscan"]),
        .library(name: "FootScanImage", targets: ["FootScanImage"]),
        .library(name: "FootScanEngine", targets: ["FootScanEngine"]),
        .library(name: "FootScanSynth", targets: ["FootScanSynth"]),
        .library(name: "FootScanLasts", targets: ["FootScanLasts"]),
        .library(name: "FootScanOverlay", targets: ["FootScanOverlay"]),
    ] + (withServer ? [.executable(name: "footscan-server", targets: ["footscan-server"])] : []),
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
    ] + serverDependencies,
    targets: [
        .systemLibrary(
            name: "CLibPNG",
            pkgConfig: "libpng16",
            providers: [.apt(["libpng-dev"])]
        ),
        .systemLibrary(
            name: "CLibJPEG",
            pkgConfig: "libjpeg",
            providers: [.apt(["libjpeg-dev"])]
        ),
        .target(
            name: "CFootScanCodecs",
            dependencies: ["CLibPNG", "CLibJPEG"],
            cSettings: shimSettings
        ),
        .target(
            name: "FootScanImage",
            dependencies: ["CFootScanCodecs"]
        ),
        .target(
            name: "FootScanEngine",
            dependencies: ["FootScanImage"],
            exclude: ["Measures/Girth/fit_girth_model.py"]
        ),
        .target(
            name: "FootScanSynth",
            dependencies: ["FootScanImage", "FootScanEngine"]
        ),
        .target(
            name: "FootScanLasts",
            dependencies: [.product(name: "CSV", package: "CSV.swift")]
        ),
        .target(
            name: "FootScanOverlay",
            dependencies: ["FootScanImage", "FootScanEngine"]
        ),
        // What the front ends write and read back: a scan's report (JSON and text), batch rows and the
        // batch file reader, match reports and customers, content hashes, scanner profiles, the batch's
        // scheduler and shards. No argument parsing, no files written.
        .target(
            name: "FootScanReports",
            dependencies: ["FootScanImage", "FootScanEngine", "FootScanLasts", .product(name: "TOMLKit", package: "TOMLKit")]
        ),
        .executableTarget(
            name: "footscan",
            dependencies: [
                "FootScanImage", "FootScanEngine", "FootScanSynth", "FootScanOverlay", "FootScanLasts", "FootScanReports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What the test suites share: the generated sets, error statistics, the engine's accuracy and time
        // bounds, the command runner. A target of its own so each suite imports it, not a copy.
        .target(
            name: "FootScanTestSupport",
            dependencies: ["FootScanEngine", "FootScanSynth", "FootScanImage"],
            path: "Tests/FootScanTestSupport"
        ),
        .testTarget(
            name: "FootScanImageTests",
            dependencies: ["FootScanImage"]
        ),
        .testTarget(
            name: "FootScanEngineTests",
            dependencies: ["FootScanEngine", "FootScanSynth", "FootScanImage", "FootScanTestSupport"]
        ),
        .testTarget(
            name: "FootScanOverlayTests",
            dependencies: ["FootScanOverlay", "FootScanEngine", "FootScanSynth", "FootScanImage"]
        ),
        .testTarget(
            name: "FootScanLastsTests",
            dependencies: ["FootScanLasts"]
        ),
        .testTarget(
            name: "FootScanCommandTests",
            dependencies: ["FootScanImage", "FootScanEngine", "FootScanSynth", "FootScanReports", "FootScanTestSupport"]
        ),
    ] + serverTargets,
    swiftLanguageModes: [.v6]
)
