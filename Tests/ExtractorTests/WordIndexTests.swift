import Testing
import TestSupport
@testable import Extractor
import TextTools

/// WordIndex finds the same words as a plain search of every word, forwards
/// and backwards, within limits and floors, longest first; its shortcuts
/// (first-scalar bitmap, neighbour compare) pass over no match.
@Suite("Word index")
struct WordIndexTests {
    /// Words sharing ends and neighbours, one-scalar words, and a scalar beyond the plane.
    static let words: [[Unicode.Scalar]] = [
        "市", "县", "区", "新区", "开发区", "经济开发区", "高新区", "自治区", "区县", "市县",
        "人社", "人社局", "社局", "局", "𠀀区", "区𠀀", "ab", "b", "aab",
    ].map { Array($0.unicodeScalars) }
    static let alphabet: [Unicode.Scalar] = [
        "市", "县", "区", "新", "开", "发", "经", "济", "高", "自", "治", "人", "社", "局",
        "𠀀", "a", "b", "。",
    ]

    /// The longest word at `start` ending by `limit`, read word by word.
    static func plainForwards(_ text: [Unicode.Scalar], from start: Int, limit: Int) -> Int? {
        words.indices.filter { id in
            let word = words[id]
            return start >= 0 && start + word.count <= min(limit, text.count) && Array(text[start..<(start + word.count)]) == word
        }.max { (words[$0].count, -$0) < (words[$1].count, -$1) }
    }

    /// Every word ending at `end` and starting at or after `floor`, longest first, read word by word.
    static func plainBackwards(_ text: [Unicode.Scalar], endingAt end: Int, floor: Int) -> [Int] {
        words.indices.filter { id in
            let word = words[id]
            return end <= text.count && end - word.count >= max(floor, 0) && Array(text[(end - word.count)..<end]) == word
        }.sorted { (words[$0].count, -$0) > (words[$1].count, -$1) }
    }

    @Test(arguments: 0..<8)
    func findsWhatAPlainSearchFinds(_ seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        let index = WordIndex(Self.words)
        let text = (0..<300).map { _ in Self.alphabet.randomElement(using: &random)! }
        for start in 0...text.count {
            for limit in [text.count, start + 1, start + 2, start + 3] {
                #expect(index.longest(in: text, from: start, limit: limit) == Self.plainForwards(text, from: start, limit: limit))
            }
        }
        for end in 0...text.count {
            for floor in [0, max(0, end - 1), max(0, end - 2), max(0, end - 3)] {
                var found: [Int] = []
                index.forEach(in: text, endingAt: end, floor: floor) { id in
                    found.append(id)
                    return true
                }
                let plain = Self.plainBackwards(text, endingAt: end, floor: floor)
                #expect(found == plain)
                #expect(index.longest(in: text, endingAt: end, floor: floor) == plain.first)
            }
        }
    }

    @Test func lengthsAndEmptyTexts() {
        let index = WordIndex(Self.words)
        #expect(Self.words.indices.allSatisfy { index.length($0) == Self.words[$0].count })
        #expect(index.longest(in: [], from: 0, limit: 0) == nil)
        #expect(index.longest(in: [], endingAt: 0, floor: 0) == nil)
        let text = Array("经济开发区".unicodeScalars)
        #expect(index.longest(in: text, endingAt: text.count, floor: 0).map(index.length) == 5)
        #expect(index.longest(in: text, endingAt: text.count, floor: 2).map(index.length) == 3)
        #expect(index.longest(in: text, from: 2, limit: text.count).map(index.length) == 3)
        #expect(index.longest(in: text, from: 2, limit: 4) == nil)
    }

    /// A list's membership test, on slices, arrays and other collections, is
    /// whether the scalars are one of its words.
    @Test(arguments: 0..<4)
    func containsIsMembership(_ seed: Int) {
        var random = SeededGenerator(seed: UInt64(seed))
        let list = WordList(Self.words.map { String(String.UnicodeScalarView($0)) })
        let text = (0..<200).map { _ in Self.alphabet.randomElement(using: &random)! }
        var wrong: [String] = []
        for start in text.indices {
            for length in 0...6 where start + length <= text.count {
                let slice = text[start..<(start + length)]
                let expected = Self.words.contains(Array(slice))
                if list.contains(slice) != expected || list.contains(Array(slice)) != expected
                    || list.contains(slice.lazy.map { $0 }) != expected
                {
                    wrong.append(String(String.UnicodeScalarView(slice)))
                }
            }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(Self.words.allSatisfy { list.contains($0) })
    }
}
