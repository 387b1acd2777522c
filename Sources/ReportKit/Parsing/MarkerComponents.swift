/// The numbers of a marker (`1.2.1` → 1, 2, 1): the last one apart, so that the common marker
/// of one number (`一、`, `（三）`, `2.`) holds no array. An array of one element is a heap
/// allocation, made and freed for every marker line of a report that has hundreds of thousands.
struct MarkerComponents: Equatable {
    /// The numbers before the last (`1.2` of `1.2.1`); empty, and unallocated, for one number.
    let leading: [Int]
    let last: Int

    init(single value: Int) {
        leading = []
        last = value
    }

    init(leading: [Int], last: Int) {
        self.leading = leading
        self.last = last
    }

    var count: Int { leading.count + 1 }

    /// Every number in order.
    var all: [Int] { leading + [last] }

    /// Whether the numbers are `numbers`, in order.
    func equals(_ numbers: [Int]) -> Bool {
        numbers.count == count && numbers.last == last && numbers.dropLast().elementsEqual(leading)
    }
}
