import Foundation
import TextTools

/// A number as written in the text.
public struct WrittenNumber: Sendable, Equatable {
    /// How the number is written.
    public enum Form: Sendable, Equatable {
        /// Arabic digits (ASCII or full-width), maybe with `,` and a decimal point.
        case arabic
        /// Chinese numerals (`两万`, `一百一十`, `壹拾`), maybe with a stray digit (`一百１十`).
        case chinese
        /// A placeholder for a redacted number (`x`, `xx`, `x.x`, `20xx`).
        case placeholder
    }

    /// The scalars it covers.
    public var range: Range<Int>
    /// Its exact value; nil for a placeholder.
    public var value: Decimal?
    /// How it is written.
    public var form: Form
    /// It is the single numeral `一` (or `壹`, `幺`): in `一批`, `一次` an article rather than a count.
    public var isBareOne: Bool = false
    /// A Chinese numeral that ends in `万` or `亿` (`两万`).
    public var endsInMultiplier: Bool = false

    /// True for a placeholder.
    public var redacted: Bool { form == .placeholder }
}

/// Reads numbers: Arabic (`1,234.5`, `２０`), Chinese (`两万`, `一百一十`,
/// `贰拾`), mixed (`一百１十`) and placeholders (`x`, `xx`, `x.x`).
///
/// Values are exact `Decimal`s built from digits, never through `Double`.
/// Multipliers written after an Arabic number (`3.68亿`, `6.3万`) are left to
/// the caller, which also has to see `余` between them (`100余万元`).
public enum NumberReader {
    /// What a reading found at an index.
    public enum Reading: Sendable, Equatable {
        /// A number.
        case number(WrittenNumber)
        /// A run of numeral characters that is no well-formed number
        /// (`十四五`); the caller skips it whole.
        case malformed(Range<Int>)
    }

    /// Reads the number that starts at `index`, or nil when none starts there.
    /// The caller checks what stands before it.
    public static func read(_ text: [Unicode.Scalar], at index: Int, limit: Int? = nil) -> Reading? {
        let end = limit ?? text.count
        guard index < end else { return nil }
        let first = text[index]
        if digitValue(first) != nil {
            return readArabic(text, at: index, end: end)
        }
        if isPlaceholder(first) {
            return readPlaceholder(text, at: index, end: end)
        }
        if chineseDigit(first) != nil || chineseUnit(first) == 10 {
            if first == "零" || first == "〇" {
                // A zero starts a number only before more digits or a decimal point (`二〇二〇` is read from 二).
                let next = index + 1 < end ? text[index + 1] : " "
                guard chineseDigit(next) != nil || (next == "点" && index + 2 < end && chineseDigit(text[index + 2]) != nil) else {
                    return nil
                }
            }
            return readChinese(text, at: index, end: end)
        }
        return nil
    }

    /// Whether a scalar can start a number.
    @inline(__always)
    public static func canStart(_ scalar: Unicode.Scalar) -> Bool { table.canStart(scalar) }

    /// The numeral table, for a loop that asks ``canStart(_:)`` of every
    /// character: read it once before the loop.
    static var table: Table { Table(numerals: numerals) }

    /// The numeral table of ``NumberReader``.
    struct Table {
        fileprivate let numerals: [UInt8]

        /// Whether a scalar can start a number.
        @inline(__always)
        func canStart(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            guard value < 0x10000 else { return false }
            return numerals[Int(value)] & NumberReader.startsNumber != 0
        }

        /// The first index from `start` on whose scalar can start a number or
        /// is `other`; `text.count` when there is none.
        ///
        /// The loop every scalar of a document goes through, so it reads both
        /// arrays through buffer pointers: indices stay in `start..<text.count`
        /// and table indices below 0x10000, the table's size.
        func firstCandidate(in text: [Unicode.Scalar], from start: Int, or other: Unicode.Scalar) -> Int {
            precondition(numerals.count == 0x10000, "the numeral table covers the Basic Multilingual Plane")
            return text.withUnsafeBufferPointer { text in
                numerals.withUnsafeBufferPointer { table in
                    var index = max(start, 0)
                    while index < text.count {
                        let scalar = text[index]
                        if scalar == other { return index }
                        let value = scalar.value
                        if value < 0x10000, table[Int(value)] & NumberReader.startsNumber != 0 { return index }
                        index += 1
                    }
                    return text.count
                }
            }
        }
    }

    /// What each scalar of the Basic Multilingual Plane is as a numeral:
    /// ``ChineseNumber``'s digit and unit bits (bits 0–6), and bit 7 set when
    /// it can start a number (a digit, 十, an ASCII or full-width digit, a
    /// placeholder `x`). Built once; a lookup replaces a chain of comparisons
    /// on the hot path.
    fileprivate static let startsNumber: UInt8 = 0x80
    private static let numerals: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x10000)
        for value in 0..<UInt32(0x10000) {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if let digit = ChineseNumber.digit(scalar) {
                table[Int(value)] = UInt8(digit + 1) | startsNumber
            } else if let unit = ChineseNumber.unit(scalar) {
                let rank: UInt8 =
                    switch unit {
                    case 10: 1;
                    case 100: 2;
                    case 1000: 3;
                    case 10_000: 4;
                    default: 5
                    }
                table[Int(value)] = rank << 4 | (rank == 1 ? startsNumber : 0)
            }
        }
        for scalar in "0123456789０１２３４５６７８９xXｘＸ".unicodeScalars { table[Int(scalar.value)] |= startsNumber }
        return table
    }()

    // MARK: - Character classes

    /// 0–9 for an ASCII or full-width digit.
    @inline(__always)
    public static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        if value >= 0x30 && value <= 0x39 { return Int(value - 0x30) }
        if value >= 0xFF10 && value <= 0xFF19 { return Int(value - 0xFF10) }
        return nil
    }

    @inline(__always)
    static func isPlaceholder(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "x" || scalar == "X" || scalar == "ｘ" || scalar == "Ｘ"
    }

    @inline(__always)
    static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
            || (value >= 0xFF21 && value <= 0xFF3A) || (value >= 0xFF41 && value <= 0xFF5A)
    }

    @inline(__always)
    static func isDecimalPoint(_ scalar: Unicode.Scalar) -> Bool { scalar == "." || scalar == "．" }

    @inline(__always)
    static func isThousandsSeparator(_ scalar: Unicode.Scalar) -> Bool { scalar == "," || scalar == "，" }

    /// 0–9 for a Chinese digit, including the financial forms and 两 (see ``ChineseNumber``).
    @inline(__always)
    public static func chineseDigit(_ scalar: Unicode.Scalar) -> Int? { ChineseNumber.digit(scalar) }

    /// The value of a Chinese unit numeral: 十 10, 百 100, 千 1000, 万 10⁴, 亿 10⁸.
    @inline(__always)
    public static func chineseUnit(_ scalar: Unicode.Scalar) -> Int? { ChineseNumber.unit(scalar) }

    // MARK: - Arabic

    private static func readArabic(_ text: [Unicode.Scalar], at start: Int, end: Int) -> Reading {
        var significand: UInt64 = 0
        var digits = 0
        var fraction = 0
        var index = start
        var tooLong = false
        func take(_ digit: Int) {
            if digits >= 18 { tooLong = true; return }
            significand = significand * 10 + UInt64(digit)
            digits += 1
        }
        while index < end, let digit = digitValue(text[index]) { take(digit); index += 1 }
        // Thousands groups: `,` followed by exactly three digits.
        while index + 3 < end, text[index] == ",",
            digitValue(text[index + 1]) != nil, digitValue(text[index + 2]) != nil, digitValue(text[index + 3]) != nil,
            !(index + 4 < end && digitValue(text[index + 4]) != nil)
        {
            for offset in 1...3 { take(digitValue(text[index + offset])!) }
            index += 4
        }
        if index + 1 < end, isDecimalPoint(text[index]), digitValue(text[index + 1]) != nil {
            index += 1
            while index < end, let digit = digitValue(text[index]) { take(digit); fraction += 1; index += 1 }
        }
        // Digits run into a placeholder: `20xx`.
        if index < end, isPlaceholder(text[index]) {
            var probe = index
            while probe < end, isPlaceholder(text[probe]) { probe += 1 }
            if probe < end, isLatinLetter(text[probe]) { return .malformed(start..<probe) }
            return .number(WrittenNumber(range: start..<probe, value: nil, form: .placeholder))
        }
        if tooLong { return .malformed(start..<index) }
        let whole = Decimal(significand)
        let value = fraction == 0 ? whole : Decimal(sign: .plus, exponent: -fraction, significand: whole)
        return .number(WrittenNumber(range: start..<index, value: value, form: .arabic))
    }

    // MARK: - Placeholders

    private static func readPlaceholder(_ text: [Unicode.Scalar], at start: Int, end: Int) -> Reading? {
        var index = start
        while index < end, isPlaceholder(text[index]) { index += 1 }
        guard index - start <= 4 else { return .malformed(start..<index) }
        if index + 1 < end, isDecimalPoint(text[index]), isPlaceholder(text[index + 1]) || digitValue(text[index + 1]) != nil {
            index += 1
            while index < end, isPlaceholder(text[index]) || digitValue(text[index]) != nil { index += 1 }
        }
        // Part of a Latin word (`xxx.com`, `Excel`): no number.
        if index < end, isLatinLetter(text[index]) || digitValue(text[index]) != nil { return nil }
        return .number(WrittenNumber(range: start..<index, value: nil, form: .placeholder))
    }

    // MARK: - Chinese

    /// Reads Chinese numerals with the usual grouping: units 十百千 inside a
    /// group of four, 万 and 亿 closing groups. Digit strings without units
    /// (`二〇二〇`) are read positionally.
    /// The most 万 and 亿 one number may hold (一万二千万亿 has three).
    private static let maxMultipliers = 4

    private static func readChinese(_ text: [Unicode.Scalar], at start: Int, end: Int) -> Reading {
        var total: Decimal = 0  // closed 亿 groups
        var tenThousands: Decimal = 0  // closed 万 group below 亿
        var small = 0  // below 万
        var pending: Int?  // a digit not yet multiplied by a unit
        var run = 0  // digits in a row, zeros included
        var nonZeroInRow = 0  // non-zero digits in a row without 零 between
        var hasZero = false
        var positional: UInt64 = 0
        var sawUnit = false
        var lastSmallUnit = 10_000  // units inside a group must fall
        var index = start
        var malformed = false
        var endsInMultiplier = false
        var multipliers = 0  // 万 and 亿 so far: a few at most in a real number
        while index < end {
            let scalar = text[index]
            if let digit = chineseDigit(scalar) ?? strayDigit(text, at: index, end: end) {
                run += 1
                // More digits in a row than a UInt64 holds: no number (the positional value would wrap).
                if run > 18 { malformed = true }
                positional = positional &* 10 &+ UInt64(digit)
                if digit == 0 {
                    hasZero = true
                    nonZeroInRow = 0
                } else {
                    nonZeroInRow += 1
                    if nonZeroInRow > 1 && sawUnit { malformed = true }
                    pending = digit
                }
                endsInMultiplier = false
                index += 1
                continue
            }
            guard let unit = chineseUnit(scalar) else { break }
            // 百/千/万/亿 never start a number.
            if unit >= 100, index == start { break }
            // Digits in a row before a unit (`二三十`) make no number.
            if nonZeroInRow > 1 || (run > 1 && !sawUnit) { malformed = true }
            sawUnit = true
            run = 0
            nonZeroInRow = 0
            switch unit {
            case 10, 100, 1000:
                if unit >= lastSmallUnit { malformed = true }
                small += (pending ?? 1) * unit
                lastSmallUnit = unit
                endsInMultiplier = false
            case 10_000:
                multipliers += 1
                let below = Decimal(small + (pending ?? 0))
                if tenThousands > 0 {
                    // A second 万 since the last 亿 multiplies all of it:
                    // 一万二千万 is 12000 × 万, 三万万 is 3 × 万 × 万.
                    tenThousands = (tenThousands + below) * 10_000
                } else {
                    if below == 0 { malformed = true }
                    tenThousands = below * 10_000
                }
                small = 0
                lastSmallUnit = 10_000
                endsInMultiplier = true
            default:
                multipliers += 1
                let group = tenThousands + Decimal(small + (pending ?? 0))
                // Likewise a second 亿: 一亿二千万亿 is 1.2亿 × 亿.
                if total > 0 {
                    total = (total + group) * 100_000_000
                } else {
                    if group == 0 { malformed = true }
                    total = group * 100_000_000
                }
                tenThousands = 0
                small = 0
                lastSmallUnit = 10_000
                endsInMultiplier = true
            }
            // 万万万…: each multiplies the whole, and Decimal overflows to NaN past 10¹²⁷.
            if multipliers > maxMultipliers { malformed = true }
            pending = nil
            index += 1
        }
        guard index > start else { return .malformed(start..<start + 1) }
        if malformed { return .malformed(start..<index) }
        // `二十五点五`: decimals after 点, digit by digit.
        var fraction: Decimal = 0
        var fractionDigits = 0
        if index + 1 < end, text[index] == "点", chineseDigit(text[index + 1]) != nil, !endsInMultiplier {
            var position = index + 1
            var scale: Decimal = 1
            while position < end, let digit = chineseDigit(text[position]), text[position] != "两" {
                scale /= 10
                fraction += Decimal(digit) * scale
                fractionDigits += 1
                position += 1
            }
            // Past 18 decimals Decimal's scale underflows to NaN: no number, as for long Arabic ones.
            if fractionDigits > 18 { return .malformed(start..<position) }
            if fractionDigits > 0 { index = position }
        }
        let value: Decimal
        if !sawUnit {
            // A string of digits: one digit, or a positional number with a zero
            // or of three digits and more (二〇二〇). `三五` (three or five) is no value.
            if run == 2 && !hasZero { return .malformed(start..<index) }
            value = Decimal(positional)
        } else {
            value = total + tenThousands + Decimal(small + (pending ?? 0))
        }
        var number = WrittenNumber(range: start..<index, value: value + fraction, form: .chinese)
        number.isBareOne = index - start == 1 && chineseDigit(text[start]) == 1 && fractionDigits == 0
        number.endsInMultiplier = endsInMultiplier
        return .number(number)
    }

    /// An Arabic digit standing between Chinese units (`一百１十`).
    private static func strayDigit(_ text: [Unicode.Scalar], at index: Int, end: Int) -> Int? {
        guard let digit = digitValue(text[index]), index > 0, index + 1 < end,
            let before = chineseUnit(text[index - 1]), before < 10_000,
            let after = chineseUnit(text[index + 1]), after < before
        else { return nil }
        return digit
    }
}
