import Extractor
import Foundation
import Segmenter
import Testing
import TestSupport

/// Hostile documents, made to hit the places where a reader goes quadratic,
/// recurses, overflows or traps: each must give a sound result (every
/// promise of ``ResultInvariants``) or a clear error, within a time limit.
///
/// The limit is generous for a debug build under a loaded machine: it
/// catches hangs and quadratic paths (each of these took 30 s or more when it
/// was quadratic), it is not a benchmark.
@Suite("Hostile documents")
struct RobustnessTests {
    /// Seconds a debug build may take on any one case.
    static let timeLimit: Duration = .seconds(20)

    /// One hostile document: a name, how to make its text, how to read it.
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var format: DocumentFormat?
        var make: @Sendable () -> String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "20,000 lines of astral characters", format: .plain) { String(repeating: "𠀀人才给予5万元。\n", count: 20_000) },
        Case(name: "a 200 KB Markdown line of unclosed links", format: .markdown) { String(repeating: "[a](b", count: 40_000) },
        Case(name: "a 240 KB Markdown line of unclosed images", format: .markdown) { String(repeating: "![a](b", count: 40_000) },
        Case(name: "100,000 nested <div>", format: .html) {
            String(repeating: "<div>", count: 100_000) + "给予50万元" + String(repeating: "</div>", count: 100_000)
        },
        Case(name: "100,000 unclosed <div", format: .html) { String(repeating: "<div", count: 100_000) },
        Case(name: "200,000 '<'", format: .html) { String(repeating: "<", count: 200_000) },
        Case(name: "200,000 '&'", format: .html) { String(repeating: "&", count: 200_000) },
        Case(name: "20,000 broken entities", format: .html) { String(repeating: "&#x4E&#99999999;&bogus;", count: 20_000) },
        Case(name: "100,000 comment openers", format: .html) { String(repeating: "<!--", count: 100_000) },
        Case(name: "50,000 <script> openers", format: .html) { String(repeating: "<script>", count: 50_000) },
        Case(name: "tags with open quotes", format: .html) { String(repeating: "<p title=\"<b '", count: 30_000) },
        Case(name: "front matter that never closes", format: .markdown) { "---\n" + String(repeating: "title: 标题\n", count: 20_000) },
        Case(name: "100,000 heading marks", format: .markdown) { String(repeating: "#", count: 100_000) + " 标题\n" },
        Case(name: "300,000 line breaks", format: .plain) { String(repeating: "\n", count: 300_000) },
        Case(name: "50,000 page numbers", format: .plain) { String(repeating: "- 1 -\n", count: 50_000) },
        Case(name: "20,000 item markers", format: .plain) { String(repeating: "（一）1.一、\n", count: 20_000) },
        Case(name: "a 10,000-digit amount", format: .plain) { "给予" + String(repeating: "9", count: 10_000) + "万元" },
        Case(name: "a 10,000-digit decimal fraction", format: .plain) { "给予0." + String(repeating: "0", count: 10_000) + "1万元" },
        Case(name: "10,000 万 before 元", format: .plain) { "给予" + String(repeating: "万", count: 10_000) + "元" },
        Case(name: "10,000 Chinese numerals", format: .plain) { "引进" + String(repeating: "九十", count: 5_000) + "名人才" },
        Case(name: "10,000 numerals then 亿元", format: .plain) { String(repeating: "一千二百三十四", count: 1_500) + "亿元" },
        Case(name: "10,000 percent signs", format: .plain) { String(repeating: "5%", count: 10_000) },
        Case(name: "a range of 5,000 bounds", format: .plain) { String(repeating: "2—", count: 5_000) + "5万元" },
        Case(name: "an enumeration of 20,000 amounts", format: .plain) {
            "分别给予" + (0..<20_000).map { "\($0)万元" }.joined(separator: "、")
        },
        Case(name: "40,000 citations of one title on one line", format: .plain) { String(repeating: "出台《某某办法》，", count: 40_000) },
        Case(name: "5,000 numbered measures with notes and amounts", format: .plain) {
            "关于印发某某办法的通知\n" + (1...5_000).map { "\n\($0).实施人才工程。给予5万元，引进50名。（市人社局牵头负责，市财政局配合）" }.joined()
        },
        Case(name: "1,000 parts restarting their numbering", format: .plain) {
            (1...1_000).map { _ in "\n一、部分\n（一）措施。给予5万元。（市人社局牵头负责）\n（二）措施。（市财政局牵头负责）" }.joined()
        },
        Case(name: "15,000 named bodies", format: .plain) { String(repeating: "市人社局、市委组织部、县委党校，", count: 5_000) },
        Case(name: "20,000 nested 《", format: .plain) {
            String(repeating: "《", count: 20_000) + "办法" + String(repeating: "》", count: 20_000)
        },
        Case(name: "20,000 unclosed brackets", format: .plain) { String(repeating: "（〔“《【", count: 20_000) },
        Case(name: "a 20,000-department responsibility note", format: .plain) {
            "1.实施人才工程。（" + String(repeating: "市人社局、", count: 20_000) + "市财政局牵头负责）"
        },
        Case(name: "full-width digits without end", format: .plain) { String(repeating: "１２３．４５", count: 20_000) + "万元" },
        Case(name: "spaces between every character", format: .plain) { String(repeating: "给 予 5 0 万 元 ", count: 20_000) },
    ]

    @Test("a sound result in bounded time", arguments: cases)
    func hostileDocument(_ hostile: Case) throws {
        let text = hostile.make()
        let bytes = Array(text.utf8)
        let extractor = try DocumentExtractor()
        let clock = ContinuousClock()
        let started = clock.now
        let result = try extractor.extract(bytes: bytes, path: "hostile", format: hostile.format)
        let elapsed = clock.now - started
        #expect(elapsed < Self.timeLimit, "\(hostile.name): \(elapsed) for \(bytes.count) bytes")
        let document = try TextDocument(bytes: bytes, path: "hostile", format: hostile.format)
        let problems = ResultInvariants.violations(of: result, document: document)
        #expect(problems.isEmpty, "\(hostile.name): \(problems.prefix(5))")
        #expect(throws: Never.self, "\(hostile.name): JSON") { _ = try JSONFormat.encode(result, pretty: false) }
    }

    /// A number longer than any value can hold must not give a wrong value:
    /// it is skipped or reported without one, never rounded, truncated or cut short.
    @Test(
        "an overlong number gives no value",
        arguments: [
            "给予" + String(repeating: "9", count: 10_000) + "万元",
            "引进人才" + String(repeating: "9", count: 10_000) + "名",
            "占比" + String(repeating: "9", count: 10_000) + "%",
            "给予" + String(repeating: "9", count: 200) + "元",
            "给予" + String(repeating: "九", count: 30) + "元",  // once wrapped round UInt64 to 5076944270305263615
            "给予二十五点" + String(repeating: "五", count: 300) + "万元",  // once NaN
            "百分之二十五点" + String(repeating: "五", count: 300),  // once NaN
        ])
    func overlongNumber(_ text: String) throws {
        let result = try DocumentExtractor().extract(bytes: Array(text.utf8), path: "long.txt")
        let values =
            result.amounts.flatMap { [$0.min, $0.max] } + result.counts.flatMap { [$0.min, $0.max] }
            + result.percentages.flatMap { [$0.min, $0.max] }
        #expect(values.compactMap { $0 }.isEmpty, "values: \(values)")
    }

    @Test("every reading of random bytes ends in a result or a clear error")
    func randomBytes() throws {
        let check = try PipelineCheck()
        var random = SeededGenerator(seed: 2024)
        for index in 0..<300 {
            let length = Int.random(in: 0...600, using: &random)
            var bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
            // Half of them start like text, so the decoders get past their first checks.
            if index % 2 == 0 { bytes = Array("给予50万元".utf8) + bytes.map { $0 | 0x80 } }
            let problems = check.problems(bytes: bytes)
            #expect(problems.isEmpty, "case \(index): \(problems.prefix(3))")
            if !problems.isEmpty { return }
        }
    }
}
