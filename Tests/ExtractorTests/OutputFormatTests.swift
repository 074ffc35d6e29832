import Foundation
import Testing
@testable import Extractor

/// A result with every list filled, as the matchers will produce it.
enum FilledResult {
    static let value: ExtractionResult = {
        let source = Source(
            path: "docs/通知.txt", sha256: String(repeating: "ab", count: 32), encoding: "GB18030",
            format: "plain", characters: 120)
        return ExtractionResult(
            source: source, genre: "normative",
            metadata: Metadata(
                title: "关于印发《办法》的通知", documentNumber: "石党办发〔2020〕32号",
                issuers: ["中共石嘴山市委办公室", "石嘴山市人民政府办公室"],
                recipients: ["各县区党委、人民政府", "市直各部门"], date: "2020-09-15"),
            sections: [Section(level: 1, marker: "一、", title: "总体要求", span: Span(start: 10, end: 16), rule: "section.level1")],
            measures: [
                Measure(
                    number: "3.1", title: "实施产业人才“助力工程”", span: Span(start: 20, end: 90),
                    lead: ["市人社局", "市教体局"], cooperating: ["三县区党委政府", "各区、县级市"], rule: "measure.numbered")
            ],
            amounts: [
                Amount(
                    text: "255\n\n万元", span: Span(start: 30, end: 37), min: Decimal(string: "2550000"),
                    max: Decimal(string: "2550000"), per: ["人", "年"], purpose: "安家补贴", measure: "3.1",
                    rule: "amount.number-unit"),
                Amount(
                    text: "最高0.5万元", span: Span(start: 40, end: 47), min: nil, max: Decimal(string: "5000"),
                    rule: "amount.upper-bound"),
                Amount(text: "x万元", span: Span(start: 50, end: 53), min: nil, max: nil, redacted: true, rule: "amount.redacted"),
            ],
            counts: [
                Count(
                    text: "1700余名", span: Span(start: 60, end: 66), min: 1700, max: nil, approximate: true,
                    classifier: "名", subject: "高层次人才", measure: "3.1", rule: "count.classifier")
            ],
            percentages: [
                Percentage(
                    text: "46.5%", span: Span(start: 70, end: 75), min: Decimal(string: "46.5"),
                    max: Decimal(string: "46.5"), rule: "percentage.sign"),
                Percentage(
                    text: "3个百分点", span: Span(start: 76, end: 81), min: 3, max: 3, points: true,
                    rule: "percentage.points"),
            ],
            references: [
                Reference(
                    title: "石嘴山市人才住房保障实施办法", action: "印发",
                    spans: [Span(start: 3, end: 18), Span(start: 95, end: 110)], rule: "reference.brackets")
            ],
            organizations: [
                Organization(
                    name: "市人社局", kind: .government, mentions: 2,
                    spans: [Span(start: 80, end: 84), Span(start: 100, end: 104)], rule: "organization.suffix")
            ],
            diagnostics: [
                Diagnostic(
                    severity: .warning, message: "unit unclear, \"万\" alone", span: Span(start: 30, end: 33),
                    rule: "amount.unit"),
                Diagnostic(severity: .note, message: "no responsibility note", span: nil, rule: "measure.note"),
            ])
    }()
}

@Suite("JSON format")
struct JSONFormatTests {
    @Test func keysComeInContractOrder() throws {
        let text = try JSONFormat.encode(FilledResult.value, pretty: false)
        let keys = [
            "\"schemaVersion\"", "\"source\"", "\"genre\"", "\"metadata\"", "\"sections\"", "\"measures\"",
            "\"amounts\"", "\"counts\"", "\"percentages\"", "\"references\"", "\"organizations\"", "\"diagnostics\"",
        ]
        let positions = keys.map { text.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted())
        #expect(text.hasPrefix("{\"schemaVersion\":2,\"source\":{\"path\":\"docs/通知.txt\""))
    }

    @Test func sameValueSameBytes() throws {
        let first = try JSONFormat.encode(FilledResult.value, pretty: true)
        for _ in 0..<5 { #expect(try JSONFormat.encode(FilledResult.value, pretty: true) == first) }
    }

    @Test func decimalsAreExactAndStringsEscaped() throws {
        let text = try JSONFormat.encode(FilledResult.value, pretty: false)
        #expect(text.contains("\"min\":2550000,\"max\":2550000"))
        #expect(text.contains("\"min\":46.5"))
        #expect(text.contains("\"min\":null,\"max\":5000"))
        #expect(text.contains("\"text\":\"255\\n\\n万元\""))
        #expect(text.contains("unit unclear, \\\"万\\\" alone"))
        #expect(!text.contains("\\/"))
    }

    @Test func controlCharactersAreEscaped() throws {
        let text = try JSONFormat.encode(["a\u{1}b\tc\r"], pretty: false)
        #expect(text == "[\"a\\u0001b\\tc\\r\"]")
    }

    @Test func prettyIndentsWithTwoSpaces() throws {
        let text = try JSONFormat.encode(Span(start: 1, end: 2), pretty: true)
        #expect(text == "{\n  \"start\": 1,\n  \"end\": 2\n}")
        #expect(try JSONFormat.encode([Int](), pretty: true) == "[]")
    }

    @Test func roundTripsThroughJSONDecoder() throws {
        let data = Data(try JSONFormat.encode(FilledResult.value, pretty: true).utf8)
        let decoded = try JSONFormat.decoder().decode(ExtractionResult.self, from: data)
        #expect(decoded == FilledResult.value)
    }
}

@Suite("Document records")
struct DocumentRecordTests {
    @Test func resultRecordPutsTheIdAfterTheVersion() throws {
        let record = DocumentRecord(documentId: "sub/通知.txt", outcome: .extracted(FilledResult.value))
        let text = try JSONFormat.encode(record, pretty: false)
        #expect(text.hasPrefix("{\"schemaVersion\":2,\"documentId\":\"sub/通知.txt\",\"source\":{"))
        #expect(text.components(separatedBy: "\"schemaVersion\"").count == 2)
        let decoded = try JSONFormat.decoder().decode(DocumentRecord.self, from: Data(text.utf8))
        #expect(decoded == record)
    }

    @Test func errorRecordHasPathAndReason() throws {
        let record = DocumentRecord(
            documentId: "empty.txt",
            outcome: .failed(
                DocumentFailure(
                    .undecodable(path: "in/empty.txt", reason: .empty))))
        let text = try JSONFormat.encode(record, pretty: false)
        #expect(
            text == "{\"schemaVersion\":2,\"documentId\":\"empty.txt\",\"source\":{\"path\":\"in/empty.txt\"},"
                + "\"error\":{\"kind\":\"empty\",\"reason\":\"empty file\"}}")
        let decoded = try JSONFormat.decoder().decode(DocumentRecord.self, from: Data(text.utf8))
        #expect(decoded == record)
        #expect(decoded.path == "in/empty.txt")
    }
}

@Suite("CSV")
struct CSVTests {
    @Test(arguments: [
        ("plain", "plain"),
        ("a,b", "\"a,b\""),
        ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("255\n\n万元", "\"255\n\n万元\""),
        ("cr\r", "\"cr\r\""),
        ("", ""),
    ])
    func fieldsAreQuotedAsRFC4180Says(field: String, written: String) {
        #expect(CSVFormat.quoted(field) == written)
    }

    @Test func recordsEndWithCRLF() {
        #expect(CSVFormat.record(["a", "b,c", ""]) == "a,\"b,c\",\r\n")
    }

    @Test(arguments: [
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+86 123", "'+86 123"), ("-见附件", "'-见附件"), ("@所有人", "'@所有人"), ("\t制表", "'\t制表"),
        ("-0.5", "-0.5"), ("+3", "+3"), ("12", "12"), ("", ""), ("市人社局", "市人社局"), ("3=3", "3=3"),
        // A sign is a number's only at the start: these are formulas (Excel shows 2 and 0).
        ("+1+1", "'+1+1"), ("-1-1", "'-1-1"), ("+1-1", "'+1-1"), ("-1+1", "'-1+1"), ("+", "'+"),
    ])
    func spreadsheetFormulasAreDefusedAndNumbersAreNot(field: String, written: String) {
        #expect(CSVFormat.defused(field) == written)
    }

    @Test func onlySpreadsheetRecordsAreDefused() {
        #expect(CSVFormat.record(["=1+1", "-2"]) == "=1+1,-2\r\n")
        #expect(CSVFormat.record(["=1+1", "-2"], forSpreadsheets: true) == "'=1+1,-2\r\n")
    }

    @Test func readerReadsBackWhatIsWritten() {
        let rows = [["id", "text"], ["1", "a,\"b\"\r\nc"], ["2", ""], ["3", "中文，逗号"]]
        let bytes = CSVFormat.byteOrderMark + Array(rows.map { CSVFormat.record($0) }.joined().utf8)
        #expect(CSVReader.records(in: bytes).map(\.fields) == rows)
        #expect(CSVReader.records(in: bytes).last?.end == bytes.count)
    }

    @Test func readerAcceptsAnyChunking() {
        let rows = [["x", "\"quoted\"\"\"", "y"], ["line\nbreak", "", "z"]]
        let bytes = Array(rows.map { CSVFormat.record($0) }.joined().utf8)
        for size in [1, 2, 3, 5, 7] {
            var reader = CSVReader()
            var read: [[String]] = []
            var ends: [Int] = []
            for start in stride(from: 0, to: bytes.count, by: size) {
                reader.read(bytes[start..<min(start + size, bytes.count)]) {
                    read.append($0.fields); ends.append($0.end)
                }
            }
            reader.finish {
                read.append($0.fields); ends.append($0.end)
            }
            #expect(read == rows, "chunks of \(size)")
            #expect(ends.last == bytes.count)
        }
    }

    @Test func aRecordCutShortIsNotRead() {
        let bytes = Array((CSVFormat.record(["a", "b"]) + "c,\"unfinished").utf8)
        let records = CSVReader.records(in: bytes)
        #expect(records.map(\.fields) == [["a", "b"]])
        #expect(records[0].end == 5)
    }
}

@Suite("Dataset tables")
struct DatasetTableTests {
    let rows = DatasetRows(DocumentRecord(documentId: "d1", outcome: .extracted(FilledResult.value)))

    @Test func everyRowFitsItsHeader() {
        for table in DatasetTable.allCases {
            for row in rows[table] { #expect(row.count == table.columns.count, "\(table)") }
            #expect(table.columns.first == "document_id")
        }
    }

    @Test func oneDocumentRowWithItsCounts() throws {
        let documents = rows[.documents]
        #expect(documents.count == 1)
        let row = Dictionary(uniqueKeysWithValues: zip(DatasetTable.documents.columns, documents[0]))
        #expect(row["status"] == "ok")
        #expect(row["issuers"] == "中共石嘴山市委办公室|石嘴山市人民政府办公室")
        #expect(row["amount_count"] == "3")
        #expect(row["date"] == "2020-09-15")
    }

    @Test func responsibilitiesAreMeasureTimesDepartmentTimesRole() {
        let responsibilities = rows[.responsibilities]
        #expect(
            responsibilities == [
                ["d1", "3.1", "lead", "1", "市人社局"], ["d1", "3.1", "lead", "2", "市教体局"],
                ["d1", "3.1", "cooperating", "1", "三县区党委政府"], ["d1", "3.1", "cooperating", "2", "各区、县级市"],
            ])
    }

    @Test func itemsKeepExactValuesAndNulls() {
        #expect(
            rows[.amounts][0] == [
                "d1", "3.1", "255\n\n万元", "30", "37", "2550000", "2550000", "false", "false", "人|年",
                "安家补贴", "amount.number-unit", "",
            ], "no page: the text has no pages")
        #expect(rows[.amounts][1][5] == "" && rows[.amounts][1][6] == "5000")
        #expect(rows[.percentages][1][9] == "true")
        #expect(
            rows[.references][0] == [
                "d1", "石嘴山市人才住房保障实施办法", "印发", "2", "3", "18", "3-18|95-110",
                "reference.brackets", "",
            ])
        #expect(rows[.diagnostics][1][3] == "" && rows[.diagnostics][1][4] == "")
        #expect(rows[.errors].isEmpty)
    }

    @Test func aFailureIsADocumentRowAndAnErrorRow() {
        let failed = DatasetRows(
            DocumentRecord(
                documentId: "bin.txt",
                outcome: .failed(
                    DocumentFailure(path: "in/bin.txt", sha256: nil, kind: .undecodable, reason: "not a text file"))))
        #expect(failed[.documents].count == 1)
        #expect(failed[.documents][0][2] == "error")
        #expect(failed[.errors] == [["bin.txt", "in/bin.txt", "undecodable", "not a text file"]])
        #expect(failed[.amounts].isEmpty)
    }
}
