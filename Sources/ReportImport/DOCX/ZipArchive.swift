import CLibzip
import FoundationEssentials

/// A ZIP archive held in memory, read with libzip: what a Word package needs, with libzip's
/// checks of the directory, the offsets and each entry's CRC. ZIPFoundation, which did this
/// before, brings Foundation into every process; libzip is opened only when a Word document is.
/// Unchecked `Sendable`: libzip's archive is not safe for two threads at once, and it never has
/// them — the importer hands it to its inflating thread and waits (`InflatingPipe`).
final class ZipArchive: @unchecked Sendable {
    struct Entry {
        let index: UInt64
        let compressedSize: UInt64
        let uncompressedSize: UInt64
    }

    /// The bytes are not a ZIP archive libzip can read, or an entry of it is damaged.
    struct Damaged: Error {}
    /// An entry's bytes do not match its CRC: changed after it was written.
    struct ChecksumMismatch: Error {}
    /// libzip could not be loaded (it is named in the README's prerequisites).
    struct LibraryMissing: Error {}

    private let storage: UnsafeMutableRawBufferPointer
    private let archive: OpaquePointer

    init(bytes: [UInt8]) throws {
        // libzip opens an empty file as an empty archive; a Word document never is one, and
        // every ZIP archive ends with a 22-byte record.
        guard bytes.count >= 22 else { throw Damaged() }
        // libzip reads the bytes in place for as long as the archive is open: it gets a copy
        // whose lifetime this object controls.
        let storage = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bytes.count, 1), alignment: 16)
        bytes.withUnsafeBytes { storage.copyMemory(from: $0) }
        var missing: Int32 = 0
        guard let archive = rb_libzip_open(storage.baseAddress, UInt64(bytes.count), &missing) else {
            storage.deallocate()
            if missing != 0 { throw LibraryMissing() }
            throw Damaged()
        }
        self.storage = storage
        self.archive = archive
    }

    deinit {
        rb_libzip_close(archive)
        storage.deallocate()
    }

    /// The entry of that name; nil when there is none, or when it is encrypted or its sizes
    /// cannot be read (a Word package has neither).
    subscript(path: String) -> Entry? {
        let index = rb_libzip_locate(archive, path)
        guard index >= 0 else { return nil }
        var stat = zip_stat_t()
        guard rb_libzip_stat(archive, UInt64(index), &stat) == 0, stat.encryption_method == ZIP_EM_NONE else { return nil }
        return Entry(index: UInt64(index), compressedSize: stat.comp_size, uncompressedSize: stat.size)
    }

    /// Hands the entry's bytes to `consume` in chunks of at most `chunkSize` as they inflate.
    /// Throws `ChecksumMismatch` or `Damaged` for a broken entry, or what `consume` throws.
    func extract(_ entry: Entry, chunkSize: Int, into consume: (Data) throws -> Void) throws {
        guard let file = rb_libzip_open_entry(archive, entry.index) else { throw Damaged() }
        var closed = false
        defer { if !closed { _ = rb_libzip_close_entry(file) } }
        var buffer = [UInt8](repeating: 0, count: max(chunkSize, 1))
        while true {
            let read = buffer.withUnsafeMutableBytes { rb_libzip_read(file, $0.baseAddress, UInt64($0.count)) }
            if read == -2 { throw ChecksumMismatch() }
            if read < 0 { throw Damaged() }
            if read == 0 { break }
            try consume(Data(buffer[0..<Int(read)]))
        }
        closed = true
        guard rb_libzip_close_entry(file) == 0 else { throw Damaged() }
    }
}
