import Extractor
import Foundation
import Testing
import TestSupport

/// `zhengce extract FOLDER`: one record per input, errors recorded, the same
/// results as extracting each file alone, in a fixed order, at any --jobs.
@Suite("Batch extraction", .serialized)
struct BatchExtractTests {
    @Test func aFolderWithBadFilesGivesOneRecordPerInput() throws {
        let folder = try BatchFolder.make(copies: BatchFolder.copiesFromEnvironment)
        defer { folder.remove() }
        let run = try CommandRunner.run(["extract", folder.root.path, "--format", "jsonl", "--jobs", "2"])
        #expect(run.status == 1, "some documents failed: exit status 1")
        let records = try Output.records(run.stdout)

        // One record per input, in byte order of their paths, ids unique.
        #expect(records.map(\.documentId) == folder.expected.map(\.id))
        #expect(Set(records.map(\.documentId)).count == records.count)

        // Errors are records with a kind and a reason; the rest are results.
        for (record, expected) in zip(records, folder.expected) {
            #expect(record.failure?.kind == expected.failure, "\(record.documentId)")
            if let failure = record.failure {
                #expect(!failure.reason.isEmpty)
                #expect(failure.path == folder.root.path + "/" + record.documentId)
                #expect(run.stderr.contains("\(failure.path): \(failure.reason)"))
            }
        }
        let failures = folder.expected.filter { $0.failure != nil && $0.failure != .empty }.count
        #expect(
            run.stderr.contains(
                "\(records.count) documents (\(records.count - failures - 1) extracted, 1 empty, \(failures) failed, 0 skipped)"))
        #expect(run.stderr.contains("folder already walked"), "the symlink loop is reported")
        #expect(!run.stderr.contains("\r"), "no progress bar when stderr is not a terminal")
        #expect(records.first { $0.documentId == "bad/empty.txt" }?.failure?.reason == "empty file")
        #expect(records.first { $0.documentId == "bad/binary.txt" }?.failure?.reason.hasPrefix("not a text file") == true)
        #expect(records.first { $0.documentId == "bad/image.png" }?.failure?.reason.contains("PNG image") == true)
        #expect(records.first { $0.documentId == "bad/fifo.txt" }?.failure?.reason.contains("FIFO") == true)
        #expect(records.first { $0.documentId == "bad/self.txt" }?.failure?.reason.contains("loop") == true)
        // A folder named like a document is walked, and is no document itself.
        #expect(!records.contains { $0.documentId == "bad/x.txt" })
        #expect(records.first { $0.documentId == "bad/x.txt/inner.txt" }?.result != nil)
        if !BatchFolder.readsUnreadableFiles {
            #expect(records.first { $0.documentId == "bad/unreadable.txt" }?.failure?.reason == "permission denied")
        }

        // The same results as extracting each file on its own.
        var alone: [URL: ExtractionResult] = [:]
        for original in Set(folder.originals.values) {
            let single = try CommandRunner.run(["extract", original.path])
            #expect(single.status == 0)
            alone[original] = try Output.record(single.stdout).result
            #expect(alone[original] != nil, "\(original.lastPathComponent) extracted alone")
        }
        for record in records {
            guard let original = folder.originals[record.documentId] else { continue }
            var result = try #require(record.result, "\(record.documentId) was extracted")
            #expect(result.source.path == folder.root.path + "/" + record.documentId)
            result.source.path = original.path
            #expect(result == alone[original], "\(record.documentId) as extracted alone")
        }

        // GB18030 decodes to the same text: the same result but for encoding and hash.
        var gb = try #require(records.first { $0.documentId == folder.gb18030.id }?.result)
        #expect(gb.source.encoding == "GB18030")
        gb.source.path = folder.gb18030.original.path
        gb.source.encoding = "UTF-8"
        gb.source.sha256 = alone[folder.gb18030.original]!.source.sha256
        #expect(gb == alone[folder.gb18030.original])
    }

    @Test func outputIsTheSameAtAnyNumberOfJobs() throws {
        let folder = try BatchFolder.make(copies: 23)
        defer { folder.remove() }
        let one = try CommandRunner.run(["extract", folder.root.path, "--format", "jsonl", "--jobs", "1"])
        let three = try CommandRunner.run(["extract", folder.root.path, "--format", "jsonl", "--jobs", "3"])
        #expect(one.status == 1 && three.status == 1)
        #expect(!one.stdout.isEmpty)
        #expect(one.stdout == three.stdout)
    }

    @Test func jsonOutputMirrorsTheInputTree() throws {
        let folder = try BatchFolder.make(copies: 7)
        defer { folder.remove() }
        let out = try CommandRunner.temporaryFolder("json-out")
        defer { try? FileManager.default.removeItem(at: out) }
        let run = try CommandRunner.run(["extract", folder.root.path, "-o", out.path])
        #expect(run.status == 1)
        let lines = try CommandRunner.run(["extract", folder.root.path, "--format", "jsonl"])
        for record in try Output.records(lines.stdout) {
            let file = out.appendingPathComponent(record.documentId + ".json")
            let text = try String(contentsOf: file, encoding: .utf8)
            #expect(text.hasPrefix("{\n  \"schemaVersion\": 2,\n  \"documentId\": "))
            #expect(try Output.record(text) == record, "\(file.path)")
        }
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("docs/set-000/000_3e4a7fe1f66d6319.txt.json").path))
        let leftovers = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".partial") }
        #expect(leftovers.isEmpty)
    }

    @Test func oneFilePrintsOneRecordAndSucceeds() throws {
        let file = Repository.corpus[0]
        let run = try CommandRunner.run(["extract", file.path])
        #expect(run.status == 0)
        let record = try Output.record(run.stdout)
        #expect(record.documentId == file.lastPathComponent)
        #expect(record.result?.source.path == file.path)
    }

    @Test func aFileGivenByNameIsReadWhateverItsExtension() throws {
        let folder = try CommandRunner.temporaryFolder("named")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("notice.data")
        try FileManager.default.copyItem(at: Repository.corpus[3], to: file)
        try FileManager.default.copyItem(at: Repository.corpus[2], to: folder.appendingPathComponent("other.data"))
        let named = try CommandRunner.run(["extract", file.path, "--format", "jsonl"])
        #expect(named.status == 0)
        #expect(try Output.records(named.stdout).map(\.documentId) == ["notice.data"])
        // Inside a folder every file is taken too: none is left out in silence.
        let walked = try CommandRunner.run(["extract", folder.path, "--format", "jsonl"])
        #expect(try Output.records(walked.stdout).map(\.documentId) == ["notice.data", "other.data"])
    }

    @Test func includeAndExcludeChooseTheFiles() throws {
        let folder = try BatchFolder.make(copies: 10)
        defer { folder.remove() }
        let run = try CommandRunner.run([
            "extract", folder.root.path, "--format", "jsonl",
            "--include", "0*.TXT", "--exclude", "set-001", "--exclude", "bad/x.txt/*",
        ])
        let ids = try Output.records(run.stdout).map(\.documentId)
        #expect(
            ids == [
                "docs/set-000/000_3e4a7fe1f66d6319.txt", "docs/set-000/001_3844e15ad01e42f4.txt",
                "docs/set-000/002_d9585925bc72a482.txt", "docs/set-000/003_e6f53a7cf0d87430.txt",
                "docs/set-000/004_84f888014f4717b0.txt",
            ])
        let hidden = try CommandRunner.run([
            "extract", folder.root.appendingPathComponent("bad").path, "--format", "jsonl",
            "--hidden", "--include", ".hidden.txt",
        ])
        #expect(try Output.records(hidden.stdout).map(\.documentId) == [".hidden.txt"])
    }

    @Test func twoFoldersWithTheSameNamesGetDistinctIds() throws {
        let a = try CommandRunner.temporaryFolder("a"), b = try CommandRunner.temporaryFolder("b")
        defer { try? FileManager.default.removeItem(at: a); try? FileManager.default.removeItem(at: b) }
        for folder in [a, b] {
            try FileManager.default.copyItem(at: Repository.corpus[0], to: folder.appendingPathComponent("same.txt"))
        }
        let run = try CommandRunner.run([
            "extract", a.path, b.path, a.appendingPathComponent("same.txt").path,
            "--format", "jsonl",
        ])
        #expect(run.status == 0)
        let ids = try Output.records(run.stdout).map(\.documentId)
        let second = b.appendingPathComponent("same.txt").path, third = a.appendingPathComponent("same.txt").path
        #expect(ids == ["same.txt", second, third])
    }

    @Test func quietSaysNothing() throws {
        let folder = try BatchFolder.make(copies: 3)
        defer { folder.remove() }
        let run = try CommandRunner.run(["extract", folder.root.path, "--format", "jsonl", "--quiet"])
        #expect(run.status == 1)
        #expect(run.stderr.isEmpty)
    }

    @Test(arguments: [
        ["extract"],
        ["extract", "Corpus", "--bogus"],
        ["extract", "Corpus", "--format", "csv"],
        ["extract", "Corpus", "--format", "xml"],
        ["extract", "Corpus", "--excel"],
        ["extract", "Corpus", "--jobs", "0"],
        ["extract", "Corpus", "--skip-existing"],
        ["extract", "Corpus", "--stdin"],
        ["extract", "--stdin", "--format", "csv", "-o", "/tmp/never"],
        ["extract", "Corpus", "-o", "Package.swift"],
        ["extract", "--stdin", "--skip-existing", "-o", "/tmp/never.jsonl"],
    ])
    func usageErrorsExitWithTwo(arguments: [String]) throws {
        let run = try CommandRunner.run(arguments, in: Repository.root)
        #expect(run.status == 2)
        #expect(run.stderr.contains("Error:") || run.stderr.contains("error:"))
        #expect(run.stdout.isEmpty)
    }

    @Test func helpDocumentsExitCodesAndIds() throws {
        let run = try CommandRunner.run(["extract", "--help"])
        #expect(run.status == 0)
        for phrase in [
            "Exit status: 0", "1 when some failed", "2 on a usage error", "documentId", "--skip-existing",
            "--stdin", "responsibilities", "--excel",
        ] {
            #expect(run.stdout.contains(phrase), "\(phrase)")
        }
    }
}
