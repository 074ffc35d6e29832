import Extractor
import Foundation
import Segmenter

/// One input of a batch, numbered in input order.
struct WorkItem: Sendable {
    /// The position in input order, from 0.
    var index: Int
    /// The key that joins the document's rows (see ``DocumentIDs``).
    var documentId: String
    /// The path as the user sees it (`source.path` of the record).
    var path: String
    /// Where the document's bytes come from.
    var content: Content

    /// How a crash report names the input: its id, or its line of `--stdin`.
    var crashReportName: String {
        if case .request(_, let number) = content { return "<stdin line \(number)>" }
        return documentId
    }

    enum Content: Sendable {
        /// Read the file at `path`, as `format` or guessing it.
        case file(format: DocumentFormat?)
        /// The bytes are here; `path` only names the document and hints its format.
        case bytes([UInt8], format: DocumentFormat?)
        /// A line of `--stdin` still to be parsed (see ``StreamRequest``).
        case request(line: String, number: Int)
        /// Known to fail before reading.
        case failure(DocumentFailure)
    }
}

/// What a worker made of one input, ready for the writer.
struct Completed: Sendable {
    /// `empty`: an empty file, recorded but not a failure of the run.
    enum Status: Sendable { case extracted, empty, failed, skipped }

    var index: Int
    var documentId: String
    var path: String
    var status: Status
    var failure: DocumentFailure?
    /// Bytes of the document read (0 when skipped or unreadable).
    var bytes: Int
    var items: ItemTally
    /// The record in the sink's form, made on the worker thread.
    var rendered: Rendered
    /// Set when the record could not be rendered or written: the run stops.
    var outputError: Result<Void, BatchError> = .success(())
}

/// A record in an output's own form: JSON text, CSV rows, or nothing left to write.
enum Rendered: Sendable {
    case none
    case bytes([UInt8])
    case tables(CSVTableBytes)
}

/// How many items of each kind a run found, for the kinds a run's summary
/// counts (those with a ``ItemKind/summaryNoun``, in registration order).
struct ItemTally: Sendable {
    /// The kinds counted.
    static let kinds = ExtractionResult.itemKinds.filter { $0.summaryNoun != nil }

    /// Items per kind, in the order of ``kinds``.
    private(set) var counts = [Int](repeating: 0, count: kinds.count)

    init() {}

    init(_ result: ExtractionResult) {
        counts = Self.kinds.map { $0.count(result) }
    }

    /// Every item counted.
    var total: Int { counts.reduce(0, +) }

    /// The count of each kind with the summary's noun for it.
    var byKind: [(noun: String, count: Int)] { zip(Self.kinds, counts).map { ($0.summaryNoun!, $1) } }

    static func += (lhs: inout ItemTally, rhs: ItemTally) {
        for index in lhs.counts.indices { lhs.counts[index] += rhs.counts[index] }
    }
}
