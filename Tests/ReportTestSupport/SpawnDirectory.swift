import Glibc

/// Starting a child in another working directory. glibc (2.29 on) has
/// `posix_spawn_file_actions_addchdir_np`, but Swift's Glibc module does not declare it, so
/// it is looked up by name; changing the test's own directory instead would move every
/// thread of the test runner.
enum SpawnDirectory {
    private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32

    private static let addChdir: AddChdir? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addchdir_np") else { return nil }
        return unsafeBitCast(symbol, to: AddChdir.self)
    }()

    static func add(_ directory: String, to actions: inout posix_spawn_file_actions_t) throws {
        guard let addChdir else {
            throw ChildProcessError(description: "this C library cannot start a child in another directory")
        }
        let failed = addChdir(&actions, directory)
        guard failed == 0 else {
            throw ChildProcessError(description: "cannot start a child in \(directory): \(String(cString: strerror(failed)))")
        }
    }
}
