extension Array where Element: Comparable {
    /// The elements two ascending, duplicate-free arrays share, in order: the one merge walk
    /// behind the compare tiers' shared grams and the index-free search's candidate sections.
    public func sortedIntersection(_ other: [Element]) -> [Element] {
        var result: [Element] = []
        var left = 0
        var right = 0
        while left < count, right < other.count {
            if self[left] == other[right] {
                result.append(self[left])
                left += 1
                right += 1
            } else if self[left] < other[right] {
                left += 1
            } else {
                right += 1
            }
        }
        return result
    }
}
