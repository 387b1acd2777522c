import ArgumentParser
import ReportKit

/// Checks the generator's numerals before bench/run trusts its output: a table of known forms,
/// then every value up to 200,000 read back by ReportKit's numeral reader, an independent
/// implementation.
struct SelfCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "self-check",
        abstract: "Check the generator's Chinese numerals; exit 1 on any mismatch."
    )

    static let knownForms: [(Int, String)] = [
        (1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (105, "一百零五"), (110, "一百一十"),
        (1010, "一千零一十"), (9999, "九千九百九十九"), (10_000, "一万"), (10_001, "一万零一"),
        (10_010, "一万零一十"), (10_100, "一万零一百"), (12_345, "一万二千三百四十五"),
        (20_300, "二万零三百"), (100_000, "十万"), (110_000, "十一万"), (100_010, "十万零一十"),
    ]

    func run() throws {
        var failures: [String] = []
        for (value, expected) in Self.knownForms where ChineseNumeralWriter.string(value) != expected {
            failures.append("\(value): wrote \(ChineseNumeralWriter.string(value)), expected \(expected)")
        }
        for value in 1...200_000 {
            let written = ChineseNumeralWriter.string(value)
            if ChineseNumeral.value(of: written) != value {
                failures.append("\(value): wrote \(written), ReportKit reads \(ChineseNumeral.value(of: written) ?? -1)")
            }
        }
        guard failures.isEmpty else {
            print(failures.prefix(20).joined(separator: "\n"))
            throw ExitCode(1)
        }
        print("numerals ok: \(Self.knownForms.count) known forms, 1...200000 read back")
    }
}
