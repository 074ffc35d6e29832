import Evaluation
import Extractor

/// One thing a page shows: an item of the record (an amount, a measure, an
/// organisation with its mentions, an instrument inside a measure…) or a gold
/// item the extraction missed.
public struct ReviewItem: Sendable {
    /// How the item stands against the gold, when there is gold.
    public enum Verdict: String, Sendable {
        /// No gold to compare with, or the kind is not paired item by item.
        case unjudged
        /// Paired with a gold item.
        case matched
        /// No gold item pairs with it.
        case extra
        /// A gold item no prediction pairs with (shown at the gold's span).
        case missed
    }

    /// Unique on the page: `amounts-3`, `measures-2-instruments-0`, `gold-counts-1`.
    public var id: String
    /// The record key the item is listed under: `amounts`, `measures`, `instruments`…
    public var kind: String
    /// Where it is: code points, half-open, into the original text; several for
    /// an organisation's mentions; none when the item has no span.
    public var spans: [Range<Int>]
    /// The item as the record has it.
    public var object: JSONObject
    /// Against the gold.
    public var verdict: Verdict = .unjudged

    /// A short name: the item's `text`, else `name`, `title` (after its `number`), `message`,
    /// `cue` (an instrument's word), or its first text field.
    public var label: String {
        if let text = object["text"]?.stringValue { return text }
        if let name = object["name"]?.stringValue { return name }
        let number = object["number"].flatMap { $0.isNull ? nil : HTML.plain($0) }
        if let title = object["title"]?.stringValue { return [number, title].compactMap { $0 }.joined(separator: " ") }
        if let number { return number }
        if let message = object["message"]?.stringValue { return message }
        if let cue = object["cue"]?.stringValue { return cue }
        // Else the first text the item holds, other than its rule.
        return object.entries.first { $0.key != "rule" && $0.value.stringValue != nil }?.value.stringValue ?? kind
    }

    /// The item's own fields as label–value pairs, without its spans and
    /// without the lists of items nested in it (those are items of their own).
    public var fields: [(key: String, value: String)] {
        object.entries.compactMap { entry in
            if ItemCatalog.spanKeys.contains(entry.key) { return nil }
            if ItemCatalog.nestedItems(entry.value) != nil { return nil }
            return (entry.key, HTML.plain(entry.value))
        }
    }
}

/// Finds the items of a record without knowing its kinds: every object in a
/// top-level list is an item of that list's kind, and so is every object in a
/// list inside an item (a measure's instruments). New kinds show up as they
/// are added to the output.
public enum ItemCatalog {
    /// Top-level keys that hold no items.
    static let notItems: Set<String> = ["source", "metadata", "error"]

    /// The keys that hold an item's place, not items.
    static let spanKeys: Set<String> = ["span", "spans"]

    /// Kinds drawn as blocks around their text, with a head naming them
    /// (numbered measures and articles, with their lead and cooperating units).
    public static let blockKinds: Set<String> = ["measures"]

    /// Every item of `record`, in record order; spans are clamped to `0...length`.
    public static func items(in record: JSONObject, length: Int, idPrefix: String = "") -> [ReviewItem] {
        var items: [ReviewItem] = []
        for entry in record.entries where !notItems.contains(entry.key) {
            guard let elements = nestedItems(entry.value) else { continue }
            for (index, object) in elements.enumerated() {
                collect(object, kind: entry.key, id: "\(idPrefix)\(entry.key)-\(index)", length: length, into: &items)
            }
        }
        return items
    }

    private static func collect(_ object: JSONObject, kind: String, id: String, length: Int, into items: inout [ReviewItem]) {
        items.append(ReviewItem(id: id, kind: kind, spans: spans(of: object, length: length), object: object))
        for entry in object.entries where !spanKeys.contains(entry.key) {
            guard let elements = nestedItems(entry.value) else { continue }
            for (index, nested) in elements.enumerated() {
                collect(nested, kind: entry.key, id: "\(id)-\(entry.key)-\(index)", length: length, into: &items)
            }
        }
    }

    /// The objects of a list that holds objects only (and at least one), else nil.
    static func nestedItems(_ value: JSONValue) -> [JSONObject]? {
        guard case .array(let elements) = value, !elements.isEmpty else { return nil }
        let objects = elements.compactMap(\.objectValue)
        return objects.count == elements.count ? objects : nil
    }

    /// An item's spans as the output and the gold write them: `span: {start, end}`,
    /// `span: [start, end]`, `spans: [...]`, or `start` and `end` on the item itself.
    public static func spans(of object: JSONObject, length: Int) -> [Range<Int>] {
        func range(_ start: JSONValue?, _ end: JSONValue?) -> Range<Int>? {
            guard let s = start?.numberValue.flatMap({ Int($0.text) }),
                let e = end?.numberValue.flatMap({ Int($0.text) })
            else { return nil }
            let lower = min(max(0, s), length), upper = min(max(0, e), length)
            return lower <= upper ? lower..<upper : nil
        }
        func read(_ value: JSONValue) -> Range<Int>? {
            switch value {
            case .object(let span): range(span["start"], span["end"])
            case .array(let pair) where pair.count == 2: range(pair[0], pair[1])
            default: nil
            }
        }
        var found: [Range<Int>] = []
        if let span = object["span"], let r = read(span) { found.append(r) }
        if case .array(let list)? = object["spans"] { found += list.compactMap(read) }
        if found.isEmpty, let r = range(object["start"], object["end"]) { found.append(r) }
        return found
    }
}
