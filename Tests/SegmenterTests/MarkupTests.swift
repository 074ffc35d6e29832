import Testing
@testable import Segmenter
import TextTools

/// Each input format read to the same kind of text, its markup recorded.
@Suite("Formats")
struct MarkupTests {
    @Test func htmlTagsAreDroppedAndEntitiesDecoded() {
        let html =
            "<html><head><title>为高质量发展注入“源头活水”</title><style>p{}</style></head>"
            + "<body><p>第一段&amp;内容&#20154;&#x624D;</p><!-- 注释 --><p>第二段<br/>第三行</p>"
            + "<script>var a = '<p>';</script></body></html>"
        let document = TextDocument(text: html, path: "page.html")
        #expect(document.format == .html)
        #expect(document.markup.htmlTitle == "为高质量发展注入“源头活水”")
        #expect(document.text.string == "第一段&内容人才\n第二段\n第三行")
        // The decoded & maps back to the whole entity.
        let ampersand = document.text.scalars.firstIndex(of: "&")!
        #expect(document.originalText(document.originalRange(of: ampersand..<(ampersand + 1))) == "&amp;")
    }

    @Test func htmlHeadingsAreRecorded() {
        let document = TextDocument(text: "<h2>着力深化改革</h2><p>正文。</p>", format: .html)
        #expect(document.markup.headings.map(\.title) == ["着力深化改革"])
        #expect(document.markup.headings.first?.level == 2)
        let span = document.markup.headings[0].span
        #expect(document.originalText(span) == "着力深化改革")
    }

    @Test func frontMatterIsReadAndNotText() {
        let text = "---\nlayout: post\ntitle: \"为高质量发展注入“源头活水”\"\ndate: 2022-02-10 10:38:21 +0800\n---\n<p>我市坚持把人才作为创新之要。</p>"
        let document = TextDocument(text: text, path: "post.txt")
        #expect(document.format == .html)
        #expect(document.markup.frontMatter["title"] == "为高质量发展注入“源头活水”")
        #expect(document.markup.frontMatter["date"] == "2022-02-10 10:38:21 +0800")
        #expect(document.text.string == "我市坚持把人才作为创新之要。")
    }

    @Test func markdownHeadingsStayHeadings() {
        let text = "# 大力实施人才工程\n\n导语。\n\n## 布局统筹推进\n\n正文**加粗**与[链接](https://example.org)。![图](a.png)"
        let document = TextDocument(text: text, path: "a.md")
        #expect(document.format == .markdown)
        #expect(document.markup.headings.map(\.title) == ["大力实施人才工程", "布局统筹推进"])
        #expect(document.markup.headings.map(\.level) == [1, 2])
        #expect(document.text.string == "大力实施人才工程\n导语。\n布局统筹推进\n正文加粗与链接。")
    }

    @Test func plainTextIsGuessedAsPlain() {
        #expect(DocumentFormat.guess(path: "a.txt", text: Array("一、总体要求\n正文".unicodeScalars)) == .plain)
        #expect(DocumentFormat.guess(path: "a.txt", text: Array("\n\n# 标题\n\n正文".unicodeScalars)) == .markdown)
        #expect(DocumentFormat.guess(path: "a.htm", text: []) == .html)
    }
}
