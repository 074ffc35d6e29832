import Foundation
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

    /// `firstLineTitle`: the lines of a report's title read from its first
    /// line (`…工作总结`), used when the markup names no headline.
    init(document: TextDocument, lines: [LayoutLine], text: [Unicode.Scalar], isReport: Bool,
         firstLineTitle: Range<Int>? = nil) {
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
        if title == nil { title = markup.frontMatter["title"]?.trimmed ?? markup.htmlTitle.map(Self.withoutSiteName) }
        if title?.isEmpty == true { title = nil }
        if title == nil, let firstLineTitle {
            title = firstLineTitle.map { lines[$0].text.trimmed }.joined(separator: " ")
        }
        if date == nil { date = Self.datedLine(in: lines) }
        guard isReport, markupHeadings.isEmpty, document.format != .markdown else { return }
        var groups = StandaloneHeadings(lines: lines, text: text, blocks: document.format != .plain).find()
        if let title {
            let headline = title.withoutSpaces
            groups.removeAll { group in group.map { lines[$0].text }.joined().withoutSpaces == headline }
        }
        // The report's title is no section, whatever lines ran into it.
        if let firstLineTitle { groups.removeAll { $0.overlaps(firstLineTitle) } }
        // A plain report opening with its only heading line has that line as its headline.
        if title == nil, document.format == .plain, groups.count == 1, groups[0].lowerBound == 0 {
            title = groups[0].map { lines[$0].text.trimmed }.joined(separator: " ")
            groups = []
        }
        lineGroups = groups
    }

    /// A page title without the site's name after `_`, `|` or ` - `
    /// (`江城市召开人才工作会议_江城新闻网`).
    static func withoutSiteName(_ title: String) -> String {
        var result = title.trimmed
        for separator in ["_", "|", "｜", " - ", " — "] {
            if let range = result.range(of: separator, options: .backwards),
               result[..<range.lowerBound].unicodeScalars.count >= 6 {
                result = String(result[..<range.lowerBound]).trimmed
            }
        }
        return result
    }

    /// A date near the top, on a line of its own or after a label such as 发布时间.
    static func datedLine(in lines: [LayoutLine]) -> String? {
        for line in lines.prefix(8) {
            if let date = DateReader.lineDate(line.text) { return date }
            let text = line.text.withoutSpaces
            for label in ["发布时间", "发布日期", "发文日期", "成文日期", "日期", "时间"] where text.hasPrefix(label) {
                let rest = text.dropFirst(label.count).drop { $0 == "：" || $0 == ":" }
                if let found = DateReader.isoDate(in: String(rest).scalars), found.range.lowerBound == 0 { return found.date }
            }
        }
        return nil
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
