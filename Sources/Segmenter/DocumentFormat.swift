/// The markup a document is written in.
public enum DocumentFormat: String, Sendable, Codable, CaseIterable {
    /// Plain text, often pasted out of a PDF.
    case plain
    /// Markdown: `#` headings, emphasis, links.
    case markdown
    /// HTML: a page or a fragment of tags (a blog post body).
    case html

    /// The format a file's name and first characters suggest.
    ///
    /// `.html`/`.htm` and `.md`/`.markdown` are taken at their word; anything
    /// else is sniffed: HTML tags (`<p>`, `<div>`, `<html>`, `<br>`) make it
    /// HTML, `#` heading lines or front matter make it Markdown.
    public static func guess(path: String?, text: [Unicode.Scalar]) -> DocumentFormat {
        let lowered = (path ?? "").lowercased()
        if lowered.hasSuffix(".html") || lowered.hasSuffix(".htm") || lowered.hasSuffix(".xhtml") { return .html }
        if lowered.hasSuffix(".md") || lowered.hasSuffix(".markdown") { return .markdown }
        let head = text.prefix(8192)
        let frontMatter = head.starts(with: "---\n".unicodeScalars) || head.starts(with: "---\r".unicodeScalars)
        // One pass over the head: any HTML tag makes it HTML (front matter or
        // not); else front matter or a heading line makes it Markdown.
        var heading = false
        var lineStart = true
        var index = head.startIndex
        while index < head.endIndex {
            let scalar = head[index]
            if scalar.value >= 0x80 {
                // Most characters are Chinese: none of them matters here.
                lineStart = false
                index = nonASCIIRunEnd(text, from: index + 1, to: head.endIndex)
                continue
            }
            if scalar == "<", opensHTMLTag(head, at: index) { return .html }
            // A line opening with "# ", "## " or "### " is a Markdown heading.
            if lineStart, !heading, scalar == "#" {
                var hashes = index
                while hashes < head.endIndex, head[hashes] == "#" { hashes += 1 }
                if hashes - index <= 3, hashes < head.endIndex, head[hashes] == " " { heading = true }
            }
            if scalar == "\n" || scalar == "\r" { lineStart = true } else if scalar != " " { lineStart = false }
            index += 1
        }
        return frontMatter || heading ? .markdown : .plain
    }

    /// The end of the run of non-ASCII characters of `text` from `start`, at most `end`
    /// (read through the buffer: `end` is at most the text's length).
    private static func nonASCIIRunEnd(_ text: [Unicode.Scalar], from start: Int, to end: Int) -> Int {
        text.withUnsafeBufferPointer { buffer in
            precondition(end <= buffer.count)
            var index = start
            while index < end, buffer[index].value >= 0x80 { index &+= 1 }
            return index
        }
    }

    /// Tags that only HTML has, matched case-insensitively after `<`.
    private static let htmlTags: [[Unicode.Scalar]] = ["html", "body", "p>", "p ", "div", "br", "span", "table", "h1", "h2"]
        .map { Array($0.unicodeScalars) }

    /// Whether the `<` at `index` opens one of ``htmlTags``.
    private static func opensHTMLTag(_ head: ArraySlice<Unicode.Scalar>, at index: Int) -> Bool {
        for tag in htmlTags where index + tag.count < head.endIndex {
            var matches = true
            for (offset, expected) in tag.enumerated() {
                let value = head[index + 1 + offset].value
                let lowered = value >= 0x41 && value <= 0x5A ? value + 0x20 : value
                if lowered != expected.value { matches = false; break }
            }
            if matches { return true }
        }
        return false
    }
}
