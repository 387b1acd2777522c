/// A shortest edit script between two token sequences (Myers' O(ND) algorithm), after the
/// common prefix and suffix are taken off. Past `maximumEdits`, or on a middle longer than
/// `maximumMiddle`, it gives up on finding the shortest and replaces the middle wholesale.
struct EditScript {
    enum Operation: Equatable {
        case equal(Int, Int)
        case delete(Int)
        case insert(Int)
    }

    let operations: [Operation]

    init(old: [DiffToken], new: [DiffToken], maximumEdits: Int, maximumMiddle: Int) {
        var prefix = 0
        while prefix < old.count, prefix < new.count, old[prefix] == new[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < old.count - prefix, suffix < new.count - prefix,
            old[old.count - 1 - suffix] == new[new.count - 1 - suffix] { suffix += 1 }
        var operations: [Operation] = (0..<prefix).map { .equal($0, $0) }
        let oldMiddle = prefix..<(old.count - suffix)
        let newMiddle = prefix..<(new.count - suffix)
        if oldMiddle.count + newMiddle.count <= maximumMiddle,
            let middle = Self.myers(old, oldMiddle, new, newMiddle, maximumEdits: maximumEdits) {
            operations += middle
        } else {
            operations += oldMiddle.map { .delete($0) }
            operations += newMiddle.map { .insert($0) }
        }
        for offset in 0..<suffix {
            operations.append(.equal(old.count - suffix + offset, new.count - suffix + offset))
        }
        self.operations = operations
    }

    private static func myers(
        _ old: [DiffToken], _ oldRange: Range<Int>, _ new: [DiffToken], _ newRange: Range<Int>, maximumEdits: Int
    ) -> [Operation]? {
        let n = oldRange.count
        let m = newRange.count
        if n == 0 || m == 0 {
            return oldRange.map { .delete($0) } + newRange.map { .insert($0) }
        }
        let limit = min(n + m, maximumEdits)
        let offset = limit + 1
        var frontier = Array(repeating: 0, count: 2 * limit + 3)
        var history: [[Int]] = []
        var found = false
        search: for d in 0...limit {
            history.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && frontier[offset + k - 1] < frontier[offset + k + 1]) {
                    x = frontier[offset + k + 1]
                } else {
                    x = frontier[offset + k - 1] + 1
                }
                var y = x - k
                while x < n, y < m, old[oldRange.lowerBound + x] == new[newRange.lowerBound + y] {
                    x += 1
                    y += 1
                }
                frontier[offset + k] = x
                if x >= n && y >= m {
                    found = true
                    break search
                }
            }
        }
        guard found else { return nil }
        // Walk back through the saved frontiers from (n, m) to (0, 0).
        var reversed: [Operation] = []
        var x = n
        var y = m
        for d in stride(from: history.count - 1, through: 0, by: -1) {
            let previous = history[d]
            let k = x - y
            guard d > 0 else {
                while x > 0 && y > 0 {
                    x -= 1
                    y -= 1
                    reversed.append(.equal(oldRange.lowerBound + x, newRange.lowerBound + y))
                }
                break
            }
            let down = k == -d || (k != d && previous[offset + k - 1] < previous[offset + k + 1])
            let previousK = down ? k + 1 : k - 1
            let previousX = previous[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                x -= 1
                y -= 1
                reversed.append(.equal(oldRange.lowerBound + x, newRange.lowerBound + y))
            }
            if down {
                y -= 1
                reversed.append(.insert(newRange.lowerBound + y))
            } else {
                x -= 1
                reversed.append(.delete(oldRange.lowerBound + x))
            }
            x = previousX
            y = previousY
        }
        return reversed.reversed()
    }
}
