/// A set of words matched directly against a scalar array, without building
/// strings: words are grouped by their first (and last) scalar and tried
/// longest first, so a lookup costs a few scalar comparisons (see ``WordIndex``).
///
/// A word's id is its index in ``words``; lookups return an id (`match`,
/// `matchEnding`) or a length, 0 when no word is there (`matchLength`,
/// `matchLengthEnding`).
public struct WordList: Sendable {
    /// The words, each as its scalars, longest first.
    public let words: [[Unicode.Scalar]]
    /// The same words as strings, so naming a match builds nothing.
    public let strings: [String]
    /// The longest word's length (0 for an empty list).
    public let maxLength: Int
    @usableFromInline let index: WordIndex

    /// The list of `entries`, each kept once, empty ones left out.
    public init<S: Sequence>(_ entries: S) where S.Element == String {
        var unique: [(scalars: [Unicode.Scalar], string: String)] = []
        // Compared scalar by scalar: hashing a string normalises it first, at
        // many times the cost (the bundled lists are all in NFC, where the two agree).
        var seen = Set<[Unicode.Scalar]>()
        for entry in entries where !entry.isEmpty {
            let scalars = Array(entry.unicodeScalars)
            if seen.insert(scalars).inserted { unique.append((scalars, entry)) }
        }
        // Longest first, so the first hit is the longest match.
        unique.sort { $0.scalars.count > $1.scalars.count }
        words = unique.map(\.scalars)
        strings = unique.map(\.string)
        maxLength = words.first?.count ?? 0
        index = WordIndex(words)
    }

    /// The longest word that starts at `index` (and ends by `limit`), as its index in ``words``.
    @inlinable @inline(__always)
    public func match(_ text: [Unicode.Scalar], at index: Int, limit: Int? = nil) -> Int? {
        self.index.longest(in: text, from: index, limit: limit ?? text.count)
    }

    /// The length of the longest word that starts at `index` (and ends by `limit`), or 0.
    @inlinable @inline(__always)
    public func matchLength(_ text: [Unicode.Scalar], at index: Int, limit: Int? = nil) -> Int {
        guard let id = match(text, at: index, limit: limit) else { return 0 }
        return self.index.length(id)
    }

    /// The longest word that ends just before `end` (and starts at or after
    /// `floor`), as its index in ``words``.
    @inlinable @inline(__always)
    public func matchEnding(_ text: [Unicode.Scalar], before end: Int, floor: Int = 0) -> Int? {
        index.longest(in: text, endingAt: end, floor: floor)
    }

    /// The length of the longest word that ends just before `end` (and starts at or after `floor`), or 0.
    @inlinable @inline(__always)
    public func matchLengthEnding(_ text: [Unicode.Scalar], before end: Int, floor: Int = 0) -> Int {
        guard let id = matchEnding(text, before: end, floor: floor) else { return 0 }
        return index.length(id)
    }

    /// The length of every word that ends just before `end` (and starts at or after `floor`), longest first.
    public func matchLengthsEnding(_ text: [Unicode.Scalar], before end: Int, floor: Int = 0) -> [Int] {
        var lengths: [Int] = []
        index.forEach(in: text, endingAt: end, floor: floor) { id in
            lengths.append(index.length(id))
            return true
        }
        return lengths
    }

    /// Whether `word` is one of the words.
    public func contains<C: Collection>(_ word: C) -> Bool where C.Element == Unicode.Scalar {
        let word = Array(word)
        return !word.isEmpty && matchLength(word, at: 0) == word.count
    }

    /// Whether `word` is one of the words (a slice read in place: the generic
    /// version copies it, and is not specialised across modules).
    public func contains(_ word: ArraySlice<Unicode.Scalar>) -> Bool {
        !word.isEmpty && word.count <= maxLength && word.withUnsafeBufferPointer { index.contains($0) }
    }

    /// Whether `word` is one of the words.
    public func contains(_ word: [Unicode.Scalar]) -> Bool {
        !word.isEmpty && word.count <= maxLength && word.withUnsafeBufferPointer { index.contains($0) }
    }

    /// The number of scalars of the word at `index` of ``words``.
    public func length(_ index: Int) -> Int { self.index.length(index) }

    /// The word at `index` of ``words`` as a string.
    public func string(_ index: Int) -> String { strings[index] }
}

/// A rule table read from a bundled file whose lines are `word value`.
public struct WordTable<Value: Sendable>: Sendable {
    /// The words, matched longest first.
    public let list: WordList
    /// The value of each word of ``list``, by the word's index.
    public let values: [Value]

    /// The table of `lines`, each `word value…`; `parse` turns the columns
    /// after the word into a value; `name` names the file in the message a
    /// line that does not parse stops the program with.
    public init(lines: [String], name: String, parse: ([String]) -> Value?) {
        var pairs: [(String, Value)] = []
        for line in lines {
            let columns = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            guard columns.count >= 2, let value = parse(columns.dropFirst().map(String.init)) else {
                fatalError("bad line in \(name): \(line)")
            }
            pairs.append((String(columns[0]), value))
        }
        list = WordList(pairs.map(\.0))
        var byWord: [String: Value] = [:]
        for (word, value) in pairs where byWord[word] == nil { byWord[word] = value }
        values = list.strings.map { byWord[$0]! }
    }
}

/// A set of scalars as a bitmap over the Basic Multilingual Plane. A set
/// with members beyond it answers "maybe" for every scalar there.
public struct BMPMask: Sendable {
    @usableFromInline var words = [UInt64](repeating: 0, count: 1024)
    @usableFromInline var beyondPlane = false

    /// The set of `scalars`.
    public init<S: Sequence>(_ scalars: S) where S.Element == Unicode.Scalar {
        for scalar in scalars {
            if scalar.value < 0x10000 {
                words[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
            } else {
                beyondPlane = true
            }
        }
    }

    /// False only when `scalar` is surely not in the set; exact for sets
    /// within the Basic Multilingual Plane.
    @inlinable @inline(__always)
    public func mayContain(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        guard value < 0x10000 else { return beyondPlane }
        return words[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
    }
}
