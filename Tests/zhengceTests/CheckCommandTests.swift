import Foundation
import Testing
import TestSupport

/// `zhengce check` end to end, on copies of the fixtures.
@Suite("zhengce check")
struct CheckCommandTests {
    private let root = Repository.root
    private var fixtures: URL { root.appendingPathComponent("Fixtures/expected") }

    private func copyOfFixtures() throws -> URL {
        let folder = try CommandRunner.temporaryFolder("fixtures")
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.path) {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        return folder
    }

    @Test func theBlessedFixturesMatch() throws {
        let run = try CommandRunner.run(["check"], in: root)
        #expect(run.status == 0, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasSuffix("\(Repository.corpus.count) fixtures: \(Repository.corpus.count) unchanged\n"))
    }

    @Test func aChangedValueFailsNamingItsFieldAndUpdateRestoresIt() throws {
        let copy = try copyOfFixtures()
        defer { try? FileManager.default.removeItem(at: copy) }
        let name = Repository.corpus[1].lastPathComponent + ".json"
        let fixture = copy.appendingPathComponent(name)
        let blessed = try String(contentsOf: fixture, encoding: .utf8)
        let genre = try #require(blessed.range(of: #""genre": "[a-z]+""#, options: .regularExpression))
        let wrong = blessed[genre].contains("report") ? "normative" : "report"
        try blessed.replacingCharacters(in: genre, with: "\"genre\": \"\(wrong)\"").write(to: fixture, atomically: true, encoding: .utf8)

        let failing = try CommandRunner.run(["check", "--fixtures", copy.path, "--root", root.path], in: root)
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("\(name) (Corpus/\(Repository.corpus[1].lastPathComponent)): 1 difference"))
        #expect(failing.stdout.contains("  genre: expected \"\(wrong)\", got \""))

        let updating = try CommandRunner.run(["check", "--fixtures", copy.path, "--root", root.path, "--update"], in: root)
        #expect(updating.status == 0)
        #expect(updating.stdout.contains("  genre: expected \"\(wrong)\""))  // the diff is shown before re-blessing
        #expect(updating.stdout.contains("blessed \(fixture.path)"))
        #expect(try String(contentsOf: fixture, encoding: .utf8) == blessed)

        let passing = try CommandRunner.run(["check", "--fixtures", copy.path, "--root", root.path], in: root)
        #expect(passing.status == 0)
    }

    @Test func aDocumentWithoutAFixtureIsNewUntilBlessed() throws {
        let empty = try CommandRunner.temporaryFolder("fixtures")
        defer { try? FileManager.default.removeItem(at: empty) }
        let document = "Corpus/" + Repository.corpus[0].lastPathComponent
        let unblessed = try CommandRunner.run(["check", "--fixtures", empty.path, "--root", root.path, document], in: root)
        #expect(unblessed.status == 1)
        #expect(unblessed.stdout.contains("no fixture yet"))

        let blessing = try CommandRunner.run(["check", "--fixtures", empty.path, "--root", root.path, "--update", document], in: root)
        #expect(blessing.status == 0)
        let made = empty.appendingPathComponent(Repository.corpus[0].lastPathComponent + ".json")
        #expect(try Data(contentsOf: made) == (try Data(contentsOf: fixtures.appendingPathComponent(made.lastPathComponent))))
    }

    @Test func aFixtureWhoseDocumentIsGoneFails() throws {
        let folder = try CommandRunner.temporaryFolder("fixtures")
        defer { try? FileManager.default.removeItem(at: folder) }
        try Data(#"{"source": {"path": "Corpus/gone.txt"}}"#.utf8).write(to: folder.appendingPathComponent("gone.txt.json"))
        let run = try CommandRunner.run(["check", "--fixtures", folder.path, "--root", root.path, "--update"], in: root)
        #expect(run.status == 1)
        #expect(run.stdout.contains("cannot check: Corpus/gone.txt: no such file") || run.stdout.contains("gone.txt: no such file"))
    }
}
