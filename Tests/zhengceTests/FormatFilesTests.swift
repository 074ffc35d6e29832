import Extractor
import Foundation
import Testing
import TestSupport

/// PDF, DOCX, OFD and the formats not read, end to end (spec §9; fixtures in
/// Fixtures/formats, made as Fixtures/README.md says).
@Suite("Format files")
struct FormatFilesTests {
    static let fixtures = Repository.root.appendingPathComponent("Fixtures/formats")
    static let hasPDFToText = ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"].contains {
        FileManager.default.isExecutableFile(atPath: $0)
    }
    static let noPDFToText = Comment(rawValue: "pdftotext is not installed: run scripts/setup.sh (poppler-utils)")

    /// A corpus document as text, PDF and DOCX, with a .doc, a scanned PDF and a cut-off DOCX.
    @Test(.enabled(if: hasPDFToText, noPDFToText))
    func aFolderOfFormatsGivesOneRecordPerFileWithClearKinds() throws {
        let folder = try CommandRunner.temporaryFolder("formats")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = try #require(Repository.corpus.first { $0.lastPathComponent.hasPrefix("000_") })
        let stem = text.deletingPathExtension().lastPathComponent
        try FileManager.default.copyItem(at: text, to: folder.appendingPathComponent(text.lastPathComponent))
        for name in [stem + ".pdf", stem + ".docx", "old.doc", "scan.pdf", "cut.docx"] {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: folder.appendingPathComponent(name))
        }
        let run = try CommandRunner.run(["extract", folder.path, "--format", "jsonl"])
        #expect(run.status == 1, "three files cannot be read: exit 1")
        #expect(run.stderr.contains("6 documents (3 extracted, 3 failed, 0 skipped)"), "\(run.stderr)")
        let records = try Output.records(run.stdout)
        let kinds = Dictionary(uniqueKeysWithValues: records.compactMap { record in record.failure.map { (record.documentId, $0.kind) } })
        #expect(kinds == ["old.doc": .unsupportedFormat, "scan.pdf": .noTextLayer, "cut.docx": .damaged])
        for name in ["old.doc", "scan.pdf", "cut.docx"] {
            #expect(run.stderr.contains(folder.appendingPathComponent(name).path + ": "), "\(name) is reported")
        }

        // The same values from the text, the PDF and the DOCX.
        func values(_ id: String) throws -> [String] {
            let result = try #require(records.first { $0.documentId == id }?.result)
            return
                (result.amounts.map { "amount \($0.min.map { "\($0)" } ?? "-") \($0.max.map { "\($0)" } ?? "-")" }
                + result.counts.map { "count \($0.min.map { "\($0)" } ?? "-") \($0.max.map { "\($0)" } ?? "-") \($0.classifier)" }
                + result.percentages.map { "percent \($0.min.map { "\($0)" } ?? "-") \($0.max.map { "\($0)" } ?? "-")" }).sorted()
        }
        let fromText = try values(text.lastPathComponent)
        #expect(!fromText.isEmpty)
        #expect(try values(stem + ".pdf") == fromText)
        #expect(try values(stem + ".docx") == fromText)
        let formats = records.compactMap {
            $0.result.map { [$0.source.path.split(separator: ".").last.map(String.init) ?? "", $0.source.format] }
        }
        #expect(formats.contains(["pdf", "pdf"]) && formats.contains(["docx", "docx"]))
        #expect(formats.filter { $0[0] == "txt" }.allSatisfy { ["plain", "markdown", "html"].contains($0[1]) })

        // Every item of the PDF has its page; the text's items have none.
        for line in run.stdout.split(separator: "\n") {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            guard let source = object["source"] as? [String: Any], let format = source["format"] as? String else { continue }
            let pageStarts = source["pageStarts"] as? [Int]
            for key in ["sections", "measures", "amounts", "counts", "percentages", "references", "organizations"] {
                for item in object[key] as? [[String: Any]] ?? [] {
                    if format == "pdf" {
                        let page = try #require(item["page"] as? Int, "\(key) without a page")
                        let start = try #require(((item["span"] ?? (item["spans"] as? [Any])?.first) as? [String: Any])?["start"] as? Int)
                        let starts = try #require(pageStarts)
                        #expect(page >= 1 && page <= starts.count)
                        #expect(
                            starts[page - 1] <= start && (page == starts.count || start < starts[page]),
                            "\(key) at \(start) on page \(page)")
                    } else {
                        #expect(item["page"] == nil, "\(format): no page without page breaks")
                    }
                }
            }
            if format == "pdf" { #expect(pageStarts?.count == 4) } else { #expect(pageStarts == nil) }
        }
    }

    @Test func errorsCSVHasARowWithTheKindOfEachFileNotRead() throws {
        let folder = try CommandRunner.temporaryFolder("formats-csv")
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for name in ["old.doc", "cut.docx", "book.xlsx", "notice.ofd", "table.docx"] {
            try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent(name), to: input.appendingPathComponent(name))
        }
        let out = folder.appendingPathComponent("out")
        let run = try CommandRunner.run(["extract", input.path, "--format", "csv", "-o", out.path])
        #expect(run.status == 1)
        let errors = try String(contentsOf: out.appendingPathComponent("errors.csv"), encoding: .utf8)
        #expect(errors.contains("book.xlsx") && errors.contains("unsupported-format"))
        #expect(errors.contains("cut.docx") && errors.contains("damaged"))
        #expect(errors.contains("old.doc") && errors.contains("save it as DOCX or PDF first"))
        #expect(!errors.contains("notice.ofd") && !errors.contains("table.docx"))
        // Items carry their page in the last column.
        let amounts = try String(contentsOf: out.appendingPathComponent("amounts.csv"), encoding: .utf8)
            .split(separator: "\r\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(amounts.first?.last == "page")
        let pages = amounts.dropFirst().map { [$0[0], $0.last ?? ""] }
        #expect(pages.contains(["notice.ofd", "1"]))
        #expect(pages.filter { $0[0] == "table.docx" }.allSatisfy { ["1", "2"].contains($0[1]) })
    }

    @Test func withoutPDFToTextAPDFIsARecordSayingHowToInstallIt() throws {
        let pdf = Self.fixtures.appendingPathComponent("scan.pdf").path
        let run = try CommandRunner.run(
            ["extract", pdf, "--format", "jsonl"], environment: ["ZHENGCE_PDFTOTEXT": "/nonexistent/pdftotext"])
        #expect(run.status == 1)
        let record = try Output.record(run.stdout)
        #expect(record.failure?.kind == .converterMissing)
        #expect(record.failure?.reason.contains("apt-get install poppler-utils") == true)
    }

    @Test func textPrintsWhatTheSpansIndex() throws {
        let ofd = Self.fixtures.appendingPathComponent("notice.ofd").path
        let original = try CommandRunner.run(["text", "--original", ofd])
        #expect(original.status == 0)
        #expect(original.stdout.hasPrefix("关于印发人才引进办法的通知\n"))
        #expect(original.stdout.filter { $0 == "\u{0C}" }.count == 2)
        let extracted = try Output.record(try CommandRunner.run(["extract", ofd]).stdout)
        let scalars = Array(original.stdout.unicodeScalars)
        for amount in try #require(extracted.result).amounts {
            #expect(String(String.UnicodeScalarView(scalars[amount.span.start..<amount.span.end])) == amount.text)
        }
        let doc = try CommandRunner.run(["text", Self.fixtures.appendingPathComponent("old.doc").path])
        #expect(doc.status != 0)
        #expect(doc.stderr.contains("save it as DOCX or PDF first"))
    }
}
