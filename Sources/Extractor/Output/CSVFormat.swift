/// RFC 4180 CSV: fields separated by `,`, records ended by CRLF, a field
/// quoted with `"` when it holds a comma, a quote, CR or LF (quotes doubled
/// inside). Python's `csv`, pandas, R's `read.csv` and Excel all read it.
public enum CSVFormat {
    /// The UTF-8 byte order mark Excel needs to open a UTF-8 file as UTF-8.
    public static let byteOrderMark: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// One record: the fields quoted as needed, joined by commas, ended by CRLF.
    /// With `forSpreadsheets`, text that a spreadsheet would run as a formula
    /// is defused first (see ``defused(_:)``).
    public static func record(_ fields: [String], forSpreadsheets: Bool = false) -> String {
        var bytes: [UInt8] = []
        append(fields, to: &bytes, forSpreadsheets: forSpreadsheets)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``record(_:forSpreadsheets:)``'s bytes to `bytes`, field by
    /// field, with no string in between.
    public static func append(_ fields: [String], to bytes: inout [UInt8], forSpreadsheets: Bool = false) {
        for index in fields.indices {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            appendField(fields[index], to: &bytes, forSpreadsheets: forSpreadsheets)
        }
        bytes.append(UInt8(ascii: "\r"))
        bytes.append(UInt8(ascii: "\n"))
    }

    /// One field as ``quoted(_:)`` (after ``defused(_:)`` when `forSpreadsheets`) writes it.
    @inline(__always)
    static func appendField<Out: ByteSink>(_ field: String, to bytes: inout Out, forSpreadsheets: Bool) {
        if field.utf8.withContiguousStorageIfAvailable({ appendField($0, to: &bytes, forSpreadsheets: forSpreadsheets) }) == nil {
            var field = field
            field.withUTF8 { appendField($0, to: &bytes, forSpreadsheets: forSpreadsheets) }
        }
    }

    /// ``appendField(_:to:forSpreadsheets:)`` on UTF-8.
    private static func appendField<Out: ByteSink>(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout Out, forSpreadsheets: Bool) {
        let quotes = needsQuotes(utf8)
        if quotes { bytes.append(UInt8(ascii: "\"")) }
        if forSpreadsheets, let first = utf8.first, startsFormula(first), !isNumber(utf8) {
            bytes.append(UInt8(ascii: "'"))
        }
        appendContent(utf8, to: &bytes, doublingQuotes: quotes)
        if quotes { bytes.append(UInt8(ascii: "\"")) }
    }

    /// A field's bytes, its quotes doubled when it is quoted.
    static func appendContent<Out: ByteSink>(_ field: String, to bytes: inout Out, doublingQuotes: Bool) {
        if field.utf8.withContiguousStorageIfAvailable({ appendContent($0, to: &bytes, doublingQuotes: doublingQuotes) }) == nil {
            var field = field
            field.withUTF8 { appendContent($0, to: &bytes, doublingQuotes: doublingQuotes) }
        }
    }

    @inline(__always)
    private static func appendContent<Out: ByteSink>(_ utf8: UnsafeBufferPointer<UInt8>, to bytes: inout Out, doublingQuotes: Bool) {
        guard doublingQuotes else { return bytes.append(utf8) }
        var start = 0
        for index in utf8.indices where utf8[index] == UInt8(ascii: "\"") {
            bytes.append(UnsafeBufferPointer(rebasing: utf8[start...index]))
            bytes.append(UInt8(ascii: "\""))
            start = index + 1
        }
        bytes.append(UnsafeBufferPointer(rebasing: utf8[start...]))
    }

    /// Whether a spreadsheet would take a field starting with `byte` for a formula (``formulaStarts``).
    @inline(__always)
    static func startsFormula(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "=") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "@")
            || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r")
    }

    /// Whether a field holds a comma, a quote, CR or LF.
    static func needsQuotes(_ field: String) -> Bool {
        if let found = field.utf8.withContiguousStorageIfAvailable({ needsQuotes($0) }) { return found }
        var field = field
        return field.withUTF8 { needsQuotes($0) }
    }

    /// Whether a field holds a comma, a quote, CR or LF; eight bytes are
    /// tested at a time, first for any byte below `-` (all four are; Chinese
    /// text and digits are not), then exactly.
    private static func needsQuotes(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = utf8.baseAddress else { return false }
        var index = 0
        while index + 8 <= utf8.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            if hasByteBelowDash(word), hasSpecial(word) { return true }
            index += 8
        }
        while index < utf8.count {
            let byte = base[index]
            if byte < UInt8(ascii: "-"),
                byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
            {
                return true
            }
            index += 1
        }
        return false
    }

    /// Whether any of eight bytes is below `-` (0x2D): the usual test for a
    /// byte less than n (exact as to whether there is one, for n ≤ 128).
    @inline(__always)
    static func hasByteBelowDash(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        return (word &- ones &* 0x2D) & ~word & highs != 0
    }

    /// Whether any of eight bytes is a comma, a quote, CR or LF (exact: the
    /// usual zero-byte test on the word xored with each).
    @inline(__always)
    static func hasSpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let comma = word ^ (ones &* 0x2C), quote = word ^ (ones &* 0x22)
        let lineFeed = word ^ (ones &* 0x0A), carriageReturn = word ^ (ones &* 0x0D)
        let found =
            ((comma &- ones) & ~comma) | ((quote &- ones) & ~quote)
            | ((lineFeed &- ones) & ~lineFeed) | ((carriageReturn &- ones) & ~carriageReturn)
        return found & highs != 0
    }

    /// ``isNumber(_:)`` on UTF-8.
    private static func isNumber(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var digits = 0, points = 0
        for (index, byte) in utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "+") where index == 0, UInt8(ascii: "-") where index == 0: continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."): points += 1
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }

    /// A field a spreadsheet shows as written: text starting with `=`, `+`,
    /// `-`, `@`, a tab or CR (which Excel and LibreOffice would evaluate as a
    /// formula, e.g. a pasted `=HYPERLINK(…)`) gets a leading `'`; numbers
    /// (`-0.5`) and everything else stay as they are.
    public static func defused(_ field: String) -> String {
        guard let first = field.unicodeScalars.first, formulaStarts.contains(first), !isNumber(field) else { return field }
        return "'" + field
    }

    private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Whether a field is a plain decimal number: a sign, digits, at most one point.
    private static func isNumber(_ field: String) -> Bool {
        var digits = 0, points = 0
        for (index, scalar) in field.unicodeScalars.enumerated() {
            switch scalar {
            case "+" where index == 0, "-" where index == 0: continue
            case "0"..."9": digits += 1
            case ".": points += 1
            default: return false
            }
        }
        return digits > 0 && points <= 1
    }

    /// A field as written: as is, or in quotes with inner quotes doubled.
    public static func quoted(_ field: String) -> String {
        var needsQuotes = false
        for byte in field.utf8
        where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return field }
        var out = "\""
        for character in field.unicodeScalars {
            if character == "\"" { out.append("\"\"") } else { out.unicodeScalars.append(character) }
        }
        out.append("\"")
        return out
    }
}

/// Reads RFC 4180 CSV back into records, as ``CSVFormat`` writes it (LF, CR
/// or CRLF line ends, quoted fields spanning lines, a UTF-8 BOM at the start),
/// chunk by chunk so a large table never has to fit in memory.
public struct CSVReader {
    /// A complete record and where it ends in the input.
    public struct Record: Sendable, Equatable {
        /// The fields, unquoted.
        public var fields: [String]
        /// The byte offset just after the record's line end, from the start of the input.
        public var end: Int
    }

    private enum State { case unquoted, quoted, quoteInQuoted }

    private var fields: [String] = []
    private var field: [UInt8] = []
    private var state = State.unquoted
    /// A record ended by CR, waiting to see whether LF follows.
    private var pending: Record?
    private var offset = 0

    /// A reader at the start of an input.
    public init() {}

    /// Reads the next chunk of the input, handing each record completed in it
    /// to `emit`. A last record without its line end (a write cut short) is
    /// never emitted, so the `end` of the last record emitted is where the
    /// intact part of the input stops.
    public mutating func read<Bytes: Collection<UInt8>>(_ chunk: Bytes, _ emit: (Record) throws -> Void) rethrows {
        var bytes = chunk[...]
        if offset == 0, bytes.starts(with: CSVFormat.byteOrderMark) {
            bytes = bytes.dropFirst(3)
            offset = 3
        }
        for byte in bytes {
            offset += 1
            if var record = pending {
                pending = nil
                if byte == UInt8(ascii: "\n") {
                    record.end = offset
                    try emit(record)
                    continue
                }
                try emit(record)
            }
            switch state {
            case .quoted:
                if byte == UInt8(ascii: "\"") { state = .quoteInQuoted } else { field.append(byte) }
                continue
            case .quoteInQuoted:
                if byte == UInt8(ascii: "\"") {
                    field.append(byte)
                    state = .quoted
                    continue
                }
                state = .unquoted
            case .unquoted:
                break
            }
            switch byte {
            case UInt8(ascii: "\""):
                state = .quoted
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
                let record = Record(fields: fields, end: offset)
                fields.removeAll()
                if byte == UInt8(ascii: "\r") { pending = record } else { try emit(record) }
            default:
                field.append(byte)
            }
        }
    }

    /// Ends the input: a record ended by a lone CR at the very end is emitted.
    public mutating func finish(_ emit: (Record) throws -> Void) rethrows {
        if let record = pending {
            pending = nil
            try emit(record)
        }
    }

    /// Every complete record of a whole input.
    public static func records<Bytes: Collection<UInt8>>(in bytes: Bytes) -> [Record] {
        var reader = CSVReader()
        var records: [Record] = []
        reader.read(bytes) { records.append($0) }
        reader.finish { records.append($0) }
        return records
    }
}
