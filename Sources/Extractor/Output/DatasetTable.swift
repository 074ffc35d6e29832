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
    var startColumn: Int? { Self.startColumns[self] ?? nil }

    /// ``startColumn`` of every table, found once (a row is added per item).
    private static let startColumns = Dictionary(uniqueKeysWithValues: allCases.map { table in
        (table, table.ownColumns.firstIndex(of: "start") ?? table.ownColumns.firstIndex(of: "first_start"))
    })

    private var ownColumns: [String] {
        switch self {
        case .documents:
            ["document_id", "path", "status", "schema_version", "sha256", "encoding", "format", "characters",
             "genre", "title", "document_number", "issuers", "recipients", "date",
             "doc_type", "policy_type", "effective_date", "expiry_date", "region_code", "region_name", "region_level",
            ] + ExtractionResult.itemKinds.map { $0.singular + "_count" } + ["diagnostic_count"]
        case .sections: ["document_id", "level", "marker", "title", "start", "end", "rule"]
        case .measures: ["document_id", "number", "title", "start", "end", "lead", "cooperating", "rule"]
        case .responsibilities: ["document_id", "measure_number", "role", "position", "department"]
        case .amounts:
            ["document_id", "measure_number", "text", "start", "end", "min", "max", "approximate", "redacted", "per", "purpose",
             "rule"]
        case .counts:
            ["document_id", "measure_number", "text", "start", "end", "min", "max", "approximate", "redacted",
             "classifier", "subject", "rule"]
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

/// The rows one record adds to each table.
public struct DatasetRows: Sendable {
    /// Rows per table, each row in the table's column order.
    public private(set) var rows: [DatasetTable: [[String]]] = [:]
    /// When set, rows are written here as CSV instead of kept in ``rows``.
    private var csv: CSVTableBytes?

    /// The rows of `record`: one `documents` row, and its items or its error.
    public init(_ record: DocumentRecord) { self.init(record, csv: nil) }

    /// The CSV bytes of the rows of `record`, table by table (as
    /// ``CSVFormat/record(_:forSpreadsheets:)`` writes each row).
    public static func csv(_ record: DocumentRecord, forSpreadsheets: Bool = false) -> CSVTableBytes {
        DatasetRows(record, csv: CSVTableBytes(forSpreadsheets: forSpreadsheets)).csv!
    }

    private init(_ record: DocumentRecord, csv: CSVTableBytes?) {
        self.csv = csv
        let id = record.documentId
        switch record.outcome {
        case .failed(let failure):
            let known = [id, failure.path, "error", String(ExtractionResult.currentSchemaVersion), failure.sha256 ?? ""]
            add(.documents, known + Array(repeating: "", count: DatasetTable.documents.columns.count - known.count))
            add(.errors, [id, failure.path, failure.kind.rawValue, failure.reason])
        case .extracted(let result):
            pageStarts = result.source.pageStarts
            addItems(of: result, id: id)
            let source = result.source, metadata = result.metadata
            add(.documents, [
                id, source.path, "ok", String(result.schemaVersion), source.sha256, source.encoding, source.format,
                String(source.characters), result.genre, metadata?.title ?? "", metadata?.documentNumber ?? "",
                Self.list(metadata?.issuers ?? []), Self.list(metadata?.recipients ?? []), metadata?.date ?? "",
                metadata?.docType ?? "", metadata?.policyType ?? "", metadata?.effectiveDate ?? "",
                metadata?.expiryDate ?? "", metadata?.region?.code ?? "", metadata?.region?.name ?? "",
                metadata?.region?.level ?? "",
            ] + ExtractionResult.itemKinds.map { String($0.count(result)) } + [String(result.diagnostics.count)])
        }
    }

    /// The rows of one table (empty when the record adds none).
    public subscript(table: DatasetTable) -> [[String]] { rows[table] ?? [] }

    /// Where the pages of the record being added begin (nil: no pages).
    private var pageStarts: [Int]?

    /// Adds a row; an item's row gets its page here, from its start column,
    /// the one place the tables learn pages.
    private mutating func add(_ table: DatasetTable, _ row: [String]) {
        var row = row
        if table.carriesPage {
            let start = table.startColumn.flatMap { Int(row[$0]) }
            row.append(pageStarts.flatMap { starts in start.map { String(TextDocument.page(at: $0, starts: starts)) } } ?? "")
        }
        assert(row.count == table.columns.count, "\(table) row has \(row.count) fields")
        if csv != nil { csv!.append(row, to: table) } else { rows[table, default: []].append(row) }
    }

    private mutating func addItems(of result: ExtractionResult, id: String) {
        for kind in ExtractionResult.itemKinds {
            for item in kind.items(result) {
                for (table, row) in item.datasetRows(documentID: id) { add(table, row) }
            }
        }
        var counts = InstrumentCounts()
        for measure in result.measures { counts.add(measure) }
        add(.instrumentTypes, [id, String(result.measures.count), String(counts.taggedMeasures)]
            + counts.byType.map(String.init) + [String(counts.other), String(counts.tags)])
        for diagnostic in result.diagnostics {
            add(.diagnostics, [id, diagnostic.severity.rawValue, diagnostic.message,
                               diagnostic.span.map { String($0.start) } ?? "", diagnostic.span.map { String($0.end) } ?? "",
                               diagnostic.rule])
        }
    }

    static func list(_ values: [String]) -> String { values.joined(separator: DatasetTable.listSeparator) }
    static func number(_ value: Decimal?) -> String { value.map { $0.description } ?? "" }
    static func start(_ spans: [Span]) -> String { spans.first.map { String($0.start) } ?? "" }
    static func end(_ spans: [Span]) -> String { spans.first.map { String($0.end) } ?? "" }
    /// Spans as `start-end` pairs joined by the list separator: `12-20|40-48`.
    static func spans(_ spans: [Span]) -> String {
        spans.map { "\($0.start)-\($0.end)" }.joined(separator: DatasetTable.listSeparator)
    }
}

/// The CSV bytes one record adds to each table (see ``DatasetRows/csv(_:forSpreadsheets:)``).
public struct CSVTableBytes: Sendable {
    /// Defuse formulas (`--excel`).
    public let forSpreadsheets: Bool
    /// Bytes per table; a table the record adds no row to is absent.
    public private(set) var tables: [DatasetTable: [UInt8]] = [:]

    init(forSpreadsheets: Bool) { self.forSpreadsheets = forSpreadsheets }

    /// The bytes of one table (empty when the record adds no row to it).
    public subscript(table: DatasetTable) -> [UInt8] { tables[table] ?? [] }

    mutating func append(_ row: [String], to table: DatasetTable) {
        CSVFormat.append(row, to: &tables[table, default: []], forSpreadsheets: forSpreadsheets)
    }
}

// MARK: - The rows of each kind of item

extension Section {
    /// The item's rows in the CSV dataset (see ``ExtractedItem``).
    public func datasetRows(documentID id: String) -> [(table: DatasetTable, row: [String])] {
        [(.sections, [id, String(level), marker, title, String(span.start), String(span.end), rule])]
    }
}

extension Measure {
    /// The item's rows in the CSV dataset (see ``ExtractedItem``).
    public func datasetRows(documentID id: String) -> [(table: DatasetTable, row: [String])] {
        var rows: [(table: DatasetTable, row: [String])] = [
            (.measures, [id, number, title ?? "", String(span.start), String(span.end),
                         DatasetRows.list(lead), DatasetRows.list(cooperating), rule]),
        ]
        for (role, departments) in [("lead", lead), ("cooperating", cooperating)] {
            for (position, department) in departments.enumerated() {
                rows.append((.responsibilities, [id, number, role, String(position + 1), department]))
            }
        }
        for tag in instruments {
            rows.append((.instruments, [id, number, tag.type, tag.tool, tag.cue, String(tag.span.start),
                                        String(tag.span.end), tag.rule]))
        }
        return rows
    }
}

extension Amount {
    /// The item's rows in the CSV dataset (see ``ExtractedItem``).
    public func datasetRows(documentID id: String) -> [(table: DatasetTable, row: [String])] {
        [(.amounts, [id, measure ?? "", text, String(span.start), String(span.end),
                     DatasetRows.number(min), DatasetRows.number(max), String(approximate),
                     String(redacted), DatasetRows.list(per), purpose ?? "", rule])]
    }
}

extension Count {
    /// The item's rows in the CSV dataset (see ``ExtractedItem``).
    public func datasetRows(documentID id: String) -> [(table: DatasetTable, row: [String])] {
        [(.counts, [id, measure ?? "", text, String(span.start), String(span.end),
                    DatasetRows.number(min), DatasetRows.number(max), String(approximate),
                    String(redacted), classifier, subject ?? "", rule])]
    }
}

extension Percentage {
    /// The item's rows in the CSV dataset (see ``ExtractedItem``).
    public func datasetRows(documentID id: String) -> [(table: DatasetTable, row: [String])] {
        [(.percentages, [id, measure ?? "", text, String(span.start), String(span.end),
                         DatasetRows.number(min), DatasetRows.number(max), String(approximate),
                         String(redacted), String(points), rule])]
    }
}

extension Deadline {
    /// The item's rows in the CSV dataset (see ``ExtractedItem``).
    public func datasetRows(documentID id: String) -> [(table: DatasetTable, row: [String])] {
        [(.deadlines, [id, measure ?? "", text, String(span.start), String(span.end), date, rule])]
    }
}

extension Reference {
    /// The item's rows in the CSV dataset (see ``ExtractedItem``).
    public func datasetRows(documentID id: String) -> [(table: DatasetTable, row: [String])] {
        [(.references, [id, title, action ?? "", String(spans.count), DatasetRows.start(spans), DatasetRows.end(spans),
                        DatasetRows.spans(spans), rule])]
    }
}

extension Organization {
    /// The item's rows in the CSV dataset (see ``ExtractedItem``).
    public func datasetRows(documentID id: String) -> [(table: DatasetTable, row: [String])] {
        [(.organizations, [id, name, kind.rawValue, String(mentions), DatasetRows.start(spans), DatasetRows.end(spans),
                           DatasetRows.spans(spans), rule])]
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
