import TextTools

/// Heading lines of reports that carry no number: a short line of their own,
/// without sentence punctuation, after a finished paragraph and before body
/// text (`聚焦“体现最好质效”` / `开好引才良方`). Photo captions and bylines,
/// which no body text follows or which name a writer, are not headings.
struct StandaloneHeadings {
    let lines: [LayoutLine]
    let text: [Unicode.Scalar]
    /// Whether lines are blocks (HTML, Markdown) rather than wrapped text.
    let blocks: Bool
    /// The width wrapped lines are cut at: ``LayoutLines/wrapWidth(_:)`` of `lines`.
    let width: Int

    /// Groups of layout lines that make one heading each.
    func find() -> [Range<Int>] {
        var groups: [Range<Int>] = []
        var index = 0
        while index < lines.count {
            guard endsParagraph(before: index), isCandidate(index, width: width) else { index += 1; continue }
            var end = index + 1
            while end < lines.count, end - index < 2, lines[end].blankBefore <= 1, isCandidate(end, width: width) { end += 1 }
            let last = lines[end - 1]
            // Bylines and date lines may stand between a headline and its text.
            var next = end
            while next < lines.count, next - end < 3, isByline(lines[next]) || DateReader.lineDate(lines[next].written) != nil { next += 1 }
            if next < lines.count, isBody(lines[next], width: width), startsTextLine(lines[index]),
                endsTextLine(last) || blocks || last.length * 10 <= width * 7
            {
                groups.append(index..<end)
            }
            index = end
        }
        return groups
    }

    private func isCandidate(_ index: Int, width: Int) -> Bool {
        let line = lines[index]
        guard line.length >= 4, line.length <= 40, line.isShort, !line.hasSentencePunctuation else { return false }
        if let last = line.lastScalar, "，、,；".unicodeScalars.contains(last) { return false }
        if !blocks, line.length * 10 > width * 8 { return false }
        guard line.written.count(where: ScalarClass.isIdeograph) >= 3 else { return false }
        if MarkedHeadingScanner.heading(in: line.range, text: text) != nil { return false }
        if isByline(line) { return false }
        if let first = line.written.first(where: { !ScalarClass.isSpace($0) }), first == "(" || first == "（" { return false }
        return true
    }

    /// Marks of bylines, sources and navigation, which are not headings.
    private static let bylineMarks: [[Unicode.Scalar]] = ["□", "■", "文/", "图/", "记者", "通讯员", "来源", "编辑", "责编", "本报讯", "返回"]
        .map(\.scalars)

    private func isByline(_ line: LayoutLine) -> Bool {
        line.length <= 40 && (Self.bylineMarks.contains { line.contains($0) } || Self.namesAPerson(line))
    }

    /// Whether a line names a person by post and name, as a speech's or
    /// article's byline does (`市委书记　张三`, `县人社局局长 李四`): a post,
    /// a space, and two to four characters ending the line.
    static func namesAPerson(_ line: LayoutLine, posts: WordList = OrganizationVocabulary.shared.positionWords) -> Bool {
        guard line.length <= 24, line.isShort, !line.hasSentencePunctuation else { return false }
        let scalars = line.scalars
        var nameStart = scalars.count
        while nameStart > 0, ScalarClass.isIdeograph(scalars[nameStart - 1]) { nameStart -= 1 }
        guard (2...4).contains(scalars.count - nameStart), nameStart > 0, ScalarClass.isSpace(scalars[nameStart - 1]) else { return false }
        var postEnd = nameStart
        while postEnd > 0, ScalarClass.isSpace(scalars[postEnd - 1]) { postEnd -= 1 }
        return posts.matchEnding(scalars, before: postEnd) != nil
    }

    private func endsParagraph(before index: Int) -> Bool {
        guard index > 0 else { return true }
        if blocks { return true }
        guard let last = lines[index - 1].lastScalar else { return true }
        return ScalarClass.sentenceEnds.contains(last) || ScalarClass.closers.contains(last) || last == "："
    }

    private func isBody(_ line: LayoutLine, width: Int) -> Bool {
        line.hasSentencePunctuation || line.contains("，") || line.contains("、") || line.length * 10 > width * 8
    }

    /// Whether the normaliser kept the line apart from the next one: a line
    /// nearly as wide as the text that it ran into the next is the first line
    /// of a paragraph, not a heading.
    private func endsTextLine(_ line: LayoutLine) -> Bool {
        line.range.upperBound >= text.count || text[line.range.upperBound] == "\n"
    }

    private func startsTextLine(_ line: LayoutLine) -> Bool {
        line.range.lowerBound == 0 || text[line.range.lowerBound - 1] == "\n"
    }
}
