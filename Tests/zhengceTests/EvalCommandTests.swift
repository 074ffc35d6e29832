import Foundation
import Testing
import TestSupport

/// `zhengce eval` end to end.
@Suite("zhengce eval")
struct EvalCommandTests {
    private let root = Repository.root

    @Test(.enabled(if: ReferenceScorer.isAvailable, Comment(rawValue: ReferenceScorer.absence)))
    func corpusFiguresAreThoseOfScorePy() throws {
        let out = try CommandRunner.temporaryFolder("eval")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try CommandRunner.run(["extract", "Corpus", "-o", out.path], in: root).status == 0)
        for options in [["--json"], [], ["--verbose"]] {
            let ours = try CommandRunner.run(["eval", "--gold", "Fixtures/gold", "Corpus/"] + options, in: root)
            #expect(ours.status == 0, "\(ours.stderr)")
            let theirs = try ReferenceScorer.run(["--gold", "Fixtures/gold", "--pred", out.path] + options, in: root)
            #expect(ours.stdout == theirs, "zhengce eval \(options) differs from score.py")
        }
    }

    @Test func documentsPredictionFoldersJSONLinesAndSingleFilesScoreAlike() throws {
        let out = try CommandRunner.temporaryFolder("eval")
        defer { try? FileManager.default.removeItem(at: out) }
        let lines = out.appendingPathComponent("all.jsonl").path
        #expect(try CommandRunner.run(["extract", "Corpus", "-o", out.path], in: root).status == 0)
        #expect(try CommandRunner.run(["extract", "Corpus", "--format", "jsonl", "-o", lines], in: root).status == 0)
        let fromDocuments = try CommandRunner.run(["eval", "--gold", "Fixtures/gold", "Corpus", "--json"], in: root)
        let fromFolder = try CommandRunner.run(["eval", "--gold", "Fixtures/gold", out.path, "--json"], in: root)
        let fromLines = try CommandRunner.run(["eval", "--gold", "Fixtures/gold", lines, "--json"], in: root)
        #expect(fromDocuments.status == 0 && fromFolder.status == 0 && fromLines.status == 0)
        #expect(fromDocuments.stdout == fromFolder.stdout)
        #expect(fromDocuments.stdout == fromLines.stdout)
        #expect(fromDocuments.stdout.contains("\"missingDocuments\": []"))

        let name = Repository.corpus[0].lastPathComponent
        let single = try CommandRunner.run(
            [
                "eval", "--gold", "Fixtures/gold", out.appendingPathComponent(name + ".json").path,
                "--doc", String(name.prefix(3)), "--json",
            ], in: root)
        #expect(single.status == 0)
        #expect(single.stdout.contains("\"missingDocuments\": []"))
        let others = try CommandRunner.run(["eval", "--gold", "Fixtures/gold", out.appendingPathComponent(name + ".json").path], in: root)
        #expect(others.stdout.contains("no prediction for: "))
        #expect(!others.stdout.contains("no prediction for: \(name)"))
    }

    @Test func aFigureBelowTheRatchetFailsAndUpdatingNeverLowersIt() throws {
        let folder = try CommandRunner.temporaryFolder("ratchet")
        defer { try? FileManager.default.removeItem(at: folder) }
        let ratchet = folder.appendingPathComponent("ratchet.json")
        // A minimum no figure can reach (F1 is at most 1), whatever the matchers score today.
        let high = #"{"minimum": {"amounts": {"f1": 1.5}, "metadata": {"accuracy": 0}}}"#
        try Data(high.utf8).write(to: ratchet)

        let failing = try CommandRunner.run(["eval", "--gold", "Fixtures/gold", "Corpus", "--ratchet", ratchet.path], in: root)
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("amounts f1 fell below the ratchet"))

        let updated = try CommandRunner.run(
            ["eval", "--gold", "Fixtures/gold", "Corpus", "--ratchet", ratchet.path, "--update-ratchet"], in: root)
        #expect(updated.status == 1)  // still below: updating never lowers a minimum
        let file = try String(contentsOf: ratchet, encoding: .utf8)
        #expect(file.contains(#""amounts": {"f1": 1.5}"#))
        #expect(file.contains(#""counts.subject": {"accuracy": "#))  // missing figures are added at today's value

        let repository = try CommandRunner.run(
            ["eval", "--gold", "Fixtures/gold", "Corpus", "--ratchet", "Fixtures/ratchet.json"], in: root)
        #expect(repository.status == 0, "\(repository.stderr)")
    }

    @Test func usageErrorsAreReported() throws {
        let noRatchet = try CommandRunner.run(["eval", "--gold", "Fixtures/gold", "Corpus", "--update-ratchet"], in: root)
        #expect(noRatchet.status == 2)
        #expect(noRatchet.stderr.contains("--update-ratchet needs --ratchet"))
        let noGold = try CommandRunner.run(["eval", "--gold", "no/such/folder", "Corpus"], in: root)
        #expect(noGold.status == 2)
        #expect(noGold.stderr.contains("--gold no/such/folder: no such folder"))
    }
}
