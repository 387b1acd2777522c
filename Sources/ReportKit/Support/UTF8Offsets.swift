extension String {
    /// The index at a UTF-8 byte offset. Ranges here are byte offsets into the report's text
    /// (what the parser and the search index count in); this is the one conversion back.
    /// Native strings make it constant time.
    @inlinable
    public func index(atUTF8Offset offset: Int) -> String.Index {
        utf8.index(utf8.startIndex, offsetBy: offset)
    }

    /// The text between two UTF-8 byte offsets.
    @inlinable
    public subscript(utf8Range range: Range<Int>) -> Substring {
        let lower = index(atUTF8Offset: range.lowerBound)
        return self[lower..<utf8.index(lower, offsetBy: range.count)]
    }
}

extension Substring {
    /// The index at a UTF-8 byte offset counted from the start of this substring.
    @inlinable
    public func index(atUTF8Offset offset: Int) -> String.Index {
        utf8.index(utf8.startIndex, offsetBy: offset)
    }

    /// The text between two UTF-8 byte offsets counted from the start of this substring.
    @inlinable
    public subscript(utf8Range range: Range<Int>) -> Substring {
        let lower = index(atUTF8Offset: range.lowerBound)
        return self[lower..<utf8.index(lower, offsetBy: range.count)]
    }
}
