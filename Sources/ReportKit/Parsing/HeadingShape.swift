/// What a line looks like, judged by its characters alone: does it end a sentence, could it be
/// a heading standing on its own line, does it continue the sentence of the line before.
enum HeadingShape {
    /// Punctuation that ends a sentence or a clause: a line ending in one is body text, and the
    /// line after it starts a new paragraph even in hard-wrapped text.
    static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "；", ";", "，", ",", "：", ":", "、", "！", "!", "？", "?", "…", ".", "．":
            return true
        default:
            return false
        }
    }

    /// A paragraph ends with a full stop, possibly inside closing quotes or brackets.
    static func endsParagraph(_ scalars: some BidirectionalCollection<Unicode.Scalar>) -> Bool {
        for scalar in scalars.reversed() {
            switch scalar {
            case "”", "’", "」", "』", "）", ")", "】", "》":
                continue
            case "。", "；", ";", "：", ":", "！", "!", "？", "?", "…":
                return true
            default:
                return false
            }
        }
        return false
    }

    /// Characters that cannot begin a sentence: a line starting with one continues the line
    /// before it (`主要目标` / `是：…`).
    static func continuesSentence(_ scalar: Unicode.Scalar) -> Bool {
        if "是的地得了着和与及或等而也都且则".unicodeScalars.contains(scalar) { return true }
        switch scalar.properties.generalCategory {
        case .otherPunctuation, .closePunctuation, .dashPunctuation, .finalPunctuation:
            return true
        default:
            return false
        }
    }
}

/// Lines a PDF converter leaves between paragraphs: page numbers (`- 3 -`, `— ３ —`, `3`,
/// `第3页`) and footnote marks standing alone (`[2]`, `²`). They are never headings and never
/// end or start a paragraph, so the lines around them are read as if they were adjacent.
enum PageFurniture {
    /// Cheap test on the first visible scalar of a line.
    static func mayStart(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "第", "[", "［", "〔", "(", "（": return true
        default: return scalar.decimalDigitValue != nil || isDash(scalar) || isSuperscriptDigit(scalar)
        }
    }

    static func isFurniture(_ line: some StringProtocol) -> Bool {
        var scalars: [Unicode.Scalar] = []
        for scalar in line.unicodeScalars where !LayoutSpace.contains(scalar) && scalar != "\r" {
            scalars.append(scalar)
            if scalars.count > 12 { return false }
        }
        guard !scalars.isEmpty else { return false }
        while let first = scalars.first, isDash(first) { scalars.removeFirst() }
        while let last = scalars.last, isDash(last) { scalars.removeLast() }
        if scalars.first == "第", scalars.last == "页" { scalars = Array(scalars.dropFirst().dropLast()) }
        if let first = scalars.first, "[［〔(（".unicodeScalars.contains(first),
           let last = scalars.last, "]］〕)）".unicodeScalars.contains(last), scalars.count > 2 {
            scalars = Array(scalars.dropFirst().dropLast())
        }
        guard !scalars.isEmpty, scalars.count <= 4 else { return false }
        return scalars.allSatisfy { $0.decimalDigitValue != nil || isSuperscriptDigit($0) || $0 == "/" }
    }

    private static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x2D, 0x2010...0x2015, 0x2212, 0xFE58, 0xFE63, 0xFF0D, 0x2500, 0x2501: true
        default: false
        }
    }

    private static func isSuperscriptDigit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xB9, 0xB2, 0xB3, 0x2070, 0x2074...0x2079: true
        default: false
        }
    }
}
