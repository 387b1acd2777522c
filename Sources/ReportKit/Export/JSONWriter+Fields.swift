extension JSONWriter {
    /// A key and its value, the pair every output shape is made of.
    public mutating func field(_ name: String, _ text: some StringProtocol) {
        key(name)
        value(text)
    }

    public mutating func field(_ name: String, _ number: Int) {
        key(name)
        value(number)
    }

    /// A key whose value is absent is left out, not written as null.
    public mutating func field(_ name: String, ifPresent text: String?) {
        guard let text else { return }
        field(name, text)
    }

    /// How every JSON output names a section: `address`, then `marker`, `heading` and `line`
    /// when the shape has them, always in that order, so scripts read one shape everywhere.
    public mutating func sectionReference(address: String, marker: String? = nil, heading: String? = nil, line: Int? = nil) {
        field("address", address)
        field("marker", ifPresent: marker)
        field("heading", ifPresent: heading)
        if let line { field("line", line) }
    }
}

extension JSONWriter {
    /// `"name": [{…}, …]`, an object per item, its fields written by `fields`.
    public mutating func objects<Items: Sequence>(
        _ name: String, _ items: Items, _ fields: (inout JSONWriter, Items.Element) -> Void
    ) {
        key(name)
        beginArray()
        for item in items {
            beginObject()
            fields(&self, item)
            endObject()
        }
        endArray()
    }

    /// `"skipped": [{file, reason}]`, the files a library search left out, when there is a list.
    mutating func skippedFiles(_ skipped: [(file: String, reason: String)]?) {
        guard let skipped else { return }
        objects("skipped", skipped) { writer, entry in
            writer.field("file", entry.file)
            writer.field("reason", entry.reason)
        }
    }
}
