import Extractor
import Foundation

/// A folder of CSV tables joined on `document_id` (see ``DatasetTable``).
///
/// Rows are appended as documents complete, in input order. `documents.csv`
/// is the commit log: a document's rows go to the other tables first, and its
/// `documents.csv` row is written out only after them, so after an
/// interruption `--skip-existing` takes the documents listed there as done,
/// drops any other table's rows of documents not listed (written half), and
/// appends the rest.
final class CSVTablesSink: RecordSink, @unchecked Sendable {
    /// Records between two checkpoints (all tables written out, `documents.csv` last).
    private static let checkpointInterval = 64

    private let folder: String
    /// Tables meant for Excel: a BOM, and formulas defused.
    private let excel: Bool
    private var files: [DatasetTable: OutputFile] = [:]
    private let done: Set<String>
    private var sinceCheckpoint = 0

    /// - Parameters:
    ///   - excel: start each new table with a UTF-8 BOM, so Excel reads Chinese
    ///     correctly, and defuse cells that Excel would run as formulas.
    ///   - skipExisting: resume the tables already in `folder` instead of replacing them.
    init(folder: String, excel: Bool, skipExisting: Bool) throws {
        self.folder = folder
        self.excel = excel
        try FileSystem.makeFolder(folder)
        let documentsPath = FileSystem.join(folder, DatasetTable.documents.fileName)
        let resuming = skipExisting && FileSystem.exists(documentsPath)
        done = resuming ? try Self.resume(folder) : []
        for table in DatasetTable.allCases {
            let path = FileSystem.join(folder, table.fileName)
            let append = resuming && FileSystem.exists(path)
            // documents.csv is written out only at checkpoints, after the others.
            let file = try OutputFile.open(path, append: append, flushThreshold: table == .documents ? nil : 1 << 18)
            if !append {
                if excel { try file.write(CSVFormat.byteOrderMark) }
                try file.write(CSVFormat.record(table.columns))
            }
            files[table] = file
        }
        try checkpoint()
    }

    func isDone(_ documentId: String) -> Bool { done.contains(documentId) }

    func render(_ record: DocumentRecord) throws -> Rendered {
        .tables(DatasetRows.csv(record, forSpreadsheets: excel))
    }

    func write(_ rendered: Rendered) throws {
        guard case .tables(let csv) = rendered else { return }
        for table in DatasetTable.allCases where table != .documents {
            if let bytes = csv.tables[table] { try files[table]!.write(bytes) }
        }
        if let bytes = csv.tables[.documents] { try files[.documents]!.write(bytes) }
        sinceCheckpoint += 1
        if sinceCheckpoint >= Self.checkpointInterval { try checkpoint() }
    }

    func finish() throws {
        try checkpoint()
        for table in DatasetTable.allCases { try files[table]!.close() }
    }

    private func checkpoint() throws {
        for table in DatasetTable.allCases where table != .documents { try files[table]!.flush() }
        try files[.documents]!.flush()
        sinceCheckpoint = 0
    }

    /// Reads the documents already done and makes every table consistent with them.
    private static func resume(_ folder: String) throws -> Set<String> {
        var done = Set<String>()
        let documentsPath = FileSystem.join(folder, DatasetTable.documents.fileName)
        var intactEnd = 0
        try readTable(.documents, at: documentsPath) { record in
            done.insert(record.fields[0])
            intactEnd = record.end
        } header: { end in
            intactEnd = end
        }
        for table in DatasetTable.allCases where table != .documents {
            let path = FileSystem.join(folder, table.fileName)
            guard FileSystem.exists(path) else { continue }
            try filter(table, at: path, keeping: done)
        }
        try ResumeReader.truncate(documentsPath, to: intactEnd)
        return done
    }

    /// Reads a table, checking its header; `row` gets each complete row.
    private static func readTable(
        _ table: DatasetTable, at path: String, row: (CSVReader.Record) throws -> Void,
        header: (Int) throws -> Void
    ) throws {
        var reader = CSVReader()
        var sawHeader = false
        func handle(_ record: CSVReader.Record) throws {
            if !sawHeader {
                guard record.fields == table.columns else {
                    throw BatchError.output(
                        "\(path) does not have the columns of this zhengce version; "
                            + "remove the folder or run without --skip-existing")
                }
                sawHeader = true
                try header(record.end)
            } else {
                try row(record)
            }
        }
        try ResumeReader.forEachChunk(of: path) { chunk in try reader.read(chunk) { try handle($0) } }
        try reader.finish { try handle($0) }
    }

    /// Rewrites a table with only the rows of documents in `done` (atomically).
    private static func filter(_ table: DatasetTable, at path: String, keeping done: Set<String>) throws {
        let temporary = FileSystem.join(
            (path as NSString).deletingLastPathComponent,
            "." + table.fileName + ".partial")
        let output = try OutputFile.open(temporary, append: false)
        if ResumeReader.prefix(of: path, count: 3) == CSVFormat.byteOrderMark {
            try output.write(CSVFormat.byteOrderMark)
        }
        try readTable(table, at: path) { record in
            if done.contains(record.fields[0]) { try output.write(CSVFormat.record(record.fields)) }
        } header: { _ in
            try output.write(CSVFormat.record(table.columns))
        }
        try output.close()
        guard rename(temporary, path) == 0 else {
            throw BatchError.output("cannot replace \(path): \(String(cString: strerror(errno)))")
        }
    }
}
