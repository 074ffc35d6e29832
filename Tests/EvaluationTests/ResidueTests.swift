import Testing
@testable import Evaluation
import Extractor
import Segmenter

/// The residue report: numbers no item covers and no negative rule turned down.
@Suite("Residue")
struct ResidueTests {
    func residue(_ text: String) throws -> Residue {
        let document = TextDocument(text: text, format: .plain)
        let source = Source(path: "t.txt", sha256: "", encoding: "UTF-8", format: "plain", characters: document.original.count)
        let (result, rejections) = try DocumentExtractor().explain(document, source: source)
        return Residue(document: document, result: result, rejections: rejections)
    }

    @Test func coveredAndRejectedNumbersAreNoResidue() throws {
        // 50万元 is an amount, 3名 a count, 2023年 a date turned down, 附件2 a label.
        let found = try residue("2023年给予50万元奖励，引进专家3名，详见附件2。")
        #expect(found.runs.isEmpty, "\(found.runs.map(\.text))")
    }

    @Test func aNumberWithoutAUnitIsResidueWithItsShapeAndNeighbours() throws {
        let found = try residue("补贴对象核定为8520户的规模，按照3800执行。")
        #expect(found.runs.map(\.text) == ["3800"])
        #expect(found.runs.first?.key == "按照⟦9999⟧执行")
    }

    @Test func loneOneIsLeftOutUnlessAskedFor() throws {
        let text = "进一步统一标准"
        #expect(try residue(text).runs.isEmpty)
        let document = TextDocument(text: text, format: .plain)
        let source = Source(path: "t.txt", sha256: "", encoding: "UTF-8", format: "plain", characters: document.original.count)
        let (result, rejections) = try DocumentExtractor().explain(document, source: source)
        #expect(Residue(document: document, result: result, rejections: rejections, keepLoneOne: true).runs.count == 2)
    }

    @Test func theTallyRanksGroupsByCountAcrossDocuments() throws {
        var tally = ResidueTally(examplesPerGroup: 1)
        let a = try residue("按照3800执行，按照4100执行。")
        let b = try residue("按照5200执行。另计12。")
        tally.add(a, document: "a.txt", original: Array("按照3800执行，按照4100执行。".unicodeScalars))
        tally.add(b, document: "b.txt", original: Array("按照5200执行。另计12。".unicodeScalars))
        let top = try #require(tally.ranked.first)
        #expect(top.key == "按照⟦9999⟧执行" && top.count == 3 && top.documents == 2)
        #expect(tally.render(top: 1).hasPrefix("4 numeral runs left over in 2 documents, 2 groups\n"))
    }
}
