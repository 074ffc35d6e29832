/// Character classes over `Unicode.Scalar`: the one definition of each,
/// shared by every reader.
public enum ScalarClass {
    /// A Chinese character: the CJK unified ideographs (the basic block and
    /// extension A), the compatibility ideographs, and the supplementary
    /// ideographic planes 2 and 3 (extensions B–H and their compatibility
    /// supplement). Not 〇 (U+3007), which is a numeral sign (see
    /// ``ChineseNumber``).
    @inlinable @inline(__always)
    public static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x3FFFF: true
        default: false
        }
    }

    /// An ASCII digit, 0–9.
    @inlinable @inline(__always)
    public static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// An ASCII letter, a–z or A–Z.
    @inlinable @inline(__always)
    public static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value | 0x20
        return value >= 0x61 && value <= 0x7A
    }

    /// `x`, `xx`: the placeholder a redacted name or number is written with.
    @inlinable @inline(__always)
    public static func isRedaction(_ scalar: Unicode.Scalar) -> Bool { scalar == "x" || scalar == "X" }

    /// A character that can be part of a name: an ideograph or a redaction mark.
    @inlinable @inline(__always)
    public static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool { isIdeograph(scalar) || isRedaction(scalar) }

    /// Space of any width, and line breaks.
    @inlinable @inline(__always)
    public static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x3000, 0x2002...0x200A, 0x202F, 0x205F, 0x2028, 0x2029: true
        default: false
        }
    }

    /// A character that is its own canonical decomposition, combines with
    /// no neighbour and forms a grapheme of its own: ASCII, CJK ideographs,
    /// CJK and general punctuation, full-width forms. Between texts of such
    /// characters, comparing characters is comparing scalars.
    @inlinable @inline(__always)
    public static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0x7E, 0x2010...0x2027, 0x3000...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xFF01...0xFF5E:
            true
        default: false
        }
    }

    // The classes below are tested at every character; as switches they
    // compile to a few compares, where a static set would be initialised
    // lazily and cost a `swift_once` call at every test.

    /// Opening brackets and quotes: `(（[【〔［〈《“‘「『`.
    @inlinable public static var openers: Openers { Openers() }
    /// Closing brackets and quotes: `)）]】〕］〉》”’」』`.
    @inlinable public static var closers: Closers { Closers() }
    /// Punctuation that ends a sentence: `。！？!?；;`.
    @inlinable public static var sentenceEnds: SentenceEnds { SentenceEnds() }

    /// The set of ``ScalarClass/openers``.
    public struct Openers {
        /// The set.
        @inlinable public init() {}

        /// Whether `scalar` opens a bracket or quote.
        @inlinable @inline(__always)
        public func contains(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "(", "（", "[", "【", "〔", "［", "〈", "《", "“", "‘", "「", "『": true
            default: false
            }
        }
    }

    /// The set of ``ScalarClass/closers``.
    public struct Closers {
        /// The set.
        @inlinable public init() {}

        /// Whether `scalar` closes a bracket or quote.
        @inlinable @inline(__always)
        public func contains(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case ")", "）", "]", "】", "〕", "］", "〉", "》", "”", "’", "」", "』": true
            default: false
            }
        }
    }

    /// The set of ``ScalarClass/sentenceEnds``.
    public struct SentenceEnds {
        /// The set.
        @inlinable public init() {}

        /// Whether `scalar` ends a sentence.
        @inlinable @inline(__always)
        public func contains(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar {
            case "。", "！", "？", "!", "?", "；", ";": true
            default: false
            }
        }
    }
}

/// A set of scalars as a bitmap: membership without hashing, for the hot
/// loops that test every character.
public struct ScalarSet: Sendable {
    @usableFromInline var bits: [UInt64]
    /// Scalars beyond the Basic Multilingual Plane.
    @usableFromInline var others: Set<UInt32> = []
    @inlinable static var limit: UInt32 { 0x10000 }

    /// The set of `scalars`.
    public init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        bits = [UInt64](repeating: 0, count: Int(Self.limit / 64))
        for scalar in scalars { insert(scalar) }
    }

    /// Adds `scalar`.
    public mutating func insert(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < Self.limit { bits[Int(value >> 6)] |= 1 << UInt64(value & 63) } else { others.insert(value) }
    }

    /// Whether `scalar` is in the set.
    @inlinable @inline(__always)
    public func contains(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < Self.limit { return bits[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0 }
        return others.contains(value)
    }
}

extension ArraySlice where Element == Unicode.Scalar {
    /// Whether `word` occurs in this slice.
    public func contains(_ word: [Unicode.Scalar]) -> Bool {
        guard !word.isEmpty else { return false }  // as Foundation's `contains("")`
        guard word.count <= count else { return false }
        var start = startIndex
        while start + word.count <= endIndex {
            var offset = 0
            while offset < word.count, self[start + offset] == word[offset] { offset += 1 }
            if offset == word.count { return true }
            start += 1
        }
        return false
    }
}

extension Array where Element == Unicode.Scalar {
    /// Whether `word` stands at `index`.
    public func has(_ word: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= count else { return false }
        for offset in 0..<word.count where self[index + offset] != word[offset] { return false }
        return true
    }

    /// The first index of `scalar` in `range`, or nil.
    public func firstIndex(of scalar: Unicode.Scalar, in range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index < range.upperBound {
            if self[index] == scalar { return index }
            index += 1
        }
        return nil
    }
}

extension Array where Element == Int {
    /// In a sorted array, the index of the first element not below `value`
    /// (`count` when there is none).
    public func firstIndex(notBelow value: Int) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low
    }
}

extension String {
    /// The string as scalars.
    public var scalars: [Unicode.Scalar] { Array(unicodeScalars) }

    /// The string without any whitespace.
    public var withoutSpaces: String {
        guard unicodeScalars.contains(where: ScalarClass.isSpace) else { return self }
        var kept: [Unicode.Scalar] = []
        kept.reserveCapacity(utf8.count)
        for scalar in unicodeScalars where !ScalarClass.isSpace(scalar) { kept.append(scalar) }
        return String(scalars: kept)
    }

    /// The string with leading and trailing whitespace removed.
    public var trimmed: String {
        var scalars = unicodeScalars[...]
        while let first = scalars.first, ScalarClass.isSpace(first) { scalars = scalars.dropFirst() }
        while let last = scalars.last, ScalarClass.isSpace(last) { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
