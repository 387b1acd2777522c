/// One matching section of one file, as `search` prints it and its JSON lists it.
public struct SearchMatch: Sendable {
    public struct Hit: Sendable {
        public let line: Int
        /// The page of the hit in a paginated source (PDF).
        public let page: Int?
        public let snippet: SearchSnippet

        public init(line: Int, page: Int?, snippet: SearchSnippet) {
            self.line = line
            self.page = page
            self.snippet = snippet
        }
    }

    /// Nil when one file is searched and its name would only repeat the argument.
    public let file: String?
    public let address: String
    public let heading: String
    public let hits: [Hit]

    public init(file: String?, address: String, heading: String, hits: [Hit]) {
        self.file = file
        self.address = address
        self.heading = heading
        self.hits = hits
    }

    public var withoutFile: SearchMatch { SearchMatch(file: nil, address: address, heading: heading, hits: hits) }
}
