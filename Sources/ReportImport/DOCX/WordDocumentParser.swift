import CLibXML2
import FoundationEssentials

/// libxml2's SAX push parser driving a `WordStreamWalk`: chunks of `word/document.xml` go in
/// as they inflate, element and text events come out, and no node is ever built.
///
/// SAX1 events where this libxml2 has them: the namespace-aware SAX2 path looks up each
/// name's prefix and local part in the dictionary separately and resolves namespaces, which
/// made it ~30 % slower on a 1 MB report's 15 MB `document.xml` (DECISIONS.md). The walk
/// matches local names, so both kinds of event read the same; SAX2 is the fallback for a
/// libxml2 built without SAX1.
final class WordDocumentParser {
    /// Which of libxml2's event interfaces to ask for.
    enum Events {
        case sax1, sax2

        static var best: Events { available[0] }
        /// Fastest first.
        static var available: [Events] { xmlHasFeature(XML_WITH_SAX1) != 0 ? [.sax1, .sax2] : [.sax2] }
    }

    /// The walk and the text it writes, reached from the callbacks through the SAX user pointer.
    /// Kept behind a raw pointer rather than in stored properties: a mutating access to a class's
    /// property is checked for exclusivity at run time, and with two such accesses per element
    /// that check was a tenth of the whole import in a release build.
    private struct State {
        var walk: WordStreamWalk
        var document: WordDocumentText

        mutating func endElement() { walk.endElement(into: &document) }
    }

    private var context: xmlParserCtxtPtr?
    private let state: UnsafeMutablePointer<State>
    private var failed = false

    init(document: WordDocumentText, events: Events = .best) {
        // Placeholder walk until the context exists and its dictionary can intern the names.
        state = .allocate(capacity: 1)
        state.initialize(to: State(walk: WordStreamWalk(dictionary: nil), document: document))
        var handler = xmlSAXHandler()
        switch events {
        case .sax1:
            // Not SAX2's magic: libxml2 then reports qualified names and name/value pairs.
            handler.initialized = 1
            handler.startElement = { user, name, attributes in
                let state = user!.assumingMemoryBound(to: State.self)
                state.pointee.walk.startElement(name, attributes: attributes.map { .pairs($0) } ?? .none)
            }
            handler.endElement = { user, _ in
                user!.assumingMemoryBound(to: State.self).pointee.endElement()
            }
        case .sax2:
            handler.initialized = UInt32(XML_SAX2_MAGIC)
            handler.startElementNs = { user, localName, _, _, _, _, attributeCount, _, attributes in
                let state = user!.assumingMemoryBound(to: State.self)
                let list: WordStreamWalk.Attributes = attributes.map { .quintuples($0, count: Int(attributeCount)) } ?? .none
                state.pointee.walk.startElement(localName, attributes: list)
            }
            handler.endElementNs = { user, _, _, _ in
                user!.assumingMemoryBound(to: State.self).pointee.endElement()
            }
        }
        let characters: charactersSAXFunc = { user, bytes, count in
            user!.assumingMemoryBound(to: State.self).pointee.walk.characters(bytes, count: Int(count))
        }
        handler.characters = characters
        handler.cdataBlock = characters
        handler.ignorableWhitespace = characters
        // No entity, DTD or error callbacks: entities other than XML's five are not
        // substituted, nothing is fetched, and errors only end the parse.
        context = xmlCreatePushParserCtxt(&handler, UnsafeMutableRawPointer(state), nil, 0, nil)
        guard let context else {
            failed = true
            return
        }
        // libxml2's own depth limit refuses absurdly deep nesting as a parse error.
        _ = xmlCtxtUseOptions(context, Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue))
        state.pointee.walk = WordStreamWalk(dictionary: context.pointee.dict)
    }

    deinit {
        if let context { xmlFreeParserCtxt(context) }
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Parses the next chunk; false once the XML is known to be damaged.
    func feed(_ chunk: Data) -> Bool {
        guard !failed, let context else { return false }
        let status = chunk.withUnsafeBytes { bytes -> Int32 in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return 0 }
            return xmlParseChunk(context, base.assumingMemoryBound(to: CChar.self), Int32(clamping: bytes.count), 0)
        }
        if status != 0 || context.pointee.wellFormed == 0 { failed = true }
        return !failed
    }

    /// The document's text once the whole part is in; nil when it was not well-formed or had
    /// no body.
    func finish() -> WordDocumentText? {
        guard !failed, let context else { return nil }
        let status = xmlParseChunk(context, nil, 0, 1)
        guard status == 0, context.pointee.wellFormed != 0, state.pointee.walk.sawBody else { return nil }
        return state.pointee.document
    }
}
