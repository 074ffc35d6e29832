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
        for kind in ExtractionResult.itemKinds {
            for item in kind.items(result) {
                // A kind without its own explanation (a test catches one) is still listed, by its span.
                let lines =
                    (item as? ExplainableItem)?.explanation(text: text)
                    ?? [(item.firstSpan, item.firstSpan.map(text) ?? "", "", "")]
                for line in lines {
                    entries.append(
                        ExplainedEntry(
                            kind: kind.singular, span: line.span, text: line.text, rule: line.rule,
                            detail: line.detail))
                }
            }
        }
        // A measure's instruments, each at its cue.
        for measure in result.measures {
            for tag in measure.instruments {
                entries.append(
                    ExplainedEntry(
                        kind: "instrument", span: tag.span, text: tag.cue, rule: tag.rule,
                        detail: "\(tag.type) \(tag.tool), measure \(measure.number)"))
            }
        }
        for diagnostic in result.diagnostics {
            entries.append(
                ExplainedEntry(
                    kind: "diagnostic", span: diagnostic.span, text: diagnostic.span.map(text) ?? "",
                    rule: diagnostic.rule, detail: "\(diagnostic.severity.rawValue): \(diagnostic.message)"))
        }
        for rejection in rejections {
            entries.append(
                ExplainedEntry(
                    kind: "rejected", span: rejection.span, text: rejection.text, rule: rejection.rule,
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

    static func bounds(_ min: Decimal?, _ max: Decimal?, _ approximate: Bool, _ redacted: Bool) -> [String] {
        var parts = ["min \(min.map { "\($0)" } ?? "none")", "max \(max.map { "\($0)" } ?? "none")"]
        if approximate { parts.append("approximate") }
        if redacted { parts.append("redacted") }
        return parts
    }

    /// A string quoted, with line breaks visible.
    static func show(_ text: String) -> String {
        "“" + text.replacingOccurrences(of: "\n", with: "⏎") + "”"
    }

    static func list(_ items: [String]) -> String { "[" + items.joined(separator: ", ") + "]" }

    /// The first line of a long text (a measure's span), shortened.
    static func headline(_ text: String) -> String {
        let line = text.split(separator: "\n", omittingEmptySubsequences: true).first.map(String.init) ?? ""
        let scalars = Array(line.unicodeScalars)
        return scalars.count > 40 ? String(String.UnicodeScalarView(scalars[..<40])) + "…" : line
    }
}

/// An item `zhengce explain` can show: one line per mention, each with its
/// span, its text, its rule and its values. Every registered kind of item
/// (``ExtractionResult/itemKinds``) is one; a test holds the two together.
protocol ExplainableItem {
    /// The item's lines; `text` gives the original text of a span.
    func explanation(text: (Span) -> String) -> [(span: Span?, text: String, rule: String, detail: String)]
}

extension Section: ExplainableItem {
    func explanation(text: (Span) -> String) -> [(span: Span?, text: String, rule: String, detail: String)] {
        [
            (
                span, text(span), rule,
                "level \(level), marker \(Explanation.show(marker)), title \(Explanation.show(title))"
            )
        ]
    }
}

extension Measure: ExplainableItem {
    func explanation(text: (Span) -> String) -> [(span: Span?, text: String, rule: String, detail: String)] {
        var detail = "\(kind.rawValue) \(number), title \(title.map(Explanation.show) ?? "none")"
        if !lead.isEmpty { detail += ", lead \(Explanation.list(lead))" }
        if !cooperating.isEmpty { detail += ", cooperating \(Explanation.list(cooperating))" }
        return [(span, Explanation.headline(text(span)), rule, detail)]
    }
}

extension Amount: ExplainableItem {
    func explanation(text: (Span) -> String) -> [(span: Span?, text: String, rule: String, detail: String)] {
        var parts = Explanation.bounds(min, max, approximate, redacted)
        if !per.isEmpty { parts.append("per \(Explanation.list(per))") }
        if let purpose { parts.append("purpose \(purpose)") }
        if let measure { parts.append("measure \(measure)") }
        return [(span, self.text, rule, parts.joined(separator: ", "))]
    }
}

extension Count: ExplainableItem {
    func explanation(text: (Span) -> String) -> [(span: Span?, text: String, rule: String, detail: String)] {
        var parts = Explanation.bounds(min, max, approximate, redacted)
        parts.append("classifier \(classifier)")
        if let subject { parts.append("subject \(Explanation.show(subject))") }
        if let measure { parts.append("measure \(measure)") }
        return [(span, self.text, rule, parts.joined(separator: ", "))]
    }
}

extension Percentage: ExplainableItem {
    func explanation(text: (Span) -> String) -> [(span: Span?, text: String, rule: String, detail: String)] {
        var parts = Explanation.bounds(min, max, approximate, redacted)
        if points { parts.append("points") }
        if let measure { parts.append("measure \(measure)") }
        return [(span, self.text, rule, parts.joined(separator: ", "))]
    }
}

extension Deadline: ExplainableItem {
    func explanation(text: (Span) -> String) -> [(span: Span?, text: String, rule: String, detail: String)] {
        [(span, self.text, rule, "date \(date)" + (measure.map { ", measure \($0)" } ?? ""))]
    }
}

extension Reference: ExplainableItem {
    func explanation(text: (Span) -> String) -> [(span: Span?, text: String, rule: String, detail: String)] {
        let detail = "title \(Explanation.show(title))" + (action.map { ", action \($0)" } ?? "")
        return spans.map { ($0, text($0), rule, detail) }
    }
}

extension Organization: ExplainableItem {
    func explanation(text: (Span) -> String) -> [(span: Span?, text: String, rule: String, detail: String)] {
        let detail = "name \(Explanation.show(name)), \(kind.rawValue), \(mentions) mention\(mentions == 1 ? "" : "s")"
        return spans.map { ($0, text($0), rule, detail) }
    }
}
