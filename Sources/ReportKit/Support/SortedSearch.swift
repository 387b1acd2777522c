extension RandomAccessCollection where Index == Int {
    /// The first index whose element is past the point looked for, in a collection where
    /// `isPast` is false for a prefix and true for the rest (a sorted array asked "> x" or
    /// ">= x"); `endIndex` when none is. Every lookup of a sorted table here goes through this
    /// one binary search, so an off-by-one has one place to live.
    @inlinable
    public func partitioningIndex(where isPast: (Element) throws -> Bool) rethrows -> Int {
        var low = startIndex
        var high = endIndex
        while low < high {
            let middle = low + (high - low) / 2
            if try isPast(self[middle]) { high = middle } else { low = middle + 1 }
        }
        return low
    }

    /// The last index whose element is not past the point, or nil when even the first is.
    @inlinable
    public func indexBeforePartition(where isPast: (Element) throws -> Bool) rethrows -> Int? {
        let first = try partitioningIndex(where: isPast)
        return first == startIndex ? nil : first - 1
    }
}
