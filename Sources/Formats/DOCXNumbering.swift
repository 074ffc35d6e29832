/// The list numbers Word draws in front of numbered paragraphs (`word/numbering.xml`):
/// `一、`, `（一）`, `1.` are often not in the text at all but in a paragraph's
/// `<w:numPr>`, so they are rendered here, as Word would, from each level's
/// format (`numFmt`), text (`lvlText`, `%1、`) and start.
struct DOCXNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = ""
        var suffix = "tab"
    }

    /// Levels of each abstract numbering, by level index.
    private var abstract: [String: [Int: Level]] = [:]
    /// Each numbering instance's abstract numbering.
    private var instances: [String: String] = [:]
    /// The current value of each level of each abstract numbering (lists that
    /// share an abstract numbering continue each other, as in Word).
    private var counters: [String: [Int: Int]] = [:]

    init() {}

    /// Reads `numbering.xml`.
    init(_ reader: XMLPullReader) throws(FormatError) {
        var abstractId: String?
        var level: (index: Int, value: Level)?
        var instance: String?
        while let node = try reader.next() {
            switch node {
            case .start("abstractNum"):
                abstractId = reader.attribute("abstractNumId")
            case .end("abstractNum"):
                abstractId = nil
            case .start("lvl") where abstractId != nil:
                level = (Int(reader.attribute("ilvl") ?? "") ?? 0, Level())
            case .end("lvl"):
                if let abstractId, let level { abstract[abstractId, default: [:]][level.index] = level.value }
                level = nil
            case .start("start") where level != nil:
                level!.value.start = Int(reader.attribute("val") ?? "") ?? 1
            case .start("numFmt") where level != nil:
                level!.value.format = reader.attribute("val") ?? "decimal"
            case .start("lvlText") where level != nil:
                level!.value.text = reader.attribute("val") ?? ""
            case .start("suff") where level != nil:
                level!.value.suffix = reader.attribute("val") ?? "tab"
            case .start("num"):
                instance = reader.attribute("numId")
            case .end("num"):
                instance = nil
            case .start("abstractNumId") where instance != nil:
                if let instance, let id = reader.attribute("val") { instances[instance] = id }
            default:
                continue
            }
        }
    }

    /// The label of the next paragraph of list `numId` at level `level`
    /// (`二、`), counting it; nil when the list is unknown or draws nothing.
    mutating func label(numId: String, level: Int) -> String? {
        guard numId != "0", let abstractId = instances[numId], let levels = abstract[abstractId],
            let current = levels[level], level >= 0, level < 9
        else { return nil }
        var values = counters[abstractId] ?? [:]
        values[level] = (values[level] ?? (current.start - 1)) + 1
        for deeper in (level + 1)..<10 { values[deeper] = nil }
        counters[abstractId] = values
        var label = ""
        var scalars = Array(current.text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            if scalar == "%", let digit = scalars.first, let number = Int(String(digit)), number >= 1, number <= 9 {
                scalars.removeFirst()
                let index = number - 1
                let format = levels[index]?.format ?? "decimal"
                let value = values[index] ?? levels[index]?.start ?? 1
                label += Self.render(value, format: format)
            } else {
                label.unicodeScalars.append(scalar)
            }
        }
        guard !label.isEmpty else { return nil }
        if current.format == "bullet" { return nil }
        switch current.suffix {
        case "nothing": return label
        case "space": return label + " "
        default:
            // A tab after `一、` or `1.` only lines the text up: leave it out.
            let last = label.unicodeScalars.last!
            return "、.．)）:：".unicodeScalars.contains(last) ? label : label + " "
        }
    }

    /// `value` written in Word's number format `format`.
    static func render(_ value: Int, format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "ideographDigital",
            "japaneseCounting", "taiwaneseCounting", "taiwaneseCountingThousand":
            return chinese(value)
        case "ideographTraditional":
            let stems = Array("甲乙丙丁戊己庚辛壬癸")
            return value >= 1 && value <= 10 ? String(stems[value - 1]) : String(value)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return value >= 1 && value <= 20 ? String(Unicode.Scalar(0x2460 + UInt32(value - 1))!) : String(value)
        case "decimalZero":
            return value < 10 ? "0\(value)" : String(value)
        case "lowerLetter", "upperLetter":
            guard value >= 1 else { return String(value) }
            let letter = Character(Unicode.Scalar(UInt32(0x61 + (value - 1) % 26))!)
            let text = String(repeating: letter, count: (value - 1) / 26 + 1)
            return format == "upperLetter" ? text.uppercased() : text
        case "lowerRoman", "upperRoman":
            let roman = Self.roman(value)
            return format == "lowerRoman" ? roman.lowercased() : roman
        case "none":
            return ""
        default:
            return String(value)
        }
    }

    /// 1–9999 in Chinese numerals (`十一`, `二十`, `一百零五`).
    static func chinese(_ value: Int) -> String {
        guard value > 0, value < 10_000 else { return String(value) }
        let digits = Array("零一二三四五六七八九")
        let units = ["", "十", "百", "千"]
        if value < 20, value >= 10 { return "十" + (value == 10 ? "" : String(digits[value - 10])) }
        var text = ""
        var zero = false
        for position in stride(from: 3, through: 0, by: -1) {
            let digit = value / Int(pow10(position)) % 10
            if digit == 0 {
                if !text.isEmpty { zero = true }
                continue
            }
            if zero { text += "零"; zero = false }
            text += String(digits[digit]) + units[position]
        }
        return text
    }

    private static func pow10(_ exponent: Int) -> Int { (0..<exponent).reduce(1) { result, _ in result * 10 } }

    private static func roman(_ value: Int) -> String {
        guard value > 0, value < 4000 else { return String(value) }
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
            (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = value, text = ""
        for (amount, letters) in table { while rest >= amount { text += letters; rest -= amount } }
        return text
    }
}
