import TextTools

/// What a document's markup says about it, apart from its text.
public struct Markup: Sendable, Equatable {
    /// A heading written as markup (`## 标题`, `<h2>标题</h2>`).
    public struct Heading: Sendable, Equatable {
        /// 1 for `#`/`<h1>`, 2 for `##`/`<h2>`, …
        public var level: Int
        /// The marker as written (`##`), empty for HTML.
        public var marker: String
        /// The heading's text, as written.
        public var title: String
        /// Code points of the heading text in the original document.
        public var span: Range<Int>
    }

    /// `key: value` pairs of a Jekyll-style front matter block, quotes removed.
    public var frontMatter: [String: String] = [:]
    /// The page title from `<title>`, or nil.
    public var htmlTitle: String?
    /// Headings in document order.
    public var headings: [Heading] = []

    /// No markup: no front matter, title or headings.
    public init() {}
}

/// Marks a block boundary that markup makes certain (the end of a `<p>`, of a
/// `#` heading, of front matter), unlike a line break that may only be a PDF's
/// wrapping. The normaliser turns it into a line break and never joins across it.
let hardBreak: Unicode.Scalar = "\u{2029}"

/// Strips markup from a document into text mapped to the original: front
/// matter, HTML tags and entities, Markdown heading marks, emphasis and links.
enum MarkupReader {
    /// The text of `original` without its markup, and what the markup said.
    /// The text is nil when there is nothing to strip (plain text without
    /// front matter): the original itself, each character mapped to itself,
    /// is the text then, and no copy of it is made.
    static func read(_ original: [Unicode.Scalar], format: DocumentFormat) -> (MappedText?, Markup) {
        var markup = Markup()
        let frontMatter = frontMatterEnd(original)
        if format == .plain, frontMatter == nil { return (nil, markup) }
        // Markup is dropped, so the text is rarely longer than the original.
        let output = MappedTextWriter(capacity: original.count + 16)
        var position = 0
        if let end = frontMatter {
            markup.frontMatter = parseFrontMatter(original[0..<end])
            output.append(hardBreak, from: 0, to: end)
            position = end
        }
        switch format {
        case .plain:
            output.append(identity: original, position..<original.count)
        case .markdown:
            readMarkdown(original, from: position, into: output, markup: &markup)
        case .html:
            HTMLReader.read(original, from: position, into: output, markup: &markup)
        }
        return (output.text(), markup)
    }

    // MARK: - Front matter

    /// The offset just after a front matter block (`---` … `---`) at the very start.
    static func frontMatterEnd(_ text: [Unicode.Scalar]) -> Int? {
        guard text.count >= 7, text[0] == "-", text[1] == "-", text[2] == "-" else { return nil }
        var index = 3
        while index < text.count, text[index] == " " { index += 1 }
        guard index < text.count, text[index] == "\n" || text[index] == "\r" else { return nil }
        var lineStart = LineBreaks.lineEnd(text, from: index, to: text.count).next
        while lineStart < text.count {
            let (lineEnd, next) = LineBreaks.lineEnd(text, from: lineStart, to: text.count)
            let line = String(scalars: text[lineStart..<lineEnd]).trimmingSpaces
            if line == "---" || line == "..." { return next }
            lineStart = next
            if lineStart - index > 20_000 { return nil }
        }
        return nil
    }

    private static func parseFrontMatter(_ block: ArraySlice<Unicode.Scalar>) -> [String: String] {
        var fields: [String: String] = [:]
        let text = Array(block)
        var lineStart = LineBreaks.lineEnd(text, from: 0, to: text.count).next  // after the opening `---`
        while lineStart < text.count {
            let (lineEnd, next) = LineBreaks.lineEnd(text, from: lineStart, to: text.count)
            let line = String(scalars: text[lineStart..<lineEnd])
            lineStart = next
            guard let colon = line.firstIndex(of: ":"), !line.hasPrefix(" "), !line.hasPrefix("-") else { continue }
            let key = String(line[..<colon]).trimmingSpaces
            var value = String(line[line.index(after: colon)...]).trimmingSpaces
            if value.count >= 2, let first = value.first, let last = value.last,
                (first == "\"" && last == "\"") || (first == "'" && last == "'")
            {
                value = String(value.dropFirst().dropLast())
            }
            if !key.isEmpty, !value.isEmpty { fields[key] = value }
        }
        return fields
    }

    // MARK: - Markdown

    private static func readMarkdown(_ text: [Unicode.Scalar], from start: Int, into output: MappedTextWriter, markup: inout Markup) {
        var lineStart = start
        while lineStart < text.count {
            let (lineEnd, next) = LineBreaks.lineEnd(text, from: lineStart, to: text.count)
            var index = lineStart
            while index < lineEnd, text[index] == " " { index += 1 }
            var hashes = 0
            while index + hashes < lineEnd, text[index + hashes] == "#" { hashes += 1 }
            if hashes >= 1, hashes <= 6, index + hashes < lineEnd, text[index + hashes] == " " || text[index + hashes] == "\t" {
                var titleStart = index + hashes
                while titleStart < lineEnd, text[titleStart] == " " || text[titleStart] == "\t" { titleStart += 1 }
                var titleEnd = lineEnd
                while titleEnd > titleStart, [" ", "\t", "#"].contains(text[titleEnd - 1]) { titleEnd -= 1 }
                markup.headings.append(
                    .init(
                        level: hashes, marker: String(repeating: "#", count: hashes),
                        title: String(scalars: text[titleStart..<titleEnd]), span: titleStart..<titleEnd))
                output.append(hardBreak, from: lineStart, to: titleStart)
                appendInline(text, titleStart..<titleEnd, into: output)
                output.append(hardBreak, from: titleEnd, to: lineEnd)
            } else {
                appendInline(text, lineStart..<lineEnd, into: output)
            }
            // One break, `\r\n` included.
            if lineEnd < text.count { output.append("\n", from: lineEnd, to: next) }
            lineStart = next
        }
    }

    /// Copies a line of Markdown, dropping emphasis marks, images and link targets.
    private static func appendInline(_ text: [Unicode.Scalar], _ range: Range<Int>, into output: MappedTextWriter) {
        var index = range.lowerBound
        var unclosedFrom = Int.max
        while index < range.upperBound {
            // Characters that open no markup are copied in runs.
            let run = inlineRunEnd(text, from: index, to: range.upperBound)
            if run > index {
                output.append(identity: text, index..<run)
                index = run
                if index == range.upperBound { break }
            }
            let scalar = text[index]
            if scalar == "!", index + 1 < range.upperBound, text[index + 1] == "[",
                let close = linkEnd(text, from: index + 1, limit: range.upperBound, unclosedFrom: &unclosedFrom)
            {
                index = close  // an image: nothing of it is text
                continue
            }
            if scalar == "[", let close = linkEnd(text, from: index, limit: range.upperBound, unclosedFrom: &unclosedFrom) {
                var labelEnd = index + 1
                while text[labelEnd] != "]" { labelEnd += 1 }
                appendInline(text, (index + 1)..<labelEnd, into: output)
                index = close
                continue
            }
            if scalar == "*" || scalar == "_", index + 1 < range.upperBound, text[index + 1] == scalar {
                index += 2  // ** or __
                continue
            }
            output.append(scalar, from: index, to: index + 1)
            index += 1
        }
    }

    /// The end of the run from `start` (at most `end`) of characters that
    /// open no inline markup: all but `!`, `[`, `*` and `_`.
    private static func inlineRunEnd(_ text: [Unicode.Scalar], from start: Int, to end: Int) -> Int {
        var index = start
        while index < end {
            let value = text[index].value
            if value < 0x80, value == 0x21 || value == 0x5B || value == 0x2A || value == 0x5F { break }
            index += 1
        }
        return index
    }

    /// For `[label](target)` starting at `open`, the offset after `)`.
    ///
    /// `unclosedFrom` remembers where a target ran to the end of the line
    /// without `)` or a space: no target starting there or later can close,
    /// so a line of `[a](b[a](b…` is read in one pass, not one per `[`.
    private static func linkEnd(_ text: [Unicode.Scalar], from open: Int, limit: Int, unclosedFrom: inout Int) -> Int? {
        var index = open + 1
        while index < limit, text[index] != "]" { if text[index] == "[" { return nil }; index += 1 }
        guard index + 1 < limit, text[index + 1] == "(" else { return nil }
        index += 2
        guard index < unclosedFrom else { return nil }
        let targetStart = index
        while index < limit, text[index] != ")" { if text[index] == " " { return nil }; index += 1 }
        if index == limit { unclosedFrom = targetStart }
        return index < limit ? index + 1 : nil
    }
}

extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars[...]
        while let first = scalars.first, first.properties.isWhitespace { scalars = scalars.dropFirst() }
        while let last = scalars.last, last.properties.isWhitespace { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
