import Formats
import Foundation
import Segmenter

/// Why a file could not be extracted at all (as opposed to a ``Diagnostic``,
/// which reports a doubt inside a result).
public enum ExtractionError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The file could not be read (missing, a directory, no permission…).
    case unreadable(path: String, reason: String)
    /// The bytes are not text in a supported encoding.
    case undecodable(path: String, reason: DecodingError)
    /// ICU failed.
    case icu(path: String, reason: String)
    /// A PDF, DOCX or OFD gave no text, or the file is in a format not read (spec §9).
    case format(path: String, reason: FormatError)

    /// The path of the document that failed.
    public var path: String {
        switch self {
        case .unreadable(let path, _), .undecodable(let path, _), .icu(let path, _), .format(let path, _): path
        }
    }

    /// The reason alone, without the path.
    public var reason: String {
        switch self {
        case .unreadable(_, let reason), .icu(_, let reason): reason
        case .undecodable(_, let reason): reason.description
        case .format(_, let reason): reason.reason
        }
    }

    /// The path and the reason: `a.txt: empty file`.
    public var description: String { "\(path): \(reason)" }
}

/// Runs every matcher over a document and assembles the ``ExtractionResult``.
///
/// Use one per thread: the matchers are immutable and built once, and each
/// thread reads its own copy of the word lists. No matcher needs sentences or
/// words from ICU's breakers (they read clauses and words with their own word
/// lists, in one pass), so none are computed: ``Segmenter`` is there for
/// `zhengce segment` and for library users who want them.
public final class DocumentExtractor {
    private let quantities = QuantityMatcher()
    private let structure = StructureReader()
    private let references = ReferenceMatcher()
    private let organizations = OrganizationMatcher()
    private let fields = MetadataFields()
    private let deadlines = DeadlineMatcher()

    private let instruments: InstrumentTagger

    /// An extractor that tags measures with the instruments of `instruments`
    /// (the bundled Rothwell–Zegveld dictionary by default).
    ///
    /// Throws nothing today; kept throwing so that a matcher needing an ICU
    /// handle again does not change the API.
    public init(instruments: InstrumentDictionary = .bundled) throws(ICUError) {
        self.instruments = InstrumentTagger(instruments)
    }

    /// Reads and extracts the file at `path`.
    public func extract(fileAt path: String) throws(ExtractionError) -> ExtractionResult {
        let bytes = try InputFile.read(path)
        return try extract(bytes: bytes, path: path)
    }

    /// The largest input read, in bytes (1 GiB): far beyond any policy
    /// document, and small enough that offsets fit the 32-bit maps of
    /// ``MappedText`` and the working copies (about 12 times the input) fit
    /// in memory, so a huge file is refused instead of trapping or exhausting
    /// memory in the middle of a batch.
    public static let maximumBytes = 1 << 30

    /// Extracts a document from its bytes; `path` names it and hints its format.
    public func extract(bytes: [UInt8], path: String, format: DocumentFormat? = nil) throws(ExtractionError) -> ExtractionResult {
        if bytes.count > Self.maximumBytes { throw .unreadable(path: path, reason: Self.tooLarge(bytes.count)) }
        let document = try Self.read(bytes: bytes, path: path, format: format)
        let source = Source(
            path: path, sha256: SHA256.hex(bytes), encoding: document.encoding,
            format: document.container ?? document.format.rawValue, characters: document.original.count,
            pageStarts: document.pageStarts)
        do {
            return try extract(document, source: source)
        } catch {
            throw .icu(path: path, reason: error.description)
        }
    }

    /// The document in `bytes`: a PDF, DOCX or OFD read out to text first (spec
    /// §9), other binary formats turned down by their magic bytes (never decoded
    /// as text), anything else decoded as text; `path` names it and hints its format.
    public static func read(bytes: [UInt8], path: String, format: DocumentFormat? = nil) throws(ExtractionError) -> TextDocument {
        let document: TextDocument
        do {
            if let readOut = try DocumentReader.read(bytes, path: path) {
                document = TextDocument(readOut: readOut.text, container: readOut.format.rawValue, paged: readOut.paged)
            } else {
                document = try TextDocument(bytes: bytes, path: path, format: format)
            }
        } catch let error as FormatError {
            throw .format(path: path, reason: error)
        } catch let error as DecodingError {
            throw .undecodable(path: path, reason: error)
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
        if document.original.count > maximumBytes { throw .unreadable(path: path, reason: tooLarge(document.original.count)) }
        return document
    }

    /// Extracts everything from a document that is already read.
    public func extract(_ document: TextDocument, source: Source) throws(ICUError) -> ExtractionResult {
        try run(document, source: source, collectRejections: false).result
    }

    /// Extracts, and also returns what the negative rules turned down.
    public func explain(_ document: TextDocument, source: Source) throws(ICUError) -> (result: ExtractionResult, rejections: [Rejection]) {
        try run(document, source: source, collectRejections: true)
    }

    /// A warning when the file's last character was cut off and left out.
    private static func decodingDiagnostics(_ document: TextDocument) -> [Diagnostic] {
        guard document.droppedTail > 0 else { return [] }
        let bytes = document.droppedTail == 1 ? "byte" : "bytes"
        return [
            Diagnostic(
                severity: .warning,
                message:
                    "the file ends in the middle of a character: its last \(document.droppedTail) \(bytes) (\(document.encoding)) were left out",
                span: nil, rule: "decoding.truncated")
        ]
    }

    private func run(
        _ document: TextDocument, source: Source, collectRejections: Bool
    ) throws(ICUError) -> (result: ExtractionResult, rejections: [Rejection]) {
        let context = ExtractionContext(document: document, collectsRejections: collectRejections)
        let (shape, notes) = structure.readWithNotes(context)
        let metadata = fields.complete(shape.metadata, genre: shape.genre, text: context.text.scalars)
        let found = quantities.match(context)
        let dated = deadlines.match(context, date: metadata.metadata?.date)
        var result = ExtractionResult(
            source: source, genre: shape.genre, metadata: metadata.metadata, sections: shape.sections,
            measures: instruments.tag(shape.measures, amounts: found.amounts, deadlines: dated, in: context),
            amounts: found.amounts, counts: found.counts,
            percentages: found.percentages, deadlines: dated, references: references.match(context),
            organizations: organizations.match(context, notes: notes),
            diagnostics: Self.decodingDiagnostics(document)
                + (shape.diagnostics + found.diagnostics + metadata.diagnostics).sorted { ($0.span?.start ?? 0) < ($1.span?.start ?? 0) })
        result.assignMeasures()
        return (result, found.rejections + shape.rejections)
    }

    static func tooLarge(_ size: Int) -> String {
        "too large: \(size) bytes (at most \(maximumBytes >> 20) MiB are read)"
    }
}
