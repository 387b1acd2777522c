// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "report-browser",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "report-browser", targets: ["report-browser"]),
        .library(name: "ReportKit", targets: ["ReportKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .target(name: "ReportKit"),
        .target(name: "ReportUI", dependencies: ["ReportKit"]),
        // PDF, HTML and Word importers: C libraries and child processes stay out of ReportKit.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(
            name: "ReportImport",
            dependencies: ["ReportKit", "CLibXML2", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(name: "ReaderState", dependencies: ["ReportKit"]),
        .systemLibrary(name: "CNCursesW", pkgConfig: "ncursesw", providers: [.apt(["libncurses-dev"])]),
        .target(name: "CursesTerminal", dependencies: ["ReportUI", "CNCursesW"]),
        .executableTarget(
            name: "report-browser",
            dependencies: [
                "ReportKit", "ReportImport", "ReportUI", "ReaderState", "CursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Benchmark tool (bench/run): generates large reports and times work inside one process.
        .executableTarget(
            name: "report-bench",
            dependencies: [
                "ReportKit", "ReportImport", "ReportUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ReportKitTests", dependencies: ["ReportKit"]),
        .testTarget(
            name: "ReportImportTests",
            dependencies: ["ReportImport", "ReportKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "ReportUITests", dependencies: ["ReportUI", "ReportKit"]),
        .testTarget(name: "ReaderStateTests", dependencies: ["ReaderState", "ReportKit"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "ReportUI"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ReportKit"]),
        .testTarget(name: "ReportBrowserTests", dependencies: ["report-browser", "ReaderState", "ReportUI", "ReportKit"]),
    ],
    swiftLanguageModes: [.v6]
)
