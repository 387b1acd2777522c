import Foundation
import Testing

/// libzip brings libcrypto, whose loading would cost every process some milliseconds, for the
/// Word importer alone: it is opened when a Word document is, never linked. FormatCorpusTests
/// open the corpus document through the binary, so a broken run-time lookup fails there.
@Suite struct LazyLibrariesTests {
    @Test func libzipIsOpenedOnlyForWordDocuments() throws {
        let needed = try ELFNeeded.libraries(of: Data(contentsOf: CommandRunner.binary))
        #expect(needed.contains("libc.so.6"), "the reader found no libraries: \(needed)")
        let linked = needed.filter { $0.hasPrefix("libzip") || $0.hasPrefix("libcrypto") }
        #expect(linked.isEmpty, "report-browser links \(linked)")
    }
}
