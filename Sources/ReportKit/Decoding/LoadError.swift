#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a document could not be loaded. Its description is the one line a user sees:
/// `<path>: <reason>`.
public struct LoadError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case notFound
        case isDirectory
        case permissionDenied
        /// The file was read but is not text in any supported encoding.
        case notText(TextDecodingError)
        /// Any other failure to open or read.
        case unreadable
    }

    /// The path as given; "-" for standard input.
    public let path: String
    public let kind: Kind
    public let reason: String

    public init(path: String, kind: Kind, reason: String) {
        self.path = path
        self.kind = kind
        self.reason = reason
    }

    public var description: String { "\(Self.displayPath(path)): \(reason)" }

    static func reading(path: String, failure: FileReading.Failure) -> LoadError {
        switch failure {
        case .isDirectory:
            return LoadError(path: path, kind: .isDirectory, reason: "is a directory")
        case .system(let code):
            switch code {
            case ENOENT: return LoadError(path: path, kind: .notFound, reason: "no such file")
            case ENOTDIR:
                return LoadError(path: path, kind: .notFound, reason: "no such file (part of the path is not a directory)")
            case EISDIR: return LoadError(path: path, kind: .isDirectory, reason: "is a directory")
            case EACCES, EPERM: return LoadError(path: path, kind: .permissionDenied, reason: "permission denied")
            default: return LoadError(path: path, kind: .unreadable, reason: systemMessage(code))
            }
        }
    }

    static func decoding(path: String, error: TextDecodingError) -> LoadError {
        var reason = error.description
        if case .binary(_, nil) = error { reason += ", not a text report" }
        return LoadError(path: path, kind: .notText(error), reason: reason)
    }

    /// strerror's text, lower-cased to read as a reason after the path ("input/output error").
    private static func systemMessage(_ code: Int32) -> String {
        let message = strerror(code).map { String(cString: $0) } ?? "error \(code)"
        return message.prefix(1).lowercased() + message.dropFirst()
    }

    /// Keeps the description on one line whatever the path holds.
    static func displayPath(_ path: String) -> String {
        if path == "-" { return DocumentLoader.standardInputName }
        if path.isEmpty { return "\"\"" }
        var shown = ""
        for scalar in path.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                shown += scalar.escaped(asASCII: true)
            } else {
                shown.unicodeScalars.append(scalar)
            }
        }
        return shown
    }
}
