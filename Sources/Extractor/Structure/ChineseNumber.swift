/// Values of numbers written in Chinese numerals (`十一`, `二十五`, `二〇二〇`)
/// or Arabic digits, as headings, dates and measure numbers write them.
enum ChineseNumber {
    private static let digits: [Unicode.Scalar: Int] = [
        "〇": 0, "零": 0, "○": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
        "六": 6, "七": 7, "八": 8, "九": 9,
    ]
    private static let units: [Unicode.Scalar: Int] = ["十": 10, "百": 100, "千": 1000]

    /// Whether `scalar` can be part of a Chinese numeral.
    /// (A switch, not the tables: asked at every line start, where a
    /// dictionary would hash the character.)
    static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "〇", "零", "○", "Ｏ", "O", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千": true
        default: false
        }
    }

    /// The value of a numeral: Arabic digits, positional Chinese (`二十五`,
    /// `一百零三`), or digit by digit (`二〇二〇`). Nil if it is not one.
    static func value<C: Collection>(_ scalars: C) -> Int? where C.Element == Unicode.Scalar {
        guard !scalars.isEmpty else { return nil }
        if scalars.allSatisfy(ScalarClass.isDigit) {
            return scalars.reduce(0) { $0 * 10 + Int($1.value - 0x30) }
        }
        guard scalars.allSatisfy(isNumeral) else { return nil }
        if !scalars.contains(where: { units[$0] != nil }) {
            // Digit by digit: 二〇二〇.
            return scalars.reduce(0) { $0 * 10 + digits[$1]! }
        }
        var total = 0, current = 0
        for scalar in scalars {
            if let digit = digits[scalar] {
                current = digit
            } else if let unit = units[scalar] {
                total += (current == 0 ? 1 : current) * unit
                current = 0
            }
        }
        return total + current
    }
}
