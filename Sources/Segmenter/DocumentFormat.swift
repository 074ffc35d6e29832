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
        let head = String(String.UnicodeScalarView(text.prefix(8192))).lowercased()
        for tag in ["<html", "<body", "<p>", "<p ", "<div", "<br", "<span", "<table", "<h1", "<h2"] where head.contains(tag) {
            return .html
        }
        if head.hasPrefix("---\n") || head.hasPrefix("---\r\n") { return .markdown }
        for line in head.split(separator: "\n", omittingEmptySubsequences: true).prefix(200) {
            let trimmed = line.drop { $0 == " " }
            if trimmed.hasPrefix("# ") || trimmed.hasPrefix("## ") || trimmed.hasPrefix("### ") { return .markdown }
        }
        return .plain
    }
}
