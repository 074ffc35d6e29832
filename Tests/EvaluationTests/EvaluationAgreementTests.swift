import Foundation
import Testing
import TestSupport
@testable import Evaluation
import Extractor

/// `zhengce eval` must agree exactly with the reference scorer score.py: the
/// same figures, the same findings, the same printed lines, on the gold
/// itself, on today's extraction, and on damaged copies of the gold.
@Suite("Evaluation: agreement with score.py", .enabled(if: ReferenceScorer.isAvailable, Comment(rawValue: ReferenceScorer.absence)))
struct EvaluationAgreementTests {
    /// Writes predictions into a new folder, one JSON file each.
    private func folder(_ predictions: [(file: String, prediction: JSONObject)]) throws -> URL {
        let folder = try Scratch.folder("predictions")
        for (file, prediction) in predictions { try Scratch.write(prediction, to: folder.appendingPathComponent(file)) }
        return folder
    }

    private func expectAgreement(gold: URL, pred: URL, _ label: String) throws {
        let pythonVerbose = try ReferenceScorer.run(gold: gold, pred: pred, ["--verbose"])
        expectSameReport(try SwiftScorer.run(gold: gold, pred: pred, .verbose), pythonVerbose, "\(label) --verbose")
        // Without --verbose, score.py prints the same table without the findings before it.
        let table = try SwiftScorer.run(gold: gold, pred: pred, .table)
        #expect(pythonVerbose.hasSuffix("\n\n" + table), "\(label): the table differs")
        let swiftJSON = try SwiftScorer.run(gold: gold, pred: pred, .json)
        let pythonJSON = try ReferenceScorer.run(gold: gold, pred: pred, ["--json"])
        expectSameReport(swiftJSON, pythonJSON, "\(label) --json")
        // Every figure, compared as values too, so a failure names it.
        let ours = try JSONValue.parse(swiftJSON), theirs = try JSONValue.parse(pythonJSON)
        #expect(ours.objectValue?.keys == theirs.objectValue?.keys)
        for key in theirs.objectValue?.keys ?? [] {
            #expect(ours[key].map { JSONDiff.same($0, theirs[key]!) } == true, "\(label): \(key) differs")
        }
    }

    @Test func goldScoredAgainstItselfIsPerfectInBoth() throws {
        var predictions: [(String, JSONObject)] = []
        for (name, annotation) in try GoldSet(folder: Scratch.gold.path).documents {
            var prediction = annotation
            prediction["source"] = .object(JSONObject(["path": .string("Corpus/" + name)]))
            predictions.append((name + ".json", prediction))
        }
        let pred = try folder(predictions)
        defer { try? FileManager.default.removeItem(at: pred) }
        try expectAgreement(gold: Scratch.gold, pred: pred, "gold as prediction")
        let card = try SwiftScorer.card(gold: Scratch.gold, pred: pred)
        for group in FieldGroup.allCases { #expect(card.tallies[group]!.f1 == 1, "\(group)") }
        #expect(card.agreements[.metadata]!.rate == 1)
    }

    @Test func todaysExtractionOfTheCorpusScoresTheSameInBoth() throws {
        let extractor = try DocumentExtractor()
        let pred = try Scratch.folder("extracted")
        defer { try? FileManager.default.removeItem(at: pred) }
        for url in Repository.corpus {
            let input = try DocumentInput(fileAt: url.path, recordedAs: "Corpus/" + url.lastPathComponent)
            try Scratch.write(try extractor.extractJSON(input), to: pred.appendingPathComponent(url.lastPathComponent + ".json"))
        }
        try expectAgreement(gold: Scratch.gold, pred: pred, "corpus")
    }

    @Test(arguments: 1...10)
    func damagedGoldScoresTheSameInBoth(seed: UInt64) throws {
        var perturbation = Perturbation(seed: seed)
        let pred = try folder(perturbation.predictions(from: try GoldSet(folder: Scratch.gold.path)))
        defer { try? FileManager.default.removeItem(at: pred) }
        try expectAgreement(gold: Scratch.gold, pred: pred, "seed \(seed)")
        // The damage must show: no seed may score perfectly.
        let card = try SwiftScorer.card(gold: Scratch.gold, pred: pred)
        #expect(card.documents.contains { !$0.score.findings.isEmpty })
    }

    @Test func damagedGoldAsJSONLinesScoresTheSameInBoth() throws {
        var perturbation = Perturbation(seed: 99)
        let lines = perturbation.predictions(from: try GoldSet(folder: Scratch.gold.path))
            .map { JSONRendering.compact(.object($0.prediction)) }
        let folder = try Scratch.folder("jsonl")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("all.jsonl")
        try Scratch.write(lines.joined(separator: "\n\n") + "\n", to: file)
        try expectAgreement(gold: Scratch.gold, pred: file, "jsonl")
    }

    @Test func awkwardHandMadeCasesScoreTheSameInBoth() throws {
        let gold = try Scratch.folder("edge-gold"), pred = try Scratch.folder("edge-pred")
        defer { try? FileManager.default.removeItem(at: gold); try? FileManager.default.removeItem(at: pred) }
        for (name, text) in HandMadeCases.gold { try Scratch.write(text, to: gold.appendingPathComponent(name)) }
        for (name, text) in HandMadeCases.predictions { try Scratch.write(text, to: pred.appendingPathComponent(name)) }
        try expectAgreement(gold: gold, pred: pred, "hand-made")
        let card = try SwiftScorer.card(gold: gold, pred: pred)
        #expect(card.missingDocuments == ["missing.txt"])
    }

    /// Python's own float formatting for many values, against ours.
    @Test func floatsAreRoundedAndPrintedAsPythonDoes() throws {
        var random = SeededGenerator(seed: 7)
        var values: [Double] = [
            0, 1, 0.5, 0.00625, 0.125, 0.375, 0.99995, 0.00005, 0.000049999, 2.0 / 3, 1.0 / 7, 0.85714,
            1e-5, 1e-4, 1e16, 9.1e15, 123456789.125, 0.1, 0.2 + 0.1, Double.leastNonzeroMagnitude, 1.7976931348623157e308,
        ]
        for _ in 0..<300 {
            let tp = Int.random(in: 0...400, using: &random), other = Int.random(in: 0...400, using: &random)
            var tally = Tally()
            tally.truePositives = tp; tally.falsePositives = other; tally.falseNegatives = Int.random(in: 0...400, using: &random)
            values += [tally.precision, tally.recall, tally.f1]
        }
        let bits = values.map { String($0.bitPattern) }.joined(separator: " ")
        let script = """
            import struct, sys
            for b in sys.stdin.read().split():
                x = struct.unpack('<d', int(b).to_bytes(8, 'little'))[0]
                small = 0 <= x < 2**40
                print(repr(x), repr(round(x, 4)) if small else '-', f'{round(x, 4):.3f}' if small else '-', f'{x:.3f}' if small else '-')
            """
        let lines = try ReferenceScorer.runPython(["-c", script], input: bits).split(separator: "\n")
        #expect(lines.count == values.count)
        for (x, line) in zip(values, lines) {
            let small = x >= 0 && x < 0x1p40
            let ours = [
                PythonFloat.repr(x),
                small ? PythonFloat.repr(PythonFloat.rounded(x, places: 4)) : "-",
                small ? PythonFloat.fixed(PythonFloat.rounded(x, places: 4), places: 3) : "-",
                small ? PythonFloat.fixed(x, places: 3) : "-",
            ].joined(separator: " ")
            #expect(ours == String(line), "\(x)")
        }
    }

    /// Python's `repr` of strings with quotes, escapes and non-printable characters.
    @Test func stringsAreQuotedAsPythonDoes() throws {
        let samples = [
            "高层次人才", "it's", "say \"hi\"", "both ' and \"", "back\\slash", "255\n\n万元", "tab\there",
            "\u{3000}ideographic space", "nbsp\u{A0}", "\u{200B}zero width", "\u{7F}\u{85}", "emoji 😀", "\u{E000}private",
            "\u{2028}", "é",
        ]
        let input = samples.map { JSONRendering.quoted($0) }.joined(separator: "\n")
        let printed = try ReferenceScorer.runPython(
            ["-c", "import json, sys\nfor l in sys.stdin.read().split('\\n'): print(repr(json.loads(l)))"],
            input: input)
        let expected = printed.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(samples.map(PythonFloat.reprString) == expected)
    }
}

/// Gold and predictions written to reach the scorer's corners: numbers as
/// strings and floats, the tolerance edge, duplicates, quotes and escapes,
/// spans in every shape, measures numbered twice or by integer or paired by
/// title under another number, metadata lists against strings, the later
/// metadata fields (a region by code and level), purposes and deadlines where
/// the gold has them and where it has not, names in objects, and prediction
/// files found by stem.
enum HandMadeCases {
    static let gold: [(String, String)] = [
        (
            "edge.gold.json",
            #"""
            {"document": "edge.txt",
             "metadata": {"title": "关于 印发《办法》的通知", "documentNumber": "某发〔2020〕1号", "issuers": ["甲", "乙"],
                          "recipients": [], "date": "", "extra": 1},
             "measures": [{"number": "1", "title": "实施工程。", "lead": ["市人社局", "市人社局，"], "cooperating": []},
                          {"number": "2", "title": "二", "lead": ["市财政局"], "cooperating": ["各区、县级市"]},
                          {"number": "2", "title": "二again", "lead": [], "cooperating": null},
                          {"title": "no number", "lead": "市委"}],
             "amounts": [
               {"text": "1万元", "start": 0, "end": 3, "min": 10000, "max": 10000, "approximate": false, "redacted": false, "per": ["人", "年"]},
               {"text": "1万元", "start": 10, "end": 13, "min": 10000, "max": 10000, "per": []},
               {"text": "x万元", "start": 20, "end": 23, "min": null, "max": null, "redacted": true},
               {"text": "100万元", "start": 30, "end": 35, "min": 1000000, "max": 1000000},
               {"text": "1元", "start": 40, "end": 42, "min": 1, "max": 1},
               {"text": "it's \"q\"", "start": 50, "end": 55, "min": 5, "max": null},
               {"text": "a\u3000b\n", "start": 60, "end": 65, "min": 7.5, "max": 7.5, "approximate": 1},
               {"text": "no span", "min": 8, "max": 8}
             ],
             "counts": [
               {"text": "115名", "start": 100, "end": 104, "min": 115, "max": 115, "classifier": "名", "subject": "“高层次”人才"},
               {"text": "3次", "start": 110, "end": 112, "min": 3, "max": 3, "classifier": "次", "subject": null},
               {"text": "5个", "start": 120, "end": 122, "min": 5, "max": 5, "classifier": "", "subject": "团队"},
               {"text": "6家", "start": 130, "end": 132, "min": 6, "max": 6, "classifier": "家", "subject": "企业"}
             ],
             "percentages": [{"text": "46.5%", "start": 200, "end": 205, "min": 46.5, "max": 46.5},
                             {"text": "20%—30%", "span": [210, 217], "min": 20, "max": 30}],
             "organizations": ["市人社局", "", null, "县委党校，", "市 财政局", 5],
             "references": ["办法", "通知"]}
            """#
        ),
        (
            "plain.gold.json",
            #"""
            {"document": "plain.txt", "measures": null, "metadata": null,
             "amounts": [{"text": "2万元", "start": 1, "end": 4, "min": 20000, "max": 20000}],
             "counts": [], "percentages": [], "organizations": [], "references": []}
            """#
        ),
        (
            "stem.gold.json",
            #"""
            {"document": "stem.txt", "measures": [], "amounts": [], "counts": [{"text": "2名", "start": 0, "end": 2, "min": 2, "max": 2, "classifier": "名"}],
             "organizations": ["市委"], "references": []}
            """#
        ),
        (
            "empty.gold.json",
            #"""
            {"document": "empty.txt", "amounts": [{"text": "3元", "start": 0, "end": 2, "min": 3, "max": 3}], "organizations": ["甲"]}
            """#
        ),
        (
            "newer.gold.json",
            #"""
            {"document": "newer.txt",
             "metadata": {"title": "t", "docType": "通知", "policyType": "办法", "effectiveDate": null,
                          "expiryDate": "2026-01-01", "region": {"code": "310000", "name": "上海市", "level": "province"}},
             "measures": [{"number": "2.1", "title": "第一项 工作", "lead": ["甲"], "cooperating": []},
                          {"number": "2.2", "title": "第二项", "lead": [], "cooperating": ["乙"]},
                          {"number": "3", "title": "第三项", "lead": ["丙"]},
                          {"number": "4", "title": "无处可寻"}],
             "amounts": [
               {"text": "5万元", "start": 0, "end": 3, "min": 50000, "max": 50000, "purpose": "“设备”购置"},
               {"text": "6万元", "start": 10, "end": 13, "min": 60000, "max": 60000, "purpose": null},
               {"text": "7万元", "start": 20, "end": 23, "min": 70000, "max": 70000},
               {"text": "8万元", "start": 30, "end": 33, "min": 80000, "max": 80000, "purpose": "培训"}
             ],
             "deadlines": [
               {"text": "2025年底前", "start": 40, "end": 46, "date": "2025-12-31"},
               {"text": "6月底前", "start": 50, "end": 54, "date": "2025-06-30"},
               {"text": "适时", "start": 60, "end": 62, "date": null}
             ],
             "counts": [], "percentages": [], "organizations": [], "references": []}
            """#
        ),
        (
            "older.gold.json",
            #"""
            {"document": "older.txt", "metadata": {"title": "t"}, "measures": [],
             "amounts": [{"text": "1元", "start": 0, "end": 2, "min": 1, "max": 1, "purpose": "x"}]}
            """#
        ),
        (
            "missing.gold.json",
            #"""
            {"document": "missing.txt", "measures": [{"number": "1", "title": "t", "lead": ["a", "b"], "cooperating": ["c"]}],
             "amounts": [{"text": "1元", "start": 0, "end": 2, "min": 1, "max": 1}], "metadata": {"title": "t"}}
            """#
        ),
    ]

    static let predictions: [(String, String)] = [
        (
            "a-edge.json",
            #"""
            {"source": {"path": "some/where/edge.txt"},
             "metadata": {"title": "关于印发《办法》的通知。", "documentNumber": 5, "issuers": "甲乙", "date": "2020-01-01"},
             "measures": [{"number": 1, "title": "实施工程", "lead": ["市人社局"], "cooperating": ["x"]},
                          {"number": "3", "title": "三"}, {"number": "3", "title": "三 later"},
                          {"number": "2", "title": "二。", "lead": "市财政局", "cooperating": ["各区、县级市"]},
                          {"title": "no number either", "lead": ["市委"]}],
             "amounts": [
               {"text": "1万元", "span": {"start": 10, "end": 13}, "min": "10000", "max": 1E4, "per": ["人"]},
               {"text": "1万元", "span": [0, 3], "min": 10000.0, "max": " 1_0000 ", "approximate": "yes", "per": "人年"},
               {"text": "x万元", "start": 21, "end": 22, "min": null, "redacted": 1},
               {"text": "100万元", "span": {"start": 30, "end": 35}, "min": 1000001, "max": 1000002},
               {"text": "1元", "start": 41, "end": 41, "min": 1.000001, "max": "1.0000011"},
               {"text": "it's \"q\"", "min": 5, "max": false},
               {"text": "a\u3000b\n", "span": {"start": 64, "end": 70}, "min": 7.5000075, "max": 7.5, "approximate": true},
               {"text": "no span", "span": {"end": 3}, "min": "８", "max": 8},
               {"text": "extra", "span": {"start": 500, "end": 503}, "min": true, "max": [1]}
             ],
             "counts": [
               {"text": "115名", "span": {"start": 100, "end": 104}, "min": 115, "max": 115, "classifier": "名", "subject": "高层次人才"},
               {"text": "3次", "span": {"start": 110, "end": 112}, "min": 3, "max": 3, "classifier": "次", "subject": ""},
               {"text": "5个", "span": {"start": 120, "end": 122}, "min": 5, "max": 5, "subject": "创新团队"},
               {"text": "6家", "span": {"start": 130, "end": 132}, "min": 6, "max": 6, "classifier": "家", "subject": "“企”"}
             ],
             "percentages": [{"text": "46.5%", "span": {"start": 200, "end": 205}, "min": 46.5, "max": 46.5000001},
                             {"text": "20—30%", "span": {"start": 211, "end": 214}, "min": 20, "max": 30}],
             "organizations": [{"title": "", "name": "市人社局"}, {"name": null}, "县委 党校", 5, ["list"], {"title": "市财政局。"}],
             "references": [{"title": "办法"}, {"title": "通知"}, "《别的》"]}
            """#
        ),
        (
            "plain.json",
            #"""
            {"document": "plain.txt", "measures": [{"number": "1", "title": "not scored"}], "metadata": {"title": "x"},
             "amounts": [{"text": "2万元", "start": 1, "end": 4, "min": 20000, "max": 20000}]}
            """#
        ),
        (
            "stem.json",
            #"""
            {"counts": [{"text": "2名", "start": 0, "end": 2, "min": 2, "max": 2, "classifier": "名"}], "organizations": [{"name": "市委"}]}
            """#
        ),
        (
            "newer.json",
            #"""
            {"source": {"path": "newer.txt"},
             "metadata": {"title": "t", "docType": "通知 ", "policyType": "意见", "effectiveDate": null, "expiryDate": null,
                          "region": {"code": "310000", "name": "上海", "level": "province"}},
             "measures": [{"number": "1", "title": "第一项工作。", "lead": ["甲"], "cooperating": []},
                          {"number": "2.2", "title": "第二项（改）", "lead": [], "cooperating": ["乙", "丁"]},
                          {"number": "2.2", "title": "第三项", "lead": ["丙"]},
                          {"number": "9", "title": "多出来的"}],
             "amounts": [
               {"text": "5万元", "span": {"start": 0, "end": 3}, "min": 50000, "max": 50000, "purpose": "设备购置"},
               {"text": "6万元", "span": {"start": 10, "end": 13}, "min": 60000, "max": 60000, "purpose": "奖励"},
               {"text": "7万元", "span": {"start": 20, "end": 23}, "min": 70000, "max": 70000, "purpose": "奖励"},
               {"text": "8万元", "span": {"start": 30, "end": 33}, "min": 80000, "max": 80000}
             ],
             "deadlines": [
               {"text": "年底前", "span": {"start": 42, "end": 46}, "date": "2025-12-31"},
               {"text": "适时", "span": {"start": 60, "end": 62}, "date": null},
               {"text": "9月", "span": {"start": 70, "end": 72}, "date": "2025-09-30"}
             ]}
            """#
        ),
        (
            "older.json",
            #"""
            {"source": {"path": "older.txt"}, "metadata": {"title": "t", "docType": "通知", "region": "上海"},
             "amounts": [{"text": "1元", "span": [0, 2], "min": 1, "max": 1}],
             "deadlines": [{"text": "年底", "span": [5, 7], "date": "2025-12-31"}]}
            """#
        ),
        ("empty.json", "{}"),
        (
            "z-late.json",
            #"""
            {"source": {"name": "stem.txt"}, "counts": []}
            """#
        ),
    ]
}
