import Foundation
import Extractor

/// Where a batch's records go: one JSON file each, a JSON stream, or CSV tables.
///
/// ``isDone(_:)`` and ``render(_:)`` run on worker threads, in parallel, and
/// must only read shared state; ``write(_:)`` and ``finish()`` run on the
/// writer thread, one record at a time, in input order.
protocol RecordSink: AnyObject, Sendable {
    /// Whether the output already holds this document (`--skip-existing`).
    func isDone(_ documentId: String) -> Bool
    /// The record in the output's form; may write it already (one file per record).
    func render(_ record: DocumentRecord) throws -> Rendered
    /// Writes a rendered record.
    func write(_ rendered: Rendered) throws
    /// Writes out whatever is buffered and closes the output.
    func finish() throws
}

/// One pretty JSON file per document, `OUT/<documentId>.json`, mirroring the
/// input tree; each written atomically (temporary file, then rename), so with
/// `--skip-existing` a file that exists is complete and its document is skipped.
final class JSONFolderSink: RecordSink, @unchecked Sendable {
    private let folder: String
    private let skipExisting: Bool

    init(folder: String, skipExisting: Bool) throws {
        self.folder = folder
        self.skipExisting = skipExisting
        try FileSystem.makeFolder(folder)
    }

    /// The file of a document: its id made safe to use as a path under the folder.
    func target(of documentId: String) -> String {
        let parts = documentId.split(separator: "/", omittingEmptySubsequences: true)
            .filter { $0 != "." }
            .map { $0 == ".." ? "__" : String($0) }
        return FileSystem.join(folder, parts.joined(separator: "/") + ".json")
    }

    func isDone(_ documentId: String) -> Bool {
        skipExisting && FileSystem.exists(target(of: documentId))
    }

    func render(_ record: DocumentRecord) throws -> Rendered {
        let path = target(of: record.documentId)
        try FileSystem.makeFolder((path as NSString).deletingLastPathComponent)
        var bytes = try JSONFormat.bytes(record, pretty: true)
        bytes.append(UInt8(ascii: "\n"))
        try FileSystem.writeAtomically(bytes, to: path)
        return .none
    }

    func write(_ rendered: Rendered) throws {}
    func finish() throws {}
}

/// JSON records one after another: JSONL (one line each) to a file or standard
/// output, or pretty records to standard output.
final class JSONStreamSink: RecordSink, @unchecked Sendable {
    private let output: OutputFile
    private let pretty: Bool
    private let flushEachRecord: Bool
    private let done: Set<String>

    /// - Parameters:
    ///   - flushEachRecord: write every record out at once (`--stdin`, for a pipe mapper).
    ///   - done: documents already in the output, skipped.
    init(output: OutputFile, pretty: Bool, flushEachRecord: Bool, done: Set<String> = []) {
        self.output = output
        self.pretty = pretty
        self.flushEachRecord = flushEachRecord
        self.done = done
    }

    func isDone(_ documentId: String) -> Bool { done.contains(documentId) }

    func render(_ record: DocumentRecord) throws -> Rendered {
        var bytes = try JSONFormat.bytes(record, pretty: pretty)
        bytes.append(UInt8(ascii: "\n"))
        return .bytes(bytes)
    }

    func write(_ rendered: Rendered) throws {
        guard case .bytes(let bytes) = rendered else { return }
        try output.write(bytes)
        if flushEachRecord { try output.flush() }
    }

    func finish() throws { try output.close() }
}
