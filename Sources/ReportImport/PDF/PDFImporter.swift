#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ReportKit

/// PDF reports, through poppler's `pdftotext` run as a separate program (not linked, so
/// poppler's GPL does not reach this binary), then reflowed into paragraphs.
public struct PDFImporter: ReportImporter {
    public let format = ReportFormat.pdf
    /// The program to run; found on PATH.
    let program: String
    let timeoutSeconds: Double

    /// `REPORT_BROWSER_PDF_TIMEOUT` (seconds) overrides the default limit of 60 s.
    public init(program: String = "pdftotext", timeoutSeconds: Double? = nil) {
        self.program = program
        let fromEnvironment = getenv("REPORT_BROWSER_PDF_TIMEOUT").flatMap { Double(String(cString: $0)) }
        self.timeoutSeconds = timeoutSeconds ?? fromEnvironment ?? 60
    }

    /// Largest text accepted from the converter.
    static let outputLimit = 512 << 20

    public func importReport(_ input: ImportInput) throws(ImportFailure) -> ImportedText {
        var temporary: String?
        defer { if let temporary { unlink(temporary) } }
        let path: String
        if let given = input.path {
            path = given
        } else {
            temporary = try Self.writeTemporary(input.bytes)
            path = temporary!
        }
        let layout = try extractLayoutText(path: path)
        var warnings = layout.warnings
        let paragraphs = PDFReflow.reflow(layout.text)
        guard paragraphs.contains(where: { !$0.text.allSatisfy(\.isWhitespace) }) else {
            throw ImportFailure("the PDF has no text layer (a scanned document?); run OCR first, e.g. `ocrmypdf in.pdf out.pdf`, and open the result")
        }
        if layout.text.unicodeScalars.contains("\u{FFFD}") { warnings.append("pdftotext could not map some glyphs to characters (shown as U+FFFD)") }
        let text = paragraphs.map(\.text).joined(separator: "\n") + "\n"
        return ImportedText(text: text, pageOfLine: paragraphs.map(\.page), warnings: warnings)
    }

    func extractLayoutText(path: String) throws(ImportFailure) -> (text: String, warnings: [String]) {
        let result = ChildProcess.run(
            program, arguments: ["-layout", "-enc", "UTF-8", "-eol", "unix", path, "-"],
            timeoutSeconds: timeoutSeconds, outputLimit: Self.outputLimit)
        let outcome: ChildProcess.Outcome
        switch result {
        case .failure(.notFound):
            throw ImportFailure("reading PDF needs `pdftotext`, which is not installed: install poppler-utils (apt-get install poppler-utils)")
        case .failure(.other(let code)):
            throw ImportFailure("could not start pdftotext: \(String(cString: strerror(code)))")
        case .success(let finished):
            outcome = finished
        }
        let errorText = String(decoding: outcome.errorOutput, as: UTF8.self)
        let firstError = errorText.split(separator: "\n").first.map(String.init) ?? ""
        switch outcome.ending {
        case .timedOut:
            throw ImportFailure("pdftotext did not finish within \(Int(timeoutSeconds)) s (a damaged or hostile PDF?); stopped it")
        case .outputTooLarge:
            throw ImportFailure("pdftotext produced more than \(Self.outputLimit >> 20) MB of text; stopped it")
        case .signalled(let signal):
            throw ImportFailure("pdftotext crashed on this PDF (signal \(signal)); it is probably damaged")
        case .exited(let status) where status != 0:
            throw Self.failure(status: status, stderr: errorText, firstLine: firstError)
        case .exited:
            break
        }
        // pdftotext reports every syntax problem it recovered from; a run that succeeded is
        // taken at its word, with one line saying the file was damaged.
        let warnings = errorText.contains("Error") ? ["the PDF is damaged; pdftotext recovered what it could (\(firstError))"] : []
        return (String(decoding: outcome.output, as: UTF8.self), warnings)
    }

    static func failure(status: Int32, stderr: String, firstLine: String) -> ImportFailure {
        let lowered = stderr.lowercased()
        if lowered.contains("password") || lowered.contains("encrypt") {
            return ImportFailure("the PDF is encrypted (password-protected); decrypt it first, e.g. `qpdf --decrypt --password=… in.pdf out.pdf`")
        }
        if status == 3 || lowered.contains("permission") {
            return ImportFailure("the PDF's permissions forbid extracting its text")
        }
        let lines = stderr.split(separator: "\n").map(String.init)
        let telling = lines.last { !$0.hasPrefix("Syntax Warning") } ?? firstLine
        let reason = telling.isEmpty ? "exit status \(status)" : telling
        return ImportFailure("not a readable PDF (damaged or truncated?): pdftotext says: \(reason)")
    }

    static func writeTemporary(_ bytes: [UInt8]) throws(ImportFailure) -> String {
        let directory = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array("\(directory)/report-browser-XXXXXX.pdf".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard descriptor >= 0 else { throw ImportFailure("cannot write a temporary copy for pdftotext: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw ImportFailure("cannot write a temporary copy for pdftotext: \(String(cString: strerror(errno)))") }
            written += count
        }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }
}
