/// Chinese numerals: which characters are digits and units, and the value of
/// a whole numeral (`十一`, `二十五`, `一百零五`, `二〇二〇`, `三万五千`).
///
/// The one definition of the numeral characters: headings, dates, page
/// numbers and the quantity reader all ask here.
public enum ChineseNumber {
    /// What each scalar of the Basic Multilingual Plane is as a numeral:
    /// bits 0–3 the digit + 1 (0 for none), bits 4–6 the unit (1 十 … 5 亿),
    /// bit 7 set for a look-alike of zero (`○`, `O`, `Ｏ`) that only a
    /// numeral already expected reads as one. A lookup replaces a chain of
    /// comparisons on the hot paths.
    @usableFromInline static let table: [UInt8] = {
        var table = [UInt8](repeating: 0, count: 0x10000)
        let digits: [(String, UInt8)] = [
            ("零〇", 0), ("一壹幺", 1), ("二贰貳两兩", 2), ("三叁參", 3), ("四肆", 4),
            ("五伍", 5), ("六陆陸", 6), ("七柒", 7), ("八捌", 8), ("九玖", 9),
        ]
        for (scalars, digit) in digits {
            for scalar in scalars.unicodeScalars { table[Int(scalar.value)] = digit + 1 }
        }
        for scalar in "○OＯ".unicodeScalars { table[Int(scalar.value)] = 1 | lookAlike }
        let units: [(String, UInt8)] = [("十拾", 1), ("百佰", 2), ("千仟", 3), ("万萬", 4), ("亿億", 5)]
        for (scalars, unit) in units {
            for scalar in scalars.unicodeScalars { table[Int(scalar.value)] = unit << 4 }
        }
        return table
    }()

    @usableFromInline static let lookAlike: UInt8 = 0x80

    /// 0–9 for a Chinese digit (`零〇一…九两`, the financial forms `壹贰…`,
    /// and `幺`); with `lookAlikes`, also 0 for `○`, `O` and `Ｏ`, which
    /// years write for 〇 (`二O二O年`).
    @inlinable @inline(__always)
    public static func digit(_ scalar: Unicode.Scalar, lookAlikes: Bool = false) -> Int? {
        let value = scalar.value
        guard value < 0x10000 else { return nil }
        let entry = table[Int(value)]
        if entry & lookAlike != 0 { return lookAlikes ? 0 : nil }
        let digit = entry & 0x0F
        return digit == 0 ? nil : Int(digit) - 1
    }

    /// The value of a unit numeral: 十拾 10, 百佰 100, 千仟 1000, 万萬 10⁴, 亿億 10⁸.
    @inlinable @inline(__always)
    public static func unit(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        guard value < 0x10000 else { return nil }
        switch (table[Int(value)] >> 4) & 0x07 {
        case 1: return 10
        case 2: return 100
        case 3: return 1000
        case 4: return 10_000
        case 5: return 100_000_000
        default: return nil
        }
    }

    /// Whether `scalar` can be part of a small numeral as headings, dates and
    /// page numbers write them: a digit (look-alikes of zero included) or
    /// 十, 百, 千 in their common forms. (A switch: asked at every line start.)
    @inlinable
    public static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "〇", "零", "○", "Ｏ", "O", "一", "二", "两", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千": true
        default: false
        }
    }

    /// The value of a whole numeral, or nil if `scalars` is not one: ASCII
    /// digits (`105`), positional Chinese (`二十五`, `一百零五`, `三万五千`),
    /// or digit by digit (`二〇二〇`, `二O二O`).
    /// (Inlinable, so that callers in other modules get it specialised for
    /// their collection: unspecialised, every test below goes through
    /// witness tables, some 5,000 instructions a call.)
    @inlinable
    public static func value<C: Collection>(_ scalars: C) -> Int? where C.Element == Unicode.Scalar {
        guard !scalars.isEmpty else { return nil }
        if scalars.allSatisfy({ $0.value >= 0x30 && $0.value <= 0x39 }) {
            guard scalars.count <= 18 else { return nil }
            return scalars.reduce(0) { $0 * 10 + Int($1.value - 0x30) }
        }
        guard scalars.allSatisfy({ digit($0, lookAlikes: true) != nil || unit($0) != nil }) else { return nil }
        if !scalars.contains(where: { unit($0) != nil }) {
            // Digit by digit: 二〇二〇.
            guard scalars.count <= 18 else { return nil }
            return scalars.reduce(0) { $0 * 10 + digit($1, lookAlikes: true)! }
        }
        // Positional: 十 百 千 build a section; 万 closes the sections into
        // ten-thousands, 亿 everything before it into hundred-millions.
        var total = 0, tenThousands = 0, section = 0, current = 0
        for scalar in scalars {
            if let digit = digit(scalar, lookAlikes: true) {
                current = digit
                continue
            }
            let unit = unit(scalar)!
            if unit < 10_000 {
                section += (current == 0 ? 1 : current) * unit
            } else if unit == 10_000 {
                tenThousands += (section + current == 0 ? 1 : section + current) * unit
                section = 0
            } else {
                let before = total + tenThousands + section + current
                let scaled = (before == 0 ? 1 : before).multipliedReportingOverflow(by: unit)
                guard !scaled.overflow else { return nil }
                total = scaled.partialValue
                tenThousands = 0
                section = 0
            }
            current = 0
        }
        return total + tenThousands + section + current
    }
}
