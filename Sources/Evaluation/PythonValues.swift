import Extractor
import Foundation
import TextTools

// score.py is the reference: these helpers read JSON values the way its
// Python does (truthiness, `==`, `str()`, `repr()`, float formatting), so that
// `zhengce eval` reaches the same figures and prints the same findings.

/// Text compared code point by code point, as Python compares `str` (Swift's
/// `String` would treat canonically equivalent forms as equal).
public struct ExactText: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The code points.
    public let scalars: [Unicode.Scalar]

    /// The code points of `string`.
    public init(_ string: String) { scalars = Array(string.unicodeScalars) }

    /// Wraps code points.
    public init(scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// The text as a `String`.
    public var string: String { String(String.UnicodeScalarView(scalars)) }

    /// The text.
    public var description: String { string }

    /// Code-point order, as Python's `sorted` orders strings.
    public static func < (lhs: ExactText, rhs: ExactText) -> Bool {
        lhs.scalars.lexicographicallyPrecedes(rhs.scalars)
    }

    /// Python's `needle in self`: whether `needle` occurs as a run of code points.
    public func contains(_ needle: ExactText) -> Bool {
        let n = needle.scalars.count, h = scalars.count
        if n == 0 { return true }
        if n > h { return false }
        for start in 0...(h - n) where scalars[start] == needle.scalars[0] {
            if scalars[start..<start + n].elementsEqual(needle.scalars) { return true }
        }
        return false
    }
}

extension Optional where Wrapped == ExactText {
    /// Python's `sorted` over strings, with `None` first (Python would refuse to mix them).
    static func ascending(_ lhs: ExactText?, _ rhs: ExactText?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil), (_?, nil): false
        case (nil, _?): true
        case (let a?, let b?): a < b
        }
    }
}

extension JSONValue {
    /// Python's `bool(value)`: false for null, false, 0, "", [] and {}.
    public var isTruthy: Bool {
        switch self {
        case .null: false
        case .bool(let flag): flag
        case .number(let number): number.isInteger ? number.decimal != 0 : number.double != 0
        case .string(let string): !string.isEmpty
        case .array(let elements): !elements.isEmpty
        case .object(let object): !object.entries.isEmpty
        }
    }

    /// Python's `value == other` for values read by `json`: numbers and booleans
    /// compare by value (`True == 1`), strings by code point, containers element-wise.
    public func pythonEquals(_ other: JSONValue) -> Bool {
        switch (self, other) {
        case (.null, .null): return true
        case (.string(let a), .string(let b)): return a.unicodeScalars.elementsEqual(b.unicodeScalars)
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { $0.pythonEquals($1) }
        case (.object(let a), .object(let b)):
            return a.entries.count == b.entries.count
                && a.entries.allSatisfy { entry in b[entry.key].map { entry.value.pythonEquals($0) } ?? false }
        case (.bool, .bool), (.bool, .number), (.number, .bool), (.number, .number):
            guard let a = numericParts, let b = other.numericParts else { return false }
            if let x = a.exact, let y = b.exact { return x == y }
            return a.approximate == b.approximate
        default: return false
        }
    }

    /// A number or boolean as Python holds it: exactly for `int` (and `bool`),
    /// as a binary double for `float`.
    private var numericParts: (exact: Decimal?, approximate: Double)? {
        switch self {
        case .bool(let flag): return (flag ? 1 : 0, flag ? 1 : 0)
        case .number(let number) where number.isInteger: return (number.decimal, number.double)
        case .number(let number): return (nil, number.double)
        default: return nil
        }
    }

    /// Python's `list(value or [])`: a list's elements, a string's characters,
    /// an object's keys; nothing for a false value; a lone number or `true` as
    /// one element (where Python would stop with an error).
    public var pythonListElements: [JSONValue] {
        guard isTruthy else { return [] }
        switch self {
        case .array(let elements): return elements
        case .string(let string): return string.unicodeScalars.map { .string(String($0)) }
        case .object(let object): return object.keys.map { .string($0) }
        default: return [self]
        }
    }

    /// Python's `str(value)`: a string as is, everything else as `repr`.
    public var pythonStr: String {
        if case .string(let string) = self { return string }
        return pythonRepr
    }

    /// Python's `repr(value)`: `'高层次人才'`, `None`, `True`, `50000`, `50000.0`,
    /// `['人', '年']`, `{'min': 20000, 'max': None}`.
    public var pythonRepr: String {
        switch self {
        case .null: return "None"
        case .bool(let flag): return flag ? "True" : "False"
        case .number(let number):
            if number.isInteger { return number.text == "-0" ? "0" : number.text }
            return PythonFloat.repr(number.double)
        case .string(let string): return PythonFloat.reprString(string)
        case .array(let elements): return "[" + elements.map(\.pythonRepr).joined(separator: ", ") + "]"
        case .object(let object):
            return "{"
                + object.entries.map { PythonFloat.reprString($0.key) + ": " + $0.value.pythonRepr }
                .joined(separator: ", ") + "}"
        }
    }
}

/// Binary floating point as Python formats and rounds it.
public enum PythonFloat {
    /// Python's `repr(float)`: the shortest digits that read back to `x`, in
    /// fixed notation for 1e-4 ≤ |x| < 1e16 (`0.0001`, `50000.0`), else in
    /// exponent notation (`1e-05`, `1e+16`).
    public static func repr(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        let sign = x.sign == .minus ? "-" : ""
        if x == 0 { return sign + "0.0" }
        // Swift's description also gives the shortest round-trip digits; only the layout differs.
        let swift = x.magnitude.description
        let parts = swift.split(separator: "e", maxSplits: 1)
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Int(parts[1])! : 0
        var digits = Array(mantissa.filter { $0 != "." })
        var point = (mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count) + exponent
        while digits.first == "0" { digits.removeFirst(); point -= 1 }
        while digits.last == "0" { digits.removeLast() }
        // value = 0.DIGITS × 10^point
        if point > -4 && point <= 16 {
            if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + String(digits) }
            if point >= digits.count { return sign + String(digits) + String(repeating: "0", count: point - digits.count) + ".0" }
            return sign + String(digits[..<point]) + "." + String(digits[point...])
        }
        let power = point - 1
        let head = String(digits[0]) + (digits.count > 1 ? "." + String(digits[1...]) : "")
        return sign + head + "e" + (power < 0 ? "-" : "+") + (abs(power) < 10 ? "0" : "") + String(abs(power))
    }

    /// Python's `round(x, places)` for 0 ≤ x < 2^40: the exact binary value of
    /// `x` rounded half-to-even to `places` decimals, read back as a double.
    public static func rounded(_ x: Double, places: Int) -> Double {
        Double(fixed(x, places: places))!
    }

    /// Python's `f"{x:.{places}f}"` for 0 ≤ x < 2^40 and places ≤ 6: correctly
    /// rounded from the exact binary value, ties to even.
    public static func fixed(_ x: Double, places: Int) -> String {
        precondition(x >= 0 && x < 0x1p40 && (0...6).contains(places), "out of the range the scorer needs")
        var power: UInt128 = 1
        for _ in 0..<places { power *= 10 }
        var units: UInt128 = 0
        if x >= 0x1p-40 {
            // x = significand × 2^-shift exactly, with a 53-bit integer significand.
            let significand = UInt128(x.significandBitPattern | (1 << 52))
            let shift = 52 - Int(x.exponent)
            let scaled = significand * power
            units = scaled >> UInt128(shift)
            let remainder = scaled - (units << UInt128(shift))
            let half = UInt128(1) << UInt128(shift - 1)
            if remainder > half || (remainder == half && units % 2 == 1) { units += 1 }
        }
        let whole = units / power, fraction = units % power
        guard places > 0 else { return String(whole) }
        let digits = String(fraction)
        return String(whole) + "." + String(repeating: "0", count: places - digits.count) + digits
    }

    /// Python's `repr(str)`: single quotes unless the text has `'` and no `"`;
    /// backslash escapes for quotes, control and non-printable characters.
    public static func reprString(_ string: String) -> String {
        let scalars = string.unicodeScalars
        let quote: Unicode.Scalar = scalars.contains("'") && !scalars.contains("\"") ? "\"" : "'"
        var out = String.UnicodeScalarView()
        out.append(quote)
        for scalar in scalars {
            switch scalar {
            case quote, "\\": out.append("\\"); out.append(scalar)
            case "\t": out.append(contentsOf: "\\t".unicodeScalars)
            case "\n": out.append(contentsOf: "\\n".unicodeScalars)
            case "\r": out.append(contentsOf: "\\r".unicodeScalars)
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                out.append(contentsOf: ("\\x" + JSONRendering.hex(scalar.value, width: 2)).unicodeScalars)
            case _ where scalar.value < 0x7F || isPrintable(scalar):
                out.append(scalar)
            case _ where scalar.value <= 0xFF:
                out.append(contentsOf: ("\\x" + JSONRendering.hex(scalar.value, width: 2)).unicodeScalars)
            case _ where scalar.value <= 0xFFFF:
                out.append(contentsOf: ("\\u" + JSONRendering.hex(scalar.value, width: 4)).unicodeScalars)
            default:
                out.append(contentsOf: ("\\U" + JSONRendering.hex(scalar.value, width: 8)).unicodeScalars)
            }
        }
        out.append(quote)
        return String(out)
    }

    /// Python's `str.isprintable` for one character: not a control, format,
    /// surrogate, private-use, unassigned or separator character (space excepted).
    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator, .spaceSeparator:
            scalar == " "
        default:
            true
        }
    }
}
