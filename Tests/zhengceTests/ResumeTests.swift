import Extractor
import Foundation
import Testing
import TestSupport

/// `--skip-existing`: an interrupted run resumes without redoing finished
/// documents and ends with the same output as an uninterrupted one.
@Suite("Resuming", .serialized)
struct ResumeTests {
    let corpus = Repository.root.appendingPathComponent("Corpus").path

    @Test func jsonSkipsDocumentsWhoseFileExists() throws {
        let out = try CommandRunner.temporaryFolder("resume-json")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try CommandRunner.run(["extract", corpus, "-o", out.path]).status == 0)
        let complete = try snapshot(out)
        // Interrupted: two files never written, one temporary file left behind.
        let names = Repository.corpus.map { $0.lastPathComponent + ".json" }
        try FileManager.default.removeItem(at: out.appendingPathComponent(names[1]))
        try FileManager.default.removeItem(at: out.appendingPathComponent(names[3]))
        try Data("{\"schemaVer".utf8).write(to: out.appendingPathComponent("." + names[3] + ".partial"))
        let resumed = try CommandRunner.run(["extract", corpus, "-o", out.path, "--skip-existing"])
        #expect(resumed.status == 0)
        #expect(resumed.stderr.contains("5 documents (2 extracted, 0 failed, 3 skipped)"))
        #expect(try snapshot(out) == complete)
    }

    @Test func jsonlAppendsWhatIsMissingAndDropsACutLine() throws {
        let folder = try CommandRunner.temporaryFolder("resume-jsonl")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("all.jsonl")
        #expect(try CommandRunner.run(["extract", corpus, "--format", "jsonl", "-o", file.path]).status == 0)
        let complete = try String(contentsOf: file, encoding: .utf8)
        let lines = complete.split(separator: "\n", omittingEmptySubsequences: false)
        // Interrupted in the middle of the third line.
        let cut = lines[0] + "\n" + lines[1] + "\n" + lines[2].prefix(40)
        try Data(cut.utf8).write(to: file)
        let resumed = try CommandRunner.run(["extract", corpus, "--format", "jsonl", "-o", file.path, "--skip-existing"])
        #expect(resumed.status == 0)
        #expect(resumed.stderr.contains("5 documents (3 extracted, 0 failed, 2 skipped)"))
        #expect(try String(contentsOf: file, encoding: .utf8) == complete)
    }

    @Test func csvTakesDocumentsListedAsDoneAndDropsHalfWrittenRows() throws {
        let out = try CommandRunner.temporaryFolder("resume-csv")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try CommandRunner.run(["extract", corpus, "--format", "csv", "--excel", "-o", out.path]).status == 0)
        let complete = try snapshot(out)
        // Interrupted: documents.csv lists two documents and a cut third row;
        // errors.csv holds a row of a document never committed.
        // (Bytes, not String: String(contentsOf:) would drop the BOM.)
        let documents = out.appendingPathComponent("documents.csv")
        let rows = String(decoding: try Data(contentsOf: documents), as: UTF8.self).components(separatedBy: "\r\n")
        try Data((rows[0...2].joined(separator: "\r\n") + "\r\n" + rows[3].prefix(30)).utf8).write(to: documents)
        let errors = out.appendingPathComponent("errors.csv")
        let halfWritten = Data("002_d9585925bc72a482.txt,x,\"half\nwritten\",y\r\n".utf8)
        try (try Data(contentsOf: errors) + halfWritten).write(to: errors)
        let resumed = try CommandRunner.run(["extract", corpus, "--format", "csv", "--excel", "-o", out.path, "--skip-existing"])
        #expect(resumed.status == 0)
        #expect(resumed.stderr.contains("5 documents (3 extracted, 0 failed, 2 skipped)"))
        #expect(try snapshot(out) == complete)
    }

    @Test func csvRefusesTablesOfAnotherShape() throws {
        let out = try CommandRunner.temporaryFolder("resume-csv-other")
        defer { try? FileManager.default.removeItem(at: out) }
        try Data("id,name\r\n1,x\r\n".utf8).write(to: out.appendingPathComponent("documents.csv"))
        let run = try CommandRunner.run(["extract", corpus, "--format", "csv", "-o", out.path, "--skip-existing"])
        #expect(run.status == 2)
        #expect(run.stderr.contains("columns"))
    }

    /// Every file under a folder with its bytes.
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
