import Testing
@testable import Segmenter

/// The line layout the normaliser records: every line it read, joined or not,
/// with the breaks before it.
@Suite("Line layout")
struct LineLayoutTests {
    /// The lines of `document` as (normalised text from the line's start to the next one's, breaks before).
    private func lines(_ document: TextDocument) -> [(String, Int)] {
        let layout = document.layout, text = document.text
        return (0..<layout.count).map { line in
            let start = Int(layout.starts[line])
            let end = line + 1 < layout.count ? Int(layout.starts[line + 1]) : text.count
            return (text.string(start..<end), Int(layout.breaksBefore[line]))
        }
    }

    @Test func joinedAndKeptBreaksBothStartALine() {
        // A wrapped sentence is joined; a sentence end keeps its break; a blank line counts.
        let document = TextDocument(text: "对符合条件的企业给予\n一次性奖补。\n\n（责任单位：市科技局）", format: .plain)
        #expect(document.text.string == "对符合条件的企业给予一次性奖补。\n(责任单位：市科技局)")
        let found = lines(document)
        #expect(found.map(\.0) == ["对符合条件的企业给予", "一次性奖补。\n", "(责任单位：市科技局)"])
        #expect(found.map(\.1) == [0, 1, 2])
        #expect(document.layout.isBroken(before: 10))
        #expect(!document.layout.isBroken(before: 11))
        #expect(document.layout.breaks(before: 17) == 2)
    }

    @Test func pageNumbersAndBlankLinesAreBreaksNotLines() {
        let document = TextDocument(text: "\n\n第一条 总则\r\n- 3 -\r\n第二条 范围", format: .plain)
        #expect(lines(document).map(\.1) == [2, 2])
        #expect(document.layout.count == 2)
    }

    @Test func aSpaceJoinStillStartsALine() {
        // Two Latin words joined with a space: the second line starts after the space.
        let document = TextDocument(text: "引进ABC\nDEF项目", format: .plain)
        #expect(document.text.string == "引进ABC DEF项目")
        #expect(lines(document).map(\.0) == ["引进ABC ", "DEF项目"])
    }

    @Test func markdownBlocksAreLines() {
        let document = TextDocument(text: "# 标题\n\n正文第一段。\n\n正文第二段。", format: .markdown)
        #expect(document.layout.count == 3)
        #expect(lines(document).map(\.0).last == "正文第二段。")
    }

    @Test func anEmptyTextHasNoLines() {
        #expect(TextDocument(text: "", format: .plain).layout.count == 0)
        #expect(TextDocument(text: "\n \n", format: .plain).layout.count == 0)
    }
}
