/// What a file's first bytes say it is (its magic number), with its name as a
/// hint only where the bytes cannot tell (a zip archive cut off before its
/// directory). A binary file is never taken for text.
public enum FileSignature: Equatable, Sendable {
    /// No binary signature: text, to be decoded (plain, Markdown, HTML).
    case text
    /// `%PDF-` in the first kilobyte.
    case pdf
    /// A zip archive (`PK\3\4`): DOCX, OFD, or another zipped format, told by its parts.
    case zip
    /// An OLE2 compound file (`D0 CF 11 E0`): Word 97–2003 `.doc`, WPS `.wps`, `.xls`, `.et`…
    case compoundFile
    /// Rich Text Format (`{\rtf`).
    case rtf
    /// Another binary format, named (`a PNG image`, `a gzip archive`).
    case binary(String)

    /// The signature of `bytes`.
    public static func of(_ bytes: [UInt8]) -> FileSignature {
        func starts(_ magic: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + magic.count && bytes[offset..<offset + magic.count].elementsEqual(magic)
        }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) || starts([0x50, 0x4B, 0x07, 0x08]) {
            return .zip
        }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .compoundFile }
        if starts(Array("{\\rtf".utf8)) { return .rtf }
        // PDF readers accept the header anywhere in the first 1024 bytes.
        if containsPDFHeader(bytes) { return .pdf }
        for (magic, offset, name) in binaryMagics where starts(magic, at: offset) { return .binary(name) }
        return .text
    }

    /// Whether `%PDF-` occurs in the first 1024 bytes.
    private static func containsPDFHeader(_ bytes: [UInt8]) -> Bool {
        let header: [UInt8] = Array("%PDF-".utf8)
        let end = min(bytes.count, 1024) - header.count
        guard end >= 0 else { return false }
        for start in 0...end where bytes[start] == 0x25 {
            if bytes[start..<start + header.count].elementsEqual(header) { return true }
        }
        return false
    }

    /// Magic numbers of formats that are never text, with where they sit and a name.
    private static let binaryMagics: [([UInt8], Int, String)] = [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], 0, "a PNG image"),
        ([0xFF, 0xD8, 0xFF], 0, "a JPEG image"),
        (Array("GIF87a".utf8), 0, "a GIF image"),
        (Array("GIF89a".utf8), 0, "a GIF image"),
        ([0x49, 0x49, 0x2A, 0x00], 0, "a TIFF image"),
        ([0x4D, 0x4D, 0x00, 0x2A], 0, "a TIFF image"),
        (Array("RIFF".utf8), 0, "a RIFF file (WebP, WAV, AVI)"),
        ([0x1F, 0x8B], 0, "a gzip archive"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], 0, "a 7-Zip archive"),
        (Array("Rar!\u{1A}\u{07}".utf8), 0, "a RAR archive"),
        ([0x7F, 0x45, 0x4C, 0x46], 0, "an executable (ELF)"),
    ]
}
