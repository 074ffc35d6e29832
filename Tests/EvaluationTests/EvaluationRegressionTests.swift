import Foundation
import Testing
import TestSupport
@testable import Evaluation
import Extractor

/// The regression gates `swift test` runs: every blessed fixture still
/// matches today's output, and no figure on the gold falls below the ratchet.
@Suite("Evaluation: regression gates")
struct EvaluationRegressionTests {
    private static let fixtures = Repository.root.appendingPathComponent("Fixtures/expected").path
    private static let ratchet = Repository.root.appendingPathComponent("Fixtures/ratchet.json").path

    @Test func everyFixtureMatchesTodaysOutput() throws {
        let store = FixtureStore(folder: Self.fixtures)
        let extractor = try DocumentExtractor()
        let fixtures = try store.fixtures()
        #expect(fixtures.count == Repository.corpus.count, "one fixture per Corpus document")
        for fixture in fixtures {
            let check = store.check(fixture, with: extractor)
            #expect(check.passed, "\(check.report)— re-bless with `zhengce check --update` if the change is intended")
        }
    }

    @Test func noFigureOnTheGoldFallsBelowTheRatchet() throws {
        let card = try Self.corpusScorecard()
        let drops = try Ratchet(file: Self.ratchet).drops(in: card)
        #expect(drops.isEmpty, "\(drops.map(\.description).joined(separator: "\n"))")
    }

    /// The held-out set guards generality: documents the matchers were not written from.
    @Test func noFigureOnTheHeldOutSetFallsBelowItsRatchet() throws {
        let heldOut = Repository.root.appendingPathComponent("Fixtures/heldout")
        let documents = try FileManager.default.contentsOfDirectory(atPath: heldOut.appendingPathComponent("docs").path).sorted()
        #expect(documents.count >= 8)
        let card = try Self.scorecard(
            documents.map { heldOut.appendingPathComponent("docs").appendingPathComponent($0) },
            recordedUnder: "Fixtures/heldout/docs/", gold: heldOut.appendingPathComponent("gold"))
        let drops = try Ratchet(file: heldOut.appendingPathComponent("ratchet.json").path).drops(in: card)
        #expect(drops.isEmpty, "\(drops.map(\.description).joined(separator: "\n"))")
    }

    /// Real documents guard generality too: the development set (gold for
    /// 001–008 by an annotator who never saw the code) and the unseen set
    /// (annotated after the rules were written, by two annotators who never
    /// saw the code).
    @Test(arguments: ["Fixtures/dev", "Fixtures/unseen"])
    func noFigureOnARealDocumentSetFallsBelowItsRatchet(set: String) throws {
        let folder = Repository.root.appendingPathComponent(set)
        let corpus = folder.appendingPathComponent("corpus")
        let documents = try FileManager.default.contentsOfDirectory(atPath: corpus.path).sorted()
        #expect(documents.count >= 8)
        let card = try Self.scorecard(
            documents.map { corpus.appendingPathComponent($0) },
            recordedUnder: set + "/corpus/", gold: folder.appendingPathComponent("gold"))
        #expect(card.missingDocuments.isEmpty)
        let drops = try Ratchet(file: folder.appendingPathComponent("ratchet.json").path).drops(in: card)
        #expect(drops.isEmpty, "\(drops.map(\.description).joined(separator: "\n"))")
    }

    @Test(arguments: ["Fixtures/ratchet.json", "Fixtures/dev/ratchet.json", "Fixtures/unseen/ratchet.json"])
    func theRatchetNamesEveryFigure(file: String) throws {
        let ratchet = try Ratchet(file: Repository.root.appendingPathComponent(file).path)
        #expect(Set(ratchet.minimums.keys) == Set(RatchetFigure.all))
    }

    /// Today's extraction of `Corpus/` scored against `Fixtures/gold`.
    static func corpusScorecard() throws -> Scorecard {
        try scorecard(Repository.corpus, recordedUnder: "Corpus/", gold: Scratch.gold)
    }

    /// Today's extraction of `documents` scored against the gold files in `gold`.
    static func scorecard(_ documents: [URL], recordedUnder prefix: String, gold: URL) throws -> Scorecard {
        let extractor = try DocumentExtractor()
        var predictions = PredictionSet()
        for url in documents {
            predictions.add(try extractor.extractJSON(try DocumentInput(fileAt: url.path, recordedAs: prefix + url.lastPathComponent)))
        }
        return Scorecard(gold: try GoldSet(folder: gold.path), predictions: predictions)
    }
}

/// A fixture changed in a copy: `check` names the field, re-blessing restores it.
@Suite("Evaluation: fixture check and re-blessing")
struct EvaluationFixtureCheckTests {
    @Test func aChangedFixtureFailsByNameAndRewritingRestoresIt() throws {
        let original = Repository.root.appendingPathComponent("Fixtures/expected")
        let copy = try Scratch.folder("fixtures")
        defer { try? FileManager.default.removeItem(at: copy) }
        let name = try FileManager.default.contentsOfDirectory(atPath: original.path).filter { $0.hasSuffix(".json") }.sorted()[0]
        let blessed = try String(contentsOf: original.appendingPathComponent(name), encoding: .utf8)
        var fixture = try JSONValue.parse(blessed).objectValue!
        var source = fixture["source"]!.objectValue!
        source["characters"] = .integer(1)
        fixture["source"] = .object(source)
        // One amount the document does not have, next to those it has.
        let bogus = try JSONValue.parse(#"{"text": "5万元", "span": {"start": 3, "end": 6}, "min": 50000, "max": 50000}"#)
        fixture["amounts"] = .array((fixture["amounts"]?.arrayValue ?? []) + [bogus])
        let changed = copy.appendingPathComponent(name)
        try Scratch.write(FixtureFormat.render(fixture), to: changed)

        let store = FixtureStore(folder: copy.path, root: Repository.root.path)
        let extractor = try DocumentExtractor()
        let check = store.check(changed.path, with: extractor)
        #expect(!check.passed)
        #expect(check.differences.map(\.path) == ["source.characters", "amounts[-]"])
        #expect(check.report.contains("source.characters: expected 1, got "))

        try store.write(check.actual!, to: changed.path)
        #expect(try String(contentsOf: changed, encoding: .utf8) == blessed)
        #expect(store.check(changed.path, with: extractor).passed)
    }

    @Test func aMissingDocumentIsReportedNotThrown() throws {
        let copy = try Scratch.folder("fixtures")
        defer { try? FileManager.default.removeItem(at: copy) }
        let fixture = copy.appendingPathComponent("gone.txt.json")
        try Scratch.write(#"{"source": {"path": "Corpus/gone.txt"}}"#, to: fixture)
        let check = FixtureStore(folder: copy.path, root: Repository.root.path).check(fixture.path, with: try DocumentExtractor())
        #expect(!check.passed)
        #expect(check.problem?.contains("no such file") == true)
    }
}

/// The ratchet only goes up.
@Suite("Evaluation: ratchet")
struct EvaluationRatchetTests {
    private func card(found: Int, of total: Int) -> Scorecard {
        var items: [JSONValue] = [], predicted: [JSONValue] = []
        for index in 0..<total {
            let item = JSONValue.object(
                JSONObject([
                    "start": .integer(index * 10), "end": .integer(index * 10 + 2),
                    "min": .integer(index + 1), "max": .integer(index + 1),
                ]))
            items.append(item)
            if index < found { predicted.append(item) }
        }
        let gold = GoldSet(documents: [(name: "a.txt", annotation: JSONObject(["document": .string("a.txt"), "amounts": .array(items)]))])
        var predictions = PredictionSet()
        predictions.add(JSONObject(["document": .string("a.txt"), "amounts": .array(predicted)]))
        return Scorecard(gold: gold, predictions: predictions)
    }

    @Test func aFigureBelowItsMinimumIsADrop() {
        var ratchet = Ratchet()
        ratchet.minimums[.f1(.amounts)] = Decimal(string: "0.8")!
        #expect(ratchet.drops(in: card(found: 4, of: 5)).isEmpty)  // f1 0.8889
        let drops = ratchet.drops(in: card(found: 2, of: 5))  // f1 0.5714
        #expect(drops.map(\.figure) == [.f1(.amounts)])
        #expect(drops.first?.measured == Decimal(string: "0.5714"))
    }

    @Test func nothingComparedCountsAsZero() {
        var ratchet = Ratchet()
        ratchet.minimums[.accuracy(.amountsPer)] = Decimal(string: "0.5")!
        #expect(ratchet.drops(in: card(found: 0, of: 3)).map(\.figure) == [.accuracy(.amountsPer)])
        ratchet.minimums[.accuracy(.amountsPer)] = 0
        #expect(ratchet.drops(in: card(found: 0, of: 3)).isEmpty)
    }

    @Test func raisingNeverLowersAMinimum() throws {
        var ratchet = Ratchet()
        let first = ratchet.raise(to: card(found: 4, of: 5))
        #expect(first.count == RatchetFigure.all.count)  // every figure gets a minimum
        #expect(ratchet.minimums[.f1(.amounts)] == Decimal(string: "0.8889"))
        #expect(ratchet.minimums[.accuracy(.countsSubject)] == 0)  // nothing compared yet
        #expect(ratchet.raise(to: card(found: 1, of: 5)).isEmpty)
        #expect(ratchet.minimums[.f1(.amounts)] == Decimal(string: "0.8889"))
        #expect(ratchet.raise(to: card(found: 5, of: 5)).map(\.figure) == [.f1(.amounts)])
        #expect(ratchet.minimums[.f1(.amounts)] == 1)
    }

    @Test func theFileReadsBackAsWritten() throws {
        var ratchet = Ratchet()
        ratchet.about = "Minimums on a held-out set."
        _ = ratchet.raise(to: card(found: 3, of: 7))
        let folder = try Scratch.folder("ratchet")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("ratchet.json").path
        try ratchet.write(to: path)
        #expect(try Ratchet(file: path) == ratchet)
        #expect(try Ratchet(file: path).about == "Minimums on a held-out set.")  // a rewrite keeps what the file says of itself
        #expect(try JSONValue.parse(ratchet.fileText)["minimum"]?["amounts"]?["f1"] == .number(JSONNumber(text: "0.6")))
    }
}
