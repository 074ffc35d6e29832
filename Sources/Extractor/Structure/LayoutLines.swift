import Segmenter
import TextTools

/// A line of a document as it was laid out: in plain text an original line
/// (so a title is not run into the recipients the normaliser joined it to), in
/// Markdown and HTML a block.
struct LayoutLine: Sendable {
    /// The most scalars a line may hold, as written, for the readers of
    /// titles, headings, dates, document numbers and signatures to look at
    /// it: far longer than any real one (a 公文 title runs to 80 characters, a
    /// date line to about 20), so that a long paragraph, or a document of one
    /// endless line, is never copied or read again by each of them.
    static let shortLimit = 200

    /// The line's characters in the normalised text.
    var range: Range<Int>
    /// Blank lines between this line and the one before.
    var blankBefore: Int
    /// The line as written, trimmed: a slice of the document's original (plain
    /// text) or of one buffer holding every block's written text, not a copy.
    let written: ArraySlice<Unicode.Scalar>
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
        self.written = written[lower..<upper]
        var spaces = 0, punctuation = false
        for scalar in self.written {
            // An ideograph: no space, no punctuation (most characters; one test).
            let value = scalar.value
            if value >= 0x4E00 && value <= 0x9FFF { continue }
            // ASCII digits and letters: no space, no punctuation either.
            if value <= 0x7E, value >= 0x40 || (value >= 0x30 && value <= 0x39) { continue }
            if ScalarClass.isSpace(scalar) {
                spaces += 1
            } else if ScalarClass.sentenceEnds.contains(scalar) || scalar == "：" || scalar == ":" {
                punctuation = true
            }
        }
        length = self.written.count - spaces
        // The line is trimmed: its last character is no space.
        lastScalar = self.written.last
        hasSentencePunctuation = punctuation
    }

    /// Whether the line is short enough for the readers of titles, dates and
    /// signatures to look at (``shortLimit``).
    var isShort: Bool { written.count <= Self.shortLimit }

    /// The line as written, trimmed, as scalars: a copy, made for short lines.
    var scalars: [Unicode.Scalar] { Array(written) }

    /// The line as written, trimmed: a copy, made for short lines.
    var text: String { String(scalars: written) }

    /// Whether the written line contains `word`.
    func contains(_ word: [Unicode.Scalar]) -> Bool { written.contains(word) }

    /// Whether the written line contains `scalar`.
    func contains(_ scalar: Unicode.Scalar) -> Bool { written.contains(scalar) }
}

enum LayoutLines {
    /// The width wrapped lines are cut at: the upper quartile of line lengths.
    static func wrapWidth(_ lines: [LayoutLine]) -> Int {
        let lengths = lines.map(\.length).sorted()
        guard !lengths.isEmpty else { return 0 }
        return lengths[lengths.count * 3 / 4]
    }

    /// The layout lines of a document.
    static func of(_ document: TextDocument) -> [LayoutLine] {
        let bounds = lineBounds(document)
        var lines: [LayoutLine] = []
        lines.reserveCapacity(bounds.count)
        if document.format == .plain {
            // Lines as the original wrote them: slices of the original.
            let starts = document.text.starts, ends = document.text.ends
            for (range, blank) in bounds {
                let written = document.original[Int(starts[range.lowerBound])..<Int(ends[range.upperBound - 1])]
                lines.append(LayoutLine(range: range, scalars: written, blankBefore: blank))
            }
        } else {
            // Blocks as written, all in one buffer; the lines slice it once it is whole.
            var buffer: [Unicode.Scalar] = []
            buffer.reserveCapacity(document.text.count + bounds.count * 4)
            var writtenRanges: [Range<Int>] = []
            writtenRanges.reserveCapacity(bounds.count)
            for (range, _) in bounds {
                let start = buffer.count
                WrittenText.append(range, in: document, keepingSpaces: true, to: &buffer)
                writtenRanges.append(start..<buffer.count)
            }
            for (offset, (range, blank)) in bounds.enumerated() {
                lines.append(LayoutLine(range: range, scalars: buffer[writtenRanges[offset]], blankBefore: blank))
            }
        }
        return lines
    }

    /// The normalised ranges of the layout lines (spaces trimmed, empty lines
    /// left out) and the blank lines before each: in plain text the original's
    /// lines as the normaliser recorded them (``LineLayout``), joined or not;
    /// in Markdown and HTML the lines of the normalised text (its blocks).
    private static func lineBounds(_ document: TextDocument) -> [(range: Range<Int>, blankBefore: Int)] {
        let scalars = document.text.scalars
        var bounds: [(range: Range<Int>, blankBefore: Int)] = []
        /// Adds `start..<end` without its spaces, or without the kept line break that ends it.
        func add(_ start: Int, _ end: Int, blank: Int) {
            var lower = start, upper = end
            if upper > lower, scalars[upper - 1] == "\n" { upper -= 1 }
            while lower < upper, scalars[lower] == " " { lower += 1 }
            while upper > lower, scalars[upper - 1] == " " { upper -= 1 }
            if lower < upper { bounds.append((lower..<upper, blank)) }
        }
        if document.format == .plain {
            let layout = document.layout
            for line in 0..<layout.count {
                let start = Int(layout.starts[line])
                let end = line + 1 < layout.count ? Int(layout.starts[line + 1]) : scalars.count
                add(start, end, blank: line == 0 ? 0 : max(0, Int(layout.breaksBefore[line]) - 1))
            }
        } else {
            var start = 0, blank = 0
            for (index, scalar) in scalars.enumerated() where scalar == "\n" {
                add(start, index + 1, blank: blank)
                start = index + 1
                blank = 1
            }
            add(start, scalars.count, blank: blank)
        }
        return bounds
    }
}
