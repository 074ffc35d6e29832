import Foundation
import Testing
@testable import Extractor
import Segmenter
import TestSupport

/// Quantities through the whole pipeline: PDF-broken text, original spans,
/// near misses for `explain`, and the annotated corpus.
@Suite("Quantities: end to end")
struct QuantitiesEndToEndTests {
    static func source(_ document: TextDocument) -> Source {
        Source(path: "test.txt", sha256: "", encoding: "UTF-8", format: document.format.rawValue, characters: document.original.count)
    }

    /// Text pasted from a PDF: numbers broken by line breaks and spaces keep
    /// them in `text`, and every span indexes the original.
    @Test func pdfBreaksStayInTheOriginalSlice() throws {
        let original = """
            中卫市市级层面支持特色人才项目17个，补助资金255

            万元；为全县人才提供价值两万

            余元的物资，每个 30 万元，分别按照每人2万元、1万元、0.5万元给予奖励，占比不低于80%，培养后备名师50

            名。
            """
        let document = TextDocument(text: original, format: .plain)
        let extractor = try DocumentExtractor()
        let (result, _) = try extractor.explain(document, source: Self.source(document))
        let scalars = Array(original.unicodeScalars)
        func slice(_ span: Span) -> String { String(String.UnicodeScalarView(scalars[span.range])) }
        for amount in result.amounts { #expect(slice(amount.span) == amount.text) }
        for count in result.counts { #expect(slice(count.span) == count.text) }
        for percentage in result.percentages { #expect(slice(percentage.span) == percentage.text) }
        #expect(result.amounts.map(\.text) == ["255\n\n万元", "两万\n\n余元", "30 万元", "2万元", "1万元", "0.5万元"])
        #expect(result.amounts.map(\.min) == [2_550_000, 20_000, 300_000, 20_000, 10_000, 5_000])
        #expect(result.amounts[1].max == nil && result.amounts[1].approximate)
        #expect(result.amounts.map(\.per) == [[], [], ["个"], ["人"], ["人"], ["人"]])
        #expect(result.counts.map(\.text) == ["17个", "50\n\n名"])
        #expect(result.counts.map(\.subject) == ["特色人才项目", "后备名师"])
        #expect(result.percentages.map(\.text) == ["不低于80%"])
    }

    /// `explain` shows what the negative rules turned down, with their names.
    @Test func explainShowsNearMisses() throws {
        let document = TextDocument(text: "石党办发〔2020〕32号。对作用突出的基地给予一次性奖励，选拔第九期学员，产量达9.45万吨，为期3天。", format: .plain)
        let extractor = try DocumentExtractor()
        let (result, rejections) = try extractor.explain(document, source: Self.source(document))
        #expect(result.amounts.isEmpty && result.counts.isEmpty && result.percentages.isEmpty)
        let rules = Set(rejections.map(\.rule))
        #expect(
            rules.isSuperset(of: ["amount.document-number", "count.fused-numeral", "count.ordinal", "count.physical", "count.duration"]))
        let plain = try extractor.extract(document, source: Self.source(document))
        #expect(plain.counts.isEmpty)
    }

    /// A sum in 万 without 元 is no amount, but it is reported as doubtful.
    @Test func missingYuanIsADiagnostic() throws {
        let document = TextDocument(text: "市级层面补助资金255万；另安排经费30万元。", format: .plain)
        let result = try DocumentExtractor().extract(document, source: Self.source(document))
        #expect(result.amounts.map(\.text) == ["30万元"])
        let diagnostic = try #require(result.diagnostics.first { $0.rule == "amount.unit-unclear" })
        #expect(diagnostic.span == Span(start: 8, end: 12))
    }

    /// The corpus against its gold annotations, matched as the scorer does:
    /// same values and overlapping spans.
    @Test func corpusMatchesGold() throws {
        let extractor = try DocumentExtractor()
        var tally: [String: (found: Int, gold: Int, right: Int)] = [:]
        for url in Repository.corpus {
            let goldURL = Repository.root.appendingPathComponent("Fixtures/gold/\(url.lastPathComponent).gold.json")
            guard let data = try? Data(contentsOf: goldURL),
                let gold = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { continue }
            let result = try extractor.extract(fileAt: url.path)
            let predicted: [String: [(Span, Decimal?, Decimal?, Bool, String?)]] = [
                "amounts": result.amounts.map { ($0.span, $0.min, $0.max, $0.redacted, nil) },
                "counts": result.counts.map { ($0.span, $0.min, $0.max, $0.redacted, $0.classifier) },
                "percentages": result.percentages.map { ($0.span, $0.min, $0.max, $0.redacted, nil) },
            ]
            for (group, items) in predicted {
                var used = [Bool](repeating: false, count: items.count)
                let goldItems = gold[group] as? [[String: Any]] ?? []
                var right = 0
                for item in goldItems {
                    let span = Span(start: item["start"] as? Int ?? 0, end: item["end"] as? Int ?? 0)
                    let low = Self.decimal(item["min"]), high = Self.decimal(item["max"])
                    let redacted = item["redacted"] as? Bool ?? false
                    let classifier = item["classifier"] as? String
                    if let hit = items.indices.first(where: { index in
                        !used[index] && items[index].0.overlaps(span) && items[index].1 == low && items[index].2 == high
                            && items[index].3 == redacted && items[index].4 == classifier
                    }) {
                        used[hit] = true
                        right += 1
                    }
                }
                let old = tally[group] ?? (0, 0, 0)
                tally[group] = (old.found + items.count, old.gold + goldItems.count, old.right + right)
            }
        }
        #expect(tally.count == 3)
        for (group, figures) in tally {
            let precision = Double(figures.right) / Double(max(1, figures.found))
            let recall = Double(figures.right) / Double(max(1, figures.gold))
            let f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0
            #expect(f1 >= 0.95, "\(group): precision \(precision), recall \(recall)")
        }
    }

    static func decimal(_ value: Any?) -> Decimal? {
        guard let number = value as? NSNumber else { return nil }
        return Decimal(string: number.stringValue)
    }
}
