import Foundation
import Testing
import TestSupport
@testable import Evaluation
import Extractor

/// Field-by-field comparison of fixtures, items aligned by span.
@Suite("Evaluation: fixture differences")
struct EvaluationFixtureTests {
    private func amount(_ text: String, _ start: Int, _ value: Int) -> String {
        #"{"text": "\#(text)", "span": {"start": \#(start), "end": \#(start + text.count)}, "min": \#(value), "max": \#(value), "rule": "amount.exact"}"#
    }

    private func result(_ amounts: [String], genre: String = "normative") throws -> JSONValue {
        try JSONValue.parse(#"{"schemaVersion": 1, "genre": "\#(genre)", "amounts": [\#(amounts.joined(separator: ", "))]}"#)
    }

    private func lines(_ expected: JSONValue, _ actual: JSONValue) -> [String] {
        JSONDiff.differences(expected: expected, actual: actual).map { $0.line() }
    }

    @Test func identicalResultsHaveNoDifferences() throws {
        let a = try result([amount("2万元", 5, 20000)])
        #expect(JSONDiff.differences(expected: a, actual: a).isEmpty)
        // Key order and number spelling do not matter.
        let b = try JSONValue.parse(
            #"{"amounts": [{"max": 2E4, "min": 20000.0, "span": {"end": 8, "start": 5}, "text": "2万元", "rule": "amount.exact"}], "genre": "normative", "schemaVersion": 1}"#
        )
        #expect(JSONDiff.differences(expected: a, actual: b).isEmpty)
    }

    @Test func aChangedValueIsNamedByItsPath() throws {
        let expected = try result([amount("1万元", 0, 10000), amount("5万元", 10, 50000)])
        let actual = try result([amount("1万元", 0, 10000), amount("5万元", 10, 500000)])
        #expect(lines(expected, actual) == ["amounts[1].min: expected 50000, got 500000", "amounts[1].max: expected 50000, got 500000"])
    }

    @Test func oneInsertedItemIsOneAdditionNotACascade() throws {
        let expected = try result([amount("1万元", 0, 10000), amount("3万元", 20, 30000), amount("4万元", 30, 40000)])
        let actual = try result([amount("1万元", 0, 10000), amount("2万元", 10, 20000), amount("3万元", 20, 30000), amount("4万元", 30, 40000)])
        let found = JSONDiff.differences(expected: expected, actual: actual)
        #expect(found.map(\.path) == ["amounts[+]"])
        #expect(found.first?.change == .added(try JSONValue.parse(amount("2万元", 10, 20000))))
        #expect(JSONDiff.differences(expected: actual, actual: expected).map(\.path) == ["amounts[-]"])
    }

    @Test func aMovedBoundaryPairsByOverlapAndShowsTheSpanChange() throws {
        let expected = try result([amount("2万元", 10, 20000)])
        let actual = try JSONValue.parse(
            #"{"schemaVersion": 1, "genre": "normative", "amounts": [{"text": "2万元奖", "span": {"start": 10, "end": 14}, "min": 20000, "max": 20000, "rule": "amount.exact"}]}"#
        )
        #expect(lines(expected, actual) == ["amounts[0].text: expected \"2万元\", got \"2万元奖\"", "amounts[0].span.end: expected 13, got 14"])
    }

    @Test func differencesAreListedInTextOrder() throws {
        let expected = try result([amount("1万元", 0, 10000), amount("3万元", 20, 30000)])
        let actual = try result([amount("3万元", 20, 30001), amount("0万元", 40, 0)], genre: "report")
        #expect(
            JSONDiff.differences(expected: expected, actual: actual).map(\.path)
                == ["genre", "amounts[-]", "amounts[1].min", "amounts[1].max", "amounts[+]"])
    }

    @Test func listsOfNamesAlignByNameAndListsOfWordsCompareWhole() throws {
        let expected = try JSONValue.parse(
            #"{"organizations": [{"name": "市人社局", "mentions": 2}, {"name": "市委", "mentions": 1}], "per": ["人", "年"]}"#)
        let actual = try JSONValue.parse(
            #"{"organizations": [{"name": "市委", "mentions": 1}, {"name": "市人社局", "mentions": 3}], "per": ["人"]}"#)
        #expect(lines(expected, actual) == ["organizations[0].mentions: expected 2, got 3", #"per: expected ["人", "年"], got ["人"]"#])
    }

    @Test func diagnosticsWithoutASpanAlignByMessage() throws {
        let expected = try JSONValue.parse(
            #"{"diagnostics": [{"severity": "note", "message": "a", "span": null}, {"severity": "note", "message": "b", "span": {"start": 1, "end": 2}}]}"#
        )
        let actual = try JSONValue.parse(
            #"{"diagnostics": [{"severity": "note", "message": "c", "span": null}, {"severity": "warning", "message": "a", "span": null}, {"severity": "note", "message": "b", "span": {"start": 1, "end": 2}}]}"#
        )
        #expect(JSONDiff.differences(expected: expected, actual: actual).map(\.path) == ["diagnostics[0].severity", "diagnostics[+]"])
    }

    @Test func absentKeysAndNullsAreShown() throws {
        let expected = try JSONValue.parse(#"{"metadata": null, "gone": 1}"#)
        let actual = try JSONValue.parse(#"{"metadata": {"title": "通知"}, "new": 2}"#)
        #expect(
            lines(expected, actual) == [
                #"metadata: expected null, got {"title": "通知"}"#, "gone: expected 1, got (absent)", "new: expected (absent), got 2",
            ])
    }

    @Test func theTextAroundAnItemIsShown() throws {
        let original = Array("前言。对机构给予2—5万元一次性奖励。".unicodeScalars)
        let expected = try result([amount("2—5万元", 8, 50000)]), actual = try result([amount("2—5万元", 8, 500000)])
        let line = JSONDiff.differences(expected: expected, actual: actual)[0].line(original: original)
        #expect(line == "amounts[0].min: expected 50000, got 500000 — 前言。对机构给予⟦2—5万元⟧一次性奖励。")
        let long =
            Array(String(repeating: "甲", count: 30).unicodeScalars) + Array("2万元\n奖".unicodeScalars)
            + Array(String(repeating: "乙", count: 30).unicodeScalars)
        #expect(DocumentInput.context(of: Span(start: 30, end: 33), in: long, width: 3) == "…甲甲甲⟦2万元⟧⏎奖乙…")
    }

    @Test func fixtureFilesListOneItemPerLineInContractOrder() throws {
        let value = try JSONValue.parse(
            #"{"amounts": [{"rule": "r", "max": 1, "min": 1, "span": {"end": 2, "start": 0}, "text": "1元"}], "genre": "report", "schemaVersion": 1, "zzz": [], "metadata": null}"#
        )
        let text = FixtureFormat.render(value.objectValue!)
        #expect(
            text == """
                {
                  "schemaVersion": 1,
                  "genre": "report",
                  "metadata": null,
                  "amounts": [
                    {"text": "1元", "span": {"start": 0, "end": 2}, "min": 1, "max": 1, "rule": "r"}
                  ],
                  "zzz": []
                }

                """)
        #expect(try JSONValue.parse(text).objectValue.map { JSONDiff.differences(expected: .object($0), actual: value).isEmpty } == true)
    }

    @Test func fixturesRecordPathsRelativeToTheRoot() {
        let store = FixtureStore(folder: Repository.root.appendingPathComponent("Fixtures/expected").path)
        #expect(URL(fileURLWithPath: store.root).standardizedFileURL == Repository.root.standardizedFileURL)
        #expect(store.recordedPath(of: Repository.root.appendingPathComponent("Corpus/a.txt").path) == "Corpus/a.txt")
        #expect(store.recordedPath(of: "/elsewhere/a.txt") == "/elsewhere/a.txt")
        #expect(store.fixturePath(forDocumentAt: "sub/a.txt").hasSuffix("Fixtures/expected/sub/a.txt.json"))
    }
}
