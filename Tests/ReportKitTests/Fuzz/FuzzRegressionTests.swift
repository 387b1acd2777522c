import Foundation
import ReportTestSupport
import Testing
@testable import ReportKit

/// Inputs kept from fuzzing and hostile-input work (Tests/Fuzz/regressions), replayed through
/// the same oracle, detected and with every encoding forced, on every test run.
@Suite struct FuzzRegressionTests {
    static let directory = TestPaths.repositoryRoot.appendingPathComponent("Tests/Fuzz/regressions")

    static func inputs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { !$0.hasPrefix(".") && !$0.hasSuffix(".md") }.sorted()
    }

    @Test func thereAreKeptInputs() {
        #expect(Self.inputs().count >= 5, "no regression inputs found in \(Self.directory.path)")
    }

    @Test(arguments: inputs())
    func keptInputStillHoldsEveryProperty(_ name: String) throws {
        let bytes = [UInt8](try Data(contentsOf: Self.directory.appendingPathComponent(name)))
        for forcing in [nil] + TextEncoding.allCases.map(Optional.some) {
            let outcome = FuzzOracle.check(bytes, forcing: forcing, seed: UInt64(bytes.count))
            #expect(outcome.problems.isEmpty, "\(name) forcing \(forcing.map(\.rawValue) ?? "nothing"):\n\(outcome.problems.joined(separator: "\n"))")
        }
    }
}
