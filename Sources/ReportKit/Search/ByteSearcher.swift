#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds a byte string in a byte buffer, sixteen candidate positions at a time.
///
/// Two bytes of the needle, the rarest in the text, are compared with vector instructions at
/// sixteen consecutive starts at once; only where both agree is the whole needle compared.
/// A Horspool loop keyed on the needle's last byte moved a few bytes per step instead: in UTF-8
/// Chinese that byte is a continuation byte that many characters share, so its shifts stay
/// short. A one-byte needle is looked for with `memchr`.
struct ByteSearcher {
    let needle: [UInt8]
    /// Positions in the needle of the two bytes compared first (the same for a one-byte needle).
    private let anchors: (Int, Int)

    /// - Parameter frequencies: how common each byte value is in the text, to pick the rarest
    ///   needle bytes; without it the first and last are used.
    init(needle: [UInt8], frequencies: ByteFrequencies? = nil) {
        precondition(!needle.isEmpty, "an empty needle matches everywhere")
        self.needle = needle
        anchors = frequencies?.rarestPositions(in: needle) ?? (needle.count - 1, 0)
    }

    /// Start offsets of the leftmost non-overlapping matches inside `range`, in order: after a
    /// match the search resumes at its end, so `aa` is found once in `aaa`.
    func matches(in haystack: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> [Int] {
        var found: [Int] = []
        guard let base = haystack.baseAddress, range.count >= needle.count else { return found }
        let length = needle.count
        let lastStart = range.upperBound - length
        let (first, second) = anchors
        needle.withUnsafeBufferPointer { needleBuffer in
            let needleBase = needleBuffer.baseAddress!
            func isMatch(at start: Int) -> Bool { memcmp(base + start, needleBase, length) == 0 }
            var position = range.lowerBound
            if first != second {
                let raw = UnsafeRawPointer(base)
                let firstByte = SIMD16<UInt8>(repeating: needle[first])
                let secondByte = SIMD16<UInt8>(repeating: needle[second])
                // Loads reach `position + 15 + max(first, second)`, inside the range while
                // `position + 15 <= lastStart`.
                block: while position + 15 <= lastStart {
                    let candidates =
                        (raw.loadUnaligned(fromByteOffset: position + first, as: SIMD16<UInt8>.self) .== firstByte)
                        .& (raw.loadUnaligned(fromByteOffset: position + second, as: SIMD16<UInt8>.self) .== secondByte)
                    if candidates.anyLane {
                        for lane in 0..<16 where candidates[lane] && isMatch(at: position + lane) {
                            found.append(position + lane)
                            position += lane + length
                            continue block
                        }
                    }
                    position += 16
                }
            }
            // The last few starts, or all of them for a one-byte needle.
            let anchorByte = Int32(needle[first])
            while position <= lastStart {
                // Every start in position...lastStart has its anchor byte in this stretch.
                guard let hit = memchr(base + position + first, anchorByte, lastStart - position + 1) else { break }
                let start = UnsafeRawPointer(base).distance(to: hit) - first
                if isMatch(at: start) {
                    found.append(start)
                    position = start + length
                } else {
                    position = start + 1
                }
            }
        }
        return found
    }

    /// The leftmost non-overlapping matches among `candidates`, the ascending starts of every
    /// match of a prefix of the needle inside `range`: a match of the needle is a match of any
    /// of its prefixes, so only those starts need looking at.
    func matches(in haystack: UnsafeBufferPointer<UInt8>, range: Range<Int>, amongStarts candidates: [Int]) -> [Int] {
        var found: [Int] = []
        guard let base = haystack.baseAddress, range.count >= needle.count else { return found }
        let length = needle.count
        let lastStart = range.upperBound - length
        needle.withUnsafeBufferPointer { needleBuffer in
            let needleBase = needleBuffer.baseAddress!
            var resume = range.lowerBound
            for start in candidates where start >= resume {
                if start > lastStart { break }
                if memcmp(base + start, needleBase, length) == 0 {
                    found.append(start)
                    resume = start + length
                }
            }
        }
        return found
    }

    /// True when no proper prefix of the needle is also a suffix of it, so two matches can never
    /// overlap and the leftmost non-overlapping matches are all the matches there are.
    var cannotOverlapItself: Bool {
        let count = needle.count
        for length in stride(from: 1, to: count, by: 1)
        where needle[0..<length].elementsEqual(needle[(count - length)...]) {
            return false
        }
        return true
    }
}

/// How often each byte value occurs in a text, estimated from evenly spread samples.
struct ByteFrequencies: Sendable {
    private let counts: [Int]

    /// Counts every byte of up to `sampleCount` blocks of `blockSize` bytes spread over the text:
    /// about a megabyte, whatever the text's size.
    init(of bytes: UnsafeBufferPointer<UInt8>, sampleCount: Int = 64, blockSize: Int = 16 << 10) {
        var counts = [Int](repeating: 0, count: 256)
        let total = bytes.count
        let blocks = total <= sampleCount * blockSize ? 1 : sampleCount
        let step = blocks == 1 ? total : total / blocks
        for block in 0..<blocks {
            let start = block * step
            for byte in bytes[start..<min(total, start + (blocks == 1 ? total : blockSize))] {
                counts[Int(byte)] += 1
            }
        }
        self.counts = counts
    }

    /// The positions of the needle's two least common bytes, the rarest first; later
    /// positions win among equals, since in UTF-8 a character's last byte tells the characters
    /// of one block apart best. Both are the same position for a one-byte needle.
    func rarestPositions(in needle: [UInt8]) -> (Int, Int) {
        func rarest(excluding excluded: Int?) -> Int? {
            var best: Int?
            for position in needle.indices.reversed() where position != excluded {
                if best.map({ counts[Int(needle[position])] < counts[Int(needle[$0])] }) ?? true { best = position }
            }
            return best
        }
        let first = rarest(excluding: nil)!
        return (first, rarest(excluding: first) ?? first)
    }
}
