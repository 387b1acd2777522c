/// How a character takes part in line breaking: a small subset of UAX #14 tuned for Chinese
/// official prose mixed with numbers and Latin words.
enum LineBreakClass: UInt8 {
    /// U+0020 and TAB: a line may break after them; at a break they hang past the line end.
    case space
    /// Zero-width space: an explicit break opportunity after it.
    case zeroWidthSpace
    /// Word joiner, BOM, no-break spaces: glue the neighbours together.
    case glue
    /// Closing and trailing punctuation: never starts a line (`，。）」”%` …).
    case closing
    /// Opening punctuation and currency prefixes: never ends a line (`（《「“` …).
    case opening
    /// Ideographs, kana, hangul, full-width punctuation, emoji: a line may break on either side.
    case ideographic
    /// Everything else narrow (letters, digits, `+-./`): no break between two of them, which is
    /// what keeps `98.97`, `36+10` and Latin words whole.
    case word

    /// Whether a line may break between a character of class `before` and one of `after`.
    /// `beforeIsWide` / `afterIsWide` tell wide closing/opening punctuation (`，` `（`), which
    /// allow a break on their free side, from narrow ones (`,` `(`), which behave like a word.
    static func allowsBreak(
        between before: LineBreakClass, wide beforeIsWide: Bool,
        and after: LineBreakClass, wide afterIsWide: Bool
    ) -> Bool {
        switch (before, after) {
        case (_, .space), (_, .closing), (_, .zeroWidthSpace), (.opening, _), (.glue, _), (_, .glue):
            return false
        case (.space, _), (.zeroWidthSpace, _), (.ideographic, _), (_, .ideographic):
            return true
        case (.word, .word):
            return false
        default:
            // Between punctuation and words: only on the free side of full-width punctuation
            // (after `，`, before `（`); narrow `,` `(` cling like letters.
            return (before == .closing && beforeIsWide) || (after == .opening && afterIsWide)
        }
    }

    /// The class of a character, from its first scalar (`first`), its size in UTF-8 bytes and
    /// its display width: the wrapper has all three at hand already.
    static func of(first value: UInt32, utf8Count: Int, width: Int) -> LineBreakClass {
        if value < 0x80 {
            switch value {
            // A space carrying a combining mark or tag is drawn, so it cannot hang.
            case 0x20, 0x09: return utf8Count == 1 ? .space : .word
            case 0x21, 0x25, 0x29, 0x2C, 0x2E, 0x3A, 0x3B, 0x3F, 0x5D, 0x7D: return .closing  // !%),.:;?]}
            case 0x28, 0x5B, 0x7B: return .opening  // ([{
            default: return .word
            }
        }
        // Literal cases compile to comparisons; a Set would hash every character of the text.
        switch value {
        case 0x200B:
            return .zeroWidthSpace
        case 0x00A0, 0x202F, 0x2060, 0xFEFF:
            return .glue
        // ，。、；：？！）》」』】〕〉〗〙〛］｝｠％ and half-width ｡｣､
        case 0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09, 0x300B, 0x300D, 0x300F,
            0x3011, 0x3015, 0x3009, 0x3017, 0x3019, 0x301B, 0xFF3D, 0xFF5D, 0xFF60, 0xFF05,
            0xFF61, 0xFF63, 0xFF64:
            return .closing
        // ‰℃°′″”’…·・〞
        case 0x2030, 0x2103, 0x00B0, 0x2032, 0x2033, 0x201D, 0x2019, 0x2026, 0x00B7, 0x30FB, 0x301E:
            return .closing
        // （《「『【〔〈〖〘〚［｛｟“‘〝 and the currency prefixes ￥＄
        case 0xFF08, 0x300A, 0x300C, 0x300E, 0x3010, 0x3014, 0x3008, 0x3016, 0x3018, 0x301A, 0xFF3B,
            0xFF5B, 0xFF5F, 0x201C, 0x2018, 0x301D, 0xFFE5, 0xFF04:
            return .opening
        // Full-width letters and digits break like their ASCII forms: `２０２４` stays whole.
        case 0xFF10...0xFF19, 0xFF21...0xFF3A, 0xFF41...0xFF5A:
            return .word
        default:
            return width == 2 ? .ideographic : .word
        }
    }
}
