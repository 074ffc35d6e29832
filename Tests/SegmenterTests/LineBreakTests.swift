import Testing
@testable import Segmenter

/// `\r\n` is one line break wherever the reader splits lines, and a lone `\r`
/// is one too: a file saved on Windows (or an old Mac) reads like the same
/// file saved with `\n`.
@Suite("Line breaks")
struct LineBreakTests {
    static let breaks = ["\n", "\r\n", "\r"]

    @Test(arguments: breaks)
    func frontMatterIsReadWhateverTheLineBreak(_ eol: String) {
        let text = ["---", "title: \"测试\"", "date: 2022-02-10", "---", "给予50万元。", ""].joined(separator: eol)
        let document = TextDocument(text: text, path: "a.md")
        #expect(document.format == .markdown)
        #expect(document.markup.frontMatter == ["title": "测试", "date": "2022-02-10"])
        #expect(document.text.string == "给予50万元。")
    }

    @Test(arguments: breaks)
    func frontMatterIsSeenInAPlainFile(_ eol: String) {
        let text = ["---", "title: 测试", "---", "正文。"].joined(separator: eol)
        let document = TextDocument(text: text, path: "a.txt")
        #expect(document.markup.frontMatter["title"] == "测试")
        #expect(document.text.string == "正文。")
    }

    @Test(arguments: breaks)
    func markdownLinesAndHeadingsEndAtEveryBreak(_ eol: String) {
        let text = ["# 大力实施人才工程", "导语。", "## 布局统筹推进", "正文。"].joined(separator: eol)
        let document = TextDocument(text: text, path: "a.md")
        #expect(document.markup.headings.map(\.title) == ["大力实施人才工程", "布局统筹推进"])
        #expect(document.markup.headings.map(\.level) == [1, 2])
        #expect(document.text.string == "大力实施人才工程\n导语。\n布局统筹推进\n正文。")
    }

    @Test(arguments: breaks)
    func aMarkdownLineBreakMapsToTheWholeBreak(_ eol: String) throws {
        let document = TextDocument(text: "甲。" + eol + "乙。", path: "a.md")
        #expect(document.text.string == "甲。\n乙。")
        let newline = try #require(document.text.scalars.firstIndex(of: "\n"))
        #expect(document.originalText(document.originalRange(of: newline..<(newline + 1))) == eol)
    }

    @Test(arguments: breaks)
    func originalLinesEndAtEveryBreak(_ eol: String) {
        let text = ["第一行", "", "第三行"].joined(separator: eol)
        let document = TextDocument(text: text, path: "a.txt")
        #expect(document.originalLines.map { document.originalText($0) } == ["第一行", "", "第三行"])
    }

    @Test func aHeadingLineIsSeenAfterACarriageReturn() {
        #expect(DocumentFormat.guess(path: "a.txt", text: Array("导语\r# 标题\r正文".unicodeScalars)) == .markdown)
    }
}
