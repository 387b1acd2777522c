import CICU

/// A compiled ICU regular expression: the engine NSRegularExpression wraps, used directly so
/// `--regex` keeps ICU's syntax (`\p{Han}`, `(?i)`, `{2,4}`) without loading Foundation.
final class ICURegex {
    private let expression: OpaquePointer

    /// Case-insensitive, `^` and `$` at line ends, as NSRegularExpression's
    /// `[.caseInsensitive, .anchorsMatchLines]`; ICU's error name when the pattern is bad.
    init(_ pattern: String) throws(ICURegexError) {
        let units = Array(pattern.utf16)
        var error = [CChar](repeating: 0, count: 64)
        let opened = units.withUnsafeBufferPointer { buffer in
            rb_icu_regex_open(buffer.baseAddress, Int32(buffer.count), &error, Int32(error.count))
        }
        guard let opened else {
            throw ICURegexError(name: String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
        }
        expression = opened
    }

    deinit { rb_icu_regex_close(expression) }

    /// Every match in `text` as UTF-8 offsets, in order; ICU reports UTF-16 ones.
    func matches(in text: String, _ body: (Range<Int>) -> Void) {
        let units = Array(text.utf16)
        var utf8Offsets = [Int](repeating: 0, count: units.count + 1)
        var utf8 = 0
        var index = 0
        for scalar in text.unicodeScalars {
            let width = UTF16.width(scalar)
            utf8Offsets[index] = utf8
            if width == 2 { utf8Offsets[index + 1] = utf8 }
            index += width
            utf8 += UTF8.width(scalar)
        }
        utf8Offsets[index] = utf8
        units.withUnsafeBufferPointer { buffer in
            guard rb_icu_regex_set_text(expression, buffer.baseAddress, Int32(buffer.count)) == 0 else { return }
            var start: Int32 = 0
            var end: Int32 = 0
            while rb_icu_regex_next(expression, &start, &end) != 0 {
                body(utf8Offsets[Int(start)]..<utf8Offsets[Int(end)])
            }
            // ICU keeps the text's address; drop it before the buffer goes.
            _ = rb_icu_regex_set_text(expression, buffer.baseAddress, 0)
        }
    }
}

struct ICURegexError: Error {
    /// ICU's name for the failure, `U_REGEX_MISMATCHED_PAREN`.
    let name: String
}
