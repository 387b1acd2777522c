/// UTF-8 offsets of line starts, for turning byte offsets into 1-based line numbers and back.
public struct LineTable: Sendable {
    /// Offset of the first byte of every line; `starts[0] == 0`.
    public let starts: [Int]
    public let byteCount: Int

    public init(utf8 bytes: some Collection<UInt8>) {
        var starts = [0]
        var offset = 0
        for byte in bytes {
            offset += 1
            if byte == UInt8(ascii: "\n") { starts.append(offset) }
        }
        if starts.count > 1, starts.last == offset { starts.removeLast() }
        self.starts = starts
        self.byteCount = offset
    }

    package init(starts: [Int], byteCount: Int) {
        self.starts = starts.isEmpty ? [0] : starts
        self.byteCount = byteCount
    }

    public var count: Int { starts.count }

    /// 1-based line number of the line holding `offset`.
    public func line(at offset: Int) -> Int {
        (starts.indexBeforePartition(where: { $0 > offset }) ?? 0) + 1
    }

    /// Byte range of 1-based `line` including its trailing newline.
    public func range(ofLine line: Int) -> Range<Int> {
        let start = starts[line - 1]
        let end = line < starts.count ? starts[line] : byteCount
        return start..<end
    }
}
