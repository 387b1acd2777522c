#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The names in one directory but `.`, `..` and hidden ones (`.git`, editors' swap files), in
/// byte order, as `ls` in the C locale and ripgrep's --sort path. They stay bytes in one buffer,
/// each ended by a zero so that `fstatat` takes it as it is: a folder of ten thousand reports is
/// read and sorted at each query, and a `String` per name would be one more allocation per file
/// (a name such as `report-00001.txt` is too long to be stored inline).
struct FolderNames {
    private var bytes: [UInt8] = []
    /// Each name's bytes in `bytes`, without its terminating zero; sorted.
    private var spans: [Range<Int>] = []

    init(reading directory: OpaquePointer) {
        while let entry = readdir(directory) {
            withUnsafeBytes(of: entry.pointee.d_name) { name in
                let length = name.firstIndex(of: 0) ?? name.count
                guard length > 0, name[0] != UInt8(ascii: ".") else { return }
                spans.append(bytes.count..<(bytes.count + length))
                bytes.append(contentsOf: name[..<length])
                bytes.append(0)
            }
        }
        bytes.withUnsafeBufferPointer { buffer in
            spans.sort { left, right in
                let shorter = min(left.count, right.count)
                let order = memcmp(buffer.baseAddress! + left.lowerBound, buffer.baseAddress! + right.lowerBound, shorter)
                return order != 0 ? order < 0 : left.count < right.count
            }
        }
    }

    var count: Int { spans.count }

    /// The name at `position` in sorted order, as bytes and as the zero-terminated C string.
    func withName<Result>(at position: Int, _ body: (UnsafeBufferPointer<UInt8>, UnsafePointer<CChar>) -> Result) -> Result {
        bytes.withUnsafeBufferPointer { buffer in
            let span = spans[position]
            let start = buffer.baseAddress! + span.lowerBound
            return start.withMemoryRebound(to: CChar.self, capacity: span.count + 1) { cName in
                body(UnsafeBufferPointer(start: start, count: span.count), cName)
            }
        }
    }
}
