import FoundationEssentials
import ReportKit

/// A value computed on a thread of its own while the caller does something else, such as
/// reading the index while the library's folders are walked.
final class Meanwhile<Value: Sendable>: @unchecked Sendable {
    // `result` is guarded by `condition`.
    private let condition = ThreadCondition()
    private var result: Value?

    init(_ work: @escaping @Sendable () -> Value) {
        let thread = WorkerThread { [self] in
            let value = work()
            condition.lock()
            result = value
            condition.broadcast()
            condition.unlock()
        }
        thread.start()
    }

    /// Waits for the value.
    var value: Value {
        condition.lock()
        defer { condition.unlock() }
        while result == nil { condition.wait() }
        return result!
    }
}
