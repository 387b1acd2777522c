import Glibc

/// A detached thread with Foundation Thread's `init(block:)`, `name` and `start()`, over
/// pthreads, so the modules report-browser links need not load Foundation for it.
public final class WorkerThread: @unchecked Sendable {
    private let block: @Sendable () -> Void
    /// Shown by `top -H` and debuggers; Linux keeps the first 15 bytes.
    public var name: String?
    /// Bytes of stack; 0 leaves the system's default.
    public var stackSize = 0

    public init(block: @escaping @Sendable () -> Void) {
        self.block = block
    }

    public func start() {
        let started = Unmanaged.passRetained(self).toOpaque()
        var thread = pthread_t()
        var attributes = pthread_attr_t()
        pthread_attr_init(&attributes)
        defer { pthread_attr_destroy(&attributes) }
        if stackSize > 0 { pthread_attr_setstacksize(&attributes, stackSize) }
        let status = pthread_create(&thread, &attributes, { context in
            let worker = Unmanaged<WorkerThread>.fromOpaque(context!).takeRetainedValue()
            if let name = worker.name { nameCurrentThread(name) }
            worker.block()
            return nil
        }, started)
        guard status == 0 else {
            Unmanaged<WorkerThread>.fromOpaque(started).release()
            fatalError("cannot start thread \(name ?? ""): error \(status)")
        }
        pthread_detach(thread)
    }
}

/// pthread_setname_np needs _GNU_SOURCE, which Swift's Glibc module is not built with; the
/// kernel takes the same name through procfs.
private func nameCurrentThread(_ name: String) {
    let file = open("/proc/thread-self/comm", O_WRONLY)
    guard file >= 0 else { return }
    let bytes = Array(name.utf8.prefix(15))
    _ = bytes.withUnsafeBytes { write(file, $0.baseAddress, $0.count) }
    close(file)
}
