/// A word as ICU's dictionary word breaker sees it.
public struct Word: Sendable, Equatable {
    /// What ICU's rule status says the word is.
    public enum Kind: String, Sendable, Codable {
        /// Spaces and punctuation.
        case none
        /// Digits (`2020`, `3.68`).
        case number
        /// Latin and other alphabetic letters.
        case letter
        /// Kana.
        case kana
        /// Chinese characters.
        case ideographic
    }

    /// Scalar offsets into the normalised text.
    public var range: Range<Int>
    /// What the word is made of: Latin letters, digits, kana or Chinese characters.
    public var kind: Kind
}

/// Sentence and word boundaries over a normalised text, on ICU.
///
/// Holds its ICU iterators for reuse and is therefore not thread-safe: use one
/// per thread (or per document). Sentences come from ICU's sentence rules (a
/// line break also ends one); words from ICU's dictionary breaker, which knows
/// common Chinese words but splits domain names (`石/嘴/山`), so matchers use
/// it for boundaries and put their own lexicon on top.
public final class Segmenter {
    private let sentenceIterator: BreakIterator
    private let wordIterator: BreakIterator

    /// Opens ICU's sentence and word breakers for Chinese; throws when ICU has no data for them.
    public init() throws(ICUError) {
        sentenceIterator = try BreakIterator(.sentence)
        wordIterator = try BreakIterator(.word)
    }

    /// Sentences of `text` as scalar ranges, trailing line breaks and spaces excluded.
    public func sentences(in text: MappedText) throws(ICUError) -> [Range<Int>] {
        let offsets = try sentenceIterator.reset(text.scalars[...])
        let scalars = text.scalars
        var result: [Range<Int>] = []
        var start = 0
        sentenceIterator.forEachBoundary { boundary in
            let end = offsets.scalarIndex(ofUnit: boundary)
            var upper = end
            while upper > start, scalars[upper - 1] == "\n" || scalars[upper - 1] == " " { upper -= 1 }
            var lower = start
            while lower < upper, scalars[lower] == "\n" || scalars[lower] == " " { lower += 1 }
            if lower < upper { result.append(lower..<upper) }
            start = end
        }
        return result
    }

    /// Words of `range` of `text` (the whole text by default).
    public func words(in text: MappedText, range: Range<Int>? = nil) throws(ICUError) -> [Word] {
        let range = range ?? 0..<text.count
        let offsets = try wordIterator.reset(text.scalars[range])
        var result: [Word] = []
        var start = 0
        for boundary in wordIterator.boundaries() {
            let end = offsets.scalarIndex(ofUnit: boundary.offset)
            result.append(Word(range: (range.lowerBound + start)..<(range.lowerBound + end), kind: Self.kind(boundary.status)))
            start = end
        }
        return result
    }

    private static func kind(_ status: Int32) -> Word.Kind {
        switch status {
        case 100..<200: .number
        case 200..<300: .letter
        case 300..<400: .kana
        case 400..<500: .ideographic
        default: .none
        }
    }
}
