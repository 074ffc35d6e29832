import Testing
@testable import Extractor

/// `count.recurring-name` asks how often a numeral, its classifier and the
/// two words after them stand in the document; the index counts them once.
@Suite("Quantities: recurring names")
struct RecurringNameIndexTests {
    static func scalars(_ text: String) -> [Unicode.Scalar] { Array(text.unicodeScalars) }

    @Test func countsEveryStartOfTheSameNumeralClassifierAndNoun() {
        let text = Self.scalars("发放三项补贴。三项补贴按月发放。审核三项补贴，另有十三项补贴。")
        let index = RecurringNameIndex(text: text)
        // 三 at 2, 项 at 3: `三项补贴`.
        #expect(index.occurrences(numeral: 2..<3, classifierEnd: 4) == 3)
    }

    @Test func aNumeralRunOnFromAnotherIsNotAnotherStart() {
        // `十三项补贴` holds `三项补贴` only inside a longer numeral.
        let text = Self.scalars("十三项补贴，十三项补贴，三项补贴")
        let index = RecurringNameIndex(text: text)
        #expect(index.occurrences(numeral: 12..<13, classifierEnd: 14) == 1)
        #expect(index.occurrences(numeral: 0..<2, classifierEnd: 3) == 2)
    }

    @Test func aClassifierLongerThanTheIndexOrTextEndingTooSoonIsNotCounted() {
        let text = Self.scalars("两项补贴")
        let index = RecurringNameIndex(text: text)
        #expect(index.occurrences(numeral: 0..<1, classifierEnd: 2) == 1)
        #expect(index.occurrences(numeral: 0..<1, classifierEnd: 3) == 0)
    }
}
