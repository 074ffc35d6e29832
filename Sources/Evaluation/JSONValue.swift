import Extractor
import Foundation

/// A JSON value read without loss: numbers keep the text they were written
/// with (so decimals stay exact and `50000` is told from `50000.0`), objects
/// keep their keys in order. Scoring and fixture comparison work on this
/// rather than on the Codable model, so they accept any prediction file.
public enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    case number(JSONNumber)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The value under `key` when this is an object (nil when absent or not an object).
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The object, or nil.
    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The elements, or nil when this is not an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    /// The string, or nil.
    public var stringValue: String? {
        if case .string(let string) = self { return string }
        return nil
    }

    /// The number, or nil.
    public var numberValue: JSONNumber? {
        if case .number(let number) = self { return number }
        return nil
    }

    /// Whether this is `null`.
    public var isNull: Bool { self == .null }

    /// A JSON number for an integer.
    public static func integer(_ value: Int) -> JSONValue { .number(JSONNumber(text: String(value))) }

    /// A JSON number for an exact decimal.
    public static func decimal(_ value: Decimal) -> JSONValue { .number(JSONNumber(text: value.description)) }
}

/// A JSON number as written in the file.
public struct JSONNumber: Hashable, Sendable {
    /// The number's text, e.g. `50000`, `0.5`, `1e-6`.
    public let text: String

    /// Wraps the text of a JSON number (not checked here; the parser checks).
    public init(text: String) { self.text = text }

    /// True when written without a fraction or exponent: Python's `json` reads
    /// those as `int`, the others as `float`.
    public var isInteger: Bool { !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) }

    /// The exact value (nil only if it has more digits than `Decimal` holds).
    public var decimal: Decimal? { Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) }

    /// The nearest binary double, as Python's `float()` would read it.
    public var double: Double { Double(text) ?? .nan }
}

/// A JSON object: its entries in file order. A key written twice keeps its
/// first place and its last value, as Python's `json` does.
public struct JSONObject: Hashable, Sendable {
    /// One key and its value.
    public struct Entry: Hashable, Sendable {
        /// The key.
        public var key: String
        /// Its value.
        public var value: JSONValue
    }

    /// The entries in order.
    public private(set) var entries: [Entry] = []

    /// An empty object.
    public init() {}

    /// An object from key–value pairs, in order.
    public init(_ pairs: KeyValuePairs<String, JSONValue>) {
        for (key, value) in pairs { self[key] = value }
    }

    /// The keys in order.
    public var keys: [String] { entries.map(\.key) }

    /// Whether the object has `key` (even with a `null` value).
    public func has(_ key: String) -> Bool { index(of: key) != nil }

    /// The value under `key`; setting a new key appends it, setting nil removes it.
    public subscript(key: String) -> JSONValue? {
        get { index(of: key).map { entries[$0].value } }
        set {
            if let index = index(of: key) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append(Entry(key: key, value: newValue))
            }
        }
    }

    private func index(of key: String) -> Int? {
        entries.firstIndex { $0.key.unicodeScalars.elementsEqual(key.unicodeScalars) }
    }
}
