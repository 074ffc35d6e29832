import Testing
import Segmenter
import TestSupport
@testable import Extractor

/// Titles cited in 《》: deduplicated, repaired, with the verb before them.
@Suite("References")
struct ReferenceMatcherTests {
    struct ReferenceCase: Decodable, Sendable, CustomTestStringConvertible {
        var text: String
        var references: [[String?]]
        var testDescription: String { text }
    }

    static let cases = StructureHarness.cases("references", as: CaseFile<ReferenceCase>.self).cases

    @Test(arguments: cases)
    func titlesAndVerbs(_ item: ReferenceCase) {
        let found = ReferenceMatcher().match(StructureHarness.context(item.text))
        #expect(found.map { [$0.title, $0.action] } == item.references)
    }

    @Test func strayPDFSpacesAndBreaksAreRepairedButARealSpaceIsKept() {
        let text = "出 台《人 才 引 进 手 续 限 时 办 结 制 度》，细化《中阳县人才引进、服务、管理\n\n办法》。《石嘴山市实施人才强市战略 推动转型发展高质量发展的实施意见》"
        let found = ReferenceMatcher().match(StructureHarness.context(text))
        #expect(
            found.map(\.title) == [
                "人才引进手续限时办结制度", "中阳县人才引进、服务、管理办法",
                "石嘴山市实施人才强市战略 推动转型发展高质量发展的实施意见",
            ])
        #expect(found.first?.action == "出台")
    }

    @Test func aTitleCitedOnlyInAPagesNoteBeforeTheDocumentIsToldApart() {
        let text = """
            ---
            标题: 南川市农业农村局关于开展秸秆综合利用试点的通知
            ---

            > 本页由站点自公开页面整理，依《示范出版管理规定》第三条不受限制。
            > 转载请注明出处，并遵守《南川市网站管理办法》。

            # 南川市农业农村局关于开展秸秆综合利用试点的通知

            根据《南川市秸秆综合利用条例》，按照《南川市网站管理办法》要求，开展试点。
            > 引文：《南川市秸秆综合利用条例》第五条。
            """
        let context = ExtractionContext(document: TextDocument(text: text, format: .markdown))
        let found = ReferenceMatcher().match(context)
        #expect(found.map(\.title) == ["示范出版管理规定", "南川市网站管理办法", "南川市秸秆综合利用条例"])
        // Cited in the body too, or quoted after the title: the document's own.
        #expect(found.map(\.rule) == ["reference.page-note", "reference.title+verb", "reference.title+verb"])
    }

    @Test func withoutAHeadingNoQuotedLineIsAPagesNote() {
        let context = ExtractionContext(document: TextDocument(text: "> 依《示范出版管理规定》第三条。\n\n正文。", format: .markdown))
        #expect(ReferenceMatcher().match(context).map(\.rule) == ["reference.title"])
    }

    @Test func everyCitationHasASpanOfItsTitle() {
        let marked = MarkedText("印发《⟦实施意见⟧》。落实《⟦实施意见⟧》和《⟦若干措施（试行）⟧》。")
        let found = ReferenceMatcher().match(StructureHarness.context(marked.text))
        #expect(found.count == 2)
        #expect(found.flatMap(\.spans).map(\.range).sorted { $0.lowerBound < $1.lowerBound } == marked.spans)
        #expect(found.last?.title == "若干措施（试行）")
    }
}
