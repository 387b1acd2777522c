#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a file into text: detects the encoding, removes the byte order mark and
/// normalises line endings to LF.
///
/// Detection: a byte order mark decides; otherwise valid UTF-8 wins, then valid GB18030.
/// UTF-16 without a byte order mark is only read when forced. A text with a few undecodable
/// bytes is read in whichever encoding fits best, with U+FFFD in their place and a warning;
/// only input that no encoding fits, or that holds NUL bytes, is refused.
public enum TextDecoder {
    public static func decode(
        _ bytes: [UInt8], forcing forced: TextEncoding? = nil
    ) throws(TextDecodingError) -> DecodedText {
        try bytes.withUnsafeBufferPointer { (buffer) throws(TextDecodingError) in
            try decode(buffer, forcing: forced)
        }
    }

    static func decode(
        _ input: UnsafeBufferPointer<UInt8>, forcing forced: TextEncoding?
    ) throws(TextDecodingError) -> DecodedText {
        switch ByteOrderMark.detect(input) {
        case .unsupported(let name)?:
            throw .unsupportedEncoding(name: name)
        case .known(let announced, let length)?:
            var warnings: [String] = []
            if let forced, forced != announced {
                // Both say UTF-16 and only the byte order differs: the mark is the file's own
                // word on that, so it wins.
                guard forced.isUTF16, announced.isUTF16 else {
                    throw .byteOrderMarkConflict(forced: forced, found: announced)
                }
                warnings.append(
                    "the byte order mark says \(announced.displayName);"
                        + " decoded as \(announced.displayName), not \(forced.displayName)")
            }
            let input = ByteInput(whole: input, bodyStart: length)
            return try decode(input, as: announced, hadByteOrderMark: true, warnings: warnings)
        case nil:
            let input = ByteInput(whole: input, bodyStart: 0)
            guard let forced else { return try detect(input) }
            let warnings = doubtAboutForcing(forced, body: input.body).map { [$0] } ?? []
            return try decode(input, as: forced, hadByteOrderMark: false, warnings: warnings)
        }
    }

    /// The whole input, and the part after the byte order mark that holds the text. Offsets in
    /// messages count from the start of the whole input.
    private struct ByteInput {
        let whole: UnsafeBufferPointer<UInt8>
        let bodyStart: Int
        var body: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: whole[bodyStart...]) }
    }

    /// Decodes in an encoding that was forced or announced by a byte order mark.
    private static func decode(
        _ input: ByteInput, as encoding: TextEncoding, hadByteOrderMark: Bool, warnings: [String]
    ) throws(TextDecodingError) -> DecodedText {
        let body = input.body
        var warnings = warnings
        func accept(_ invalid: InvalidSequences?) throws(TextDecodingError) {
            guard let invalid else { return }
            guard InvalidSequences.areTolerable(count: invalid.count, inByteCount: body.count) else {
                throw .invalid(encoding, invalid)
            }
            warnings.append(invalid.replacementWarning(for: encoding))
        }

        switch encoding {
        case .utf8:
            try refuseNULBytes(input)
            if let valid = validUTF8Text(body) {
                return DecodedText(
                    text: valid.text, encoding: .utf8, hadByteOrderMark: hadByteOrderMark,
                    lineEnding: valid.lineEnding, warnings: warnings)
            }
            try accept(UTF8Scan.invalidSequences(in: body, offsetBase: input.bodyStart))
            return finish(body, encoding: .utf8, hadByteOrderMark: hadByteOrderMark, warnings: warnings)
        case .utf16le, .utf16be:
            let transcoded = try UTF16Conversion.toUTF8(
                body, bigEndian: encoding == .utf16be, offsetBase: input.bodyStart)
            try accept(transcoded.invalid)
            return finish(transcoded.utf8, encoding: encoding, hadByteOrderMark: hadByteOrderMark, warnings: warnings)
        case .gb18030, .big5, .big5hkscs:
            try refuseNULBytes(input)
            guard case .converted(let transcoded) = GB18030Conversion.toUTF8(
                body, offsetBase: input.bodyStart, charset: encoding.iconvName ?? "GB18030")
            else { throw .converterUnavailable(encoding) }
            try accept(transcoded.invalid)
            return finish(transcoded.utf8, encoding: encoding, hadByteOrderMark: hadByteOrderMark, warnings: warnings)
        }
    }

    /// No byte order mark and nothing forced: UTF-8 if it is valid, else GB18030 if that is,
    /// else whichever of the two has fewer bad sequences, if they are few enough.
    private static func detect(_ input: ByteInput) throws(TextDecodingError) -> DecodedText {
        let body = input.body
        try refuseNULBytes(input)
        if let valid = validUTF8Text(body) {
            return DecodedText(
                text: valid.text, encoding: .utf8, hadByteOrderMark: false,
                lineEnding: valid.lineEnding, warnings: [])
        }
        // Invalid UTF-8 always has at least one bad sequence.
        let utf8Invalid = UTF8Scan.invalidSequences(in: body, offsetBase: 0)
            ?? InvalidSequences(count: 1, firstOffset: 0, firstByte: body.first ?? 0)
        // GB18030 must beat UTF-8 and be tolerable itself. The budget lets the conversion stop
        // within a few hundred bytes of UTF-8 text with a stray byte (UTF-8 Chinese read as
        // GB18030 fails every few dozen bytes) or of random binary.
        let budget = min(utf8Invalid.count - 1, InvalidSequences.allowance(forByteCount: body.count))
        let guess = ChineseDoubleByteGuess(body)
        if guess.prefersBig5, let big5 = traditional(body, budget: budget) {
            let warnings = (big5.transcoded.invalid.map { [$0.replacementWarning(for: big5.encoding)] } ?? [])
                + (guess.isUncertain(choosingBig5: true) ? [guess.notice(chosen: big5.encoding, other: .gb18030)] : [])
            return finish(big5.transcoded.utf8, encoding: big5.encoding, hadByteOrderMark: false, warnings: warnings)
        }
        if case .converted(let gb18030) = GB18030Conversion.toUTF8(body, offsetBase: 0, maximumInvalid: budget) {
            let warnings = (gb18030.invalid.map { [$0.replacementWarning(for: .gb18030)] } ?? [])
                + (guess.isUncertain(choosingBig5: false) ? [guess.notice(chosen: .gb18030, other: .big5)] : [])
            return finish(gb18030.utf8, encoding: .gb18030, hadByteOrderMark: false, warnings: warnings)
        }
        guard InvalidSequences.areTolerable(count: utf8Invalid.count, inByteCount: body.count) else {
            throw .notText(utf8Invalid)
        }
        return finish(
            body, encoding: .utf8, hadByteOrderMark: false, warnings: [utf8Invalid.replacementWarning(for: .utf8)])
    }

    /// Big5, or Big5-HKSCS when Hong Kong's extra characters decode where plain Big5 fails.
    private static func traditional(
        _ body: UnsafeBufferPointer<UInt8>, budget: Int
    ) -> (encoding: TextEncoding, transcoded: Transcoded)? {
        guard case .converted(let big5) = GB18030Conversion.toUTF8(
            body, offsetBase: 0, maximumInvalid: budget, charset: "BIG5") else { return nil }
        guard let invalid = big5.invalid else { return (.big5, big5) }
        if case .converted(let hkscs) = GB18030Conversion.toUTF8(
            body, offsetBase: 0, maximumInvalid: invalid.count - 1, charset: "BIG5-HKSCS") {
            return (.big5hkscs, hkscs)
        }
        return (.big5, big5)
    }

    private static func finish(
        _ utf8: [UInt8], encoding: TextEncoding, hadByteOrderMark: Bool, warnings: [String]
    ) -> DecodedText {
        utf8.withUnsafeBufferPointer {
            finish($0, encoding: encoding, hadByteOrderMark: hadByteOrderMark, warnings: warnings)
        }
    }

    /// Builds the text from UTF-8 bytes that may still hold invalid sequences: they become
    /// U+FFFD, as many as `UTF8Scan` counted.
    private static func finish(
        _ utf8: UnsafeBufferPointer<UInt8>, encoding: TextEncoding, hadByteOrderMark: Bool, warnings: [String]
    ) -> DecodedText {
        let (normalized, lineEnding) = LineEndingNormalizer.normalize(utf8)
        let text = normalized.map { String(decoding: $0, as: UTF8.self) } ?? String(decoding: utf8, as: UTF8.self)
        return DecodedText(
            text: text, encoding: encoding, hadByteOrderMark: hadByteOrderMark, lineEnding: lineEnding,
            warnings: warnings)
    }

    /// The fast path for the common case: one validation by the standard library, plus a
    /// normalising copy only when the text has CRs. Removing a CR never changes whether the
    /// bytes around it are valid, so validating the normalised copy is enough.
    private static func validUTF8Text(_ body: UnsafeBufferPointer<UInt8>) -> (text: String, lineEnding: LineEnding)? {
        let (normalized, lineEnding) = LineEndingNormalizer.normalize(body)
        let text: String?
        if let normalized {
            text = String(validating: normalized, as: UTF8.self)
        } else {
            text = String(validating: body, as: UTF8.self)
        }
        return text.map { ($0, lineEnding) }
    }

    private static func refuseNULBytes(_ input: ByteInput) throws(TextDecodingError) {
        let body = input.body
        guard let base = body.baseAddress, let nul = memchr(base, 0, body.count) else { return }
        let offset = input.bodyStart + UnsafeRawPointer(base).distance(to: nul)
        throw .binary(nulOffset: offset, looksLikeUTF16: UTF16Conversion.guessByteOrder(input.whole))
    }

    /// A forced encoding is obeyed, but if the bytes read as valid UTF-8 and would come out
    /// differently, the reader should hear that the choice looks wrong.
    private static func doubtAboutForcing(_ encoding: TextEncoding, body: UnsafeBufferPointer<UInt8>) -> String? {
        guard encoding != .utf8, let base = body.baseAddress else { return nil }
        let hasNUL = memchr(base, 0, body.count) != nil
        let asciiOnly = !body.contains { $0 >= 0x80 }
        let readsDifferently = encoding.isUTF16 ? !hasNUL : !asciiOnly
        guard readsDifferently, String(validating: body, as: UTF8.self) != nil else { return nil }
        return "the bytes are also valid UTF-8, which reads differently;"
            + " decoded as \(encoding.displayName) as requested"
    }
}
