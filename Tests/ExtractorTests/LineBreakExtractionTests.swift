import Segmenter
import Testing
@testable import Extractor

/// A document saved with `\r\n` (Windows) or `\r` line breaks gives what the
/// same document saved with `\n` gives: the same metadata, the same items,
/// each span still exactly its text in the original.
@Suite("Line breaks, end to end")
struct LineBreakExtractionTests {
    static let lines = [
        "---", "title: \"关于支持人才发展的通知\"", "date: 2022-02-10", "---",
        "# 一、支持政策", "对新引进的博士给予50万元安家补贴。", "", "# 二、保障措施", "每年引进人才200名以上。", "",
    ]

    private func extract(_ eol: String) throws -> ExtractionResult {
        let text = Self.lines.joined(separator: eol)
        return try DocumentExtractor().extract(bytes: Array(text.utf8), path: "notice.md")
    }

    @Test(arguments: ["\r\n", "\r"])
    func aWindowsFileReadsLikeAUnixFile(_ eol: String) throws {
        let unix = try extract("\n"), other = try extract(eol)
        #expect(other.metadata?.title == unix.metadata?.title)
        #expect(other.metadata?.date == "2022-02-10", "from the front matter")
        #expect(other.sections.map(\.title) == unix.sections.map(\.title))
        #expect(other.amounts.map(\.text) == unix.amounts.map(\.text))
        #expect(other.counts.map(\.text) == unix.counts.map(\.text))
        #expect(!other.amounts.isEmpty && !other.counts.isEmpty)
        let original = Array(Self.lines.joined(separator: eol).unicodeScalars)
        for amount in other.amounts {
            #expect(String(String.UnicodeScalarView(original[amount.span.start..<amount.span.end])) == amount.text)
        }
    }
}
