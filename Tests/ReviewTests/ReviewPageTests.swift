import Evaluation
import Extractor
import Testing
import TestSupport
@testable import Review

/// Reads the text of a rendered document back as a browser would show it
/// (entities decoded, measure heads left out), with the item ids covering each
/// code point. Enough for the renderer's own markup; the browser test reads
/// real pages in Chromium.
struct ShownText {
    var text: [Unicode.Scalar] = []
    var ids: [String: [Int]] = [:]

    init(_ html: String) {
        let scalars = Array(html.unicodeScalars)
        var stack: [(ids: [String], head: Bool)] = [([], false)]
        var i = 0
        func attribute(_ name: String, in tag: String) -> String? {
            guard let range = tag.range(of: " \(name)=\"") else { return nil }
            return String(tag[range.upperBound...].prefix { $0 != "\"" })
        }
        while i < scalars.count {
            if scalars[i] == "<" {
                var j = i
                while scalars[j] != ">" { j += 1 }
                let tag = String(String.UnicodeScalarView(scalars[i...j]))
                if tag.hasPrefix("</") {
                    stack.removeLast()
                } else {
                    let own = attribute("data-ids", in: tag).map { $0.split(separator: " ").map(String.init) } ?? []
                    stack.append((stack.last!.ids + own, stack.last!.head || tag.contains("data-head")))
                }
                i = j + 1
                continue
            }
            var scalar = scalars[i]
            if scalar == "&" {
                var j = i
                while scalars[j] != ";" { j += 1 }
                let entity = String(String.UnicodeScalarView(scalars[i...j]))
                scalar = ["&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": "\"", "&#39;": "'", "&#13;": "\r"][entity]!
                i = j
            }
            i += 1
            if stack.last!.head { continue }
            for id in Set(stack.last!.ids) { ids[id, default: []].append(text.count) }
            text.append(scalar)
        }
    }

    func string(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(text[range])) }
}

/// A record holding one list of items of `kind`, one per marked span.
func record(_ marked: MarkedText, kind: String) -> JSONObject {
    let items: [JSONValue] = marked.spans.map { span in
        .object(
            JSONObject([
                "text": .string(marked.slice(span)),
                "span": .object(JSONObject(["start": .integer(span.lowerBound), "end": .integer(span.upperBound)])),
                "rule": .string("made.up"),
            ]))
    }
    return JSONObject(["genre": .string("normative"), kind: .array(items)])
}

func rendered(_ text: String, _ record: JSONObject, gold: JSONObject? = nil) -> (html: String, items: [ReviewItem]) {
    let original = Array(text.unicodeScalars)
    let comparison = gold.map { GoldComparison(record: record, gold: $0, length: original.count) }
    let page = DocumentPage(
        name: "doc.txt", original: original, record: record, comparison: comparison,
        palette: [:], recordHref: "doc.txt.json")
    return (TextRendering(original: original, items: page.items, palette: [:]).html(), page.items)
}

@Suite("Review pages")
struct ReviewPageTests {
    @Test(
        "Every item is highlighted at its code points and shows its text",
        arguments: [
            "给予⟦50万元⟧奖补",
            "𠀀𠀁给予⟦50万元⟧奖补😀，另有⟦😀30万元⟧",
            "⟦市人社局⟧牵头，⟦市财政局⟧配合⟦⟧",
            "出台《⟦⟦市人社局⟧关于⟦人才⟧的办法⟧》",
            "第一行\r\n给予⟦50\r\n万元⟧",
            "⟦<script>document.body.dataset.pwned=1</script>⟧ & <!-- ]]> ⟦&amp;⟧",
        ])
    func highlights(_ marked: String) throws {
        let text = MarkedText(marked)
        // A kind no code knows: it shows up all the same.
        let (html, _) = rendered(text.text, record(text, kind: "widgets"))
        let shown = ShownText(html)
        #expect(shown.string(0..<shown.text.count) == text.text)
        for (index, span) in text.spans.enumerated() {
            let positions = shown.ids["widgets-\(index)"] ?? []
            #expect(positions == Array(span), "widgets-\(index) at \(positions), not \(span)")
        }
        #expect(!html.contains("<script"))
        #expect(!html.contains("<!--"))
    }

    @Test("A measure is a block naming its lead and cooperating units; items inside it stay in place")
    func measureBlocks() {
        let text = MarkedText("前言。⟦（一）给予⟦50万元⟧奖补（市人社局牵头，市财政局配合）⟧后记。")
        let measure = text.spans[0], amount = text.spans[1]
        let record = JSONObject([
            "measures": .array([
                .object(
                    JSONObject([
                        "number": .string("1"), "title": .string("给予50万元奖补"),
                        "span": .object(JSONObject(["start": .integer(measure.lowerBound), "end": .integer(measure.upperBound)])),
                        "lead": .array([.string("市人社局")]), "cooperating": .array([.string("市财政局")]),
                        "instruments": .array([
                            .object(
                                JSONObject([
                                    "tool": .string("资金投入"),
                                    "span": .object(
                                        JSONObject(["start": .integer(amount.lowerBound - 2), "end": .integer(amount.lowerBound)])),
                                ]))
                        ]),
                    ]))
            ]),
            "amounts": .array([
                .object(
                    JSONObject([
                        "text": .string("50万元"),
                        "span": .object(JSONObject(["start": .integer(amount.lowerBound), "end": .integer(amount.upperBound)])),
                    ]))
            ]),
        ])
        let (html, items) = rendered(text.text, record)
        let shown = ShownText(html)
        #expect(shown.string(0..<shown.text.count) == text.text)
        #expect(shown.ids["measures-0"] == Array(measure))
        #expect(shown.ids["amounts-0"] == Array(amount))
        #expect(shown.ids["measures-0-instruments-0"] == Array(amount.lowerBound - 2..<amount.lowerBound))
        #expect(html.contains("<section id=\"i-measures-0\" class=\"block"))
        #expect(html.contains("<span class=\"role\">lead</span> <span class=\"chip\">市人社局</span>"))
        #expect(html.contains("<span class=\"role\">cooperating</span> <span class=\"chip\">市财政局</span>"))
        #expect(items.map(\.kind) == ["measures", "instruments", "amounts"])
    }

    @Test("Measures that cross each other: the second is drawn inline, the text stays whole")
    func crossingBlocks() {
        let text = "一二三四五六七八九十"
        func measure(_ start: Int, _ end: Int) -> JSONValue {
            .object(JSONObject(["span": .object(JSONObject(["start": .integer(start), "end": .integer(end)]))]))
        }
        let (html, _) = rendered(text, JSONObject(["measures": .array([measure(0, 6), measure(4, 10), measure(1, 3)])]))
        let shown = ShownText(html)
        #expect(shown.string(0..<shown.text.count) == text)
        #expect(shown.ids["measures-0"] == Array(0..<6))
        #expect(shown.ids["measures-1"] == Array(4..<10))
        #expect(shown.ids["measures-2"] == Array(1..<3))
    }

    @Test("A hostile document comes out as text on its page: markup, comments and script end tags included")
    func hostilePage() {
        let text = MarkedText("</script><script>document.body.dataset.pwned=1</script>\n一、⟦<img src=x onerror=alert(1)>⟧\n给予⟦50万元⟧")
        var record = record(text, kind: "amounts")
        record["metadata"] = .object(
            JSONObject([
                "title": .string("<script>alert(2)</script>"),
                "region": .object(JSONObject(["name": .string("<b>x</b>")])),
            ]))
        let page = DocumentPage(
            name: "<evil>.txt", original: Array(text.text.unicodeScalars), record: record,
            comparison: nil, palette: [:], recordHref: "x.json"
        ).html()
        // Only the page's own two scripts: the linked one and the item data.
        #expect(page.components(separatedBy: "<script").count - 1 == 2)
        #expect(page.components(separatedBy: "</script").count - 1 == 2)
        #expect(!page.contains("<img"))
        #expect(!page.contains("<b>"))
        #expect(page.contains("&lt;script&gt;alert(2)&lt;/script&gt;"))
        #expect(page.contains("\\u003cimg src=x onerror=alert(1)\\u003e"))
    }

    @Test("Against gold: paired items, extras, and missed gold items shown at the gold's span")
    func goldVerdicts() throws {
        let text = MarkedText("给予⟦50万元⟧奖补，另给予⟦30万元⟧补贴，比例⟦20%⟧。")
        func item(_ span: Range<Int>, _ value: Int) -> JSONValue {
            .object(
                JSONObject([
                    "text": .string(text.slice(span)), "start": .integer(span.lowerBound), "end": .integer(span.upperBound),
                    "min": .integer(value), "max": .integer(value), "redacted": .bool(false),
                ]))
        }
        func predicted(_ span: Range<Int>, _ value: Int) -> JSONValue {
            .object(
                JSONObject([
                    "text": .string(text.slice(span)),
                    "span": .object(JSONObject(["start": .integer(span.lowerBound), "end": .integer(span.upperBound)])),
                    "min": .integer(value), "max": .integer(value), "redacted": .bool(false),
                ]))
        }
        let record = JSONObject([
            "amounts": .array([predicted(text.spans[0], 500000)]),
            "percentages": .array([predicted(text.spans[2], 20)]),
        ])
        let gold = JSONObject([
            "document": .string("doc.txt"), "measures": .null,
            "amounts": .array([item(text.spans[0], 500000), item(text.spans[1], 300000)]),
            "percentages": .array([]),
        ])
        let (html, items) = rendered(text.text, record, gold: gold)
        let verdicts = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0.verdict) })
        #expect(verdicts == ["amounts-0": .matched, "percentages-0": .extra, "gold-amounts-1": .missed])
        let shown = ShownText(html)
        #expect(shown.ids["gold-amounts-1"] == Array(text.spans[1]))
        #expect(html.contains("class=\"hl k0 missed\" data-ids=\"gold-amounts-1\""))
        #expect(html.contains("class=\"hl k0 extra\" data-ids=\"percentages-0\""))
    }

    @Test(
        "Deadlines pair on their date with overlapping spans",
        arguments: [
            ("2025-12-31", "2025-12-31", ReviewItem.Verdict.matched),
            ("2025-12-31", "2025", ReviewItem.Verdict.extra),
        ])
    func deadlineVerdicts(_ goldDate: String, _ predictedDate: String, _ verdict: ReviewItem.Verdict) {
        let text = MarkedText("在⟦2025年底前⟧完成。")
        let span = text.spans[0]
        let record = JSONObject([
            "deadlines": .array([
                .object(
                    JSONObject([
                        "text": .string(text.slice(span)), "date": .string(predictedDate),
                        "span": .object(JSONObject(["start": .integer(span.lowerBound), "end": .integer(span.upperBound)])),
                    ]))
            ])
        ])
        let gold = JSONObject([
            "measures": .null,
            "deadlines": .array([
                .object(
                    JSONObject([
                        "text": .string(text.slice(span)), "date": .string(goldDate),
                        "start": .integer(span.lowerBound), "end": .integer(span.upperBound),
                    ]))
            ]),
        ])
        let (_, items) = rendered(text.text, record, gold: gold)
        #expect(items.first { $0.id == "deadlines-0" }?.verdict == verdict)
        #expect(items.contains { $0.id == "gold-deadlines-0" } == (verdict == .extra))
    }

    @Test("Near misses are shown where they are, hidden until switched on, and never colour an item they overlap")
    func nearMisses() {
        let text = MarkedText("给予⟦50万元⟧奖补，⟦一次性⟧发放。")
        let record = record(MarkedText("给予⟦50万元⟧奖补，一次性发放。"), kind: "amounts")
        func nearMiss(_ span: Range<Int>) -> JSONObject {
            JSONObject([
                "text": .string(text.slice(span)), "rule": .string("made.up.negative"), "reason": .string("not a count"),
                "span": .object(JSONObject(["start": .integer(span.lowerBound), "end": .integer(span.upperBound)])),
            ])
        }
        let palette = ["amounts": 2, DocumentPage.nearMissKind: 9]
        let page = DocumentPage(
            name: "doc.txt", original: Array(text.text.unicodeScalars), record: record, comparison: nil,
            palette: palette, nearMisses: [nearMiss(text.spans[1]), nearMiss(text.spans[0])], recordHref: "x.json")
        let html = page.html()
        #expect(html.contains("<body class=\"document hide-k9\">"))
        #expect(html.contains("<input type=\"checkbox\" data-kind=\"k9\"> near misses"))
        #expect(html.contains("class=\"hl k9\" data-ids=\"near-0\">一次性</span>"))
        #expect(html.contains("class=\"hl k2 multi\" data-ids=\"amounts-0 near-1\">50万元</span>"))
    }

    @Test("Measures pair by number, else by title among those left, as the reference scorer pairs them")
    func measureVerdicts() {
        func measure(_ number: String, _ title: String) -> JSONValue {
            .object(JSONObject(["number": .string(number), "title": .string(title)]))
        }
        let record = JSONObject(["measures": .array([measure("1", "加强领导"), measure("2.1", "完善政策"), measure("3", "强化保障")])])
        let gold = JSONObject(["measures": .array([measure("1", "加强领导"), measure("2", "完善政策 "), measure("4", "其他")])])
        let (_, items) = rendered("", record, gold: gold)
        #expect(items.map(\.verdict) == [.matched, .matched, .extra])
    }

    @Test("A paired item carries the gold's values where they differ, for the panel")
    func goldDifferences() {
        let span = JSONObject(["start": .integer(2), "end": .integer(6)])
        let predicted = JSONObject([
            "text": .string("50万元"), "span": .object(span), "min": .integer(500000), "max": .integer(500000),
            "per": .array([]), "purpose": .null, "rule": .string("made.up"),
        ])
        let gold = JSONObject([
            "text": .string("50万元"), "start": .integer(2), "end": .integer(6), "min": .integer(500000),
            "max": .integer(500000), "per": .array([.string("人")]), "purpose": .string("奖补"), "redacted": .bool(false),
        ])
        let comparison = GoldComparison(
            record: JSONObject(["amounts": .array([.object(predicted)])]),
            gold: JSONObject(["measures": .null, "amounts": .array([.object(gold)])]), length: 10)
        let differences = comparison.goldDifferences["amounts-0"] ?? []
        #expect(differences.map(\.key) == ["per", "purpose", "redacted"])
        #expect(differences.map(\.value) == ["人", "奖补", "false"])
    }

    @Test("Every registered kind of item is drawn, each in its own colour")
    func everyRegisteredKind() {
        let kinds = ExtractionResult.itemKinds.map(\.key)
        let text = String(repeating: "文", count: kinds.count * 3)
        var record = JSONObject()
        for (index, kind) in kinds.enumerated() {
            let span = JSONValue.object(JSONObject(["start": .integer(index * 3), "end": .integer(index * 3 + 2)]))
            record[kind] = .array([.object(JSONObject(kind == "organizations" ? ["spans": .array([span])] : ["span": span]))])
        }
        let original = Array(text.unicodeScalars)
        let page = DocumentPage(
            name: "doc.txt", original: original, record: record, comparison: nil,
            palette: Dictionary(uniqueKeysWithValues: ReviewSite.usualKinds.enumerated().map { ($1, $0) }),
            recordHref: "x.json")
        let html = TextRendering(original: original, items: page.items, palette: page.palette).html()
        let shown = ShownText(html)
        for (index, kind) in kinds.enumerated() {
            #expect(shown.ids["\(kind)-0"] == [index * 3, index * 3 + 1], "\(kind)")
        }
        #expect(Set(kinds.compactMap { page.palette[$0] }).count == kinds.count)
    }

    @Test(
        "Spans are read in every form the output and the gold use, and clamped to the text",
        arguments: [
            ("{\"span\": {\"start\": 1, \"end\": 3}}", [1..<3]),
            ("{\"span\": [2, 4]}", [2..<4]),
            ("{\"spans\": [{\"start\": 0, \"end\": 1}, {\"start\": 5, \"end\": 9}]}", [0..<1, 5..<9]),
            ("{\"start\": 3, \"end\": 99}", [3..<10]),
            ("{\"span\": null}", []),
            ("{\"span\": {\"start\": 4, \"end\": 2}}", []),
        ])
    func spanForms(_ json: String, _ expected: [Range<Int>]) throws {
        let object = try #require(try JSONValue.parse(json).objectValue)
        #expect(ItemCatalog.spans(of: object, length: 10) == expected)
    }
}
