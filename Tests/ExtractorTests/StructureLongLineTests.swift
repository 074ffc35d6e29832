import Foundation
import Segmenter
import Testing
@testable import Extractor

/// Long lines: the readers of titles, dates and signatures look at short
/// lines only, and what the other readers find does not depend on how the
/// text is cut into lines.
@Suite struct StructureLongLineTests {
    /// Sentences with an amount, a count and a percentage each, all different.
    private static func sentences(_ count: Int) -> [String] {
        (1...count).map { index in
            "对引进的第\(index)批博士给予\(index + 10)万元安家补贴，每年引进人才\(index * 3)名，研发投入增长\(index % 50 + 1)%。"
        }
    }

    /// The quantities of a result, without their spans (which the line breaks shift).
    private static func quantities(_ result: ExtractionResult) -> [String] {
        result.amounts.map { "amount \(String(describing: $0.min)) \(String(describing: $0.max)) \($0.text) \($0.rule)" }
            + result.counts.map { "count \(String(describing: $0.min)) \(String(describing: $0.max)) \($0.text) \($0.rule)" }
            + result.percentages.map { "percentage \(String(describing: $0.min)) \(String(describing: $0.max)) \($0.text) \($0.rule)" }
    }

    @Test func oneLongLineGivesTheQuantitiesOfShortLines() throws {
        let sentences = Self.sentences(300)
        let long = try StructureHarness.extract(sentences.joined())
        let short = try StructureHarness.extract(sentences.joined(separator: "\n\n"))
        #expect(long.amounts.count == 300)
        #expect(long.counts.count == 300)
        #expect(long.percentages.count == 300)
        #expect(Self.quantities(long) == Self.quantities(short))
    }

    @Test func aLongLineOfDigitsHasNoMetadata() throws {
        let result = try StructureHarness.extract(String(repeating: "2020123", count: 20_000))
        #expect(result.metadata == nil)
        #expect(result.sections.isEmpty)
        #expect(result.measures.isEmpty)
    }

    @Test func aLabelledDateIsReadFromTheHeadOfALongLine() throws {
        let tail = String(repeating: "市人社局召开人才工作会议，部署全年工作", count: 50)
        let result = try StructureHarness.extract("发布时间：2021年3月5日 来源：市人社局 " + tail + "。")
        #expect(result.metadata?.date == "2021-03-05")
    }

    @Test func aLineDateCountsNoSpacesNorBrackets() {
        #expect(DateReader.lineDate("2020年9月15日" + String(repeating: " ", count: 500)) == "2020-09-15")
        let bracketed = String(repeating: "（", count: 300) + "2020年9月15日" + String(repeating: "）", count: 300)
        #expect(DateReader.lineDate(bracketed) == "2020-09-15")
        #expect(DateReader.lineDate("2020年9月15日" + String(repeating: "1", count: 100_000)) == nil)
        #expect(DateReader.lineDate("2020年12月31日") == "2020-12-31")
        #expect(DateReader.lineDate("二〇二〇年十二月三十一日") == "2020-12-31")
    }

    @Test func aLongLineIsNoTitle() throws {
        let title = "关于印发" + String(repeating: "人才工作", count: 100) + "实施办法的通知"
        let result = try StructureHarness.extract(title + "\n\n各县区：\n\n现将办法印发给你们。")
        #expect(result.metadata?.title == nil)
    }
}
