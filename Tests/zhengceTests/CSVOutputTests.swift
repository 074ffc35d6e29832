import Extractor
import Foundation
import Testing
import TestSupport

/// `--format csv`: tables that Python's csv module loads and joins on document_id.
@Suite("CSV tables", .serialized)
struct CSVOutputTests {
    /// Loads every table with Python's csv module, checks headers, joins each
    /// table to documents.csv on document_id, and prints a JSON summary.
    static let loader = #"""
        import csv, json, os, sys
        folder = sys.argv[1]
        encoding = sys.argv[2]
        tables = {}
        for name in sorted(os.listdir(folder)):
            if not name.endswith(".csv"):
                continue
            with open(os.path.join(folder, name), encoding=encoding, newline="") as f:
                tables[name[:-4]] = list(csv.DictReader(f))
        documents = {row["document_id"]: row for row in tables["documents"]}
        assert len(documents) == len(tables["documents"]), "document_id is unique in documents.csv"
        unjoined = {name: [r["document_id"] for r in rows if r["document_id"] not in documents]
                    for name, rows in tables.items()}
        errors = {r["document_id"]: r["reason"] for r in tables["errors"]}
        failed = sorted(i for i, d in documents.items() if d["status"] == "error")
        print(json.dumps({
            "tables": sorted(tables),
            "documents": [r["document_id"] for r in tables["documents"]],
            "unjoined": {k: v for k, v in unjoined.items() if v},
            "failed": failed,
            "errors": sorted(errors),
            "reasons_present": all(errors.values()),
            "first_header": list(tables["documents"][0].keys())[0] if tables["documents"] else None,
        }))
        """#

    struct Loaded: Decodable {
        var tables: [String]
        var documents: [String]
        var unjoined: [String: [String]]
        var failed: [String]
        var errors: [String]
        var reasons_present: Bool
        var first_header: String?
    }

    static func load(_ folder: URL, encoding: String = "utf-8") throws -> Loaded {
        let python = try Output.python(loader, [folder.path, encoding])
        #expect(python.status == 0, "\(python.stderr)")
        return try JSONDecoder().decode(Loaded.self, from: Data(python.stdout.utf8))
    }

    @Test func tablesLoadWithPythonAndJoinOnDocumentId() throws {
        let folder = try BatchFolder.make(copies: 12)
        defer { folder.remove() }
        let out = try CommandRunner.temporaryFolder("csv-out")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CommandRunner.run(["extract", folder.root.path, "--format", "csv", "-o", out.path])
        #expect(run.status == 1)
        let loaded = try Self.load(out)
        #expect(loaded.tables == DatasetTable.allCases.map(\.rawValue).sorted())
        #expect(loaded.documents == folder.expected.map(\.id))
        #expect(loaded.unjoined.isEmpty)
        let failed = folder.expected.filter { $0.failure != nil }.map(\.id).sorted()
        #expect(loaded.failed == failed)
        #expect(loaded.errors == failed)
        #expect(loaded.reasons_present)
        #expect(loaded.first_header == "document_id")
        let bytes = try Data(contentsOf: out.appendingPathComponent("documents.csv"))
        #expect(!bytes.starts(with: CSVFormat.byteOrderMark), "no BOM without --excel")
    }

    @Test func excelTablesStartWithAByteOrderMark() throws {
        let out = try CommandRunner.temporaryFolder("csv-excel")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CommandRunner.run([
            "extract", Repository.root.appendingPathComponent("Corpus").path,
            "--format", "csv", "--excel", "-o", out.path,
        ])
        #expect(run.status == 0)
        for table in DatasetTable.allCases {
            let bytes = try Data(contentsOf: out.appendingPathComponent(table.fileName))
            #expect(bytes.starts(with: CSVFormat.byteOrderMark), "\(table.fileName)")
            #expect(String(decoding: bytes.dropFirst(3), as: UTF8.self).hasPrefix(table.columns.joined(separator: ",") + "\r\n"))
        }
        // utf-8-sig is how Python (and Excel) read a BOM file.
        let loaded = try Self.load(out, encoding: "utf-8-sig")
        #expect(loaded.documents.count == Repository.corpus.count)
        #expect(loaded.first_header == "document_id")
    }
}
