import Foundation
import Testing
@testable import Extractor
import Segmenter
import TestSupport

/// The table-driven quantity cases of `Cases/quantities/*.json`: every marked
/// span must come out with its fields, and nothing else may.
@Suite("Quantities: cases")
struct QuantitiesCaseTests {
    @Test("the case files hold cases")
    func caseFilesAreRead() {
        #expect(QuantityCase.all.count >= 150)
        #expect(Set(QuantityCase.all.map(\.file)).count >= 4)
    }

    @Test(arguments: QuantityCase.all)
    func quantities(_ quantityCase: QuantityCase) {
        let marked = MarkedText(quantityCase.text)
        let found = matchQuantities(marked.text)
        let items = Self.items(found)
        #expect(
            marked.spans.count == quantityCase.expected.count,
            "the case marks \(marked.spans.count) spans but expects \(quantityCase.expected.count)")
        #expect(
            items.map(\.span) == marked.spans.map(Span.init),
            "found \(items.map { "\($0.kind) \($0.text.debugDescription)" })")
        guard items.count == quantityCase.expected.count else { return }
        for (item, expected) in zip(items, quantityCase.expected) {
            let where_ = item.text.debugDescription
            #expect(item.kind == expected.kind, "kind of \(where_)")
            #expect(item.text == marked.slice(item.span.range), "text of \(where_) is the original slice")
            expected.min.check(item.min, "min", where_)
            expected.max.check(item.max, "max", where_)
            if let approximate = expected.approximate { #expect(item.approximate == approximate, "approximate of \(where_)") }
            if let redacted = expected.redacted { #expect(item.redacted == redacted, "redacted of \(where_)") }
            if let points = expected.points { #expect(item.points == points, "points of \(where_)") }
            if let per = expected.per { #expect(item.per == per, "per of \(where_)") }
            if let classifier = expected.classifier { #expect(item.classifier == classifier, "classifier of \(where_)") }
            expected.subject.check(item.subject, "subject", where_)
            expected.purpose.check(item.purpose, "purpose", where_)
            if let rule = expected.rule { #expect(item.rule == rule, "rule of \(where_)") }
        }
        let rules = Set(found.rejections.map(\.rule))
        for rule in quantityCase.rejected {
            #expect(rules.contains(rule), "no rejection \(rule); got \(rules.sorted())")
        }
    }

    /// Amounts, counts and percentages as one list in text order.
    struct Item {
        var kind: String
        var text: String
        var span: Span
        var min: Decimal?
        var max: Decimal?
        var approximate: Bool
        var redacted: Bool
        var points: Bool? = nil
        var per: [String]? = nil
        var classifier: String? = nil
        var subject: String? = nil
        var purpose: String? = nil
        var rule: String
    }

    static func items(_ found: QuantityMatches) -> [Item] {
        let amounts = found.amounts.map {
            Item(
                kind: "amount", text: $0.text, span: $0.span, min: $0.min, max: $0.max, approximate: $0.approximate,
                redacted: $0.redacted, per: $0.per, purpose: $0.purpose, rule: $0.rule)
        }
        let counts = found.counts.map {
            Item(
                kind: "count", text: $0.text, span: $0.span, min: $0.min, max: $0.max, approximate: $0.approximate,
                redacted: $0.redacted, classifier: $0.classifier, subject: $0.subject, rule: $0.rule)
        }
        let percentages = found.percentages.map {
            Item(
                kind: "percent", text: $0.text, span: $0.span, min: $0.min, max: $0.max, approximate: $0.approximate,
                redacted: $0.redacted, points: $0.points, rule: $0.rule)
        }
        return (amounts + counts + percentages).sorted { $0.span < $1.span }
    }
}
