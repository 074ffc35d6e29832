import Extractor
import Foundation
import TextTools

/// One difference between a blessed fixture and today's output.
public struct FixtureDifference: Sendable, Equatable {
    /// What changed at the path.
    public enum Change: Sendable, Equatable {
        /// A value changed; nil stands for a key that is absent on that side.
        case changed(expected: JSONValue?, actual: JSONValue?)
        /// An item the output has and the fixture has not.
        case added(JSONValue)
        /// An item the fixture has and the output has not.
        case removed(JSONValue)
    }

    /// Where: `amounts[12].max`, `amounts[+]`, `amounts[-]`, `source.sha256`.
    public var path: String
    /// What changed.
    public var change: Change
    /// The span of the item the difference is in, for showing its text.
    public var span: Span?

    /// One line: `amounts[12].max: expected 50000, got 500000 — …给予⟦2—5万元⟧奖补…`;
    /// the text around the item is shown when the original is given.
    public func line(original: [Unicode.Scalar]? = nil) -> String {
        var line: String
        switch change {
        case .changed(let expected, let actual):
            line = "\(path): expected \(Self.show(expected)), got \(Self.show(actual))"
        case .added(let value):
            line = "\(path) added: \(Self.show(value))"
        case .removed(let value):
            line = "\(path) removed: \(Self.show(value))"
        }
        if let span, let original { line += " — " + DocumentInput.context(of: span, in: original) }
        return line
    }

    private static func show(_ value: JSONValue?) -> String {
        value.map { JSONRendering.compact($0, keyOrder: FixtureFormat.keyOrder) } ?? "(absent)"
    }
}

/// Compares two JSON documents field by field. Lists of items are aligned by
/// span (or by name, title, number or message when items have no span), so one item
/// inserted or dropped shows as one `[+]` or `[-]`, not as a cascade of changes.
/// Lists of plain values (`per`, `lead`) compare as a whole.
public enum JSONDiff {
    /// Every difference, in document order within each list.
    public static func differences(expected: JSONValue, actual: JSONValue) -> [FixtureDifference] {
        var out: [FixtureDifference] = []
        compare(expected, actual, path: "", span: nil, into: &out)
        return out
    }

    /// Deep equality with numbers compared by value (`5E+4` equals `50000`) and
    /// strings by code point; object key order does not matter.
    public static func same(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)):
            if let p = x.decimal, let q = y.decimal { return p == q }
            return x.text == y.text
        case (.string(let x), .string(let y)): return x.unicodeScalars.elementsEqual(y.unicodeScalars)
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { same($0, $1) }
        case (.object(let x), .object(let y)):
            return x.entries.count == y.entries.count
                && x.entries.allSatisfy { entry in y[entry.key].map { same(entry.value, $0) } ?? false }
        default: return a == b
        }
    }

    private static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : path + "." + key }

    private static func compare(
        _ expected: JSONValue, _ actual: JSONValue, path: String, span: Span?,
        into out: inout [FixtureDifference]
    ) {
        if same(expected, actual) { return }
        switch (expected, actual) {
        case (.object(let e), .object(let a)):
            let inner = itemSpan(a) ?? itemSpan(e) ?? span
            for entry in e.entries {
                if let value = a[entry.key] {
                    compare(entry.value, value, path: join(path, entry.key), span: inner, into: &out)
                } else {
                    out.append(
                        FixtureDifference(path: join(path, entry.key), change: .changed(expected: entry.value, actual: nil), span: inner))
                }
            }
            for entry in a.entries where !e.has(entry.key) {
                out.append(
                    FixtureDifference(path: join(path, entry.key), change: .changed(expected: nil, actual: entry.value), span: inner))
            }
        case (.array(let e), .array(let a)) where alignable(e + a):
            compareItems(e, a, path: path, span: span, into: &out)
        default:
            out.append(FixtureDifference(path: path, change: .changed(expected: expected, actual: actual), span: span))
        }
    }

    /// What an item is known by when lists are aligned.
    private enum Identity: Hashable {
        case span(Int, Int)
        case name(ExactText)
    }

    private static func identity(_ value: JSONValue) -> Identity? {
        guard case .object(let object) = value else { return nil }
        if let span = ScoreRules.span(of: object) {
            guard let start = Int(exactly: NSDecimalNumber(decimal: span.start).doubleValue),
                let end = Int(exactly: NSDecimalNumber(decimal: span.end).doubleValue)
            else { return nil }
            return .span(start, end)
        }
        for key in ["name", "title", "number", "message"] {
            if let name = object[key], !name.isNull { return .name(ExactText(name.pythonStr)) }
        }
        return nil
    }

    /// Lists of objects align when every item has an identity.
    private static func alignable(_ items: [JSONValue]) -> Bool {
        !items.isEmpty && items.allSatisfy { identity($0) != nil }
    }

    /// The span an item is shown with: its own, or the first of its `spans`.
    private static func itemSpan(_ object: JSONObject) -> Span? {
        if case .span(let start, let end)? = identity(.object(object)), start <= end { return Span(start: start, end: end) }
        if case .array(let spans)? = object["spans"], let first = spans.first,
            case .span(let start, let end)? = identity(first), start <= end
        {
            return Span(start: start, end: end)
        }
        return nil
    }

    private static func compareItems(
        _ expected: [JSONValue], _ actual: [JSONValue], path: String, span: Span?,
        into out: inout [FixtureDifference]
    ) {
        let expectedIDs = expected.map { identity($0)! }, actualIDs = actual.map { identity($0)! }
        var partner = [Int?](repeating: nil, count: expected.count)
        var taken = [Bool](repeating: false, count: actual.count)
        // First the same identity, in order; then, for spans, the first overlapping one.
        var waiting: [Identity: [Int]] = [:]
        for (index, id) in actualIDs.enumerated().reversed() { waiting[id, default: []].append(index) }
        for (index, id) in expectedIDs.enumerated() {
            if let next = waiting[id]?.popLast() { partner[index] = next; taken[next] = true }
        }
        for (index, id) in expectedIDs.enumerated() where partner[index] == nil {
            guard case .span(let start, let end) = id else { continue }
            let match = actualIDs.indices.first { other in
                guard !taken[other], case .span(let s, let e) = actualIDs[other] else { return false }
                return (start < e && s < end) || (start == s && end == e)
            }
            if let match { partner[index] = match; taken[match] = true }
        }

        // Report in document order: by span start where items have spans, else fixture order with additions last.
        struct Entry { var order: (Int, Int, Int); var report: () -> [FixtureDifference] }
        func position(_ id: Identity, fallback: Int) -> Int {
            if case .span(let start, _) = id { return start }
            return fallback
        }
        var entries: [Entry] = []
        for (index, item) in expected.enumerated() {
            let itemPath = "\(path)[\(index)]"
            if let other = partner[index] {
                entries.append(
                    Entry(order: (position(expectedIDs[index], fallback: index), 1, index)) {
                        var found: [FixtureDifference] = []
                        compare(item, actual[other], path: itemPath, span: span, into: &found)
                        return found
                    })
            } else {
                entries.append(
                    Entry(order: (position(expectedIDs[index], fallback: index), 0, index)) {
                        [FixtureDifference(path: "\(path)[-]", change: .removed(item), span: spanOf(item) ?? span)]
                    })
            }
        }
        for (index, item) in actual.enumerated() where !taken[index] {
            entries.append(
                Entry(order: (position(actualIDs[index], fallback: Int.max), 2, index)) {
                    [FixtureDifference(path: "\(path)[+]", change: .added(item), span: spanOf(item) ?? span)]
                })
        }
        for entry in entries.sorted(by: { $0.order < $1.order }) { out += entry.report() }
    }

    private static func spanOf(_ item: JSONValue) -> Span? { item.objectValue.flatMap(itemSpan) }
}
