import Foundation
import Segmenter
import TextTools

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
    /// `wrapWidth` is ``LayoutLines/wrapWidth(_:)`` of `lines`.
    init(document: TextDocument, lines: [LayoutLine], text: [Unicode.Scalar], isReport: Bool,
         firstLineTitle: Range<Int>? = nil, wrapWidth: Int) {
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
        var groups = StandaloneHeadings(lines: lines, text: text, blocks: document.format != .plain, width: wrapWidth).find()
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
        // A news record's headline is its first line, when that line stands alone.
        if title == nil, lines.count > 1, let first = lines.first, first.length >= 6, first.length <= 60,
           !first.hasSentencePunctuation, !groups.contains(where: { $0.contains(0) }) {
            title = first.text.trimmed
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
            if let date = DateReader.lineDate(line.written) { return date }
            guard let first = line.written.first, dateLabels.contains(where: { $0.first == first }) else { continue }
            for label in dateLabels {
                if let date = labelledDate(in: line.written, label: label) { return date }
            }
        }
        return nil
    }

    private static let dateLabels: [[Unicode.Scalar]] = ["发布时间", "发布日期", "发文日期", "成文日期", "日期", "时间"].map(\.scalars)

    /// The date right after `label` and its colon, when the line opens with
    /// them (spaces not counted): `发布时间：2021年3月5日 来源：…`. Reads the
    /// line only as far as the date, however long the line.
    private static func labelledDate(in line: ArraySlice<Unicode.Scalar>, label: [Unicode.Scalar]) -> String? {
        var index = line.startIndex
        func nextWritten() -> Unicode.Scalar? {
            while index < line.endIndex, ScalarClass.isSpace(line[index]) { index += 1 }
            guard index < line.endIndex else { return nil }
            defer { index += 1 }
            return line[index]
        }
        for scalar in label where nextWritten() != scalar { return nil }
        var date: [Unicode.Scalar] = []
        while let scalar = nextWritten() {
            if date.isEmpty, scalar == "：" || scalar == ":" { continue }
            date.append(scalar)
            // A date, and the character after it that tells where it ends.
            if date.count > DateReader.longestDate { break }
        }
        return DateReader.openingDate(date)
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
