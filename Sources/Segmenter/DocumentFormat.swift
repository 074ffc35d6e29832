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
        if head.starts(with: "---\n".unicodeScalars) || head.starts(with: "---\r\n".unicodeScalars) {
            return hasHTMLTag(head) ? .html : .markdown
        }
        if hasHTMLTag(head) { return .html }
        // A line opening with "# ", "## " or "### " is a Markdown heading.
        var lineStart = true
        var index = head.startIndex
        while index < head.endIndex {
            let scalar = head[index]
            if lineStart, scalar == "#" {
                var hashes = index
                while hashes < head.endIndex, head[hashes] == "#" { hashes += 1 }
                if hashes - index <= 3, hashes < head.endIndex, head[hashes] == " " { return .markdown }
            }
            if scalar == "\n" { lineStart = true } else if scalar != " " { lineStart = false }
            index += 1
        }
        return .plain
    }

    /// Tags that only HTML has, matched case-insensitively after `<`.
    private static let htmlTags: [[Unicode.Scalar]] = ["html", "body", "p>", "p ", "div", "br", "span", "table", "h1", "h2"]
        .map { Array($0.unicodeScalars) }

    private static func hasHTMLTag(_ head: ArraySlice<Unicode.Scalar>) -> Bool {
        var index = head.startIndex
        while index < head.endIndex {
            if head[index] == "<" {
                for tag in htmlTags where index + tag.count < head.endIndex {
                    var matches = true
                    for (offset, expected) in tag.enumerated() {
                        let value = head[index + 1 + offset].value
                        let lowered = value >= 0x41 && value <= 0x5A ? value + 0x20 : value
                        if lowered != expected.value { matches = false; break }
                    }
                    if matches { return true }
                }
            }
            index += 1
        }
        return false
    }
}
