import CLibXML2
import Foundation

/// libxml2's SAX2 push parser driving a `WordStreamWalk`: chunks of `word/document.xml` go in
/// as they inflate, element and text events come out, and no node is ever built.
final class WordDocumentParser {
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

    init(document: WordDocumentText) {
        // Placeholder walk until the context exists and its dictionary can intern the names.
        state = .allocate(capacity: 1)
        state.initialize(to: State(walk: WordStreamWalk(dictionary: nil), document: document))
        var handler = xmlSAXHandler()
        handler.initialized = UInt32(XML_SAX2_MAGIC)
        handler.startElementNs = { user, localName, _, _, _, _, attributeCount, _, attributes in
            let state = user!.assumingMemoryBound(to: State.self)
            state.pointee.walk.startElement(localName, attributes: attributes, count: Int(attributeCount))
        }
        handler.endElementNs = { user, _, _, _ in
            user!.assumingMemoryBound(to: State.self).pointee.endElement()
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
