import Foundation
import Testing
import TestSupport
@testable import Evaluation
import Extractor

/// `zhengce explain`'s listing: items with their rules, near misses, and the offset filter.
@Suite("Evaluation: explain")
struct EvaluationExplainTests {
    private let marked = MarkedText("关于印发⟦《办法》⟧的通知\n对高层次人才⟦115名⟧各给予⟦2—5万元⟧奖励，⟦一次⟧性发放。")

    private func fixture() -> (ExtractionResult, [Rejection], [Unicode.Scalar]) {
        let original = Array(marked.text.unicodeScalars)
        let (reference, count, amount, once) = (Span(marked.spans[0]), Span(marked.spans[1]), Span(marked.spans[2]), Span(marked.spans[3]))
        var result = ExtractionResult(
            source: Source(path: "t.txt", sha256: "", encoding: "UTF-8", format: "plain", characters: original.count))
        result.amounts = [Amount(text: marked.slice(amount.range), span: amount, min: 20000, max: 50000, per: ["人"], rule: "amount.range")]
        result.counts = [
            Count(
                text: marked.slice(count.range), span: count, min: 115, max: 115, classifier: "名",
                subject: "高层次人才", rule: "count.classifier")
        ]
        result.references = [Reference(title: "办法", action: "印发", spans: [reference], rule: "reference.brackets")]
        result.diagnostics = [Diagnostic(severity: .note, message: "whole document", span: nil, rule: "doc.note")]
        let rejections = [Rejection(text: marked.slice(once.range), span: once, rule: "count.fused-numeral", reason: "一次性 is an adjective")]
        return (result, rejections, original)
    }

    @Test func itemsAndNearMissesAreListedInTextOrderWithTheirRules() {
        let (result, rejections, original) = fixture()
        let entries = Explanation.entries(result, rejections: rejections, original: original)
        #expect(entries.map(\.kind) == ["diagnostic", "reference", "count", "amount", "rejected"])
        #expect(entries.map(\.rule) == ["doc.note", "reference.brackets", "count.classifier", "amount.range", "count.fused-numeral"])
        #expect(entries[2].detail == "min 115, max 115, classifier 名, subject “高层次人才”")
        #expect(entries[3].detail == "min 20000, max 50000, per [人]")
        #expect(entries[4].detail == "一次性 is an adjective")
    }

    @Test func anOffsetKeepsWhatCoversItOrLiesNear() {
        let (result, rejections, original) = fixture()
        let entries = Explanation.entries(result, rejections: rejections, original: original)
        #expect(Explanation.entries(entries, near: 29, window: 0).map(\.kind) == ["amount"])  // 2—5万元 is 25..<30
        #expect(Explanation.entries(entries, near: 31, window: 2).map(\.kind) == ["amount", "rejected"])
        #expect(Explanation.entries(entries, near: 0, window: 4).map(\.kind) == ["reference"])  // a span-less diagnostic is never near
    }

    @Test func theListingShowsEachItemInItsText() {
        let (result, rejections, original) = fixture()
        let entries = Explanation.entries(result, rejections: rejections, original: original)
        let listing = Explanation.render(Explanation.entries(entries, near: 34, window: 0), original: original)
        #expect(
            listing == """
                33..<35  rejected  count.fused-numeral  “一次”  一次性 is an adjective
                    …名各给予2—5万元奖励，⟦一次⟧性发放。

                """)
    }
}
