import Foundation
import ReportTestSupport
import Testing
@testable import ReportKit

#if canImport(Glibc)
import Glibc
#endif

/// The bounded fuzz pass: generated report-like texts, raw bytes and rearranged real reports
/// through decode → parse → search, checked by `FuzzOracle`. CI runs the default budget;
/// `scripts/fuzz-long` runs a long one. Settings (environment):
///
/// - `REPORT_FUZZ_SECONDS`: how long each kind runs (default 20; the kinds run one after the
///   other, so a minute in all, on one core while the other suites use the rest). A time
///   budget rather than a count, so that a slow machine or an AddressSanitizer build does not
///   stretch the CI run.
/// - `REPORT_FUZZ_ITERATIONS`: a fixed number of inputs per kind instead (for reproducing a
///   run exactly); with both set, whichever ends first.
/// - `REPORT_FUZZ_SEED`: where the seed sequence starts (default 0, so CI is reproducible).
/// - `REPORT_FUZZ_FINDINGS`: where failing inputs are written (default a temporary directory).
///
/// A failing input is written to the findings directory; one that traps leaves
/// `in-flight-<kind>.bin` behind, because each input is written there before it is tried.
/// Keep either under Tests/Fuzz/regressions, where `FuzzRegressionTests` replays it.
@Suite struct FuzzPropertyTests {
    struct Settings {
        var iterations: Int?
        var seconds: Double? = 20
        var seed: UInt64 = 0
        var findings = FileManager.default.temporaryDirectory.appendingPathComponent("report-browser-fuzz-findings")

        static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Settings {
            var settings = Settings()
            if let value = environment["REPORT_FUZZ_ITERATIONS"].flatMap(Int.init) {
                settings.iterations = max(0, value)
                settings.seconds = nil
            }
            if let value = environment["REPORT_FUZZ_SECONDS"].flatMap(Double.init), value >= 0 { settings.seconds = value }
            if let value = environment["REPORT_FUZZ_SEED"].flatMap(UInt64.init) { settings.seed = value }
            if let value = environment["REPORT_FUZZ_FINDINGS"], !value.isEmpty { settings.findings = URL(fileURLWithPath: value) }
            return settings
        }
    }

    static let maximumReportedFailures = 5

    @Test(.serialized, arguments: FuzzInputs.Kind.allCases)
    func decodeParseSearchKeepTheirProperties(_ kind: FuzzInputs.Kind) throws {
        let settings = Settings.fromEnvironment()
        try FileManager.default.createDirectory(at: settings.findings, withIntermediateDirectories: true)
        let inFlight = try InFlightInput(settings.findings.appendingPathComponent("in-flight-\(kind).bin"))
        let started = Date()
        let deadline = settings.seconds.map { started.addingTimeInterval($0) }
        var failures = 0
        var tried = 0
        var decoded = 0
        while failures < Self.maximumReportedFailures {
            if let iterations = settings.iterations, tried >= iterations { break }
            if let deadline, Date() >= deadline { break }
            // Seeds of different kinds never coincide, and a run from another start seed is new ground.
            let kinds = UInt64(FuzzInputs.Kind.allCases.count)
            let seed = (settings.seed &+ UInt64(tried)) &* kinds &+ UInt64(FuzzInputs.Kind.allCases.firstIndex(of: kind)!)
            let bytes = FuzzInputs.make(kind, seed: seed)
            var generator = SplitMix64(seed: seed)
            let forcing: TextEncoding? = kind != .reportText && tried % 4 == 3 ? TextEncoding.allCases.randomElement(using: &generator) : nil
            inFlight.hold(bytes)
            let outcome = FuzzOracle.check(bytes, forcing: forcing, seed: seed)
            let problems = outcome.problems
            tried += 1
            if outcome.decoded { decoded += 1 }
            guard !problems.isEmpty else { continue }
            failures += 1
            let kept = settings.findings.appendingPathComponent("\(kind)-seed\(seed)\(forcing.map { "-\($0.rawValue)" } ?? "").bin")
            try Data(bytes).write(to: kept)
            Issue.record("""
                \(kind) seed \(seed)\(forcing.map { " forcing \($0)" } ?? ""): \(problems.count) problem(s), input kept at \(kept.path) \
                (copy it to Tests/Fuzz/regressions/):
                \(problems.prefix(8).joined(separator: "\n"))
                """)
        }
        inFlight.finish()
        let elapsed = String(format: "%.1f", Date().timeIntervalSince(started))
        print("fuzz \(kind): \(tried) inputs from seed \(settings.seed) in \(elapsed) s, \(decoded) decoded, \(failures) failing")
        // The pass must have exercised the parser, not just the decoder's refusals.
        #expect(tried == 0 || decoded * 4 >= tried, "only \(decoded) of \(tried) inputs decoded")
    }

    @Test func settingsComeFromTheEnvironment() {
        let settings = Settings.fromEnvironment([
            "REPORT_FUZZ_ITERATIONS": "12", "REPORT_FUZZ_SECONDS": "1.5", "REPORT_FUZZ_SEED": "99",
            "REPORT_FUZZ_FINDINGS": "/tmp/findings",
        ])
        #expect(settings.iterations == 12)
        #expect(settings.seconds == 1.5)
        #expect(settings.seed == 99)
        #expect(settings.findings.path == "/tmp/findings")
        let counted = Settings.fromEnvironment(["REPORT_FUZZ_ITERATIONS": "40"])
        #expect(counted.iterations == 40 && counted.seconds == nil)
        let defaults = Settings.fromEnvironment([:])
        #expect(defaults.iterations == nil && (defaults.seconds ?? 0) > 0 && defaults.seed == 0)
    }

    @Test func generatedInputsAreReproducibleAndVaried() {
        for kind in FuzzInputs.Kind.allCases {
            #expect(FuzzInputs.make(kind, seed: 7) == FuzzInputs.make(kind, seed: 7))
            let distinct = Set((0..<50).map { FuzzInputs.make(kind, seed: UInt64($0)) })
            #expect(distinct.count > 40, "\(kind)")
        }
        // Report-like texts must mostly parse into sections, or the pass tests little.
        let withSections = (0..<100).filter { seed in
            !ReportParser.parse(String(decoding: FuzzInputs.make(.reportText, seed: UInt64(seed)), as: UTF8.self)).sections.isEmpty
        }
        #expect(withSections.count > 60)
    }

    /// The oracle itself can fail: trees with a gap, a section escaping its parent, or a
    /// wrong address are caught.
    @Test func theOracleNoticesBrokenTrees() {
        let report = ReportParser.parse("前言\n一、总则\n（一）范围\n正文\n二、附则\n")
        #expect(FuzzOracle.treeProblems(report).isEmpty)
        func rebuilt(front: Range<Int>? = nil, _ change: (inout [Section]) -> Void) -> Report {
            var sections = report.sections
            change(&sections)
            return Report(
                text: report.text, lines: report.lines, title: report.title, metadata: report.metadata,
                frontRange: front ?? report.frontRange, preambleStart: report.preambleStart, sections: sections, roots: report.roots)
        }
        let gap = rebuilt(front: 0..<report.frontRange.upperBound - 1) { _ in }
        #expect(FuzzOracle.treeProblems(gap).contains { $0.contains("does not follow") })
        let escaping = rebuilt { $0[1].subtreeRange = $0[1].subtreeRange.lowerBound..<report.text.utf8.count }
        #expect(FuzzOracle.treeProblems(escaping).contains { $0.contains("escapes its parent") })
        let orphan = rebuilt { $0[0].children = [] }
        #expect(FuzzOracle.treeProblems(orphan).contains { $0.contains("parents say") })
    }

    @Test(arguments: [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (105, "一百零五"), (1010, "一千零一十"), (10300, "一万零三百"), (100_000, "十万"), (99_999, "九万九千九百九十九")])
    func chineseNumeralsOfTheGeneratorReadBack(_ value: Int, _ expected: String) {
        #expect(FuzzInputs.chineseNumeral(value) == expected)
        #expect(ChineseNumeral.value(of: Array(expected.unicodeScalars)) == value)
    }
}

/// The input being tried, on disk, so a trap leaves it behind. One descriptor rewritten in
/// place: cheap enough to do for every input.
final class InFlightInput {
    private let url: URL
    private let descriptor: Int32

    init(_ url: URL) throws {
        self.url = url
        descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path]) }
    }

    func hold(_ bytes: [UInt8]) {
        _ = ftruncate(descriptor, 0)
        _ = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// Nothing trapped: the file is not a finding.
    func finish() {
        close(descriptor)
        unlink(url.path)
    }
}
