#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder's path text joined with a name read from the disk as bytes.
enum PathJoining {
    /// `prefix` followed by `name`, made in one allocation; nil when `name` is not UTF-8 (the
    /// string's initializer would repair it, and a repaired name reaches another file or none).
    static func joined(_ prefix: String, _ name: UnsafeBufferPointer<UInt8>) -> String? {
        var prefix = prefix
        return prefix.withUTF8 { head -> String? in
            let joined = String(unsafeUninitializedCapacity: head.count + name.count) { out in
                guard let target = out.baseAddress else { return 0 }
                if let base = head.baseAddress { target.initialize(from: base, count: head.count) }
                if let base = name.baseAddress { (target + head.count).initialize(from: base, count: name.count) }
                return head.count + name.count
            }
            // Repairing replaces each bad sequence by U+FFFD, which is valid UTF-8 and so never
            // equal to what it replaced: the bytes came through unchanged exactly when they
            // were valid.
            var result = joined
            let unchanged = result.withUTF8 { bytes in
                bytes.count == head.count + name.count
                    && (name.isEmpty || memcmp(bytes.baseAddress! + head.count, name.baseAddress!, name.count) == 0)
            }
            return unchanged ? result : nil
        }
    }
}
