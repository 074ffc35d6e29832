import Testing
@testable import Segmenter

/// Sentences and words from ICU, with offsets into the normalised text.
@Suite("Segmentation")
struct SegmenterTests {
    @Test func sentencesEndAtChineseFullStops() throws {
        let document = TextDocument(text: "实施人才工程。给予20万元补助！是否落实？\n下一段", format: .plain)
        let sentences = try Segmenter().sentences(in: document.text).map { document.text.string($0) }
        #expect(sentences == ["实施人才工程。", "给予20万元补助！", "是否落实？", "下一段"])
    }

    @Test func wordsCarryICUKinds() throws {
        let document = TextDocument(text: "2020年引进人才115名", format: .plain)
        let words = try Segmenter().words(in: document.text)
        let pieces = words.map { (document.text.string($0.range), $0.kind) }
        #expect(pieces.first?.0 == "2020")
        #expect(pieces.first?.1 == .number)
        #expect(pieces.contains { $0.0 == "人才" && $0.1 == .ideographic })
        // Words tile the text.
        #expect(words.map(\.range.count).reduce(0, +) == document.text.count)
    }

    @Test func wordsOfARangeAreOffsetIntoTheText() throws {
        let document = TextDocument(text: "前言。引进人才", format: .plain)
        let words = try Segmenter().words(in: document.text, range: 3..<7)
        #expect(words.first?.range.lowerBound == 3)
        #expect(words.last?.range.upperBound == 7)
    }

    @Test func charactersBeyondTheBMPKeepScalarOffsets() throws {
        let document = TextDocument(text: "𠀀人才。第二句。", format: .plain)
        let sentences = try Segmenter().sentences(in: document.text)
        #expect(sentences == [0..<4, 4..<8])
    }

    @Test func iteratorsAreReusable() throws {
        let segmenter = try Segmenter()
        for text in ["第一篇。", "第二篇文章较长一些。第二句。", "短"] {
            let document = TextDocument(text: text, format: .plain)
            let sentences = try segmenter.sentences(in: document.text)
            #expect(sentences.last?.upperBound == document.text.count)
        }
    }
}
