import Segmenter

/// A line of a document as it was laid out: in plain text an original line
/// (so a title is not run into the recipients the normaliser joined it to), in
/// Markdown and HTML a block.
struct LayoutLine: Sendable {
    /// The line's characters in the normalised text.
    var range: Range<Int>
    /// The line as written, trimmed.
    var text: String
    /// Blank lines between this line and the one before.
    var blankBefore: Int

    /// Characters in the line, spaces not counted.
    var length: Int { text.unicodeScalars.count { !ScalarClass.isSpace($0) } }

    /// The last character that is not a space.
    var lastScalar: Unicode.Scalar? { text.unicodeScalars.last { !ScalarClass.isSpace($0) } }

    /// Whether the line holds sentence punctuation (`。；！？：`).
    var hasSentencePunctuation: Bool {
        text.unicodeScalars.contains { ScalarClass.sentenceEnds.contains($0) || $0 == "：" || $0 == ":" }
    }
}

enum LayoutLines {
    /// The layout lines of a document.
    static func of(_ document: TextDocument) -> [LayoutLine] {
        let text = document.text
        let original = document.original
        let plain = document.format == .plain
        var lines: [LayoutLine] = []
        var start = 0
        var blank = 0
        func close(_ end: Int) {
            var lower = start, upper = end
            while lower < upper, text[lower] == " " { lower += 1 }
            while upper > lower, text[upper - 1] == " " { upper -= 1 }
            guard lower < upper else { return }
            let written: String
            if plain {
                let from = Int(text.starts[lower]), to = Int(text.ends[upper - 1])
                written = String(String.UnicodeScalarView(original[from..<to])).trimmed
            } else {
                written = WrittenText.of(lower..<upper, in: document, keepingSpaces: true).trimmed
            }
            lines.append(LayoutLine(range: lower..<upper, text: written, blankBefore: blank))
        }
        var index = 0
        while index < text.count {
            if text[index] == "\n" {
                close(index)
                start = index + 1
                blank = plain ? max(0, newlines(in: document, between: index, and: index + 1) - 1) : 1
            } else if plain, index + 1 < text.count, text[index + 1] != "\n" {
                let breaks = newlines(in: document, between: index, and: index + 1)
                if breaks > 0 {
                    close(index + 1)
                    start = index + 1
                    blank = breaks - 1
                }
            }
            index += 1
        }
        close(text.count)
        return lines
    }

    /// Line breaks in the original between normalised characters `left` and `right`.
    private static func newlines(in document: TextDocument, between left: Int, and right: Int) -> Int {
        let text = document.text
        guard right < text.count else { return 0 }
        let from = text[left] == "\n" ? Int(text.starts[left]) : Int(text.ends[left])
        let to = Int(text.starts[right])
        guard from < to else { return text[left] == "\n" ? 1 : 0 }
        var count = 0
        for scalar in document.original[from..<to] where scalar == "\n" { count += 1 }
        return count
    }
}
