import Foundation

/// Word lists and rule tables kept under `Sources/Extractor/Resources/` and
/// embedded in the module at build time.
///
/// Lists are UTF-8 text, one entry per line; `#` starts a comment and blank
/// lines are ignored. Keeping them as data lets a user read and extend the
/// vocabulary without touching the engine.
public enum RuleData {
    /// The entries of `Resources/<name>.txt`.
    public static func list(_ name: String) -> [String] {
        guard let data = data(name, extension: "txt") else {
            fatalError("missing bundled rule file \(name).txt")
        }
        return entries(utf8: [UInt8](data))
    }

    /// The raw text of a bundled resource, or nil.
    /// `name` may name a file in a subfolder (`quantities/classifiers`).
    public static func text(_ name: String, extension ext: String) -> String? {
        guard let data = data(name, extension: ext) else { return nil }
        return String(data: data, encoding: .utf8)
    }

    /// Decodes a bundled JSON resource.
    public static func json<T: Decodable>(_ name: String, as type: T.Type) -> T {
        guard let data = data(name, extension: "json"),
            let value = try? JSONDecoder().decode(T.self, from: data)
        else {
            fatalError("missing or invalid bundled rule file \(name).json")
        }
        return value
    }

    /// The bytes of a bundled resource, or nil.
    /// `name` may name a file in a subfolder (`quantities/classifiers`).
    ///
    /// The files of `Resources/` are embedded in the module when it is built
    /// (the EmbedRuleData plugin), so a copied or installed binary reads the
    /// very lists it was built with, wherever it is.
    static func data(_ name: String, extension ext: String) -> Data? {
        guard let file = EmbeddedRuleData.files[name + "." + ext] else { return nil }
        return file.withUTF8Buffer { Data(base64Encoded: Data($0)) }
    }

    // MARK: - Reading list files

    /// The entries of a list file: its lines (split at every Unicode line
    /// break) cut at `#` and trimmed of tabs and spaces (general category
    /// Zs), the empty ones dropped. Works on the bytes and builds one string
    /// per entry (splitting and trimming strings cost far more at start-up).
    static func entries(utf8 bytes: [UInt8]) -> [String] {
        var result: [String] = []
        var lineStart = 0
        var index = 0
        while index <= bytes.count {
            let breakLength = index < bytes.count ? lineBreakLength(bytes, at: index) : 1
            guard breakLength > 0 else {
                index += 1
                continue
            }
            if let entry = entry(bytes, lineStart..<index) { result.append(entry) }
            index += breakLength
            lineStart = index
        }
        return result
    }

    /// A line's entry: the text before `#`, trimmed; nil when nothing is left.
    private static func entry(_ bytes: [UInt8], _ line: Range<Int>) -> String? {
        var start = line.lowerBound
        var end = bytes[line].firstIndex(of: UInt8(ascii: "#")) ?? line.upperBound
        while start < end, case let length = spaceLength(bytes, at: start, end: end), length > 0 { start += length }
        while end > start, case let length = spaceLength(bytes, endingAt: end, start: start), length > 0 { end -= length }
        return start < end ? String(decoding: bytes[start..<end], as: UTF8.self) : nil
    }

    /// The byte length of the line break at `index` (`\n`, `\r`, VT, FF,
    /// U+0085, U+2028, U+2029), or 0.
    private static func lineBreakLength(_ bytes: [UInt8], at index: Int) -> Int {
        switch bytes[index] {
        case 0x0A, 0x0B, 0x0C, 0x0D:
            return 1
        case 0xC2:
            return index + 1 < bytes.count && bytes[index + 1] == 0x85 ? 2 : 0
        case 0xE2:
            return index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9)
                ? 3 : 0
        default:
            return 0
        }
    }

    /// The byte length of the tab or space (Zs: U+0020, U+00A0, U+1680,
    /// U+2000–U+200A, U+202F, U+205F, U+3000) at `index`, or 0.
    private static func spaceLength(_ bytes: [UInt8], at index: Int, end: Int) -> Int {
        let first = bytes[index]
        if first == 0x20 || first == 0x09 { return 1 }
        if first == 0xC2 { return index + 1 < end && bytes[index + 1] == 0xA0 ? 2 : 0 }
        guard first >= 0xE1, first <= 0xE3, index + 2 < end else { return 0 }
        let second = bytes[index + 1], third = bytes[index + 2]
        switch first {
        case 0xE1: return second == 0x9A && third == 0x80 ? 3 : 0
        case 0xE2:
            if second == 0x80 { return third >= 0x80 && third <= 0x8A || third == 0xAF ? 3 : 0 }
            return second == 0x81 && third == 0x9F ? 3 : 0
        default: return second == 0x80 && third == 0x80 ? 3 : 0
        }
    }

    /// The byte length of the tab or space that ends just before `end`, or 0.
    private static func spaceLength(_ bytes: [UInt8], endingAt end: Int, start: Int) -> Int {
        for length in 1...3 where end - length >= start {
            if spaceLength(bytes, at: end - length, end: end) == length { return length }
        }
        return 0
    }
}
