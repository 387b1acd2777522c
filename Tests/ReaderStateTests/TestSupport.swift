import Foundation
import ReportKit
@testable import ReaderState

enum SeedReport {
    static var bytes: [UInt8] { BundledReport.bytes }
    static let text = String(decoding: BundledReport.bytes, as: UTF8.self)
    static let report = ReportParser.parse(text)

    static func index(of address: String) -> Int {
        guard let index = report.sectionIndex(atAddress: address) else {
            preconditionFailure("the seed report has no section \(address)")
        }
        return index
    }

    /// Byte offset of the first occurrence of `fragment` in `text`.
    static func offset(of fragment: String, in text: String = text) -> Int {
        guard let range = text.range(of: fragment) else { preconditionFailure("“\(fragment)” not in text") }
        return text.utf8.distance(from: text.startIndex, to: range.lowerBound)
    }
}

/// A fresh directory under the system temporary directory, removed by `remove()`.
struct TemporaryDirectory {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "reader-state-tests-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func remove() {
        // Tests may leave read-only directories behind; make them writable to delete them.
        if let paths = FileManager.default.enumerator(atPath: path) {
            for case let relative as String in paths {
                chmod("\(path)/\(relative)", 0o700)
            }
        }
        chmod(path, 0o700)
        try? FileManager.default.removeItem(atPath: path)
    }

    func files(in subdirectory: String = "") -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: path + subdirectory)) ?? []).sorted()
    }
}

enum TestDates {
    static func at(_ seconds: Int) -> Date { Date(timeIntervalSince1970: 1_700_000_000 + TimeInterval(seconds)) }
}

var runningAsRoot: Bool { geteuid() == 0 }
