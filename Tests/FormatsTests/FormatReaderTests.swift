import Foundation
import Testing
import TestSupport

@testable import Formats

/// The fixtures of Fixtures/formats (how each was made: Fixtures/README.md).
enum FormatFixtures {
    static let folder = Repository.root.appendingPathComponent("Fixtures/formats")

    static func bytes(_ name: String) -> [UInt8] { Repository.bytes(folder.appendingPathComponent(name)) }

    /// Whether poppler's pdftotext is installed (scripts/setup.sh installs it).
    static var hasPDFToText: Bool { Subprocess.find("pdftotext", path: ProcessInfo.processInfo.environment["PATH"]) != nil }
    static let noPDFToText = "pdftotext is not installed: run scripts/setup.sh (poppler-utils)"

    /// The text of a fixture read as `DocumentReader` reads it.
    static func text(_ name: String) throws -> ExtractedText {
        try #require(try DocumentReader.read(bytes(name), path: name))
    }
}

@Suite("File signatures")
struct FileSignatureTests {
    @Test(arguments: [
        (Array("%PDF-1.7\n".utf8), FileSignature.pdf),
        (Array("\u{FEFF}junk %PDF-1.4".utf8), .pdf),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], .zip),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00], .compoundFile),
        (Array("{\\rtf1\\ansi".utf8), .rtf),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], .binary("a PNG image")),
        ([0xFF, 0xD8, 0xFF, 0xE0], .binary("a JPEG image")),
        (Array("给予50万元奖补。".utf8), .text),
        (Array("<html><body>PK</body></html>".utf8), .text),
        ([], .text),
    ])
    func signatures(bytes: [UInt8], expected: FileSignature) {
        #expect(FileSignature.of(bytes) == expected)
    }

    @Test func thePDFHeaderCountsOnlyInTheFirstKilobyte() {
        let late = [UInt8](repeating: 0x20, count: 1020) + Array("%PDF-1.4".utf8)
        #expect(FileSignature.of(late) == .text)
    }

    @Test(arguments: [("a/B.DOCX", "docx"), ("notes", ""), (".hidden", ""), ("x.tar.gz", "gz"), ("dir.d/file", "")])
    func extensions(path: String, expected: String) {
        #expect(DocumentReader.fileExtension(path) == expected)
    }
}

@Suite("DOCX reader")
struct DOCXReaderTests {
    @Test func tableCellsAreTabbedAndRowsAreLines() throws {
        let read = try FormatFixtures.text("table.docx")
        #expect(read.format == .docx)
        #expect(read.paged, "the fixture has a page break")
        let lines = read.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "关于支持青年人才创业的若干措施")
        #expect(lines[1] == "一、对新引进的博士给予每人30万元安家补贴。")
        #expect(lines[2] == "项目\t对象\t金额")
        #expect(lines[3] == "安家补贴\t博士\t30万元")
        #expect(lines[5] == "创业资助\t每个团队\t最高200万元")
        #expect(read.text.contains("\u{0C}"))
        #expect(read.text.hasSuffix("新增创业团队120个。\n"))
    }

    @Test func notesFollowTheBodyAndHiddenTextStaysOut() throws {
        let read = try FormatFixtures.text("notes.docx")
        let expected = "第一条\t对企业给予50万元奖励。\n1\n框内文字\n\n\u{0C}第二条\n引进人才30名。\n\n奖励资金由市财政承担60%。\n"
        #expect(read.text == expected)
        #expect(!read.text.contains("20"), "deleted text is left out")
        #expect(!read.text.contains("PAGE"), "field codes are left out")
    }

    @Test func listLabelsAreDrawnFromTheNumberingPart() throws {
        let read = try FormatFixtures.text("numbered.docx")
        #expect(read.text == "一、总体要求\n（一）工作目标\n（二）基本原则\n二、主要措施\n（一）人才引进\n1.给予每人5万元补贴。\n2.引进博士10名。\n附件\n")
        #expect(!read.paged)
    }

    @Test(arguments: [(1, "一"), (10, "十"), (11, "十一"), (20, "二十"), (105, "一百零五"), (1010, "一千零一十"), (0, "0")])
    func chineseListNumbers(value: Int, expected: String) {
        #expect(DOCXNumbering.render(value, format: "chineseCounting") == expected)
    }

    @Test(arguments: [
        (3, "decimalEnclosedCircle", "③"), (28, "lowerLetter", "bb"), (14, "upperRoman", "XIV"), (2, "ideographTraditional", "乙"),
        (7, "decimalZero", "07"),
    ])
    func otherListNumbers(value: Int, format: String, expected: String) {
        #expect(DOCXNumbering.render(value, format: format) == expected)
    }

    @Test func aCutOffArchiveIsDamaged() {
        #expect(throws: FormatError(.damaged, "the DOCX file is cut off or damaged: its zip directory cannot be read")) {
            try DocumentReader.read(FormatFixtures.bytes("cut.docx"), path: "cut.docx")
        }
    }

    @Test func aPartBeyondTheLimitIsTooLarge() throws {
        let bytes = FormatFixtures.bytes("table.docx")
        let error = #expect(throws: FormatError.self) {
            try DocumentReader.readZip(bytes, fileExtension: "docx", limits: ArchiveLimits(partBytes: 1000, totalBytes: 1 << 20))
        }
        #expect(error?.kind == .tooLarge)
        #expect(error?.reason.contains("zip bomb") == true)
        let total = #expect(throws: FormatError.self) {
            try DocumentReader.readZip(bytes, fileExtension: "docx", limits: ArchiveLimits(partBytes: 1 << 20, totalBytes: 3000))
        }
        #expect(total?.kind == .tooLarge)
    }

    @Test(arguments: [
        ("../media/a.png", "word/document.xml", "media/a.png"),
        ("media/./a.png", "word/document.xml", "word/media/a.png"),
        ("document.xml", "word/document.xml", "word/document.xml"),
        ("/customXml/item1.xml", "word/document.xml", "customXml/item1.xml"),
        ("../../../../etc/passwd", "word/document.xml", "etc/passwd"),
        ("Pages/Page_0/Content.xml", "Doc_0/Document.xml", "Doc_0/Pages/Page_0/Content.xml"),
    ])
    func targetsResolveInsideTheArchive(target: String, source: String, expected: String) {
        #expect(Relationships.resolve(target, from: source) == expected)
    }
}

@Suite("OFD reader")
struct OFDReaderTests {
    @Test func textCodesComeInPageOrderALineWhereTheBaselineMoves() throws {
        let read = try FormatFixtures.text("notice.ofd")
        #expect(read.format == .ofd)
        #expect(read.paged)
        let pages = read.text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map(String.init)
        #expect(pages.count == 3, "two pages, each ended by a form feed")
        #expect(pages[0] == "关于印发人才引进办法的通知\n一、对引进的高层次人才给予100万元安家补贴。\n二、每年引进急需紧缺人才200名以上。\n")
        #expect(pages[1] == "三、人才住房保障覆盖率达到90%。\n")
        #expect(pages[2].isEmpty)
    }
}

@Suite("PDF and other formats")
struct PDFReaderTests {
    @Test(.enabled(if: FormatFixtures.hasPDFToText, Comment(rawValue: FormatFixtures.noPDFToText)))
    func aPDFIsReadInPagesEndedByFormFeeds() throws {
        let read = try FormatFixtures.text("000_3e4a7fe1f66d6319.pdf")
        #expect(read.format == .pdf)
        #expect(read.text.filter { $0 == "\u{0C}" }.count == 4, "four pages")
        #expect(read.text.hasSuffix("\u{0C}"))
    }

    @Test(
        .enabled(if: FormatFixtures.hasPDFToText, Comment(rawValue: FormatFixtures.noPDFToText)),
        arguments: [("scan.pdf", FormatError.Kind.noTextLayer, "run OCR"), ("locked.pdf", .encrypted, "password")])
    func unreadablePDFsSayWhy(name: String, kind: FormatError.Kind, hint: String) {
        let error = #expect(throws: FormatError.self) { try DocumentReader.read(FormatFixtures.bytes(name), path: name) }
        #expect(error?.kind == kind)
        #expect(error?.reason.contains(hint) == true, "\(error?.reason ?? "")")
    }

    @Test func aDamagedPDFIsDamaged() throws {
        try #require(FormatFixtures.hasPDFToText, Comment(rawValue: FormatFixtures.noPDFToText))
        let cut = Array(FormatFixtures.bytes("000_3e4a7fe1f66d6319.pdf").prefix(400))
        let error = #expect(throws: FormatError.self) { try DocumentReader.read(cut, path: "cut.pdf") }
        #expect(error.map { [.damaged, .noTextLayer].contains($0.kind) } == true, "\(String(describing: error))")
    }

    @Test func withoutPDFToTextAPDFSaysHowToInstallIt() {
        let error = #expect(throws: FormatError.self) {
            try DocumentReader.read(
                Array("%PDF-1.4\n".utf8), path: "a.pdf",
                environment: ["ZHENGCE_PDFTOTEXT": "/nonexistent/pdftotext", "PATH": "/usr/bin"])
        }
        #expect(error?.kind == .converterMissing)
        #expect(error?.reason.contains("poppler-utils") == true)
    }

    @Test func aDocFileIsTurnedDownWithWhatToDo() {
        let error = #expect(throws: FormatError.self) { try DocumentReader.read(FormatFixtures.bytes("old.doc"), path: "old.doc") }
        #expect(error?.kind == .unsupportedFormat)
        #expect(error?.reason.contains("save it as DOCX or PDF first") == true)
    }

    @Test func aZipThatIsNeitherDOCXNorOFDIsUnsupported() throws {
        let error = #expect(throws: FormatError.self) { try DocumentReader.read(FormatFixtures.bytes("book.xlsx"), path: "book.xlsx") }
        #expect(error?.kind == .unsupportedFormat)
        #expect(error?.reason.contains("Excel workbook") == true)
        // Formats go by their bytes: an OFD named .zip is read, text named .pdf is text.
        #expect(try DocumentReader.read(FormatFixtures.bytes("notice.ofd"), path: "notice.zip")?.format == .ofd)
        #expect(try DocumentReader.read(Array("plain text".utf8), path: "a.pdf") == nil)
    }
}
