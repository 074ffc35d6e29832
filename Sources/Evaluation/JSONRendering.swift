import Extractor

/// Writes ``JSONValue``s as text, the way Python's `json.dumps(…, ensure_ascii=False)`
/// does: `", "` and `": "` between items, non-ASCII characters as they are.
public enum JSONRendering {
    /// Orders the keys of an object when rendering; `nil` keeps the object's own order.
    public typealias KeyOrder = @Sendable ([String]) -> [String]

    /// One line: `{"text": "约6亿元", "span": {"start": 1361, "end": 1365}}`.
    public static func compact(_ value: JSONValue, keyOrder: KeyOrder? = nil) -> String {
        var out = ""
        writeCompact(value, keyOrder: keyOrder, into: &out)
        return out
    }

    /// Indented by two spaces per level, as `json.dumps(value, indent=2)` prints it.
    public static func indented(_ value: JSONValue, keyOrder: KeyOrder? = nil) -> String {
        var out = ""
        writeIndented(value, level: 0, keyOrder: keyOrder, into: &out)
        return out
    }

    /// A JSON string literal: quotes, backslashes and control characters escaped, nothing else.
    public static func quoted(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case _ where scalar.value < 0x20: out += "\\u" + hex(scalar.value, width: 4)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Lowercase hexadecimal, zero-padded to `width`.
    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func orderedEntries(_ object: JSONObject, _ keyOrder: KeyOrder?) -> [JSONObject.Entry] {
        guard let keyOrder else { return object.entries }
        return keyOrder(object.keys).compactMap { key in object[key].map { JSONObject.Entry(key: key, value: $0) } }
    }

    private static func writeScalar(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .number(let number): out += number.text
        case .string(let string): out += quoted(string)
        case .array, .object: preconditionFailure("not a scalar")
        }
    }

    static func writeCompact(_ value: JSONValue, keyOrder: KeyOrder?, into out: inout String) {
        switch value {
        case .array(let elements):
            out += "["
            for (index, element) in elements.enumerated() {
                if index > 0 { out += ", " }
                writeCompact(element, keyOrder: keyOrder, into: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (index, entry) in orderedEntries(object, keyOrder).enumerated() {
                if index > 0 { out += ", " }
                out += quoted(entry.key) + ": "
                writeCompact(entry.value, keyOrder: keyOrder, into: &out)
            }
            out += "}"
        default:
            writeScalar(value, into: &out)
        }
    }

    private static func writeIndented(_ value: JSONValue, level: Int, keyOrder: KeyOrder?, into out: inout String) {
        let inner = String(repeating: "  ", count: level + 1), outer = String(repeating: "  ", count: level)
        switch value {
        case .array(let elements) where !elements.isEmpty:
            out += "[\n"
            for (index, element) in elements.enumerated() {
                out += inner
                writeIndented(element, level: level + 1, keyOrder: keyOrder, into: &out)
                out += index + 1 < elements.count ? ",\n" : "\n"
            }
            out += outer + "]"
        case .object(let object) where !object.entries.isEmpty:
            out += "{\n"
            let entries = orderedEntries(object, keyOrder)
            for (index, entry) in entries.enumerated() {
                out += inner + quoted(entry.key) + ": "
                writeIndented(entry.value, level: level + 1, keyOrder: keyOrder, into: &out)
                out += index + 1 < entries.count ? ",\n" : "\n"
            }
            out += outer + "}"
        case .array: out += "[]"
        case .object: out += "{}"
        default: writeScalar(value, into: &out)
        }
    }
}
