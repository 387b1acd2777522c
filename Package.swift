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
        // The system ICU (Debian's libicu-dev): normalisation, case folding and regular
        // expressions without Foundation, whose loading costs every process some 7 ms.
        .systemLibrary(name: "CICU", pkgConfig: "icu-uc", providers: [.apt(["libicu-dev"])]),
        .target(name: "ReportKit", dependencies: ["CICU"]),
        .target(name: "ReportUI", dependencies: ["ReportKit"]),
        // The persistent library index: SQLite (Debian's libsqlite3-dev) with FTS5.
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .target(name: "ReportIndex", dependencies: ["ReportKit", "ReportImport", "CSQLite"]),
        // PDF, HTML and Word importers: C libraries and child processes stay out of ReportKit.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // libzip (Debian's libzip-dev) for the Word importer's ZIP container. Its header only:
        // the library is opened at run time (no pkg-config, whose flags would link it).
        .systemLibrary(name: "CLibzip", providers: [.apt(["libzip-dev"])]),
        .target(
            name: "ReportImport",
            dependencies: ["ReportKit", "CLibXML2", "CLibzip"]),
        // The library view's catalog over real files: links ReportIndex to ReportUI, so neither imports the other.
        .target(name: "LibraryAdapter", dependencies: ["ReportIndex", "ReportImport", "ReportUI", "ReportKit", "CLibXML2"]),
        .target(name: "ReaderState", dependencies: ["ReportKit"]),
        // Links ReaderState to ReportUI's ReadingStateStore, so neither imports the other.
        .target(name: "ReadingStateAdapter", dependencies: ["ReaderState", "ReportUI", "ReportKit"]),
        // No pkgConfig: SwiftPM refuses ncursesw's -D flags with a warning on every build; the
        // modulemap links the library and shim.h defines what those flags would have.
        .systemLibrary(name: "CNCursesW"),
        // glibc's mallopt, for how the heap grows under `search -c`'s threads.
        .systemLibrary(name: "CMalloc"),
        // Signal state in one C definition, so no optimiser can give a caller its own copy.
        .target(name: "CSignals"),
        .target(name: "CursesTerminal", dependencies: ["ReportUI", "CNCursesW", "CSignals"]),
        .executableTarget(
            name: "report-browser",
            dependencies: [
                "ReportKit", "ReportImport", "ReportUI", "ReaderState", "ReadingStateAdapter", "CursesTerminal",
                "ReportIndex", "LibraryAdapter", "CMalloc",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // The Swift libraries linked in (release only): loading and binding them cost every
            // command some 3 ms at start. Compiled with the flag too, so that the static
            // modules name their own libraries (FoundationEssentials' collections and shims).
            // Debug builds and the test bundles link them as shared libraries (DECISIONS.md).
            swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))],
            linkerSettings: [.unsafeFlags(["-static-stdlib"], .when(configuration: .release))]
        ),
        // Benchmark tool (bench/run): generates large reports and times work inside one process.
        .executableTarget(
            name: "report-bench",
            dependencies: [
                "ReportKit", "ReportImport", "ReportUI", "ReportIndex", "LibraryAdapter",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ReportKitTests", dependencies: ["ReportKit", "ReportTestSupport"]),
        .testTarget(
            name: "ReportImportTests",
            dependencies: ["ReportImport", "ReportKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // What the test targets share: fake terminal, key scripts, seeded randomness, paths, children.
        .target(name: "ReportTestSupport", dependencies: ["ReportUI", "ReportKit"], path: "Tests/ReportTestSupport"),
        .testTarget(name: "ReportUITests", dependencies: ["ReportUI", "ReportKit", "ReportTestSupport"]),
        .testTarget(name: "ReaderStateTests", dependencies: ["ReaderState", "ReportKit"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "ReportUI"]),
        .testTarget(name: "ReportIndexTests", dependencies: ["ReportIndex", "ReportKit"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ReportKit", "ReportUI", "ReportTestSupport"]),
        .testTarget(name: "ReportBrowserTests", dependencies: ["report-browser", "ReaderState", "ReportUI", "ReportKit"]),
        .testTarget(name: "ReportBenchTests", dependencies: ["report-bench", "ReportUI"]),
        .testTarget(
            name: "ReadingStateAdapterTests", dependencies: ["ReadingStateAdapter", "ReaderState", "ReportUI", "ReportKit"]),
    ],
    swiftLanguageModes: [.v6]
)
