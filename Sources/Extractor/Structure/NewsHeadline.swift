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
    init(
        document: TextDocument, lines: [LayoutLine], text: [Unicode.Scalar], isReport: Bool,
        firstLineTitle: Range<Int>? = nil, wrapWidth: Int
    ) {
        self.lines = lines
        let markup = document.markup
        if let value = markup.frontMatter["date"] { date = DateReader.isoDate(value) }
        let headings = markup.headings
        if let top = headings.map(\.level).min() {
            let atTop = headings.filter { $0.level == top }
            // A lone top heading that opens a list (`# 一、申请条件`) is a
            // section, not the headline.
            let headline =
                atTop.count == 1 && headings.first?.level == top
                    && !Self.opensAList(headings[0].title) ? headings.first : nil
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
        // A news record's headline is its first line with the date it was
        // posted run onto its end (`江城区开展安全检查时间：2031-05-13`).
        if title == nil, lines.count > 1, let first = lines.first, first.isShort,
            let (headline, posted) = Self.headlineAndDate(first.written)
        {
            title = headline
            if date == nil { date = posted }
            groups.removeAll { $0.contains(0) }
        }
        // A plain report opening with its only heading, or with a heading of
        // one line, has it as its headline, not as a section (a heading of two
        // lines among others opens the first part of a compilation).
        if title == nil, document.format == .plain, let first = groups.first, first.lowerBound == 0,
            groups.count == 1 || first.count == 1
        {
            title = first.map { lines[$0].text.trimmed }.joined(separator: " ")
            groups.removeFirst()
        }
        // A news record's headline is its first line, when that line stands
        // alone: short, no sentence in it (a headline may exclaim or ask:
        // `本月起，补贴直接发放至个人！`).
        if title == nil, lines.count > 1, let first = lines.first, Self.standsAlone(first),
            !groups.contains(where: { $0.contains(0) })
        {
            title = first.text.trimmed
        }
        lineGroups = groups
    }

    /// Whether a heading opens with a list marker: `一、`, `（一）`, `1.`, `第一章`.
    static func opensAList(_ heading: String) -> Bool {
        let scalars = Array(heading.trimmed.unicodeScalars.prefix(8))
        guard let first = scalars.first else { return false }
        var index = first == "（" || first == "(" ? 1 : 0
        if index == 0, first == "第" { index = 1 }
        let numerals = index
        while index < scalars.count, ChineseNumber.isNumeral(scalars[index]) || ScalarClass.isDigit(scalars[index]) { index += 1 }
        guard index > numerals, index < scalars.count else { return false }
        switch scalars[index] {
        case "、", ".", "．": return numerals == 0
        case "）", ")": return first == "（" || first == "("
        case "章", "节", "条", "部": return first == "第"
        default: return false
        }
    }

    /// Whether a first line reads as a headline: 6 to 60 characters, no
    /// sentence end or colon in it (a closing `！` or `？`, or one between
    /// two phrases, is a headline's), not ending as a clause does.
    static func standsAlone(_ line: LayoutLine) -> Bool {
        guard line.length >= 6, line.length <= 60, let last = line.lastScalar else { return false }
        if "，、,；;：:".unicodeScalars.contains(last) { return false }
        return !line.written.contains { "。；;：:".unicodeScalars.contains($0) }
    }

    /// A first line that is a headline with its posting date run onto its
    /// end after a date label (`…安全检查时间：2031-05-13`): the headline and
    /// the date.
    static func headlineAndDate(_ line: ArraySlice<Unicode.Scalar>) -> (String, String)? {
        guard line.count <= 90 else { return nil }
        let scalars = Array(line)
        for colon in scalars.indices where scalars[colon] == "：" || scalars[colon] == ":" {
            guard let date = DateReader.lineDate(scalars[(colon + 1)...]) else { continue }
            for label in dateLabels.sorted(by: { $0.count > $1.count }) where colon >= label.count + 6 {
                guard scalars.has(label, at: colon - label.count) else { continue }
                let headline = String(scalars: scalars[..<(colon - label.count)]).trimmed
                guard headline.unicodeScalars.count >= 6, !headline.unicodeScalars.contains(where: { "。；;：:".unicodeScalars.contains($0) })
                else { return nil }
                return (headline, date)
            }
        }
        return nil
    }

    /// A page title without the site's name after `_`, `|` or ` - `
    /// (`江城市召开人才工作会议_江城新闻网`).
    static func withoutSiteName(_ title: String) -> String {
        var result = title.trimmed
        for separator in ["_", "|", "｜", " - ", " — "] {
            if let range = result.range(of: separator, options: .backwards),
                result[..<range.lowerBound].unicodeScalars.count >= 6
            {
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
            Section(
                level: max(1, level), marker: heading.marker, title: heading.title.trimmed,
                span: Span(heading.span), rule: "section.markup")
        }
        for group in lineGroups {
            let range = lines[group.lowerBound].range.lowerBound..<lines[group.upperBound - 1].range.upperBound
            sections.append(
                Section(
                    level: 1, marker: "", title: group.map { lines[$0].text.trimmed }.joined(separator: " "),
                    span: context.span(of: range), rule: "section.line"))
        }
        return sections
    }
}
