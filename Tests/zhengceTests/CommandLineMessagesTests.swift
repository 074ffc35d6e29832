import ArgumentParser
import Extractor
import Foundation
import Testing
import TestSupport
@testable import zhengce

/// What a new user meets first: a mistyped path, an empty file, a folder named
/// like a document, `check` and `eval` outside the repository, the summary
/// line, `--help` and `--version`. Each message says what happened and the
/// exit status says whose slip it was (2: the command line; 1: a document).
@Suite("Command-line messages")
struct CommandLineMessagesTests {
    /// A temporary folder holding `files` (name → text; a name ending in `/` is a folder).
    private func folder(_ files: [String: String]) throws -> URL {
        let folder = try CommandRunner.temporaryFolder("messages")
        for (name, text) in files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if name.hasSuffix("/") {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } else {
                try Data(text.utf8).write(to: url)
            }
        }
        return folder
    }

    @Test(arguments: [["json", "-o", "out"], ["jsonl", "-o", "out.jsonl"], ["csv", "-o", "out"]])
    func aMistypedPathIsAUsageErrorThatWritesNothing(_ format: [String]) throws {
        let work = try folder(["docs/a.txt": "给予50万元。"])
        defer { try? FileManager.default.removeItem(at: work) }
        for paths in [["nosuch_dir"], ["docs", "nosuch_dir"]] {
            let run = try CommandRunner.run(["extract"] + paths + ["--format"] + format, in: work)
            #expect(run.status == 2, "\(paths): exit \(run.status)")
            #expect(run.stderr.contains("nosuch_dir: no such file or folder"), "\(run.stderr)")
            #expect(!FileManager.default.fileExists(atPath: work.appendingPathComponent(format[2]).path), "\(paths): wrote output")
        }
    }

    @Test func anEmptyFileIsSaidToBeEmptyAndFailsNothing() throws {
        let work = try folder(["docs/a.txt": "给予50万元。", "docs/b.txt": ""])
        defer { try? FileManager.default.removeItem(at: work) }
        let alone = try CommandRunner.run(["extract", "docs/b.txt"], in: work)
        #expect(alone.status == 0, "\(alone.stderr)")
        let record = try Output.record(alone.stdout)
        #expect(record.failure?.kind == .empty)
        #expect(record.failure?.reason == "empty file")
        #expect(alone.stderr.contains("zhengce: warning: docs/b.txt: empty file, nothing to extract"))

        let batch = try CommandRunner.run(["extract", "docs", "--format", "jsonl"], in: work)
        #expect(batch.status == 0, "one empty file does not fail a folder: \(batch.stderr)")
        #expect(try Output.records(batch.stdout).map { $0.failure?.kind } == [nil, .empty])
        #expect(batch.stderr.contains("zhengce: 2 documents (1 extracted, 1 empty, 0 failed, 0 skipped)"))
    }

    @Test func aFolderNamedLikeADocumentIsWalkedNotFailed() throws {
        let work = try folder(["docs/x.txt/inner.txt": "给予50万元。", "docs/y.txt/": ""])
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try CommandRunner.run(["extract", "docs", "--format", "jsonl"], in: work)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try Output.records(run.stdout).map(\.documentId) == ["x.txt/inner.txt"])
        #expect(run.stderr.contains("zhengce: 1 document (1 extracted, 0 failed, 0 skipped)"))
    }

    @Test func oneOfAnythingIsSingular() throws {
        let work = try folder(["a.txt": "给予50万元。"])
        defer { try? FileManager.default.removeItem(at: work) }
        let run = try CommandRunner.run(["extract", "a.txt"], in: work)
        #expect(run.stderr.contains("zhengce: 1 document (1 extracted, 0 failed, 0 skipped)"), "\(run.stderr)")
        #expect(run.stderr.contains("; 1 item: 0 measures, 1 amount, 0 counts"), "\(run.stderr)")
    }

    /// Outside the repository, check and eval give the same usage error, naming the folder.
    @Test func checkAndEvalOutsideTheRepositorySayOneThing() throws {
        let work = try folder(["a.txt": "给予50万元。"])
        defer { try? FileManager.default.removeItem(at: work) }
        let common = "check and eval compare with the fixtures of the zhengce repository"
        let check = try CommandRunner.run(["check"], in: work)
        #expect(check.status == 2)
        #expect(check.stderr.contains("--fixtures Fixtures/expected: no such folder. " + common), "\(check.stderr)")
        let eval = try CommandRunner.run(["eval", "--gold", "Fixtures/gold", "a.txt"], in: work)
        #expect(eval.status == 2)
        #expect(eval.stderr.contains("--gold Fixtures/gold: no such folder. " + common), "\(eval.stderr)")
        #expect(check.stdout.isEmpty && eval.stdout.isEmpty)
        // A missing document or prediction is a usage error too.
        let gold = work.appendingPathComponent("gold")
        try FileManager.default.createDirectory(at: gold, withIntermediateDirectories: true)
        let missing = try CommandRunner.run(["eval", "--gold", "gold", "nosuch.txt"], in: work)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nosuch.txt: no such file or folder"))
    }

    /// Every command: the abstract fits its OVERVIEW line, and each example
    /// line of the discussion fits 80 columns, so --help never breaks one.
    @Test(arguments: [Zhengce.self] + Zhengce.configuration.subcommands)
    func helpNeverBreaksALineItDidNotMean(_ command: ParsableCommand.Type) {
        let configuration = command.configuration
        #expect("OVERVIEW: \(configuration.abstract)".count <= 80, "\(configuration.abstract)")
        for line in configuration.discussion.split(separator: "\n") where line.hasPrefix(" ") {
            #expect(line.count <= 80, "\(configuration.commandName ?? ""): \(line)")
        }
    }

    @Test func theOverviewTeachesAndReadsAsWritten() throws {
        let run = try CommandRunner.run(["--help"])
        #expect(run.status == 0)
        let lines = Set(run.stdout.split(separator: "\n").map(String.init))
        #expect(lines.contains("OVERVIEW: " + Zhengce.configuration.abstract))
        for example in Zhengce.configuration.discussion.split(separator: "\n") where example.hasPrefix("  zhengce ") {
            #expect(lines.contains(String(example)), "broken: \(example)")
        }
        #expect(run.stdout.contains("zhengce extract docs/ -o out/"))
    }

    @Test func theVersionIsTheNewestReleaseOfTheChangelog() throws {
        let run = try CommandRunner.run(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == Zhengce.version + "\n")
        let changelog = try String(contentsOf: Repository.root.appendingPathComponent("CHANGELOG.md"), encoding: .utf8)
        let release = changelog.split(separator: "\n").first { $0.hasPrefix("## [") && !$0.hasPrefix("## [Unreleased]") }
        #expect(release?.hasPrefix("## [\(Zhengce.version)]") == true, "newest release: \(release ?? "none")")
    }
}
