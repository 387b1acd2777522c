import FoundationEssentials

/// Lets a search that runs on another thread be given up: the browser's worker cancels the
/// query a newer keystroke has replaced. The long loops (the pinyin scan) look at the flag every
/// few hundred kilobytes, so a cancelled search stops within a fraction of a millisecond.
public final class SearchCancellation: @unchecked Sendable {
    // `cancelled` is only touched with `lock` held.
    private let lock = PlainLock()
    private var cancelled = false

    public init() {}

    public func cancel() {
        lock.lock()
        cancelled = true
        lock.unlock()
    }

    public var isCancelled: Bool {
        lock.lock()
        defer { lock.unlock() }
        return cancelled
    }

    /// Bytes a scan covers between two looks at the flag: rare enough to cost nothing, often
    /// enough that a 100 MB scan notices within a few hundred microseconds.
    static let checkInterval = 1 << 18
}
