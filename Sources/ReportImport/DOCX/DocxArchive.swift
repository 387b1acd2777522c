import Foundation
import ReportKit
import ZIPFoundation

/// The parts of a Word package, unzipped with limits: a ZIP bomb (a small file that inflates
/// to gigabytes) is stopped once a part grows past what any report needs.
struct DocxArchive {
    /// Largest decompressed size of one part.
    static let partLimit = 256 << 20
    /// Largest inflation ratio tolerated for parts above a megabyte (XML compresses ~10×).
    static let ratioLimit: UInt64 = 200

    private let archive: Archive

    init(bytes: [UInt8]) throws(ImportFailure) {
        do {
            archive = try Archive(data: Data(bytes), accessMode: .read)
        } catch {
            throw ImportFailure("not a readable Word document (the ZIP container is damaged)")
        }
    }

    /// A part's bytes, nil when the package has no such part.
    func part(_ path: String) throws(ImportFailure) -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        let declared = entry.uncompressedSize
        if declared > UInt64(Self.partLimit) {
            throw ImportFailure("\(path) would unpack to \(declared >> 20) MB, more than a report can hold (a ZIP bomb?)")
        }
        if declared > 1 << 20, entry.compressedSize > 0, declared / entry.compressedSize > Self.ratioLimit {
            throw ImportFailure("\(path) is compressed \(declared / entry.compressedSize)× (a ZIP bomb?)")
        }
        var bytes: [UInt8] = []
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                bytes.append(contentsOf: chunk)
                // The declared size can lie; what actually comes out is what counts.
                if bytes.count > Self.partLimit || (bytes.count > 1 << 20 && UInt64(bytes.count) > max(declared, entry.compressedSize * Self.ratioLimit)) {
                    throw PartTooLarge()
                }
            }
        } catch is PartTooLarge {
            throw ImportFailure("\(path) unpacks to more than its header says, or more than \(Self.partLimit >> 20) MB (a ZIP bomb?)")
        } catch {
            throw ImportFailure("not a readable Word document (\(path) is damaged in the ZIP)")
        }
        return bytes
    }

    private struct PartTooLarge: Error {}
}
