import Foundation
import Testing
import TestSupport
@testable import Extractor

/// The CSV tables a batch writes (``CSVTableBytes``, field by field) are the
/// rows as strings (``DatasetRows``) put through ``CSVFormat/record(_:forSpreadsheets:)``:
/// both come from each kind's one `writeDatasetRows`, and the bytes must
/// quote, defuse, number and page alike.
@Suite("CSV tables written field by field")
struct DatasetWriterTests {
    /// Every table's bytes against its string rows, with and without `--excel`.
    private static func expectSame(_ record: DocumentRecord, sourceLocation: SourceLocation = #_sourceLocation) {
        let rows = DatasetRows(record)
        for forSpreadsheets in [false, true] {
            let bytes = DatasetRows.csv(record, forSpreadsheets: forSpreadsheets)
            for table in DatasetTable.allCases {
                var expected: [UInt8] = []
                for row in rows[table] { CSVFormat.append(row, to: &expected, forSpreadsheets: forSpreadsheets) }
                #expect(
                    bytes[table] == expected,
                    "\(record.documentId) \(table) excel: \(forSpreadsheets)\nwritten:  \(String(decoding: bytes[table], as: UTF8.self).prefix(300))\nexpected: \(String(decoding: expected, as: UTF8.self).prefix(300))",
                    sourceLocation: sourceLocation)
                #expect(rows[table].allSatisfy { $0.count == table.columns.count })
            }
        }
    }

    @Test func tablesAreNumberedInOrder() {
        for (index, table) in DatasetTable.allCases.enumerated() { #expect(table.ordinal == index, "\(table)") }
    }

    @Test func everyFieldFilledWithAndWithoutPages() {
        var result = FilledResult.value
        result.metadata?.region = Region(code: "640200", name: "石嘴山市", level: "city", rule: "region.issuer")
        result.measures[0].instruments = [
            InstrumentTag(
                type: "supply", tool: "资金, 投入", cue: "=补贴", span: Span(start: 22, end: 24),
                rule: "instrument.cue")
        ]
        result.deadlines = [Deadline(text: "2025年\"底\"前", span: Span(start: 85, end: 92), date: "2025-12-31", rule: "deadline.year-end")]
        result.amounts.append(
            Amount(
                text: "-5元", span: Span(start: 54, end: 58), min: Decimal(string: "-0.05"),
                max: Decimal(string: "1e30"), per: ["人", "年"], purpose: "+奖励", rule: "amount.test"))
        result.references.append(Reference(title: "@无", spans: [], rule: "reference.test"))
        for pages in [nil, [0, 50, 100]] as [[Int]?] {
            result.source.pageStarts = pages
            Self.expectSame(DocumentRecord(documentId: "a,\"b\"\n", outcome: .extracted(result)))
        }
        let failure = DocumentFailure(path: "=坏.txt", sha256: nil, kind: .undecodable, reason: "not, text")
        Self.expectSame(DocumentRecord(documentId: "坏", outcome: .failed(failure)))
    }

    @Test func documentsOfTheCorpus() throws {
        let extractor = try DocumentExtractor()
        for url in Repository.corpus {
            var result = try extractor.extract(bytes: Repository.bytes(url), path: url.lastPathComponent)
            Self.expectSame(DocumentRecord(documentId: url.lastPathComponent, outcome: .extracted(result)))
            result.source.pageStarts = [0, result.source.characters / 2]
            Self.expectSame(DocumentRecord(documentId: url.lastPathComponent, outcome: .extracted(result)))
        }
    }
}
