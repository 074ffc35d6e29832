import Foundation
import Segmenter

/// The tables of a CSV dataset: one file each, joined on `document_id`.
///
/// `documents` has one row per input (extracted or failed); `measures` one row
/// per measure; `responsibilities` one row per measure × department × role;
/// the item tables one row per item; `errors` one row per failed input. Lists
/// inside a cell are joined with ``DatasetTable/listSeparator``; empty cells
/// are nulls; booleans are `true`/`false`; numbers are exact decimals; spans
/// are code points, half-open, into the original text.
public enum DatasetTable: String, CaseIterable, Sendable {
    /// One row per input, extracted or failed.
    case documents
    /// One row per heading.
    case sections
    /// One row per measure.
    case measures
    /// One row per measure × department × role (lead, cooperating).
    case responsibilities
    /// One row per money amount.
    case amounts
    /// One row per count.
    case counts
    /// One row per percentage.
    case percentages
    /// One row per deadline.
    case deadlines
    /// One row per instrument tag of a measure.
    case instruments
    /// One row per document: how many instrument tags of each type its measures carry.
    case instrumentTypes = "instrument_types"
    /// One row per cited document.
    case references
    /// One row per organisation.
    case organizations
    /// One row per diagnostic.
    case diagnostics
    /// One row per failed input, with the reason.
    case errors

    /// Separates the members of a list inside one cell (`lead`, `per`,
    /// `issuers`…). Chinese names never contain it; `、` can (`各区、县级市`).
    public static let listSeparator = "|"

    /// The file name of the table.
    public var fileName: String { rawValue + ".csv" }

    /// The header row: the table's own columns, then `page` for the tables of
    /// items (empty for text without pages; see ``carriesPage``).
    public var columns: [String] { carriesPage ? ownColumns + ["page"] : ownColumns }

    /// Whether each row is an item with a place in the text, and so a page (spec §9).
    public var carriesPage: Bool {
        switch self {
        case .sections, .measures, .amounts, .counts, .percentages, .deadlines, .instruments, .references, .organizations: true
        case .documents, .responsibilities, .instrumentTypes, .diagnostics, .errors: false
        }
    }

    /// The position of the column an item's page is read from (where its first span starts).
    var startColumn: Int? { Self.startColumns[ordinal] }

    /// ``startColumn`` of every table by ``ordinal``, found once (a row is added per item).
    private static let startColumns = allCases.map { table in
        table.ownColumns.firstIndex(of: "start") ?? table.ownColumns.firstIndex(of: "first_start")
    }

    private var ownColumns: [String] {
        switch self {
        case .documents:
            [
                "document_id", "path", "status", "schema_version", "sha256", "encoding", "format", "characters",
                "genre", "title", "document_number", "issuers", "recipients", "date",
                "doc_type", "policy_type", "effective_date", "expiry_date", "region_code", "region_name", "region_level",
            ] + ExtractionResult.itemKinds.map { $0.singular + "_count" } + ["diagnostic_count"]
        case .sections: ["document_id", "level", "marker", "title", "start", "end", "rule"]
        case .measures: ["document_id", "number", "title", "start", "end", "lead", "cooperating", "rule"]
        case .responsibilities: ["document_id", "measure_number", "role", "position", "department"]
        case .amounts:
            [
                "document_id", "measure_number", "text", "start", "end", "min", "max", "approximate", "redacted", "per", "purpose",
                "rule",
            ]
        case .counts:
            [
                "document_id", "measure_number", "text", "start", "end", "min", "max", "approximate", "redacted",
                "classifier", "subject", "rule",
            ]
        case .percentages:
            ["document_id", "measure_number", "text", "start", "end", "min", "max", "approximate", "redacted", "points", "rule"]
        case .deadlines: ["document_id", "measure_number", "text", "start", "end", "date", "rule"]
        case .instruments: ["document_id", "measure_number", "type", "tool", "cue", "start", "end", "rule"]
        case .instrumentTypes:
            ["document_id", "measure_count", "tagged_measures"] + InstrumentCounts.types + ["other", "tags"]
        case .references: ["document_id", "title", "action", "mentions", "first_start", "first_end", "spans", "rule"]
        case .organizations: ["document_id", "name", "kind", "mentions", "first_start", "first_end", "spans", "rule"]
        case .diagnostics: ["document_id", "severity", "message", "start", "end", "rule"]
        case .errors: ["document_id", "path", "kind", "reason"]
        }
    }
}

/// Where rows go, field by field: CSV bytes (``CSVTableBytes``, what a batch
/// writes) or arrays of strings (``DatasetRows``). Each kind of item writes
/// its rows once, through ``ExtractedItem/writeDatasetRows(to:documentID:)``,
/// for both; a table's `page` column is added at the end of the row, from the
/// value written in the table's start column (the one place the tables learn
/// pages).
public protocol DatasetRowSink {
    /// Starts a row of `table`.
    mutating func beginRow(_ table: DatasetTable)
    /// A text field.
    mutating func field(_ text: String)
    /// An integer field.
    mutating func field(_ number: Int)
    /// `true` or `false`.
    mutating func field(_ value: Bool)
    /// An exact decimal as its `description` writes it; empty when absent.
    mutating func field(_ value: Decimal?)
    /// A list joined with ``DatasetTable/listSeparator``.
    mutating func field(_ values: [String])
    /// Spans as `start-end` pairs joined by the list separator: `12-20|40-48`.
    mutating func field(spans: [Span])
    /// Ends the row (adding its `page` for a table that carries one).
    mutating func endRow()
}

extension DatasetRowSink {
    /// An optional text field: empty when absent.
    public mutating func field(_ text: String?) { field(text ?? "") }
    /// `true` or `false`.
    public mutating func field(_ value: Bool) { field(value ? "true" : "false") }
    /// An exact decimal as its `description` writes it; empty when absent.
    public mutating func field(_ value: Decimal?) { field(value.map(DecimalDigits.text) ?? "") }
    /// A list joined with ``DatasetTable/listSeparator``.
    public mutating func field(_ values: [String]) { field(values.joined(separator: DatasetTable.listSeparator)) }
    /// An optional integer field: empty when absent.
    public mutating func field(_ number: Int?) {
        if let number { field(number) } else { field("") }
    }
    /// Spans as `start-end` pairs joined by the list separator: `12-20|40-48`.
    public mutating func field(spans: [Span]) { field(spans.map { "\($0.start)-\($0.end)" }.joined(separator: DatasetTable.listSeparator)) }
}

/// The rows one record adds to each table.
public struct DatasetRows: Sendable {
    /// Rows per table, each row in the table's column order.
    public private(set) var rows: [DatasetTable: [[String]]] = [:]

    /// The rows of `record`: one `documents` row, and its items or its error.
    public init(_ record: DocumentRecord) {
        var sink = StringRows()
        Self.write(record, to: &sink)
        rows = sink.rows
    }

    /// The CSV bytes of the rows of `record`, table by table (as
    /// ``CSVFormat/record(_:forSpreadsheets:)`` writes each row).
    public static func csv(_ record: DocumentRecord, forSpreadsheets: Bool = false) -> CSVTableBytes {
        var bytes = CSVTableBytes(forSpreadsheets: forSpreadsheets)
        write(record, to: &bytes)
        bytes.finish()
        return bytes
    }

    /// The rows of one table (empty when the record adds none).
    public subscript(table: DatasetTable) -> [[String]] { rows[table] ?? [] }

    /// Writes every row of `record` into `rows`: its items (through their
    /// kinds' registration), instrument counts and diagnostics, then its
    /// `documents` row; or its `documents` and `errors` rows.
    static func write<Rows: RecordRows>(_ record: DocumentRecord, to rows: inout Rows) {
        let id = record.documentId
        switch record.outcome {
        case .failed(let failure):
            rows.pageStarts = nil
            rows.beginRow(.documents)
            rows.field(id); rows.field(failure.path); rows.field("error"); rows.field(ExtractionResult.currentSchemaVersion)
            rows.field(failure.sha256)
            for _ in 5..<DatasetTable.documents.columns.count { rows.field("") }
            rows.endRow()
            rows.beginRow(.errors)
            rows.field(id); rows.field(failure.path); rows.field(failure.kind.rawValue); rows.field(failure.reason)
            rows.endRow()
        case .extracted(let result):
            rows.pageStarts = result.source.pageStarts
            for kind in ExtractionResult.itemKinds { Rows.writeItems(of: kind, in: result, to: &rows, documentID: id) }
            var counts = InstrumentCounts()
            for measure in result.measures { counts.add(measure) }
            rows.beginRow(.instrumentTypes)
            rows.field(id); rows.field(result.measures.count); rows.field(counts.taggedMeasures)
            for count in counts.byType { rows.field(count) }
            rows.field(counts.other); rows.field(counts.tags)
            rows.endRow()
            for diagnostic in result.diagnostics {
                rows.beginRow(.diagnostics)
                rows.field(id); rows.field(diagnostic.severity.rawValue); rows.field(diagnostic.message)
                rows.field(diagnostic.span?.start); rows.field(diagnostic.span?.end); rows.field(diagnostic.rule)
                rows.endRow()
            }
            let source = result.source, metadata = result.metadata
            rows.beginRow(.documents)
            rows.field(id); rows.field(source.path); rows.field("ok"); rows.field(result.schemaVersion); rows.field(source.sha256)
            rows.field(source.encoding); rows.field(source.format); rows.field(source.characters); rows.field(result.genre)
            rows.field(metadata?.title); rows.field(metadata?.documentNumber)
            rows.field(metadata?.issuers ?? []); rows.field(metadata?.recipients ?? []); rows.field(metadata?.date)
            rows.field(metadata?.docType); rows.field(metadata?.policyType); rows.field(metadata?.effectiveDate)
            rows.field(metadata?.expiryDate); rows.field(metadata?.region?.code); rows.field(metadata?.region?.name)
            rows.field(metadata?.region?.level)
            for kind in ExtractionResult.itemKinds { rows.field(kind.count(result)) }
            rows.field(result.diagnostics.count)
            rows.endRow()
        }
    }

    static func start(_ spans: [Span]) -> Int? { spans.first?.start }
    static func end(_ spans: [Span]) -> Int? { spans.first?.end }
}

/// A row sink a whole record is written to.
protocol RecordRows: DatasetRowSink {
    /// Where the pages of the record being written begin (nil: no pages).
    var pageStarts: [Int]? { get set }
    /// Writes the rows of the items of `kind` (through the kind's registration).
    static func writeItems(of kind: ItemKind, in result: ExtractionResult, to rows: inout Self, documentID: String)
}

/// The rows as arrays of strings.
struct StringRows: RecordRows {
    var rows: [DatasetTable: [[String]]] = [:]
    var pageStarts: [Int]?
    private var table = DatasetTable.documents
    private var row: [String] = []

    mutating func beginRow(_ table: DatasetTable) {
        self.table = table
        row = []
    }

    static func writeItems(of kind: ItemKind, in result: ExtractionResult, to rows: inout Self, documentID: String) {
        kind.writeStrings(result, &rows, documentID)
    }

    mutating func field(_ text: String) { row.append(text) }
    mutating func field(_ number: Int) { row.append(String(number)) }

    mutating func endRow() {
        if table.carriesPage {
            let start = table.startColumn.flatMap { Int(row[$0]) }
            row.append(pageStarts.flatMap { starts in start.map { String(TextDocument.page(at: $0, starts: starts)) } } ?? "")
        }
        assert(row.count == table.columns.count, "\(table) row has \(row.count) fields")
        rows[table, default: []].append(row)
    }
}

/// The CSV bytes one record adds to each table (see ``DatasetRows/csv(_:forSpreadsheets:)``),
/// written field by field straight into one byte buffer per table: no string
/// per row, per number or per list, no array append per byte.
///
/// The buffers are raw memory that ``DatasetRows/csv(_:forSpreadsheets:)``,
/// the one place that makes a value of this type, writes through `inout` and
/// frees in ``finish()``; what is left and handed on (``tables``) is arrays.
public struct CSVTableBytes: @unchecked Sendable, RecordRows {
    /// Defuse formulas (`--excel`).
    public let forSpreadsheets: Bool
    /// Bytes per table; a table the record adds no row to is absent.
    public private(set) var tables: [DatasetTable: [UInt8]] = [:]
    /// Bytes per table while rows are written, by ``DatasetTable/ordinal``
    /// (the current row's table's bytes are in ``current`` meanwhile, and a
    /// spare buffer between rows); empty once finished.
    private var buffers: [JSONBytes] = []
    private var current: JSONBytes
    var pageStarts: [Int]?
    private var table = DatasetTable.documents
    private var ordinal = 0
    private var column = 0
    private var startColumn: Int?
    /// The value written in the current row's start column, for its page.
    private var start: Int?

    init(forSpreadsheets: Bool) {
        self.forSpreadsheets = forSpreadsheets
        buffers = (0..<DatasetTable.allCases.count).map { _ in JSONBytes(capacity: 256) }
        current = JSONBytes(capacity: 256)
    }

    /// The bytes of one table (empty when the record adds no row to it).
    public subscript(table: DatasetTable) -> [UInt8] { tables[table] ?? [] }

    static func writeItems(of kind: ItemKind, in result: ExtractionResult, to rows: inout Self, documentID: String) {
        kind.writeCSV(result, &rows, documentID)
    }

    /// Starts a row of `table`; the fields that follow fill its columns in order.
    public mutating func beginRow(_ table: DatasetTable) {
        self.table = table
        ordinal = table.ordinal
        swap(&current, &buffers[ordinal])
        startColumn = table.startColumn
        column = 0
        start = nil
    }

    /// The comma before every field but the first.
    @inline(__always)
    private mutating func separate() {
        if column > 0 { current.append(UInt8(ascii: ",")) }
        column += 1
    }

    /// Appends a text field, quoted as RFC 4180 wants (and defused for spreadsheets when asked).
    public mutating func field(_ text: String) {
        separate()
        CSVFormat.appendField(text, to: &current, forSpreadsheets: forSpreadsheets)
    }

    /// Appends a number field; the table's span-start column also gives the row's page.
    public mutating func field(_ number: Int) {
        if column == startColumn { start = number }
        separate()
        IntegerDigits.write(number, to: &current)
    }

    /// `true` or `false` (never quoted, never a formula).
    public mutating func field(_ value: Bool) {
        separate()
        current.append(value ? "true" : "false")
    }

    /// A decimal's digits straight into the table (a number: never quoted, never a formula).
    public mutating func field(_ value: Decimal?) {
        separate()
        guard let value else { return }
        if !value.isFinite || !DecimalDigits.write(value, to: &current) {
            CSVFormat.appendField(value.description, to: &current, forSpreadsheets: forSpreadsheets)
        }
    }

    /// A list joined with ``DatasetTable/listSeparator``, written as the
    /// joined string would be: quoted when any member needs it, defused by
    /// the joined text's first byte (a number has no `|`, so only a list of
    /// one can be one).
    public mutating func field(_ values: [String]) {
        guard values.count > 1 else { return field(values.first ?? "") }
        separate()
        let quotes = values.contains { CSVFormat.needsQuotes($0) }
        if quotes { current.append(UInt8(ascii: "\"")) }
        if forSpreadsheets, CSVFormat.startsFormula(values[0].utf8.first ?? UInt8(ascii: "|")) {
            current.append(UInt8(ascii: "'"))
        }
        for (index, value) in values.enumerated() {
            if index > 0 { current.append(UInt8(ascii: "|")) }
            CSVFormat.appendContent(value, to: &current, doublingQuotes: quotes)
        }
        if quotes { current.append(UInt8(ascii: "\"")) }
    }

    /// Spans as `start-end` pairs joined by the list separator: `12-20|40-48`
    /// (digits, dashes and bars: never quoted; defused only if a start were
    /// negative, as `-1-5` is no number).
    public mutating func field(spans: [Span]) {
        separate()
        guard let first = spans.first else { return }
        if forSpreadsheets, first.start < 0 { current.append(UInt8(ascii: "'")) }
        for (index, span) in spans.enumerated() {
            if index > 0 { current.append(UInt8(ascii: "|")) }
            IntegerDigits.write(span.start, to: &current)
            current.append(UInt8(ascii: "-"))
            IntegerDigits.write(span.end, to: &current)
        }
    }

    /// Ends the row: adds the page column where the table has one and checks the row is full.
    public mutating func endRow() {
        if table.carriesPage {
            // The page's column: empty for text without pages (spec §9).
            if let pageStarts, let start { field(TextDocument.page(at: start, starts: pageStarts)) } else { field("") }
        }
        assert(column == table.columns.count, "\(table) row has \(column) fields")
        current.append(UInt8(ascii: "\r"))
        current.append(UInt8(ascii: "\n"))
        swap(&current, &buffers[ordinal])
    }

    /// Moves the written tables into ``tables`` and frees the buffers.
    mutating func finish() {
        guard !buffers.isEmpty else { return }
        for table in DatasetTable.allCases where buffers[table.ordinal].count > 0 {
            tables[table] = buffers[table.ordinal].array()
        }
        for buffer in buffers { buffer.deallocate() }
        current.deallocate()
        buffers = []
    }

    /// Appends a row of strings (a header, a resumed table's row).
    mutating func append(_ row: [String], to table: DatasetTable) {
        CSVFormat.append(row, to: &tables[table, default: []], forSpreadsheets: forSpreadsheets)
    }
}

extension DatasetTable {
    /// The position of the table in ``allCases``.
    var ordinal: Int {
        switch self {
        case .documents: 0
        case .sections: 1
        case .measures: 2
        case .responsibilities: 3
        case .amounts: 4
        case .counts: 5
        case .percentages: 6
        case .deadlines: 7
        case .instruments: 8
        case .instrumentTypes: 9
        case .references: 10
        case .organizations: 11
        case .diagnostics: 12
        case .errors: 13
        }
    }
}

// MARK: - The rows of each kind of item

extension ExtractedItem {
    /// The item's rows in the CSV dataset, as arrays of strings (see ``writeDatasetRows(to:documentID:)``).
    public func datasetRows(documentID id: String) -> [(table: DatasetTable, row: [String])] {
        var sink = StringRows()
        writeDatasetRows(to: &sink, documentID: id)
        return DatasetTable.allCases.flatMap { table in (sink.rows[table] ?? []).map { (table, $0) } }
    }
}

extension Section {
    /// The item's rows in the CSV dataset (see ``ExtractedItem``).
    public func writeDatasetRows<Rows: DatasetRowSink>(to rows: inout Rows, documentID id: String) {
        rows.beginRow(.sections)
        rows.field(id); rows.field(level); rows.field(marker); rows.field(title); rows.field(span.start); rows.field(span.end)
        rows.field(rule)
        rows.endRow()
    }
}

extension Measure {
    /// The item's rows in the CSV dataset (see ``ExtractedItem``).
    public func writeDatasetRows<Rows: DatasetRowSink>(to rows: inout Rows, documentID id: String) {
        rows.beginRow(.measures)
        rows.field(id); rows.field(number); rows.field(title); rows.field(span.start); rows.field(span.end)
        rows.field(lead); rows.field(cooperating); rows.field(rule)
        rows.endRow()
        for (role, departments) in [("lead", lead), ("cooperating", cooperating)] {
            for (position, department) in departments.enumerated() {
                rows.beginRow(.responsibilities)
                rows.field(id); rows.field(number); rows.field(role); rows.field(position + 1); rows.field(department)
                rows.endRow()
            }
        }
        for tag in instruments {
            rows.beginRow(.instruments)
            rows.field(id); rows.field(number); rows.field(tag.type); rows.field(tag.tool); rows.field(tag.cue)
            rows.field(tag.span.start); rows.field(tag.span.end); rows.field(tag.rule)
            rows.endRow()
        }
    }
}

extension Amount {
    /// The item's rows in the CSV dataset (see ``ExtractedItem``).
    public func writeDatasetRows<Rows: DatasetRowSink>(to rows: inout Rows, documentID id: String) {
        rows.beginRow(.amounts)
        rows.field(id); rows.field(measure); rows.field(text); rows.field(span.start); rows.field(span.end)
        rows.field(min); rows.field(max); rows.field(approximate); rows.field(redacted); rows.field(per)
        rows.field(purpose); rows.field(rule)
        rows.endRow()
    }
}

extension Count {
    /// The item's rows in the CSV dataset (see ``ExtractedItem``).
    public func writeDatasetRows<Rows: DatasetRowSink>(to rows: inout Rows, documentID id: String) {
        rows.beginRow(.counts)
        rows.field(id); rows.field(measure); rows.field(text); rows.field(span.start); rows.field(span.end)
        rows.field(min); rows.field(max); rows.field(approximate); rows.field(redacted); rows.field(classifier)
        rows.field(subject); rows.field(rule)
        rows.endRow()
    }
}

extension Percentage {
    /// The item's rows in the CSV dataset (see ``ExtractedItem``).
    public func writeDatasetRows<Rows: DatasetRowSink>(to rows: inout Rows, documentID id: String) {
        rows.beginRow(.percentages)
        rows.field(id); rows.field(measure); rows.field(text); rows.field(span.start); rows.field(span.end)
        rows.field(min); rows.field(max); rows.field(approximate); rows.field(redacted); rows.field(points); rows.field(rule)
        rows.endRow()
    }
}

extension Deadline {
    /// The item's rows in the CSV dataset (see ``ExtractedItem``).
    public func writeDatasetRows<Rows: DatasetRowSink>(to rows: inout Rows, documentID id: String) {
        rows.beginRow(.deadlines)
        rows.field(id); rows.field(measure); rows.field(text); rows.field(span.start); rows.field(span.end); rows.field(date)
        rows.field(rule)
        rows.endRow()
    }
}

extension Reference {
    /// The item's rows in the CSV dataset (see ``ExtractedItem``).
    public func writeDatasetRows<Rows: DatasetRowSink>(to rows: inout Rows, documentID id: String) {
        rows.beginRow(.references)
        rows.field(id); rows.field(title); rows.field(action); rows.field(spans.count)
        rows.field(DatasetRows.start(spans)); rows.field(DatasetRows.end(spans)); rows.field(spans: spans); rows.field(rule)
        rows.endRow()
    }
}

extension Organization {
    /// The item's rows in the CSV dataset (see ``ExtractedItem``).
    public func writeDatasetRows<Rows: DatasetRowSink>(to rows: inout Rows, documentID id: String) {
        rows.beginRow(.organizations)
        rows.field(id); rows.field(name); rows.field(kind.rawValue); rows.field(mentions)
        rows.field(DatasetRows.start(spans)); rows.field(DatasetRows.end(spans)); rows.field(spans: spans); rows.field(rule)
        rows.endRow()
    }
}

/// The instrument tags of a document's measures counted by type, for the
/// `instrument_types` table: one column per Rothwell–Zegveld type, and
/// `other` for the types of a user's dictionary.
struct InstrumentCounts {
    /// The columns of the table, in order.
    static let types = ["supply", "environment", "demand"]

    var byType = [Int](repeating: 0, count: types.count)
    var other = 0
    var tags = 0
    var taggedMeasures = 0

    mutating func add(_ measure: Measure) {
        if !measure.instruments.isEmpty { taggedMeasures += 1 }
        for tag in measure.instruments {
            tags += 1
            if let column = Self.types.firstIndex(of: tag.type) { byType[column] += 1 } else { other += 1 }
        }
    }
}
