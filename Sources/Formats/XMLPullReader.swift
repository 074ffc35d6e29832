import CZipXML

/// A pull reader over one XML part, through libxml2 (the CZipXML room): no
/// network, no DTD, no entity expansion, libxml2's depth limit. Owns a copy of
/// the bytes (libxml2 reads them in place) and closes the reader in `deinit`.
final class XMLPullReader {
    /// The kinds of node the readers act on.
    enum Node: Equatable {
        case start(String)
        case end(String)
        case text(String)
        case other
    }

    private let handle: OpaquePointer
    private let storage: UnsafeMutableBufferPointer<UInt8>
    /// The part's name, for errors.
    let part: String
    private var pendingEnd: String?

    init(_ bytes: [UInt8], part: String) throws(FormatError) {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = storage.initialize(from: bytes)
        guard let handle = zx_xml_open(storage.baseAddress, bytes.count) else {
            storage.deallocate()
            throw FormatError(.tooLarge, "\(part) could not be parsed (too large, or out of memory)")
        }
        self.handle = handle
        self.storage = storage
        self.part = part
    }

    deinit {
        zx_xml_close(handle)
        storage.deallocate()
    }

    /// The next node, or nil at the end. An element written empty (`<w:br/>`)
    /// is reported as a start followed by its end, so callers see every element close.
    func next() throws(FormatError) -> Node? {
        if let name = pendingEnd {
            pendingEnd = nil
            return .end(name)
        }
        switch zx_xml_next(handle) {
        case 1: break
        case 0: return nil
        default:
            let message = zx_xml_error(handle)
            defer { zx_free(message) }
            let detail = message.map { String(cString: $0) } ?? "malformed XML"
            throw FormatError(.damaged, "\(part) is not well-formed XML (\(detail))")
        }
        switch Int(zx_xml_kind(handle)) {
        case ZX_XML_ELEMENT:
            let name = String(cString: zx_xml_local_name(handle))
            if zx_xml_is_empty(handle) != 0 { pendingEnd = name }
            return .start(name)
        case ZX_XML_END_ELEMENT:
            return .end(String(cString: zx_xml_local_name(handle)))
        case ZX_XML_TEXT, ZX_XML_CDATA, ZX_XML_WHITESPACE, ZX_XML_SIGNIFICANT_WHITESPACE:
            return .text(zx_xml_value(handle).map { String(cString: $0) } ?? "")
        default:
            return .other
        }
    }

    /// The value of the current start element's attribute `localName` (any prefix).
    func attribute(_ localName: String) -> String? {
        guard let value = zx_xml_attribute(handle, localName) else { return nil }
        defer { zx_free(value) }
        return String(cString: value)
    }
}
