import TextTools

/// Reads dates as 公文 and posts write them and gives them as ISO `2020-09-15`:
/// `2020年9月15日`, `二〇二〇年九月十五日`, `2022-02-10 10:38:21 +0800`, `2022/2/10`.
enum DateReader {
    /// The ISO date `text` holds from its start, if it is one.
    static func isoDate(_ text: String) -> String? {
        isoDate(in: text.scalars)?.date
    }

    /// The first date in `scalars`, with the range it was read from.
    static func isoDate(in scalars: [Unicode.Scalar]) -> (date: String, range: Range<Int>)? {
        var index = 0
        while index < scalars.count {
            if let found = date(at: index, in: scalars) { return found }
            index += 1
        }
        return nil
    }

    /// Whether a whole line is a date, perhaps in brackets (`（2020年9月15日）`).
    static func lineDate(_ line: String) -> String? {
        lineDate(line.scalars[...])
    }

    /// The most characters a date is written with, spaces not counted:
    /// four for the year, up to three for the month and the day, and 年月日.
    static let longestDate = 13

    /// Whether a whole line is a date, perhaps in brackets (`（2020年9月15日）`),
    /// spaces not counted. Reads no more of the line than its brackets and
    /// ``longestDate`` characters: a long line is no date line.
    static func lineDate(_ line: ArraySlice<Unicode.Scalar>) -> String? {
        // Brackets and spaces off both ends (bounds moved, not elements
        // removed one by one: quadratic on a line of brackets).
        var lower = line.startIndex, upper = line.endIndex
        while lower < upper, ScalarClass.isSpace(line[lower]) || ScalarClass.openers.contains(line[lower]) { lower += 1 }
        while upper > lower, ScalarClass.isSpace(line[upper - 1]) || ScalarClass.closers.contains(line[upper - 1]) { upper -= 1 }
        // A date opens with a digit or a numeral (a quick answer for most lines).
        guard lower < upper, isNumeralOrDigit(line[lower]) else { return nil }
        var scalars: [Unicode.Scalar] = []
        for scalar in line[lower..<upper] where !ScalarClass.isSpace(scalar) {
            guard scalars.count < longestDate else { return nil }
            scalars.append(scalar)
        }
        guard let found = date(at: 0, in: scalars), found.range.upperBound == scalars.count else { return nil }
        return found.date
    }

    /// The date `scalars` opens with, ISO, if it opens with one.
    static func openingDate(_ scalars: [Unicode.Scalar]) -> String? {
        date(at: 0, in: scalars)?.date
    }

    private static func date(at start: Int, in scalars: [Unicode.Scalar]) -> (date: String, range: Range<Int>)? {
        guard start < scalars.count, isNumeralOrDigit(scalars[start]) else { return nil }
        if start > 0, isNumeralOrDigit(scalars[start - 1]) { return nil }
        var index = start
        guard let year = number(at: &index, in: scalars, maxLength: 4), (1900...2100).contains(year) else { return nil }
        guard index < scalars.count else { return nil }
        let separator = scalars[index]
        let chinese = separator == "年"
        guard chinese || separator == "-" || separator == "/" || separator == "." else { return nil }
        index += 1
        guard let month = number(at: &index, in: scalars, maxLength: 3), (1...12).contains(month), index < scalars.count else { return nil }
        guard chinese ? scalars[index] == "月" : scalars[index] == separator else { return nil }
        index += 1
        guard let day = number(at: &index, in: scalars, maxLength: 3), (1...31).contains(day) else { return nil }
        if chinese {
            guard index < scalars.count, scalars[index] == "日" || scalars[index] == "号" else { return nil }
            index += 1
        } else if index < scalars.count, ScalarClass.isDigit(scalars[index]) {
            return nil
        }
        let iso = String(format4(year)) + "-" + two(month) + "-" + two(day)
        return (iso, start..<index)
    }

    private static func number(at index: inout Int, in scalars: [Unicode.Scalar], maxLength: Int) -> Int? {
        let start = index
        while index < scalars.count, index - start < maxLength, isNumeralOrDigit(scalars[index]) { index += 1 }
        // 十五 and 三十一 are read positionally, 二〇二〇 digit by digit.
        return ChineseNumber.value(scalars[start..<index].map(folded))
    }

    private static func isNumeralOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        ScalarClass.isDigit(scalar) || (scalar.value >= 0xFF10 && scalar.value <= 0xFF19)
            || (ChineseNumber.isNumeral(scalar) && scalar != "百" && scalar != "千")
    }

    private static func folded(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.value >= 0xFF10 && scalar.value <= 0xFF19 ? Unicode.Scalar(scalar.value - 0xFF10 + 0x30)! : scalar
    }

    private static func format4(_ value: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
