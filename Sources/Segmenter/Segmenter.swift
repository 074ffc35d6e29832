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

    public init() throws(ICUError) {
        sentenceIterator = try BreakIterator(.sentence)
        wordIterator = try BreakIterator(.word)
    }

    /// Sentences of `text` as scalar ranges, trailing line breaks and spaces excluded.
    public func sentences(in text: MappedText) throws(ICUError) -> [Range<Int>] {
        let units = UTF16View(text.scalars[...])
        try sentenceIterator.reset(units.units)
        var result: [Range<Int>] = []
        var start = 0
        for boundary in sentenceIterator.boundaries() {
            let end = units.scalarIndex(ofUnit: boundary.offset)
            var upper = end
            while upper > start, text[upper - 1] == "\n" || text[upper - 1] == " " { upper -= 1 }
            var lower = start
            while lower < upper, text[lower] == "\n" || text[lower] == " " { lower += 1 }
            if lower < upper { result.append(lower..<upper) }
            start = end
        }
        return result
    }

    /// Words of `range` of `text` (the whole text by default).
    public func words(in text: MappedText, range: Range<Int>? = nil) throws(ICUError) -> [Word] {
        let range = range ?? 0..<text.count
        let units = UTF16View(text.scalars[range])
        try wordIterator.reset(units.units)
        var result: [Word] = []
        var start = 0
        for boundary in wordIterator.boundaries() {
            let end = units.scalarIndex(ofUnit: boundary.offset)
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

/// UTF-16 units of a run of scalars, with the way back from unit offsets to
/// scalar offsets (they differ only past characters outside the BMP).
struct UTF16View {
    var units: [UInt16] = []
    /// Unit offsets where a scalar beyond the BMP starts; empty for BMP-only text.
    private var wideScalarUnits: [Int] = []

    init(_ scalars: ArraySlice<Unicode.Scalar>) {
        // Written through a buffer sized in advance (every sentence search converts the whole text).
        var wide = 0
        for scalar in scalars where scalar.value > 0xFFFF { wide += 1 }
        var wideUnits: [Int] = []
        units = [UInt16](unsafeUninitializedCapacity: scalars.count + wide) { buffer, initialized in
            var count = 0
            for scalar in scalars {
                if scalar.value > 0xFFFF {
                    wideUnits.append(count)
                    let value = scalar.value - 0x10000
                    buffer[count] = UInt16(0xD800 + (value >> 10))
                    buffer[count + 1] = UInt16(0xDC00 + (value & 0x3FF))
                    count += 2
                } else {
                    buffer[count] = UInt16(truncatingIfNeeded: scalar.value)
                    count += 1
                }
            }
            initialized = count
        }
        wideScalarUnits = wideUnits
    }

    /// The scalar offset of a unit offset that falls on a scalar boundary.
    func scalarIndex(ofUnit unit: Int) -> Int {
        if wideScalarUnits.isEmpty { return unit }
        // The wide scalars before `unit`, by binary search in the sorted offsets
        // (a scan per boundary would be quadratic in a text full of them).
        var low = 0, high = wideScalarUnits.count
        while low < high {
            let middle = (low + high) / 2
            if wideScalarUnits[middle] < unit { low = middle + 1 } else { high = middle }
        }
        return unit - low
    }
}
