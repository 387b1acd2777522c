@testable import ReportIndex
import Testing

/// `PathJoining.joined`: a folder's path and a name read from the disk as bytes.
@Suite struct PathJoiningTests {
    private func joined(_ prefix: String, _ name: [UInt8]) -> String? {
        name.withUnsafeBufferPointer { PathJoining.joined(prefix, $0) }
    }

    @Test func validNamesAreJoinedAsTheyAre() {
        #expect(joined("/库/2024/", Array("report-00001.txt".utf8)) == "/库/2024/report-00001.txt")
        #expect(joined("/", Array("报告（一）.txt".utf8)) == "/报告（一）.txt")
        #expect(joined("rel/", Array("a".utf8)) == "rel/a")
        #expect(joined("", Array("a".utf8)) == "a")
        #expect(joined("/x/", []) == "/x/")
        // Long enough to be stored out of line, as most paths are.
        let long = String(repeating: "区县", count: 40) + ".txt"
        #expect(joined("/库/", Array(long.utf8)) == "/库/" + long)
    }

    /// Bytes the string initializer would repair (GBK, a cut sequence, a surrogate, an overlong
    /// form) make no path: the repaired one would name another file or none.
    @Test func namesThatAreNotUTF8AreRefused() {
        for name: [UInt8] in [
            [0xB1, 0xA8, 0xB8, 0xE6, 0x2E, 0x74, 0x78, 0x74],
            Array("报告".utf8).dropLast(),
            [0x61, 0xED, 0xA0, 0x80, 0x62],
            [0xC0, 0xAF],
            [0xFF],
        ] {
            #expect(joined("/库/", name) == nil, "\(name)")
            #expect(String(validating: name, as: UTF8.self) == nil, "the case itself is valid: \(name)")
        }
    }
}
