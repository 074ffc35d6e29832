import Extractor
import Foundation
import TextTools

/// How the scorer reads and compares field values (spec §7, score.py).
public enum ScoreRules {
    /// Python's whitespace (`str.split()` with no argument splits on these).
    static let whitespace: Set<UInt32> = Set([
        0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20,
        0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000,
    ])
    .union(0x2000...0x200A)

    /// Punctuation dropped from the end of a name before comparing.
    static let trailingPunctuation: Set<Unicode.Scalar> = ["。", "；", ";", "，", ",", "：", ":"]

    /// Quotation marks removed from subjects before comparing.
    static let quotes: Set<Unicode.Scalar> = ["“", "”", "\"", "'", "‘", "’", "「", "」"]

    /// Text for set and title comparison: the value as text, all whitespace
    /// removed, trailing `。；;，,：:` stripped. Nil for an absent or null value.
    public static func normalized(_ value: JSONValue?) -> ExactText? {
        guard let value, !value.isNull else { return nil }
        var scalars = Array(value.pythonStr.unicodeScalars.filter { !whitespace.contains($0.value) })
        while let last = scalars.last, trailingPunctuation.contains(last) { scalars.removeLast() }
        return ExactText(scalars: scalars)
    }

    /// A subject for comparison: normalised, quotation marks removed; nil when nothing is left.
    public static func unquoted(_ value: JSONValue?) -> ExactText? {
        guard let text = normalized(value) else { return nil }
        let kept = text.scalars.filter { !quotes.contains($0) }
        return kept.isEmpty ? nil : ExactText(scalars: kept)
    }

    /// Whether two subjects agree: equal, or one contains the other.
    public static func sameSubject(_ gold: JSONValue?, _ predicted: JSONValue?) -> Bool {
        let a = unquoted(gold), b = unquoted(predicted)
        if a == b { return true }
        guard let a, let b else { return false }
        return a.contains(b) || b.contains(a)
    }

    /// A value read as a number: absent (or null), unreadable, or an exact decimal.
    public enum NumberReading: Equatable, Sendable {
        case absent
        case unreadable
        case value(Decimal)
    }

    /// Reads `min`/`max`: JSON numbers exactly, numeric strings as Python's
    /// `Decimal` would; booleans, lists, objects, NaN and infinities are unreadable.
    public static func number(_ value: JSONValue?) -> NumberReading {
        switch value {
        case nil, .null?: return .absent
        case .number(let number)?: return number.decimal.map(NumberReading.value) ?? .unreadable
        case .string(let text)?: return decimalLiteral(text).map(NumberReading.value) ?? .unreadable
        default: return .unreadable
        }
    }

    private static let tolerance = Decimal(string: "0.000001")!

    /// Two numbers are the same when both are absent, or both readable and
    /// within a relative 1e-6: |a − b| ≤ 1e-6 × max(1, |a|, |b|).
    public static func sameNumber(_ a: JSONValue?, _ b: JSONValue?) -> Bool {
        switch (number(a), number(b)) {
        case (.absent, .absent): return true
        case (.value(let x), .value(let y)):
            let scale = max(1, x.magnitude, y.magnitude)
            return (x - y).magnitude <= tolerance * scale
        default: return false
        }
    }

    /// A decimal literal as Python's `Decimal(str)` reads it: surrounding
    /// whitespace ignored, `_` ignored, any Unicode decimal digit read as its
    /// value, then a sign, digits with an optional fraction, an optional
    /// exponent. Nil for anything else (and for NaN and infinities).
    static func decimalLiteral(_ text: String) -> Decimal? {
        var ascii: [UInt8] = []
        for scalar in text.unicodeScalars where scalar != "_" {
            if scalar.isASCII {
                ascii.append(UInt8(scalar.value))
            } else if scalar.properties.numericType == .decimal, let value = scalar.properties.numericValue {
                ascii.append(UInt8(ascii: "0") + UInt8(value))
            } else if whitespace.contains(scalar.value) {
                ascii.append(0x20)
            } else {
                return nil
            }
        }
        var start = 0, end = ascii.count
        while start < end, whitespace.contains(UInt32(ascii[start])) { start += 1 }
        while end > start, whitespace.contains(UInt32(ascii[end - 1])) { end -= 1 }
        var index = start
        func isDigit(_ i: Int) -> Bool { i < end && (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(ascii[i]) }
        func skipDigits() -> Int {
            let first = index
            while isDigit(index) { index += 1 }
            return index - first
        }
        if index < end, ascii[index] == UInt8(ascii: "+") || ascii[index] == UInt8(ascii: "-") { index += 1 }
        var digits = skipDigits()
        if index < end, ascii[index] == UInt8(ascii: ".") {
            index += 1
            digits += skipDigits()
        }
        guard digits > 0 else { return nil }
        if index < end, ascii[index] == UInt8(ascii: "e") || ascii[index] == UInt8(ascii: "E") {
            index += 1
            if index < end, ascii[index] == UInt8(ascii: "+") || ascii[index] == UInt8(ascii: "-") { index += 1 }
            guard skipDigits() > 0 else { return nil }
        }
        guard index == end else { return nil }
        return Decimal(string: String(decoding: ascii[start..<end], as: UTF8.self), locale: Locale(identifier: "en_US_POSIX"))
    }

    /// An item's span as score.py finds it: `span: {start, end}`, `span: [start, end]`,
    /// or `start` and `end` on the item itself. Non-numeric bounds count as no span.
    public static func span(of item: JSONObject) -> (start: Decimal, end: Decimal)? {
        func bounds(_ start: JSONValue?, _ end: JSONValue?) -> (start: Decimal, end: Decimal)? {
            guard let s = start?.numberValue?.decimal, let e = end?.numberValue?.decimal else { return nil }
            return (s, e)
        }
        switch item["span"] {
        case .object(let span)? where span.has("start") && span.has("end"):
            return bounds(span["start"], span["end"])
        case .array(let pair)? where pair.count == 2:
            return bounds(pair[0], pair[1])
        default:
            return item.has("start") && item.has("end") ? bounds(item["start"], item["end"]) : nil
        }
    }

    /// The span's start as score.py prints it after `@`.
    static func spanStartText(of item: JSONObject) -> String? {
        switch item["span"] {
        case .object(let span)? where span.has("start") && span.has("end"): return span["start"]?.pythonStr
        case .array(let pair)? where pair.count == 2: return pair[0].pythonStr
        default: return item.has("start") && item.has("end") ? item["start"]?.pythonStr : nil
        }
    }
}
