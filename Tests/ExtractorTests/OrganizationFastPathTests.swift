import Testing
import TestSupport
@testable import Extractor
import TextTools

/// The shortcuts of the organisation reader skip only what its exact tests
/// would reject: every site a reader accepts is listed, bitmaps hold every
/// member, and the one-read place test agrees with the range-by-range one.
@Suite("Organisation fast paths")
struct OrganizationFastPathTests {
    /// The corpus as normalised text, and mixed texts with scalars beyond the
    /// Basic Multilingual Plane and redaction marks between the lines.
    static let texts: [[Unicode.Scalar]] = {
        var texts = Repository.corpus.map { url in
            StructureHarness.context(String(decoding: Repository.bytes(url), as: UTF8.self)).text.scalars
        }
        let mixed =
            "𠀀市人社局𪚥牵头，县财政要统筹😀三年安排；xx县委组织部、团县委、中共石嘴山市委办公室、国务院、南川省财政厅\n"
            + "各县（市、区）人民政府，市直各部门：市委督查室、区财政全额贴息。一二三〇十百千万0123456789委"
        texts.append(StructureHarness.context(mixed).text.scalars)
        return texts
    }()

    @Test func bitmapHoldsEveryMemberAndFindsExactlyTheirIndices() {
        let members: [Unicode.Scalar] = ["市", "委", "0", "a", "𠀀", "\u{FFFF}"]
        let bitmap = ScalarBitmap(members)
        for member in members { #expect(bitmap.mayContain(member)) }
        for other: Unicode.Scalar in ["县", "1", "A", "。"] { #expect(!bitmap.mayContain(other)) }
        let text = Array("县市a委1。𠀀\u{FFFF}0".unicodeScalars)
        var found: [Int] = []
        bitmap.forEachIndex(in: text) { found.append($0) }
        #expect(found == [1, 2, 3, 6, 7, 8])
        var none: [Int] = []
        ScalarBitmap([]).forEachIndex(in: text) { none.append($0) }
        #expect(none.isEmpty)
        ScalarBitmap(members).forEachIndex(in: []) { none.append($0) }
        #expect(none.isEmpty)
    }

    @Test func numeralScalarsHoldEveryChineseNumeral() {
        let listed = Set(OrganizationVocabulary.numeralScalars.unicodeScalars)
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value), ChineseNumber.isNumeral(scalar) else { continue }
            #expect(listed.contains(scalar), "numeral \(scalar) missing from OrganizationVocabulary.numeralScalars")
        }
    }

    @Test(arguments: 0..<texts.count)
    func sitesListEveryOffsetAReaderAccepts(_ item: Int) {
        let text = Self.texts[item]
        let vocabulary = OrganizationVocabulary.shared
        let sites = NameSites(text, vocabulary: vocabulary)
        let levelEnds = Set(sites.levelEnds), bodyEnds = Set(sites.bodyEnds), abbreviationEnds = Set(sites.abbreviationEnds)
        #expect(sites.committees == text.indices.filter { text[$0] == "委" })
        for list in [sites.levelEnds, sites.bodyEnds, sites.abbreviationEnds] { #expect(list == list.sorted()) }
        for end in stride(from: 1, through: text.count, by: 1) {
            if vocabulary.levels.matchEnding(text, before: end) != nil { #expect(levelEnds.contains(end)) }
            var ending = false
            vocabulary.forEachSuffix(in: text, endingAt: end) { _ in
                ending = true
                return true
            }
            if ending || vocabulary.nationalBodies.matchEnding(text, before: end) != nil { #expect(bodyEnds.contains(end)) }
            if end < text.count, vocabulary.stems.matchEnding(text, before: end) != nil,
                OrganizationMatcher.actsAsSubject(from: end, in: text, vocabulary: vocabulary)
            {
                #expect(abbreviationEnds.contains(end))
            }
        }
    }

    @Test(arguments: 0..<texts.count)
    func placeableLengthsAgreeWithIsPlaceable(_ item: Int) {
        let text = Self.texts[item]
        let vocabulary = OrganizationVocabulary.shared
        for end in 0...text.count {
            let lengths = vocabulary.placeableLengths(endingAt: end, in: text)
            for length in 1...4 where end - length >= 0 {
                #expect((lengths & (1 << length) != 0) == vocabulary.isPlaceable((end - length)..<end, in: text))
            }
            #expect(lengths & 1 == 0 && lengths >> 5 == 0)
        }
    }

    @Test func endingsAreFoundLongestFirst() {
        let text = Array("市委组织部办公室".unicodeScalars)
        let found = OrganizationVocabulary.shared.suffixes(in: text, endingAt: text.count).map { String(String.UnicodeScalarView($0.text)) }
        #expect(found.first == "办公室")
        #expect(found == found.sorted { $0.unicodeScalars.count > $1.unicodeScalars.count })
        #expect(OrganizationVocabulary.shared.suffixes(in: text, endingAt: 0).isEmpty)
        #expect(OrganizationVocabulary.shared.suffixes(in: Array("要求".unicodeScalars), endingAt: 2).isEmpty)
    }
}
