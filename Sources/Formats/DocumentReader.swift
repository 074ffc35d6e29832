#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A document's text read out of a PDF, DOCX or OFD file (spec §9).
public struct ExtractedText: Sendable, Equatable {
    /// The formats read out to text.
    public enum Format: String, Sendable, CaseIterable {
        case pdf, docx, ofd
    }

    /// The text every offset refers to: a PDF's text layer in reading order,
    /// a DOCX's paragraphs one per line and table rows with tab-separated
    /// cells, an OFD's text codes per page. A form feed (U+000C) ends a page.
    public var text: String
    /// The format the text was read out of: PDF, DOCX or OFD.
    public var format: Format
    /// Whether the text knows its pages (a PDF and an OFD always; a DOCX when
    /// Word recorded where its pages break).
    public var paged: Bool
}

/// Reads a file's text when its bytes are a PDF, DOCX or OFD, and turns down
/// the binary formats zhengce does not read with a ``FormatError`` that says
/// what to do; anything else is text, left to the text decoder.
public enum DocumentReader {
    /// The text of `bytes` when they are a PDF, DOCX or OFD; nil when they are
    /// text to decode. `path` names the file in messages and, for a zip archive
    /// too damaged to open, says by its extension what it was meant to be.
    public static func read(
        _ bytes: [UInt8], path: String,
        environment: [String: String] = currentEnvironment()
    ) throws(FormatError) -> ExtractedText? {
        let fileExtension = Self.fileExtension(path)
        switch FileSignature.of(bytes) {
        case .text:
            return nil
        case .pdf:
            let text = try PDFReader.read(bytes, environment: environment)
            return ExtractedText(text: text, format: .pdf, paged: true)
        case .zip:
            return try readZip(bytes, fileExtension: fileExtension)
        case .compoundFile:
            let what =
                ["wps", "wpt"].contains(fileExtension)
                ? "a WPS document (.wps, an OLE2 compound file)"
                : ["xls", "et", "ppt", "dps"].contains(fileExtension)
                    ? "a spreadsheet or slides in an OLE2 compound file"
                    : "a Word 97–2003 or WPS document (.doc/.wps, an OLE2 compound file)"
            throw FormatError(
                .unsupportedFormat,
                "\(what) is not read: save it as DOCX or PDF first (in Word or WPS, or libreoffice --headless --convert-to docx)")
        case .rtf:
            throw FormatError(.unsupportedFormat, "Rich Text Format (.rtf) is not read: save it as DOCX or PDF first")
        case .binary(let name):
            let hint = name.hasSuffix("image") ? ": run OCR on it and save the text, or a searchable PDF" : ""
            throw FormatError(.unsupportedFormat, "\(name) is not a document zhengce reads\(hint)")
        }
    }

    /// The text of a DOCX or OFD, or why not, for the bytes of a zip archive.
    /// (Also the fuzz target's way into the two readers.)
    public static func readZip(
        _ bytes: [UInt8], fileExtension: String = "",
        limits: ArchiveLimits = ArchiveLimits()
    ) throws(FormatError) -> ExtractedText {
        let meant = fileExtension == "ofd" ? "the OFD file" : fileExtension == "docx" ? "the DOCX file" : "the zip archive"
        let archive = try ZipArchive(bytes, name: meant, limits: limits.zip)
        if archive.contains("OFD.xml") {
            let ofd = try ZipArchive(bytes, name: "the OFD file", limits: limits.zip)
            return ExtractedText(text: try OFDReader.read(ofd), format: .ofd, paged: true)
        }
        if archive.contains("word/document.xml") || archive.contains("[Content_Types].xml") && fileExtension == "docx" {
            let docx = try ZipArchive(bytes, name: "the DOCX file", limits: limits.zip)
            let (text, paged) = try DOCXReader.read(docx)
            return ExtractedText(text: text, format: .docx, paged: paged)
        }
        let kind: String
        switch true {
        case archive.contains("xl/workbook.xml"): kind = "an Excel workbook (.xlsx)"
        case archive.contains("ppt/presentation.xml"): kind = "a PowerPoint deck (.pptx)"
        case archive.contains("content.xml") && archive.contains("mimetype"): kind = "an OpenDocument file (.odt/.ods)"
        default: kind = "a zip archive that is neither DOCX nor OFD"
        }
        throw FormatError(.unsupportedFormat, "\(kind) is not read: save the document as DOCX, OFD or PDF first")
    }

    /// The kinds of XML part the DOCX and OFD readers turn into text.
    public enum Part: Sendable {
        /// A WordprocessingML part: `word/document.xml`, `footnotes.xml`.
        case wordprocessing
        /// One OFD page's `Content.xml`.
        case ofdPage
    }

    /// The text of one XML part on its own (for the fuzz target, which cannot
    /// reach the XML through a zip: a changed byte fails the archive's CRC).
    public static func readPart(_ xml: [UInt8], as part: Part) throws(FormatError) -> String {
        switch part {
        case .wordprocessing:
            var writer = DOCXTextWriter()
            try writer.read(XMLPullReader(xml, part: "word/document.xml"))
            return writer.text
        case .ofdPage:
            var text = ""
            try OFDReader.readPage(XMLPullReader(xml, part: "Content.xml"), into: &text)
            return text
        }
    }

    /// The process's environment, read once per call (for `ZHENGCE_PDFTOTEXT` and `PATH`).
    public static func currentEnvironment() -> [String: String] {
        var found: [String: String] = [:]
        for key in ["ZHENGCE_PDFTOTEXT", "PATH"] {
            if let value = getenv(key) { found[key] = String(cString: value) }
        }
        return found
    }

    /// The lowercased extension of a path's last component (`a/B.DOCX` → `docx`).
    static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}

/// Limits on what one DOCX or OFD archive may inflate to.
public struct ArchiveLimits: Sendable {
    var zip = ZipArchive.Limits()

    /// The default limits, far above any real policy document.
    public init() {}

    /// Limits of `partBytes` a part and `totalBytes` in all (tests use small ones).
    public init(partBytes: UInt64, totalBytes: UInt64) {
        zip.partBytes = partBytes
        zip.totalBytes = totalBytes
    }
}
