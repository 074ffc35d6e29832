import Extractor
import Segmenter

/// A document read from disk for checking or explaining: its text and the
/// `source` record an extraction of it carries.
public struct DocumentInput: Sendable {
    /// The decoded document.
    public let document: TextDocument
    /// Its source record; `source.path` is the name it was read under.
    public let source: Source

    /// Reads the file at `path`; `name` (default: `path`) is what `source.path` records.
    public init(fileAt path: String, recordedAs name: String? = nil, format: DocumentFormat? = nil) throws(ExtractionError) {
        let bytes = try InputFile.read(path)
        let name = name ?? path
        do {
            // Read as extraction reads it: a PDF, DOCX or OFD read out to text first.
            document = try DocumentExtractor.read(bytes: bytes, path: name, format: format)
        } catch let error {
            throw error.renamed(path)
        }
        source = Source(
            path: name, sha256: SHA256.hex(bytes), encoding: document.encoding,
            format: document.container ?? document.format.rawValue, characters: document.original.count,
            pageStarts: document.pageStarts)
    }

    /// The original text around a span, with the span itself in ⟦⟧ and line
    /// breaks shown as ⏎: `…给予⟦2—5万元⟧奖补…`.
    public func context(of span: Span, width: Int = 12) -> String {
        Self.context(of: span, in: document.original, width: width)
    }

    /// The text around `span` in `original` (see ``context(of:width:)``).
    public static func context(of span: Span, in original: [Unicode.Scalar], width: Int = 12) -> String {
        let count = original.count
        let start = min(max(0, span.start), count), end = min(max(start, span.end), count)
        let before = max(0, start - width), after = min(count, end + width)
        func visible(_ range: Range<Int>) -> String {
            var out = String.UnicodeScalarView()
            for scalar in original[range] {
                switch scalar {
                case "\n": out.append("⏎")
                case "\r", "\t": out.append(" ")
                default: out.append(scalar)
                }
            }
            return String(out)
        }
        return (before > 0 ? "…" : "") + visible(before..<start) + "⟦" + visible(start..<end) + "⟧"
            + visible(end..<after) + (after < count ? "…" : "")
    }
}

extension DocumentExtractor {
    /// Extracts a document that is already read, as the JSON object `zhengce extract` writes.
    /// Throws ``ExtractionError`` or ``EvaluationError``.
    public func extractJSON(_ input: DocumentInput) throws -> JSONObject {
        let result: ExtractionResult
        do {
            result = try extract(input.document, source: input.source)
        } catch {
            throw ExtractionError.icu(path: input.source.path, reason: error.description)
        }
        return try result.jsonObject()
    }
}

extension ExtractionResult {
    /// This result as a JSON object with exact numbers, read back from the
    /// encoding `zhengce extract` writes.
    public func jsonObject() throws(EvaluationError) -> JSONObject {
        let text: String
        do {
            text = try JSONFormat.encode(self, pretty: false)
        } catch {
            throw .malformed(path: source.path, reason: "the result could not be encoded: \(error)")
        }
        guard case .object(let object)? = try? JSONValue.parse(text) else {
            throw .malformed(path: source.path, reason: "the encoded result is not a JSON object")
        }
        return object
    }
}

extension ExtractionError {
    /// The same error about the file at `path`.
    func renamed(_ path: String) -> ExtractionError {
        switch self {
        case .unreadable(_, let reason): .unreadable(path: path, reason: reason)
        case .undecodable(_, let reason): .undecodable(path: path, reason: reason)
        case .icu(_, let reason): .icu(path: path, reason: reason)
        case .format(_, let reason): .format(path: path, reason: reason)
        }
    }
}
