import Foundation
import Testing
import TestSupport

/// `zhengce explain` end to end.
@Suite("zhengce explain")
struct ExplainCommandTests {
    private let root = Repository.root
    private var document: String { "Corpus/" + Repository.corpus[1].lastPathComponent }

    @Test func itListsItemsAndNearMisses() throws {
        let run = try CommandRunner.run(["explain", document], in: root)
        #expect(run.status == 0, "\(run.stderr)")
        let heading = run.stdout.split(separator: "\n").first.map(String.init) ?? ""
        #expect(heading.hasPrefix("\(document): "))
        #expect(heading.contains(" item") && heading.contains(" near miss"))
    }

    @Test func anOffsetNarrowsTheListingAndShowsWhereItIs() throws {
        let run = try CommandRunner.run(["explain", document, "--at", "100", "--window", "5"], in: root)
        #expect(run.status == 0)
        #expect(run.stdout.contains("within 5 of offset 100 — …"))
        #expect(run.stdout.contains("⟦⟧"))
    }

    @Test func badInputIsRefused() throws {
        #expect(try CommandRunner.run(["explain", document, "--at", "-1"], in: root).status == 2)
        let missing = try CommandRunner.run(["explain", "Corpus/no-such-file.txt"], in: root)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("no such file"))
    }
}
