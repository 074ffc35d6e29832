import ArgumentParser
import Evaluation
import Extractor
import Foundation

/// `zhengce check`: today's output against the blessed fixtures.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Compare today's extraction with the blessed fixtures, field by field.",
        discussion: """
            Each fixture (Fixtures/expected/NAME.json) is the blessed output of one document and \
            records the document's path relative to the repository root in source.path. check \
            re-extracts every such document and prints each difference with its path, both values \
            and the text around the item:

              amounts[12].max: expected 50000, got 500000 — …给予⟦2—5万元⟧奖补…
              counts[+] added: {"text": "3次", …} — …召开了⟦3次⟧会议…
              counts[-] removed: {"text": "一批", …} — …

            Items are aligned by span, so one new or lost item is one [+] or [-] line. With \
            DOCUMENT arguments, only those documents are checked (NAME.txt ↔ FIXTURES/NAME.txt.json), \
            and a document without a fixture is reported as new.

            Examples:
              zhengce check                    check every fixture
              zhengce check --update           show the differences, then re-bless
              zhengce check --update Corpus/   also bless documents without a fixture

            check is for the fixtures in the zhengce repository: run it from the repository's \
            root (or give --fixtures).

            Exit status: 0 when every fixture matches (or was re-blessed with --update), 1 on a \
            difference, a new document or an unreadable fixture or document, 2 on a usage error \
            (such as a fixtures folder that does not exist).
            """
    )

    @Option(help: "The fixtures folder.")
    var fixtures = "Fixtures/expected"

    @Option(help: "The folder fixture source paths are relative to (default: the nearest folder above the fixtures holding Package.swift).")
    var root: String?

    @Flag(help: "After showing the differences, write today's output as the new fixtures.")
    var update = false

    @Argument(help: "Documents or folders to check instead of every fixture.")
    var documents: [String] = []

    func validate() throws {
        try FixtureFolders.require(fixtures, option: "--fixtures")
        try FixtureFolders.requireExisting(documents)
    }

    func run() throws {
        let store = FixtureStore(folder: fixtures, root: root)
        let extractor = try DocumentExtractor()
        var checks: [FixtureCheck] = []
        if documents.isEmpty {
            for fixture in try store.fixtures() { checks.append(store.check(fixture, with: extractor)) }
        } else {
            for file in DocumentWalker.files(in: documents) {
                let fixture = store.fixturePath(forDocumentAt: file.relativePath)
                checks.append(store.check(document: file.path, fixture: fixture, with: extractor))
            }
        }

        var blessed = 0
        for check in checks {
            print(check.report, terminator: "")
            if update, let actual = check.actual, check.isNew || !check.differences.isEmpty {
                try store.write(actual, to: check.fixture)
                blessed += 1
                print("blessed \(check.fixture)")
            }
        }

        let problems = checks.filter { $0.problem != nil }.count
        let new = checks.filter { $0.problem == nil && $0.isNew }.count
        let differing = checks.filter { $0.problem == nil && !$0.isNew && !$0.differences.isEmpty }.count
        var summary = "\(checks.count) fixture\(checks.count == 1 ? "" : "s"): \(checks.count - problems - new - differing) unchanged"
        if differing > 0 { summary += ", \(differing) different" }
        if new > 0 { summary += ", \(new) new" }
        if problems > 0 { summary += ", \(problems) unreadable" }
        if blessed > 0 { summary += "; blessed \(blessed)" }
        print(summary)
        if problems > 0 || (!update && (new > 0 || differing > 0)) { throw ExitCode(1) }
    }
}
