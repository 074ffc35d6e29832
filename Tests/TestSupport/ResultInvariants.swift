import Extractor
import Foundation
import Segmenter

/// The promises every extraction result keeps, whatever its input: spans
/// inside the original text, each item's `text` equal to its original slice,
/// bounds in order, placeholders without values, measure numbers unique.
///
/// One source of truth for the property tests, the bad-input tests and the
/// fuzz target (`Fuzz/Sources/FuzzPipeline` links to this very file), so the
/// fuzzer traps on a wrong result just as the tests fail on it.
public enum ResultInvariants {
    /// Everything wrong with `result` as the extraction of `document`; empty when all holds.
    public static func violations(of result: ExtractionResult, document: TextDocument) -> [String] {
        var problems: [String] = []
        let length = document.original.count
        func check(_ condition: Bool, _ message: @autoclosure () -> String) {
            if !condition { problems.append(message()) }
        }
        func checkSpan(_ span: Span, _ what: @autoclosure () -> String) {
            check(
                span.start >= 0 && span.start <= span.end && span.end <= length,
                "\(what()): span \(span) outside the original text of \(length) code points")
        }
        func checkSlice(_ text: String, _ span: Span, _ what: @autoclosure () -> String) {
            checkSpan(span, what())
            guard span.start >= 0, span.start <= span.end, span.end <= length else { return }
            check(!span.range.isEmpty, "\(what()): empty span \(span)")
            check(
                text == document.originalText(span.range),
                "\(what()): text \(text.debugDescription) is not the original slice \(document.originalText(span.range).debugDescription) at \(span)"
            )
        }
        func checkValues(_ min: Decimal?, _ max: Decimal?, redacted: Bool, _ what: @autoclosure () -> String) {
            for value in [min, max].compactMap({ $0 }) {
                check(!value.isNaN, "\(what()): value is NaN")
            }
            if let min, let max, !min.isNaN, !max.isNaN {
                check(min <= max, "\(what()): min \(min) > max \(max)")
            }
            if redacted {
                check(
                    min == nil && max == nil, "\(what()): redacted but has a value (\(String(describing: min)), \(String(describing: max)))"
                )
            }
        }

        check(result.schemaVersion == ExtractionResult.currentSchemaVersion, "schemaVersion \(result.schemaVersion)")
        check(result.source.characters == length, "source.characters \(result.source.characters) but the text has \(length)")
        check(result.source.sha256.count == 64 && result.source.sha256.allSatisfy(\.isHexDigit), "sha256 \(result.source.sha256)")
        let readAs = document.container ?? document.format.rawValue
        check(result.source.format == readAs, "source.format \(result.source.format) but read as \(readAs)")
        check(result.source.pageStarts == document.pageStarts, "source.pageStarts differ from the document's")
        if let starts = result.source.pageStarts {
            check(
                starts.first == 0 && zip(starts, starts.dropFirst()).allSatisfy { $0 < $1 } && starts.last! <= length,
                "page starts \(starts.prefix(10)) not increasing from 0 within the text")
        }
        check(result.source.encoding == document.encoding, "source.encoding \(result.source.encoding) but decoded as \(document.encoding)")
        check(["normative", "report"].contains(result.genre), "genre \(result.genre)")

        var numbers = Set<String>()
        for (index, measure) in result.measures.enumerated() {
            let what = "measures[\(index)] \(measure.number)"
            checkSpan(measure.span, what)
            check(!measure.number.isEmpty, "\(what): empty number")
            check(numbers.insert(measure.number).inserted, "\(what): number used twice")
            check(!measure.rule.isEmpty, "\(what): no rule")
        }
        for (index, amount) in result.amounts.enumerated() {
            let what = "amounts[\(index)] \(amount.text.debugDescription)"
            checkSlice(amount.text, amount.span, what)
            checkValues(amount.min, amount.max, redacted: amount.redacted, what)
            check(amount.per.allSatisfy { !$0.isEmpty }, "\(what): empty per unit")
            check(amount.measure.map(numbers.contains) ?? true, "\(what): measure \(amount.measure ?? "") does not exist")
            check(!amount.rule.isEmpty, "\(what): no rule")
        }
        for (index, count) in result.counts.enumerated() {
            let what = "counts[\(index)] \(count.text.debugDescription)"
            checkSlice(count.text, count.span, what)
            checkValues(count.min, count.max, redacted: count.redacted, what)
            check(!count.classifier.isEmpty, "\(what): empty classifier")
            check(count.measure.map(numbers.contains) ?? true, "\(what): measure \(count.measure ?? "") does not exist")
            check(!count.rule.isEmpty, "\(what): no rule")
        }
        for (index, percentage) in result.percentages.enumerated() {
            let what = "percentages[\(index)] \(percentage.text.debugDescription)"
            checkSlice(percentage.text, percentage.span, what)
            checkValues(percentage.min, percentage.max, redacted: percentage.redacted, what)
            check(percentage.measure.map(numbers.contains) ?? true, "\(what): measure \(percentage.measure ?? "") does not exist")
            check(!percentage.rule.isEmpty, "\(what): no rule")
        }
        for (index, section) in result.sections.enumerated() {
            checkSpan(section.span, "sections[\(index)] \(section.title.debugDescription)")
            check(section.level >= 1, "sections[\(index)]: level \(section.level)")
        }
        for (index, reference) in result.references.enumerated() {
            let what = "references[\(index)] \(reference.title.debugDescription)"
            check(!reference.spans.isEmpty, "\(what): no span")
            for span in reference.spans { checkSpan(span, what) }
        }
        var names = Set<String>()
        for (index, organization) in result.organizations.enumerated() {
            let what = "organizations[\(index)] \(organization.name.debugDescription)"
            check(!organization.name.isEmpty, "\(what): empty name")
            check(names.insert(organization.name).inserted, "\(what): listed twice")
            check(organization.mentions >= 1, "\(what): \(organization.mentions) mentions")
            for span in organization.spans { checkSpan(span, what) }
        }
        // What holds for every registered kind of item, new ones included
        // (an item already reported above is not reported again).
        for kind in ExtractionResult.itemKinds {
            for (index, item) in kind.items(result).enumerated() {
                let what = "\(kind.key)[\(index)]"
                guard !problems.contains(where: { $0.hasPrefix(what) }) else { continue }
                if let span = item.firstSpan { checkSpan(span, what) }
                if let bound = item as? any MeasureBoundItem {
                    checkSpan(bound.span, what)
                    check(bound.measure.map(numbers.contains) ?? true, "\(what): measure \(bound.measure ?? "") does not exist")
                }
            }
        }
        for (index, diagnostic) in result.diagnostics.enumerated() {
            if let span = diagnostic.span { checkSpan(span, "diagnostics[\(index)] \(diagnostic.message)") }
            check(!diagnostic.rule.isEmpty, "diagnostics[\(index)]: no rule")
        }
        return problems
    }

    /// Everything wrong with the near misses `explain` reports.
    public static func violations(of rejections: [Rejection], document: TextDocument) -> [String] {
        var problems: [String] = []
        let length = document.original.count
        for (index, rejection) in rejections.enumerated() {
            let span = rejection.span
            guard span.start >= 0, span.end <= length else {
                problems.append("rejections[\(index)]: span \(span) outside the original text of \(length) code points")
                continue
            }
            if rejection.text != document.originalText(span.range) {
                problems.append("rejections[\(index)]: text \(rejection.text.debugDescription) is not the original slice at \(span)")
            }
        }
        return problems
    }

    /// Everything wrong with the map from the normalised text back to the
    /// original: each scalar's range inside the original and in order, so any
    /// range of the normalised text maps to a valid original span.
    public static func violations(ofMapping document: TextDocument, sentences: [Range<Int>]) -> [String] {
        var problems: [String] = []
        let text = document.text, length = Int32(document.original.count)
        guard text.starts.count == text.count, text.ends.count == text.count else {
            return ["mapping: \(text.count) scalars but \(text.starts.count) starts and \(text.ends.count) ends"]
        }
        var previousStart: Int32 = 0
        for index in 0..<text.count {
            let start = text.starts[index], end = text.ends[index]
            if start < previousStart || start > end || end > length {
                problems.append(
                    "mapping: scalar \(index) \(text[index].debugDescription) maps to \(start)..<\(end) after \(previousStart), text of \(length)"
                )
                break
            }
            previousStart = start
        }
        var previousEnd = 0
        for sentence in sentences {
            if sentence.isEmpty || sentence.lowerBound < previousEnd || sentence.upperBound > text.count {
                problems.append("sentences: \(sentence) after \(previousEnd) in a text of \(text.count)")
                break
            }
            previousEnd = sentence.upperBound
        }
        return problems
    }
}
