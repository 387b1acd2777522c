import ReportKit

/// A place in a report that survives edits and resizes: the section's address, the UTF-8 offset
/// from the start of that section's heading line, and a little of the text around it.
///
/// The address and offset find the place in the same document; the surrounding text finds it
/// again after the document was edited (see `resolve(in:)`), or shows that it is gone.
public struct ReadingPlace: Codable, Sendable, Hashable {
    /// Characters of context kept on each side: enough to be unique in a long report, short
    /// enough that a nearby edit rarely touches it.
    public static let contextLength = 24

    /// Position address such as `3.2`; nil for a place in the front matter.
    public let sectionAddress: String?
    /// UTF-8 offset from the start of the section (its heading line), or from the start of the
    /// document in the front matter. May reach into the section's subsections.
    public let offsetInSection: Int
    /// Absolute UTF-8 offset when the place was taken: the best guess once the address is gone.
    public let documentOffset: Int
    /// Up to `contextLength` characters before and after the place.
    public let contextBefore: String
    public let contextAfter: String
    /// Marker and heading of the section, for lists and notices when the report is not at hand.
    public let sectionTitle: String

    /// The place at an absolute UTF-8 offset, in the innermost section that contains it.
    public init(in report: Report, offset: Int) {
        let aligned = Self.alignedOffset(offset, in: report.text)
        self.init(in: report, sectionIndex: report.section(containing: aligned), absoluteOffset: aligned)
    }

    /// A place inside a given section (e.g. the top line of the detail pane showing it), `offset`
    /// bytes after its heading line starts. Pass 0 for the section itself.
    public init(in report: Report, sectionIndex: Int, offsetInSection: Int = 0) {
        let start = report.sections[sectionIndex].ownRange.lowerBound
        let aligned = Self.alignedOffset(start + max(0, offsetInSection), in: report.text)
        self.init(in: report, sectionIndex: sectionIndex, absoluteOffset: aligned)
    }

    public init(
        sectionAddress: String?, offsetInSection: Int, documentOffset: Int,
        contextBefore: String, contextAfter: String, sectionTitle: String
    ) {
        self.sectionAddress = sectionAddress
        self.offsetInSection = offsetInSection
        self.documentOffset = documentOffset
        self.contextBefore = contextBefore
        self.contextAfter = contextAfter
        self.sectionTitle = sectionTitle
    }

    private init(in report: Report, sectionIndex: Int?, absoluteOffset: Int) {
        let section = sectionIndex.map { report.sections[$0] }
        let base = section?.ownRange.lowerBound ?? 0
        let context = TextContext.around(absoluteOffset, in: report.text, length: Self.contextLength)
        self.init(
            sectionAddress: section?.address, offsetInSection: absoluteOffset - base,
            documentOffset: absoluteOffset, contextBefore: context.before, contextAfter: context.after,
            sectionTitle: section.map(OutlineExport.displayHeading) ?? "")
    }

    /// A one-line excerpt at the place, for mark lists: the text that follows it on its line,
    /// or, at the end of a line, the text that leads up to it.
    public var snippet: String {
        let following = contextAfter.prefix { $0 != "\n" }.trimmingWhitespace()
        if !following.isEmpty { return following }
        let leading = contextBefore.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        return leading.trimmingWhitespace()
    }

    /// `3.2 (二)强化述职述法`, or `front matter`.
    public var sectionDescription: String {
        guard let sectionAddress else { return "front matter" }
        return sectionTitle.isEmpty ? sectionAddress : "\(sectionAddress) \(sectionTitle)"
    }

    private enum CodingKeys: String, CodingKey {
        case sectionAddress = "section"
        case offsetInSection = "offset"
        case documentOffset
        case contextBefore = "before"
        case contextAfter = "after"
        case sectionTitle = "title"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let offset = try container.decode(Int.self, forKey: .offsetInSection)
        guard offset >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: .offsetInSection, in: container, debugDescription: "negative offset")
        }
        self.init(
            sectionAddress: try container.decodeIfPresent(String.self, forKey: .sectionAddress),
            offsetInSection: offset,
            documentOffset: max(0, try container.decodeIfPresent(Int.self, forKey: .documentOffset) ?? offset),
            contextBefore: try container.decodeIfPresent(String.self, forKey: .contextBefore) ?? "",
            contextAfter: try container.decodeIfPresent(String.self, forKey: .contextAfter) ?? "",
            sectionTitle: try container.decodeIfPresent(String.self, forKey: .sectionTitle) ?? "")
    }

    /// Clamps to the text and steps back to the start of a Unicode scalar, so a place never
    /// splits a character's bytes.
    static func alignedOffset(_ offset: Int, in text: String) -> Int {
        let utf8 = text.utf8
        var aligned = min(max(0, offset), utf8.count)
        while aligned > 0, aligned < utf8.count,
              utf8[text.index(atUTF8Offset: aligned)] & 0xC0 == 0x80 {
            aligned -= 1
        }
        return aligned
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        let scalars = String(self).unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
