import CICU

/// Why a file's bytes could not be read as text.
public enum DecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file has no bytes.
    case empty
    /// The bytes look like a binary file (NUL bytes or control characters).
    case binary(reason: String)
    /// No supported encoding decodes the bytes.
    case undecodable(reason: String)

    /// The reason in a few words, as error records give it: `empty file`, `not a text file: …`.
    public var description: String {
        switch self {
        case .empty: "empty file"
        case .binary(let reason): "not a text file: \(reason)"
        case .undecodable(let reason): "cannot decode: \(reason)"
        }
    }
}

/// Text decoded from bytes, with the encoding that decoded it.
public struct DecodedText: Sendable {
    /// The decoded text, BOM removed.
    public var text: String
    /// `UTF-8`, `UTF-16LE`, `UTF-16BE`, `GB18030`, or another ICU charset name.
    public var encoding: String
    /// Bytes left off the end: a file cut off in the middle of its last
    /// character (a download or a copy stopped short) is read without them.
    public var droppedTail = 0

    /// Text decoded with `encoding`, `droppedTail` bytes left off its end.
    public init(text: String, encoding: String, droppedTail: Int = 0) {
        self.text = text
        self.encoding = encoding
        self.droppedTail = droppedTail
    }
}

/// Turns a file's bytes into text: BOMs first, then strict UTF-8, then ICU's
/// charset detection with a strict GB18030 (or detected charset) conversion.
///
/// Strict means a wrong guess fails instead of producing mojibake: a file that
/// no encoding decodes cleanly is an error naming the first bad byte.
public enum TextDecoder {
    /// Decodes `bytes` or throws a ``DecodingError`` saying why not.
    ///
    /// A UTF-8 file cut off in the middle of its last character (a download
    /// or a copy stopped short) is read without that character, and
    /// ``DecodedText/droppedTail`` says how many bytes were left out. Only
    /// UTF-8 is forgiven this way: its sequences say where they start, so a
    /// cut tail cannot be mistaken for anything else; in GB18030 a byte lost
    /// anywhere shifts every character after it, and still decodes.
    public static func decode(_ bytes: [UInt8]) throws(DecodingError) -> DecodedText {
        // (Bytes ending in a cut sequence are never valid UTF-8 as they stand.)
        if let dropped = cutUTF8TailLength(bytes),
            var decoded = try? decodeStrictly(Array(bytes.dropLast(dropped))), decoded.encoding == "UTF-8"
        {
            decoded.droppedTail = dropped
            return decoded
        }
        return try decodeStrictly(bytes)
    }

    /// The length of the cut UTF-8 sequence that ends `bytes`, if one does.
    private static func cutUTF8TailLength(_ bytes: [UInt8]) -> Int? {
        (1...3).first { bytes.count > $0 && isCutUTF8(Array(bytes.suffix($0))) }
    }

    /// Whether `tail` is the start of a UTF-8 sequence, short of its end.
    static func isCutUTF8(_ tail: [UInt8]) -> Bool {
        guard let lead = tail.first else { return false }
        let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xC2 && lead <= 0xDF ? 2 : 0
        return tail.count < length && tail.dropFirst().allSatisfy { $0 & 0xC0 == 0x80 }
    }

    private static func decodeStrictly(_ bytes: [UInt8]) throws(DecodingError) -> DecodedText {
        if bytes.isEmpty { throw .empty }
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return DecodedText(text: try utf8(bytes.dropFirst(3)), encoding: "UTF-8")
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return DecodedText(text: try utf16(bytes.dropFirst(2), bigEndian: false), encoding: "UTF-16LE")
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return DecodedText(text: try utf16(bytes.dropFirst(2), bigEndian: true), encoding: "UTF-16BE")
        }
        let nulCount = bytes.lazy.filter { $0 == 0 }.count
        if nulCount > 0 {
            if let guess = utf16WithoutBOM(bytes, nulCount: nulCount) { return guess }
            throw .binary(reason: "\(nulCount) NUL byte\(nulCount == 1 ? "" : "s")")
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return DecodedText(text: try checkedForControls(text), encoding: "UTF-8")
        }
        return try legacy(bytes)
    }

    // MARK: - Unicode forms

    private static func utf8(_ bytes: ArraySlice<UInt8>) throws(DecodingError) -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .undecodable(reason: "UTF-8 byte order mark, but invalid UTF-8 at byte \(firstInvalidUTF8(bytes) + 3)")
        }
        return try checkedForControls(text)
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) throws(DecodingError) -> String {
        guard bytes.count % 2 == 0 else {
            throw .undecodable(reason: "UTF-16 with an odd number of bytes (\(bytes.count + 2))")
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        guard let text = String(validating: units, as: UTF16.self) else {
            throw .undecodable(reason: "invalid UTF-16 (unpaired surrogate)")
        }
        return try checkedForControls(text)
    }

    /// UTF-16 without a BOM shows as NULs in every other byte of ASCII text.
    private static func utf16WithoutBOM(_ bytes: [UInt8], nulCount: Int) -> DecodedText? {
        guard bytes.count % 2 == 0, nulCount * 4 >= bytes.count else { return nil }
        var evenNul = 0, oddNul = 0
        for (index, byte) in bytes.enumerated() where byte == 0 {
            if index % 2 == 0 { evenNul += 1 } else { oddNul += 1 }
        }
        let bigEndian = evenNul > oddNul * 4
        guard bigEndian || oddNul > evenNul * 4 else { return nil }
        guard let text = try? utf16(bytes[...], bigEndian: bigEndian) else { return nil }
        return DecodedText(text: text, encoding: bigEndian ? "UTF-16BE" : "UTF-16LE")
    }

    // MARK: - Legacy charsets through ICU

    private static let chineseCharsets: Set<String> = ["GB18030", "GBK", "GB2312", "Big5", "EUC-TW"]

    private static func legacy(_ bytes: [UInt8]) throws(DecodingError) -> DecodedText {
        let detected = detect(bytes)
        // Chinese documents that are not UTF-8 are almost always GB18030 (a
        // superset of GBK and GB2312); try it first, then what ICU guessed.
        var candidates = ["GB18030"]
        if let detected, chineseCharsets.contains(detected) || detected.hasPrefix("UTF-16"),
            detected != "GB18030", detected != "GBK", detected != "GB2312"
        {
            candidates.append(detected)
        }
        var firstFailure: String?
        for charset in candidates {
            switch convert(bytes, from: charset) {
            case .success(let text):
                return DecodedText(text: try checkedForControls(text), encoding: charset)
            case .failure(let reason):
                firstFailure = firstFailure ?? reason
            }
        }
        let utf8At = firstInvalidUTF8(bytes[...])
        throw .undecodable(
            reason:
                "invalid UTF-8 at byte \(utf8At), and not \(candidates.joined(separator: " or ")) either (\(firstFailure ?? "no conversion"))"
        )
    }

    /// ICU's best guess for the charset, or nil.
    static func detect(_ bytes: [UInt8]) -> String? {
        var name = [CChar](repeating: 0, count: 64)
        var confidence: Int32 = 0
        var status: Int32 = 0
        let sample = bytes.prefix(1 << 16)
        let found = sample.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                zc_detect_charset(chars.baseAddress, Int32(chars.count), &name, 64, &confidence, &status)
            }
        }
        guard found == 1, status <= 0 else { return nil }
        return String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private enum Conversion { case success(String), failure(String) }

    private static func convert(_ bytes: [UInt8], from charset: String) -> Conversion {
        var capacity = bytes.count + 1
        for _ in 0..<2 {
            var output = [UInt16](repeating: 0, count: capacity)
            var status: Int32 = 0
            var errorOffset: Int32 = -1
            let needed = bytes.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    zc_convert_to_utf16(
                        charset, chars.baseAddress, Int32(chars.count),
                        &output, Int32(capacity), &errorOffset, &status)
                }
            }
            if status == 15 {  // U_BUFFER_OVERFLOW_ERROR
                capacity = Int(needed) + 1
                continue
            }
            if status > 0 {
                let name = String(cString: zc_error_name(status))
                return .failure(errorOffset >= 0 ? "\(name) at byte \(errorOffset)" : name)
            }
            guard let text = String(validating: output.prefix(Int(needed)), as: UTF16.self) else {
                return .failure("conversion produced invalid UTF-16")
            }
            return .success(text)
        }
        return .failure("conversion did not fit its buffer")
    }

    // MARK: - Checks

    private static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var offset = 0
        var consumed = 0
        // Count bytes by re-encoding each decoded scalar.
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                consumed = UTF8.width(scalar)
                offset += consumed
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    /// Rejects text that is mostly control characters (a binary file that
    /// happens to be valid UTF-8 or GB18030).
    private static func checkedForControls(_ text: String) throws(DecodingError) -> String {
        var controls = 0, total = 0
        // Counted on the UTF-8 bytes: a scalar starts at every byte that is not
        // a continuation byte, and a control is a single byte below 0x20.
        // (Iterating `unicodeScalars` decodes every scalar, five times as slow.)
        let counted: Void? = text.utf8.withContiguousStorageIfAvailable { bytes in
            for byte in bytes where byte & 0xC0 != 0x80 {
                if total == 1 << 16 { break }
                total += 1
                if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C { controls += 1 }
            }
        }
        if counted == nil {
            for scalar in text.unicodeScalars.prefix(1 << 16) {
                total += 1
                let value = scalar.value
                if value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D && value != 0x0C {
                    controls += 1
                }
            }
        }
        if total > 0 && controls * 20 > total {
            throw .binary(reason: "\(controls) control characters in the first \(total)")
        }
        return text
    }
}
