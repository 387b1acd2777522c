import Foundation
import Testing

/// `search` as a reader without a Chinese input method types it, and across scripts.
@Suite struct SearchPinyinCommandTests {
    @Test func pinyinInitialsAndFullPinyinFindTheWord() throws {
        for query in ["xyxf", "xinyongxiufu"] {
            let result = try CommandRunner.run(["search", query])
            #expect(result.status == 0, "\(query)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines.first == "1.2  (二)创新改革举措,优化营商环境  (2 hits)", "\(query): \(lines)")
            #expect(lines.contains { $0.hasPrefix("    20: ") && $0.contains("助力企业[信用修复]") }, "\(query)")
        }
    }

    @Test func noPinyinTurnsItOffAndPinyinForcesIt() throws {
        #expect(try CommandRunner.run(["search", "--no-pinyin", "xyxf"]).status == 1)
        let forced = try CommandRunner.run(["search", "--pinyin", "xyxf", "--json"])
        #expect(forced.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(forced.stdout.utf8)) as? [String: Any] ?? [:]
        #expect(object["total"] as? Int == 3)
    }

    @Test func traditionalFindsSimplified() throws {
        let result = try CommandRunner.run(["search", "信用修復"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("[信用修复]"))
        let simplified = try CommandRunner.run(["search", "信用修复"])
        #expect(result.stdout == simplified.stdout)
    }

    @Test func sourceLineAddressesWorkInShow() throws {
        let result = try CommandRunner.run(["show", "L20"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("助力企业信用修复"))
        #expect(try CommandRunner.run(["show", "L9999"]).status != 0)
    }
}
