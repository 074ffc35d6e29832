import Segmenter

/// The headline, date and headings of a post or report: Markdown `#` lines
/// (levels counted from the headline: `##` is 1), HTML headings, front matter
/// `title`/`date`, `<title>`, and in plain text or HTML paragraphs the
/// stand-alone heading lines.
struct NewsHeadline {
    /// The headline, or nil.
    var title: String?
    /// The post's date, ISO.
    var date: String?
    /// Markup headings other than the headline, with their levels.
    private var markupHeadings: [(level: Int, heading: Markup.Heading)] = []
    /// Stand-alone heading lines, as groups of layout lines.
    private var lineGroups: [Range<Int>] = []
    private let lines: [LayoutLine]

    init(document: TextDocument, lines: [LayoutLine], text: [Unicode.Scalar], isReport: Bool) {
        self.lines = lines
        let markup = document.markup
        if let value = markup.frontMatter["date"] { date = DateReader.isoDate(value) }
        let headings = markup.headings
        if let top = headings.map(\.level).min() {
            let atTop = headings.filter { $0.level == top }
            let headline = atTop.count == 1 && headings.first?.level == top ? headings.first : nil
            title = headline?.title.trimmed
            let base = headline == nil ? top - 1 : top
            markupHeadings = headings.filter { $0.span != headline?.span }.map { ($0.level - base, $0) }
        }
        if title == nil { title = markup.frontMatter["title"]?.trimmed ?? markup.htmlTitle?.trimmed }
        if title?.isEmpty == true { title = nil }
        guard isReport, markupHeadings.isEmpty, document.format != .markdown else { return }
        var groups = StandaloneHeadings(lines: lines, text: text, blocks: document.format != .plain).find()
        // A plain report opening with its only heading line has that line as its headline.
        if title == nil, document.format == .plain, groups.count == 1, groups[0].lowerBound == 0 {
            title = groups[0].map { lines[$0].text.trimmed }.joined(separator: " ")
            groups = []
        }
        lineGroups = groups
    }

    /// The sections these headings make.
    func sections(context: ExtractionContext) -> [Section] {
        var sections = markupHeadings.map { level, heading in
            Section(level: max(1, level), marker: heading.marker, title: heading.title.trimmed,
                    span: Span(heading.span), rule: "section.markup")
        }
        for group in lineGroups {
            let range = lines[group.lowerBound].range.lowerBound..<lines[group.upperBound - 1].range.upperBound
            sections.append(Section(level: 1, marker: "", title: group.map { lines[$0].text.trimmed }.joined(separator: " "),
                                    span: context.span(of: range), rule: "section.line"))
        }
        return sections
    }
}
