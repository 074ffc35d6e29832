import Extractor
import Foundation

/// One line of `zhengce explain`: an extracted item or a near miss, with the
/// rule that produced or rejected it.
public struct ExplainedEntry: Sendable, Equatable {
    /// `amount`, `count`, `percentage`, `measure`, `section`, `reference`,
    /// `organization`, `diagnostic`, or `rejected` for a near miss.
    public var kind: String
    /// Where it is; nil for a diagnostic about the whole document.
    public var span: Span?
    /// The original text of the span (or the item's own text).
    public var text: String
    /// The rule that produced it (for a near miss: the negative rule that fired).
    public var rule: String
    /// The values it carries, or the reason for a near miss.
    public var detail: String

    /// How far `offset` lies from the span: 0 when the span contains it.
    public func distance(to offset: Int) -> Int? {
        guard let span else { return nil }
        if offset < span.start { return span.start - offset }
        if offset >= span.end { return offset - span.end + (span.isEmpty ? 0 : 1) }
        return 0
    }
}

extension Span {
    /// Whether the span covers no code point.
    var isEmpty: Bool { start == end }
}

/// Lists what an extraction found and what its negative rules turned down.
public enum Explanation {
    /// Every item (each mention of a reference or organisation separately) and
    /// every near miss, ordered by place; diagnostics without a span come first.
    public static func entries(_ result: ExtractionResult, rejections: [Rejection], original: [Unicode.Scalar]) -> [ExplainedEntry] {
        func text(_ span: Span) -> String {
            let range = span.range.clamped(to: 0..<original.count)
            return String(String.UnicodeScalarView(original[range]))
        }
        var entries: [ExplainedEntry] = []
        for section in result.sections {
            entries.append(ExplainedEntry(kind: "section", span: section.span, text: text(section.span), rule: section.rule,
                                          detail: "level \(section.level), marker \(show(section.marker)), title \(show(section.title))"))
        }
        for measure in result.measures {
            var detail = "\(measure.kind.rawValue) \(measure.number), title \(measure.title.map(show) ?? "none")"
            if !measure.lead.isEmpty { detail += ", lead \(list(measure.lead))" }
            if !measure.cooperating.isEmpty { detail += ", cooperating \(list(measure.cooperating))" }
            entries.append(ExplainedEntry(kind: "measure", span: measure.span, text: headline(text(measure.span)),
                                          rule: measure.rule, detail: detail))
        }
        for amount in result.amounts {
            var parts = bounds(amount.min, amount.max, amount.approximate, amount.redacted)
            if !amount.per.isEmpty { parts.append("per \(list(amount.per))") }
            if let purpose = amount.purpose { parts.append("purpose \(purpose)") }
            if let measure = amount.measure { parts.append("measure \(measure)") }
            entries.append(ExplainedEntry(kind: "amount", span: amount.span, text: amount.text, rule: amount.rule,
                                          detail: parts.joined(separator: ", ")))
        }
        for count in result.counts {
            var parts = bounds(count.min, count.max, count.approximate, count.redacted)
            parts.append("classifier \(count.classifier)")
            if let subject = count.subject { parts.append("subject \(show(subject))") }
            if let measure = count.measure { parts.append("measure \(measure)") }
            entries.append(ExplainedEntry(kind: "count", span: count.span, text: count.text, rule: count.rule,
                                          detail: parts.joined(separator: ", ")))
        }
        for percentage in result.percentages {
            var parts = bounds(percentage.min, percentage.max, percentage.approximate, percentage.redacted)
            if percentage.points { parts.append("points") }
            if let measure = percentage.measure { parts.append("measure \(measure)") }
            entries.append(ExplainedEntry(kind: "percentage", span: percentage.span, text: percentage.text,
                                          rule: percentage.rule, detail: parts.joined(separator: ", ")))
        }
        for deadline in result.deadlines {
            let detail = "date \(deadline.date)" + (deadline.measure.map { ", measure \($0)" } ?? "")
            entries.append(ExplainedEntry(kind: "deadline", span: deadline.span, text: deadline.text, rule: deadline.rule,
                                          detail: detail))
        }
        for measure in result.measures {
            for tag in measure.instruments {
                entries.append(ExplainedEntry(kind: "instrument", span: tag.span, text: tag.cue, rule: tag.rule,
                                              detail: "\(tag.type) \(tag.tool), measure \(measure.number)"))
            }
        }
        for reference in result.references {
            let detail = "title \(show(reference.title))" + (reference.action.map { ", action \($0)" } ?? "")
            for span in reference.spans {
                entries.append(ExplainedEntry(kind: "reference", span: span, text: text(span), rule: reference.rule, detail: detail))
            }
        }
        for organization in result.organizations {
            let detail = "name \(show(organization.name)), \(organization.kind.rawValue), \(organization.mentions) mention\(organization.mentions == 1 ? "" : "s")"
            for span in organization.spans {
                entries.append(ExplainedEntry(kind: "organization", span: span, text: text(span), rule: organization.rule, detail: detail))
            }
        }
        for diagnostic in result.diagnostics {
            entries.append(ExplainedEntry(kind: "diagnostic", span: diagnostic.span, text: diagnostic.span.map(text) ?? "",
                                          rule: diagnostic.rule, detail: "\(diagnostic.severity.rawValue): \(diagnostic.message)"))
        }
        for rejection in rejections {
            entries.append(ExplainedEntry(kind: "rejected", span: rejection.span, text: rejection.text, rule: rejection.rule,
                                          detail: rejection.reason))
        }
        return entries.enumerated().sorted { a, b in
            let x = a.element.span.map { ($0.start, $0.end) } ?? (-1, -1)
            let y = b.element.span.map { ($0.start, $0.end) } ?? (-1, -1)
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    /// The entries whose span contains `offset` or ends within `window` code points of it.
    public static func entries(_ entries: [ExplainedEntry], near offset: Int, window: Int) -> [ExplainedEntry] {
        entries.filter { ($0.distance(to: offset) ?? .max) <= window }
    }

    /// Two lines per entry: place, kind, rule, text and values; then the text around it.
    public static func render(_ entries: [ExplainedEntry], original: [Unicode.Scalar]) -> String {
        var out = ""
        for entry in entries {
            let place = entry.span.map { "\($0.start)..<\($0.end)" } ?? "-"
            out += "\(place)  \(entry.kind)  \(entry.rule)  \(show(entry.text))"
            if !entry.detail.isEmpty { out += "  \(entry.detail)" }
            out += "\n"
            if let span = entry.span { out += "    " + DocumentInput.context(of: span, in: original) + "\n" }
        }
        return out
    }

    private static func bounds(_ min: Decimal?, _ max: Decimal?, _ approximate: Bool, _ redacted: Bool) -> [String] {
        var parts = ["min \(min.map { "\($0)" } ?? "none")", "max \(max.map { "\($0)" } ?? "none")"]
        if approximate { parts.append("approximate") }
        if redacted { parts.append("redacted") }
        return parts
    }

    /// A string quoted, with line breaks visible.
    private static func show(_ text: String) -> String {
        "“" + text.replacingOccurrences(of: "\n", with: "⏎") + "”"
    }

    private static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    /// The first line of a long text (a measure's span), shortened.
    private static func headline(_ text: String) -> String {
        let line = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        let scalars = Array(line.unicodeScalars)
        return scalars.count > 40 ? String(String.UnicodeScalarView(scalars[..<40])) + "…" : line
    }
}
