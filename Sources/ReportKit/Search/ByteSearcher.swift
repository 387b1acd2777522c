/// Finds a byte string in a byte buffer with Boyer–Moore–Horspool: the byte under the end of
/// the window decides how far to jump, so a six-byte needle (two ideographs) skips about five
/// bytes per step instead of comparing at every offset.
struct ByteSearcher {
    let needle: [UInt8]
    private let shifts: [Int]

    init(needle: [UInt8]) {
        precondition(!needle.isEmpty, "an empty needle matches everywhere")
        self.needle = needle
        var shifts = [Int](repeating: needle.count, count: 256)
        for (position, byte) in needle.dropLast().enumerated() {
            shifts[Int(byte)] = needle.count - 1 - position
        }
        self.shifts = shifts
    }

    /// Start offsets of the leftmost non-overlapping matches inside `range`, in order: after a
    /// match the search resumes at its end, so `aa` is found once in `aaa`.
    func matches(in haystack: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Int] {
        var found: [Int] = []
        guard let base = haystack.baseAddress, range.count >= needle.count else { return found }
        let length = needle.count
        let lastIndex = length - 1
        let lastByte = needle[lastIndex]
        needle.withUnsafeBufferPointer { needleBuffer in
            shifts.withUnsafeBufferPointer { shiftTable in
                let needleBase = needleBuffer.baseAddress!
                var position = range.lowerBound
                let lastStart = range.upperBound - length
                while position <= lastStart {
                    let byte = base[position + lastIndex]
                    if byte == lastByte, memoryEqual(base + position, needleBase, lastIndex) {
                        found.append(position)
                        position += length
                    } else {
                        position += shiftTable[Int(byte)]
                    }
                }
            }
        }
        return found
    }

    private func memoryEqual(_ lhs: UnsafePointer<UInt8>, _ rhs: UnsafePointer<UInt8>, _ count: Int) -> Bool {
        var index = 0
        while index < count {
            if lhs[index] != rhs[index] { return false }
            index += 1
        }
        return true
    }
}
