import Foundation
import Testing
@testable import Evaluation
import Extractor

/// The scoring rules of spec §7, one behaviour at a time.
@Suite("Evaluation: scoring rules")
struct EvaluationScoringTests {
    private func object(_ json: String) throws -> JSONObject { try JSONValue.parse(json).objectValue! }

    private func items(_ json: String) throws -> [JSONObject] {
        try JSONValue.parse(json).arrayValue!.map { $0.objectValue! }
    }

    @Test(arguments: [
        ("10000", "10000", true), ("10000", "10000.0", true), ("10000", "1E4", true), ("10000", "\"10000\"", true),
        ("1000000", "1000001", true), ("1000000", "1000002", false), ("1", "1.000001", true), ("1", "1.0000011", false),
        ("0", "0.000001", true), ("0", "0.0000011", false), ("null", "null", true), ("null", "0", false),
        ("5", "true", false), ("5", "\"abc\"", false), ("5", "\" 5 \"", true), ("1000", "\"1_000\"", true),
        ("5", "\"５\"", true), ("5", "[5]", false), ("0.5", "\".5\"", true), ("5", "\"5.\"", true), ("5", "\"NaN\"", false),
    ])
    func numbersMatchWithinOneMillionth(gold: String, predicted: String, same: Bool) throws {
        #expect(ScoreRules.sameNumber(try JSONValue.parse(gold), try JSONValue.parse(predicted)) == same)
    }

    @Test func absentAndNullNumbersAreTheSameButUnreadableOnesNeverMatch() {
        #expect(ScoreRules.sameNumber(nil, .null))
        #expect(!ScoreRules.sameNumber(.bool(true), .bool(true)))
    }

    @Test func pairingIsGreedyInGoldOrderOnKeyAndOverlappingSpan() throws {
        let gold = try items(
            """
            [{"text": "a", "start": 0, "end": 3, "min": 1, "max": 1},
             {"text": "b", "start": 10, "end": 13, "min": 1, "max": 1},
             {"text": "c", "min": 2, "max": 2}]
            """)
        let predicted = try items(
            """
            [{"text": "b'", "span": {"start": 11, "end": 12}, "min": 1, "max": 1},
             {"text": "a'", "span": [2, 5], "min": 1, "max": 1},
             {"text": "c'", "span": {"start": 90, "end": 91}, "min": 2, "max": 2},
             {"text": "d'", "span": {"start": 0, "end": 3}, "min": 3, "max": 3}]
            """)
        let result = ItemPairing.pair(gold: gold, predicted: predicted, sameKey: ItemPairing.sameAmount)
        #expect(
            result.pairs.map { "\(gold[$0.gold]["text"]!.pythonStr)=\(predicted[$0.predicted]["text"]!.pythonStr)" } == [
                "a=a'", "b=b'", "c=c'",
            ])
        #expect(result.missed.isEmpty)
        #expect(result.extra == [3])
    }

    @Test func measuresPairByNumberThenByTitleAmongTheUnpaired() throws {
        let gold = try items(
            """
            [{"number": "一", "title": "加强组织领导"}, {"number": "二", "title": "强化资金保障"},
             {"number": "三", "title": "做好宣传引导"}]
            """)
        let predicted = try items(
            """
            [{"number": "（二）", "title": "强化资金保障"}, {"number": "一", "title": "加强组织领导"},
             {"number": "四", "title": "其他事项"}]
            """)
        let result = ItemPairing.pairMeasures(gold: gold, predicted: predicted)
        #expect(result.pairs.map { [$0.gold, $0.predicted] } == [[0, 1], [1, 0]])
        #expect(result.missed == [2])
        #expect(result.extra == [2])
    }

    @Test func listsPairAsTheScorerScoresThem() throws {
        let gold = try object(
            """
            {"amounts": [{"min": 5, "max": 5, "start": 0, "end": 3}], "measures": null}
            """)
        let record = try object(
            """
            {"amounts": [{"min": 5, "max": 5, "span": {"start": 1, "end": 4}}], "deadlines": [{"date": "2030-12-31"}],
             "measures": [{"number": "一", "title": "加强组织领导"}]}
            """)
        // Deadlines came later: scored only where the gold has them; measures null: not scored.
        let lists = ItemPairing.pairLists(gold: gold, prediction: record)
        #expect(lists.map(\.field) == ["amounts", "counts", "percentages"])
        #expect(lists[0].result.pairs.count == 1)
    }

    @Test func touchingSpansDoNotOverlap() throws {
        let gold = try items(#"[{"start": 0, "end": 3, "min": 1, "max": 1}]"#)
        let predicted = try items(#"[{"start": 3, "end": 5, "min": 1, "max": 1}]"#)
        let result = ItemPairing.pair(gold: gold, predicted: predicted, sameKey: ItemPairing.sameAmount)
        #expect(result.pairs.isEmpty && result.missed.count == 1 && result.extra.count == 1)
    }

    @Test func countsAlsoMatchOnClassifierWithAbsentAsEmpty() throws {
        let gold = try object(#"{"min": 3, "max": 3, "classifier": ""}"#)
        #expect(ItemPairing.sameCount(gold, try object(#"{"min": 3, "max": 3}"#)))
        #expect(ItemPairing.sameCount(gold, try object(#"{"min": 3, "max": 3, "classifier": null}"#)))
        #expect(!ItemPairing.sameCount(gold, try object(#"{"min": 3, "max": 3, "classifier": "名"}"#)))
        #expect(!ItemPairing.sameCount(gold, try object(#"{"min": 3, "max": 3, "redacted": true}"#)))
    }

    @Test(arguments: [
        ("\"高层次人才\"", "\"高层次人才\"", true), ("\"“高层次”人才\"", "\"高层次人才\"", true),
        ("\"高层次人才\"", "\"人才\"", true), ("\"人才\"", "\"高层次人才队伍\"", true), ("\"人才\"", "\"团队\"", false),
        ("null", "\"\"", true), ("null", "\"“”\"", true), ("\"人才\"", "null", false), ("\"人 才。\"", "\"人才\"", true),
    ])
    func subjectsAgreeUnquotedWhenOneContainsTheOther(gold: String, predicted: String, agree: Bool) throws {
        #expect(ScoreRules.sameSubject(try JSONValue.parse(gold), try JSONValue.parse(predicted)) == agree)
    }

    @Test(arguments: [
        ("市人社局", "市人社局"), (" 市 人社局，", "市人社局"), ("市人社局。；;，,：:", "市人社局"), ("市人社局：x", "市人社局：x"),
        ("a\u{3000}b\u{A0}c\u{1C}d\u{200B}", "abcd\u{200B}"), ("。", ""),
    ])
    func namesLoseWhitespaceAndTrailingPunctuation(raw: String, normalized: String) {
        #expect(ScoreRules.normalized(.string(raw)) == ExactText(normalized))
    }

    @Test func aDocumentIsScoredGroupByGroup() throws {
        let gold = try object(
            """
            {"document": "d.txt",
             "metadata": {"title": "通知", "documentNumber": "", "issuers": ["甲", "乙"], "recipients": [], "date": null},
             "measures": [{"number": "1", "title": "第一条。", "lead": ["市人社局"], "cooperating": ["市财政局"]},
                          {"number": "2", "title": "第二条", "lead": ["市教体局"], "cooperating": []}],
             "amounts": [{"text": "2万元", "start": 5, "end": 8, "min": 20000, "max": 20000, "approximate": false, "per": ["人"]}],
             "counts": [{"text": "3名", "start": 20, "end": 22, "min": 3, "max": 3, "classifier": "名", "subject": "人才"}],
             "percentages": [],
             "organizations": ["市人社局", "市财政局"], "references": ["办法"]}
            """)
        let prediction = try object(
            """
            {"metadata": {"title": "通知。", "issuers": ["甲"]},
             "measures": [{"number": "1", "title": "第一条", "lead": ["市人社局"], "cooperating": []},
                          {"number": "3", "title": "第三条"}],
             "amounts": [{"text": "2万元", "span": {"start": 5, "end": 8}, "min": 20000, "max": 20000, "approximate": true, "per": ["人"]}],
             "counts": [{"text": "3名", "span": {"start": 20, "end": 22}, "min": 3, "max": 3, "classifier": "名", "subject": "高层次人才"},
                        {"text": "4个", "span": {"start": 30, "end": 32}, "min": 4, "max": 4, "classifier": "个"}],
             "organizations": [{"name": "市人社局"}, {"name": "市委"}], "references": [{"title": "办法"}]}
            """)
        let score = DocumentScorer().score(gold: gold, prediction: prediction)
        func tally(_ group: FieldGroup) -> [Int] {
            [score.tallies[group]!.truePositives, score.tallies[group]!.falsePositives, score.tallies[group]!.falseNegatives]
        }
        #expect(tally(.amounts) == [1, 0, 0])
        #expect(tally(.counts) == [1, 1, 0])
        #expect(tally(.measures) == [1, 1, 1])
        #expect(tally(.responsibility) == [1, 0, 2])  // 市财政局 missed in 1; 市教体局 missed with measure 2
        #expect(tally(.organizations) == [1, 1, 1])
        #expect(tally(.references) == [1, 0, 0])
        #expect(score.agreements[.amountsApproximate] == Agreement(right: 0, total: 1))
        #expect(score.agreements[.amountsPer] == Agreement(right: 1, total: 1))
        #expect(score.agreements[.countsSubject] == Agreement(right: 1, total: 1))
        #expect(score.agreements[.measuresTitle] == Agreement(right: 1, total: 1))
        #expect(score.agreements[.metadata] == Agreement(right: 1, total: 2))  // title right, issuers wrong; empty fields skipped
        #expect(
            score.findings.map(\.line) == [
                "  amounts.approximate wrong: '2万元': gold False, got True",
                "  counts extra: '4个'@30 {'min': 4, 'max': 4, 'classifier': '个'}",
                "  measures missed: measure 2 第二条",
                "  measures extra: measure 3 第三条",
                "  responsibility missed: measure 1 cooperating: 市财政局",
                "  metadata wrong: issuers: gold ['甲', '乙'], got ['甲']",
                "  organizations missed: 市财政局",
                "  organizations extra: 市委",
            ])  // a missed measure's departments count as missed but get no line of their own
    }

    @Test func goldMeasuresNullAreNotScored() throws {
        let gold = try object(#"{"document": "d.txt", "measures": null}"#)
        let score = DocumentScorer().score(gold: gold, prediction: try object(#"{"measures": [{"number": "1", "title": "x"}]}"#))
        #expect(score.tallies[.measures] == Tally())
    }

    @Test func figuresFollowTheReferenceConventions() {
        var tally = Tally()
        #expect(tally.precision == 1 && tally.recall == 1 && tally.f1 == 1)  // nothing to find, nothing found
        tally.falseNegatives = 3
        #expect(tally.precision == 0 && tally.recall == 0 && tally.f1 == 0)
        tally = Tally(truePositives: 6, falsePositives: 1, falseNegatives: 1)
        #expect(PythonFloat.repr(PythonFloat.rounded(tally.f1, places: 4)) == "0.8571")
        #expect(Agreement().rate == nil)
    }

    @Test func predictionsAreFoundBySourceNameThenByFileStem() throws {
        var set = PredictionSet()
        set.add(try object(#"{"source": {"path": "a/b/one.txt"}, "id": 1}"#))
        set.add(try object(#"{"source": "two.txt", "id": 2}"#))
        set.add(try object(#"{"path": "dir/three.txt", "id": 3}"#))
        set.add(try object(#"{"document": "four.txt", "id": 4}"#))
        set.add(try object(#"{"id": 5}"#), fileStem: "five")
        set.add(try object(#"{"id": 6}"#), fileStem: "one")  // a stem never displaces a source name
        set.add(try object(#"{"source": {"path": "", "name": "six.md"}, "id": 7}"#))
        func id(_ name: String) -> String? { set.prediction(for: name)?["id"]?.pythonStr }
        #expect(
            [id("one.txt"), id("two.txt"), id("three.txt"), id("four.txt"), id("five.txt"), id("six.md"), id("seven.txt")]
                == ["1", "2", "3", "4", "5", "7", nil])
    }

    @Test func pythonPathHelpersMatchOsPath() {
        #expect(FileNames.stem("a.txt.json") == "a.txt")
        #expect(FileNames.stem(".bashrc") == ".bashrc")
        #expect(FileNames.stem("..x") == "..x")
        #expect(FileNames.stem("dir.d/name") == "dir.d/name")
        #expect(FileNames.basename("Corpus/sub/a.txt") == "a.txt")
        #expect(FileNames.basename("dir/") == "")
    }
}
