import Testing

@testable import ReportKit

@Suite("Decoding: encoding names")
struct DecodingEncodingNameTests {
    static let acceptedNames: [(String, TextEncoding)] = [
        ("utf-8", .utf8), ("utf8", .utf8), ("UTF-8", .utf8), ("UTF8", .utf8), ("Utf_8", .utf8),
        ("utf-16le", .utf16le), ("UTF-16LE", .utf16le), ("utf16le", .utf16le),
        ("utf-16be", .utf16be), ("UTF-16BE", .utf16be),
        ("utf-16", .utf16le), ("UTF16", .utf16le),
        ("gb18030", .gb18030), ("GB18030", .gb18030), ("gbk", .gb18030), ("GBK", .gb18030),
        ("gb2312", .gb18030), ("GB-2312", .gb18030), ("cp936", .gb18030), ("CP936", .gb18030),
        (" utf-8 ", .utf8),
    ]

    @Test("user spellings map to encodings", arguments: acceptedNames)
    func acceptedName(_ name: String, _ encoding: TextEncoding) {
        #expect(TextEncoding(name: name) == encoding)
    }

    @Test("unknown names are rejected", arguments: ["", "latin1", "utf-32", "koi8-r", "utf-7", "ascii8", "-"])
    func rejected(_ name: String) {
        #expect(TextEncoding(name: name) == nil)
    }

    @Test("display names and option spellings parse back to the same encoding", arguments: TextEncoding.allCases)
    func roundTrip(_ encoding: TextEncoding) {
        #expect(TextEncoding(name: encoding.displayName) == encoding)
        #expect(TextEncoding(name: encoding.optionSpelling) == encoding)
        #expect(TextEncoding(name: encoding.rawValue) == encoding)
    }

    @Test("display names", arguments: [
        (TextEncoding.utf8, "UTF-8"), (.utf16le, "UTF-16LE"), (.utf16be, "UTF-16BE"), (.gb18030, "GB18030"),
    ])
    func displayName(_ encoding: TextEncoding, _ name: String) {
        #expect(encoding.displayName == name)
    }
}
