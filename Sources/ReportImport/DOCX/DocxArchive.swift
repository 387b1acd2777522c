import FoundationEssentials
import ReportKit

/// The parts of a Word package, unzipped with limits: a ZIP bomb (a small file that inflates
/// to gigabytes) is stopped once a part grows past what any report needs.
struct DocxArchive {
    /// Largest decompressed size of one part.
    static let partLimit = 256 << 20
    /// Largest inflation ratio tolerated for parts above a megabyte (XML compresses ~10×).
    static let ratioLimit: UInt64 = 200

    private let archive: ZipArchive

    init(bytes: [UInt8]) throws(ImportFailure) {
        do {
            archive = try ZipArchive(bytes: bytes)
        } catch is ZipArchive.LibraryMissing {
            throw ImportFailure("cannot read Word documents: libzip is not installed (Debian: apt-get install libzip4)")
        } catch {
            throw ImportFailure("not a readable Word document (the ZIP container is damaged)")
        }
    }

    /// A part's bytes, nil when the package has no such part.
    func part(_ path: String) throws(ImportFailure) -> [UInt8]? {
        var bytes: [UInt8] = []
        let found = try stream(path) { bytes.append(contentsOf: $0) }
        return found ? bytes : nil
    }

    /// The size a part declares it unpacks to (nil when there is no such part); a hint only,
    /// the streaming itself does not trust it.
    func declaredSize(_ path: String) -> UInt64? {
        archive[path]?.uncompressedSize
    }

    /// Hands a part to `consume` chunk by chunk as it inflates, so a large part is never held
    /// whole; false when the package has no such part. An error `consume` throws stops it and
    /// is reported as damage, except `StopReading`, which just ends the reading.
    func stream(_ path: String, into consume: (Data) throws -> Void) throws(ImportFailure) -> Bool {
        guard let entry = archive[path] else { return false }
        let declared = entry.uncompressedSize
        if declared > UInt64(Self.partLimit) {
            throw ImportFailure("\(path) would unpack to \(declared >> 20) MB, more than a report can hold (a ZIP bomb?)")
        }
        if declared > 1 << 20, entry.compressedSize > 0, declared / entry.compressedSize > Self.ratioLimit {
            throw ImportFailure("\(path) is compressed \(declared / entry.compressedSize)× (a ZIP bomb?)")
        }
        var count = 0
        do {
            // libzip checks the part's CRC as its end is read, so a part is never held whole.
            try archive.extract(entry, chunkSize: Self.chunkSize) { chunk in
                count += chunk.count
                // The declared size can lie; what actually comes out is what counts.
                if count > Self.partLimit || (count > 1 << 20 && UInt64(count) > max(declared, entry.compressedSize * Self.ratioLimit)) {
                    throw PartTooLarge()
                }
                try consume(chunk)
            }
        } catch is StopReading {
            return true
        } catch is ZipArchive.ChecksumMismatch {
            throw ImportFailure("not a readable Word document (\(path) is damaged in the ZIP: checksum mismatch)")
        } catch is PartTooLarge {
            throw ImportFailure("\(path) unpacks to more than its header says, or more than \(Self.partLimit >> 20) MB (a ZIP bomb?)")
        } catch {
            throw ImportFailure("not a readable Word document (\(path) is damaged in the ZIP)")
        }
        return true
    }

    /// Bytes inflated per step: large enough that a large part takes few trips through the
    /// inflater and the consumer.
    static let chunkSize = 256 << 10

    private struct PartTooLarge: Error {}
    /// Thrown by a consumer that has seen enough (the XML is already known to be damaged).
    struct StopReading: Error {}
}
