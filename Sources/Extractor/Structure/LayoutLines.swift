import Segmenter

/// A line of a document as it was laid out: in plain text an original line
/// (so a title is not run into the recipients the normaliser joined it to), in
/// Markdown and HTML a block.
struct LayoutLine: Sendable {
    /// The line's characters in the normalised text.
    var range: Range<Int>
    /// Blank lines between this line and the one before.
    var blankBefore: Int
    /// The line as written, trimmed, as scalars.
    let scalars: [Unicode.Scalar]
    /// Characters in the line, spaces not counted.
    let length: Int
    /// The last character that is not a space.
    let lastScalar: Unicode.Scalar?
    /// Whether the line holds sentence punctuation (`。；！？：`).
    let hasSentencePunctuation: Bool

    init(range: Range<Int>, scalars written: ArraySlice<Unicode.Scalar>, blankBefore: Int) {
        self.range = range
        self.blankBefore = blankBefore
        var lower = written.startIndex, upper = written.endIndex
        while lower < upper, ScalarClass.isSpace(written[lower]) { lower += 1 }
        while upper > lower, ScalarClass.isSpace(written[upper - 1]) { upper -= 1 }
        scalars = Array(written[lower..<upper])
        var length = 0, last: Unicode.Scalar?, punctuation = false
        for scalar in scalars {
            if scalar.value >= 0x4E00 && scalar.value <= 0x9FFF {
                // An ideograph: no space, no punctuation (most characters; one test).
                length += 1
                last = scalar
                continue
            }
            guard !ScalarClass.isSpace(scalar) else { continue }
            length += 1
            last = scalar
            if ScalarClass.sentenceEnds.contains(scalar) || scalar == "：" || scalar == ":" { punctuation = true }
        }
        self.length = length
        lastScalar = last
        hasSentencePunctuation = punctuation
    }

    /// The line as written, trimmed.
    var text: String { String(scalars: scalars) }

    /// Whether the written line contains `word`.
    func contains(_ word: [Unicode.Scalar]) -> Bool {
        guard word.count <= scalars.count else { return false }
        for index in 0...(scalars.count - word.count) where scalars.has(word, at: index) { return true }
        return false
    }

    /// Whether the written line contains `scalar`.
    func contains(_ scalar: Unicode.Scalar) -> Bool { scalars.contains(scalar) }
}

enum LayoutLines {
    /// For each character of the normalised text, whether the original had a
    /// line break right before it.
    static func breaks(_ document: TextDocument) -> [Bool] {
        let text = document.text
        let original = document.original
        var result = [Bool](repeating: false, count: text.count)
        for index in 1..<max(1, text.count) {
            let from = Int(text.ends[index - 1]), to = Int(text.starts[index])
            if from < to, original[from..<to].contains("\n") { result[index] = true }
            if text[index - 1] == "\n" { result[index] = true }
        }
        return result
    }

    /// The width wrapped lines are cut at: the upper quartile of line lengths.
    static func wrapWidth(_ lines: [LayoutLine]) -> Int {
        let lengths = lines.map(\.length).sorted()
        guard !lengths.isEmpty else { return 0 }
        return lengths[lengths.count * 3 / 4]
    }

    /// The layout lines of a document.
    static func of(_ document: TextDocument) -> [LayoutLine] {
        let text = document.text
        let scalars = text.scalars, starts = text.starts, ends = text.ends
        let original = document.original
        let plain = document.format == .plain
        var lines: [LayoutLine] = []
        var start = 0
        var blank = 0
        /// Line breaks in the original between normalised characters `left` and `left + 1`.
        func newlines(after left: Int) -> Int {
            guard left + 1 < scalars.count else { return 0 }
            let from = scalars[left] == "\n" ? Int(starts[left]) : Int(ends[left])
            let to = Int(starts[left + 1])
            guard from < to else { return scalars[left] == "\n" ? 1 : 0 }
            var count = 0
            for index in from..<to where original[index] == "\n" { count += 1 }
            return count
        }
        func close(_ end: Int) {
            var lower = start, upper = end
            while lower < upper, scalars[lower] == " " { lower += 1 }
            while upper > lower, scalars[upper - 1] == " " { upper -= 1 }
            guard lower < upper else { return }
            if plain {
                let from = Int(starts[lower]), to = Int(ends[upper - 1])
                lines.append(LayoutLine(range: lower..<upper, scalars: original[from..<to], blankBefore: blank))
            } else {
                let written = WrittenText.scalars(of: lower..<upper, in: document, keepingSpaces: true)
                lines.append(LayoutLine(range: lower..<upper, scalars: written[...], blankBefore: blank))
            }
        }
        var index = 0
        while index < scalars.count {
            if scalars[index] == "\n" {
                close(index)
                start = index + 1
                blank = plain ? max(0, newlines(after: index) - 1) : 1
            } else if plain, index + 1 < scalars.count, scalars[index + 1] != "\n", ends[index] < starts[index + 1] {
                let breaks = newlines(after: index)
                if breaks > 0 {
                    close(index + 1)
                    start = index + 1
                    blank = breaks - 1
                }
            }
            index += 1
        }
        close(scalars.count)
        return lines
    }
}
