import Evaluation
import Extractor
import Testing
import TestSupport
@testable import Review

/// Random texts (markup characters, CR, astral characters) with random,
/// overlapping, nested and crossing items: whatever they are, the page shows
/// the text whole and each item at exactly its code points.
@Suite("Review pages on random items")
struct ReviewRandomTests {
    static let alphabet: [Unicode.Scalar] = ["中", "文", "<", ">", "&", "\"", "'", "\r", "\n", "𠀀", "😀", "a", "1", " ", ";", "#"]

    @Test("Text whole, every item at its spans", arguments: 0..<40)
    func randomPage(seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed) &* 7919 &+ 1)
        let length = Int.random(in: 0...80, using: &random)
        let scalars = (0..<length).map { _ in Self.alphabet.randomElement(using: &random)! }
        let text = String(String.UnicodeScalarView(scalars))
        func span() -> (Int, Int) {
            let start = Int.random(in: 0...length, using: &random)
            return (start, Int.random(in: start...length, using: &random))
        }
        func spanValue(_ s: (Int, Int)) -> JSONValue { .object(JSONObject(["start": .integer(s.0), "end": .integer(s.1)])) }
        var record = JSONObject()
        var expected: [String: Set<Int>] = [:]
        for kind in ["measures", "amounts", "organizations"] {
            var items: [JSONValue] = []
            for index in 0..<Int.random(in: 0...5, using: &random) {
                var object = JSONObject()
                if kind == "organizations" {
                    let spans = (0..<Int.random(in: 1...3, using: &random)).map { _ in span() }
                    object["spans"] = .array(spans.map(spanValue))
                    expected["\(kind)-\(index)"] = Set(spans.flatMap { Array($0.0..<$0.1) })
                } else {
                    let s = span()
                    object["span"] = spanValue(s)
                    expected["\(kind)-\(index)"] = Set(s.0..<s.1)
                }
                items.append(.object(object))
            }
            record[kind] = .array(items)
        }
        let (html, _) = rendered(text, record)
        let shown = ShownText(html)
        #expect(shown.string(0..<shown.text.count) == text, "seed \(seed)")
        for (id, positions) in expected {
            #expect(Set(shown.ids[id] ?? []) == positions, "seed \(seed): \(id)")
        }
    }
}
