/// An item of the result with a place in the text: a section, a measure, an
/// amount… Every kind of item is one list of ``ExtractionResult``, declared
/// once in ``ExtractionResult/itemKinds``.
public protocol ExtractedItem: Codable, Hashable, Sendable {
    /// Where the item is: its span, or the span of its first mention.
    var firstSpan: Span? { get }

    /// Writes the item's rows in the CSV dataset (see ``DatasetTable``), each
    /// in its table's column order, `document_id` first and without `page`
    /// (added from the row's start).
    func writeDatasetRows<Rows: DatasetRowSink>(to rows: inout Rows, documentID: String)
}

/// An item inside a measure's text, which records the measure's number.
public protocol MeasureBoundItem: ExtractedItem {
    /// Where the item is.
    var span: Span { get }
    /// The number of the innermost measure whose span contains the item.
    var measure: String? { get set }
}

extension MeasureBoundItem {
    /// The item's span.
    public var firstSpan: Span? { span }
}

/// A kind of item: its list in ``ExtractionResult`` and how every output
/// names it. Adding a kind is its model (an ``ExtractedItem``), its matcher,
/// and one entry in ``ExtractionResult/itemKinds``; the JSON encoding, the
/// CSV tables, the run's summary, explain, fixtures and the assignment of
/// measures follow that list, and a test fails when an output leaves a
/// registered kind out.
public struct ItemKind: @unchecked Sendable {
    /// The key of the list in the JSON result (`amounts`).
    public let key: String
    /// One item, as explain and the CSV count columns name it (`amount`).
    public let singular: String
    /// How a run's summary names one item (`organisation`), or nil when the summary does not count them.
    public let summaryNoun: String?
    /// The CSV tables of the kind, its own table first (one row per item) and
    /// then any it adds to (a measure's departments go to `responsibilities`).
    public let tables: [DatasetTable]
    /// The items of this kind in a result.
    public let items: (ExtractionResult) -> [any ExtractedItem]
    /// How many items of this kind a result has.
    public let count: (ExtractionResult) -> Int
    let encode: (ExtractionResult, inout KeyedEncodingContainer<ExtractionResult.Key>) throws -> Void
    /// Writes the list as the JSON writers do (``JSONWriter``: no `Encoder`).
    let writeJSON: (ExtractionResult, inout JSONWriter) -> Void
    /// Writes the rows of the items as CSV (``CSVTableBytes``) or as strings (``StringRows``).
    let writeCSV: (ExtractionResult, inout CSVTableBytes, String) -> Void
    let writeStrings: (ExtractionResult, inout StringRows, String) -> Void
    let decode: (inout ExtractionResult, KeyedDecodingContainer<ExtractionResult.Key>) throws -> Void
    /// Sets `measure` on every item, for kinds whose items are ``MeasureBoundItem``s.
    let assignMeasures: ((inout ExtractionResult, (Span) -> String?) -> Void)?

    /// The kind whose items are the list at `list` of a result; `since` is
    /// the schema version that added it (a record written before has none).
    init<Item: ExtractedItem & JSONMembers>(
        _ key: String, _ list: WritableKeyPath<ExtractionResult, [Item]>, singular: String,
        summaryNoun: String?, tables: [DatasetTable], since: Int = 1
    ) {
        self.init(key, list, singular: singular, summaryNoun: summaryNoun, tables: tables, since: since, assignMeasures: nil)
    }

    /// The kind whose items, inside measures, are the list at `list` of a result.
    init<Item: MeasureBoundItem & JSONMembers>(
        _ key: String, _ list: WritableKeyPath<ExtractionResult, [Item]>, singular: String,
        summaryNoun: String?, tables: [DatasetTable], since: Int = 1
    ) {
        self.init(key, list, singular: singular, summaryNoun: summaryNoun, tables: tables, since: since) { result, number in
            for index in result[keyPath: list].indices {
                result[keyPath: list][index].measure = number(result[keyPath: list][index].span)
            }
        }
    }

    private init<Item: ExtractedItem & JSONMembers>(
        _ key: String, _ list: WritableKeyPath<ExtractionResult, [Item]>, singular: String,
        summaryNoun: String?, tables: [DatasetTable], since: Int,
        assignMeasures: ((inout ExtractionResult, (Span) -> String?) -> Void)?
    ) {
        self.key = key
        self.singular = singular
        self.summaryNoun = summaryNoun
        self.tables = tables
        self.assignMeasures = assignMeasures
        items = { $0[keyPath: list] }
        count = { $0[keyPath: list].count }
        encode = { result, container in try result.encode(result[keyPath: list], forKey: .init(key), in: &container) }
        writeJSON = { result, writer in result.writeJSON(result[keyPath: list], key: key, to: &writer) }
        writeCSV = { result, rows, id in
            for item in result[keyPath: list] { item.writeDatasetRows(to: &rows, documentID: id) }
        }
        writeStrings = { result, rows, id in
            for item in result[keyPath: list] { item.writeDatasetRows(to: &rows, documentID: id) }
        }
        decode = { result, container in
            result[keyPath: list] =
                since > 1
                ? try container.decodeIfPresent([Item].self, forKey: .init(key)) ?? []
                : try container.decode([Item].self, forKey: .init(key))
        }
    }
}

// The registered kinds (their rows in the CSV dataset are in DatasetTable.swift).

extension Section: ExtractedItem {
    /// The heading's span.
    public var firstSpan: Span? { span }
}

extension Measure: ExtractedItem {
    /// The measure's span.
    public var firstSpan: Span? { span }
}

extension Amount: MeasureBoundItem {}
extension Deadline: MeasureBoundItem {}
extension Count: MeasureBoundItem {}
extension Percentage: MeasureBoundItem {}

extension Reference: ExtractedItem {
    /// The first mention's span.
    public var firstSpan: Span? { spans.first }
}

extension Organization: ExtractedItem {
    /// The first mention's span.
    public var firstSpan: Span? { spans.first }
}
