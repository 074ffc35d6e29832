import Foundation
import Segmenter
import Testing
import TestSupport
@testable import Extractor

/// The labelled notes read from labels indexed once per document agree with
/// the reference walk over every label of the body, on any body.
struct ResponsibilityNoteIndexTests {
    /// Pieces of label soup: labels that overlap (`主要责任单位` holds `责任单位`),
    /// colons with and without spaces, list and sentence punctuation, brackets,
    /// line breaks and other `标签：` words.
    static let soup = [
        "主要责任单位：", "责任单位：", "牵头单位 ：", "配合单位:", "协同部门：", "主要责任单位", "责任单位", "牵头单位", "配合单位", "参与部门", "单位", "：", "：", ":", " ", " ：",
        "；", "。", "\n", "\n", "（", "）", "(", ")", "【", "】", "市人社局", "市财政局", "各县区", "人民政府",
        "（牵头）", "牵头", "、", "、", "，", "完成时限：", "2025年", "一、", "（二）", "3.", "加强人才工作", "由",
    ]

    static func soupText(seed: UInt64, pieces: Int) -> String {
        var generator = SeededGenerator(seed: seed)
        return (0..<pieces).map { _ in soup.randomElement(using: &generator)! }.joined()
    }

    /// Compares the two readings on `samples` bodies of `reader`'s text: random
    /// ones and ones whose ends fall on, inside and around labels and colons.
    static func compare(_ reader: ResponsibilityNoteReader, seed: UInt64, samples: Int) -> (bodies: Int, notes: Int) {
        var generator = SeededGenerator(seed: seed)
        let count = reader.text.count
        var points = [0, count]
        for start in reader.labelStarts { points += [start - 1, start, start + 1, start + 2] }
        for (offset, scalar) in reader.text.enumerated() where scalar == "：" || scalar == ":" || scalar == "\n" {
            points += [offset - 3, offset - 2, offset - 1, offset, offset + 1]
        }
        points = points.filter { $0 >= 0 && $0 <= count }
        func bound() -> Int {
            Bool.random(using: &generator) ? points.randomElement(using: &generator)! : Int.random(in: 0...count, using: &generator)
        }
        var notes = 0
        for _ in 0..<samples {
            var lower = bound(), upper = bound()
            if lower > upper { swap(&lower, &upper) }
            let body = lower..<upper
            let indexed = reader.labelledNote(in: body)
            let reference = reader.referenceLabelledNote(in: body)
            #expect(indexed == reference, "body \(body) of \(count) characters")
            if indexed != reference { break }
            if reference != nil { notes += 1 }
        }
        return (samples, notes)
    }

    @Test func agreesOnCorpusAndHeldOutDocuments() throws {
        let heldOut = Repository.root.appendingPathComponent("Fixtures/heldout/docs")
        let names = try FileManager.default.contentsOfDirectory(atPath: heldOut.path).filter { !$0.hasPrefix(".") }.sorted()
        let files = Repository.corpus + names.map { heldOut.appendingPathComponent($0) }
        #expect(files.count >= 10)
        var notes = 0
        for (offset, file) in files.enumerated() {
            let document = try TextDocument(bytes: Repository.bytes(file), path: file.path)
            notes += Self.compare(ResponsibilityNoteReader(document: document), seed: UInt64(offset), samples: 400).notes
        }
        #expect(notes > 100)
    }

    @Test(arguments: 0..<40)
    func agreesOnLabelSoup(seed: Int) {
        let text = Self.soupText(seed: UInt64(seed), pieces: 60 + seed * 10)
        let document = TextDocument(text: text)
        let withLines = Self.compare(ResponsibilityNoteReader(document: document), seed: UInt64(seed), samples: 300)
        let plain = Self.compare(ResponsibilityNoteReader(text: Array(text.unicodeScalars)), seed: UInt64(seed) + 1000, samples: 300)
        #expect(withLines.notes > 0 && plain.notes > 0)
    }
}
