/// The annexes of a document (`附件`, `附件1：…`, `附件二`), and which of
/// them are not the policy the notice issues: their lists (forms, showcase
/// scenarios, indicator tables) are no measures (spec §5).
enum Annexes {
    /// The ranges of the normalised text that annexes hold, from an annex's
    /// line to the next annex's line or the text's end, for each annex whose
    /// title does not end as a policy's does (`…实施办法`, `…工作方案`).
    ///
    /// An annex the notice's title issues (`关于印发江城市河湖长巡查工作制度的通知`
    /// with the annex `江城市河湖长巡查工作制度`) is the policy, whatever its
    /// title ends with.
    static func nonPolicyRanges(in text: [Unicode.Scalar], noticeTitle: String? = nil) -> [Range<Int>] {
        var starts: [(start: Int, title: String)] = []
        var lineStart = 0
        while lineStart < text.count {
            var lineEnd = lineStart
            while lineEnd < text.count, text[lineEnd] != "\n" { lineEnd += 1 }
            if let title = annexTitle(lineStart..<lineEnd, nextLineFrom: lineEnd + 1, in: text) {
                starts.append((lineStart, title))
            }
            if MarkedHeadingScanner.isRunOn(lineStart..<lineEnd, textLength: text.count) {
                starts += inlineAnnexes(lineStart..<lineEnd, in: text)
            }
            lineStart = lineEnd + 1
        }
        starts.sort { $0.start < $1.start }
        let reader = DocumentHeaderReader(lines: [])
        var ranges: [Range<Int>] = []
        for (position, annex) in starts.enumerated() {
            let end = position + 1 < starts.count ? starts[position + 1].start : text.count
            if !reader.endsWithGenreWord(annex.title) && !issues(annex.title, noticeTitle) || annex.title.hasSuffix("通知") {
                ranges.append(annex.start..<end)
            }
        }
        return ranges
    }

    /// The shortest annex title told to be the policy by the notice's title alone.
    static let issuedTitleLength = 6

    /// Whether a notice titled `noticeTitle` issues (`印发`, `转发`, `批转`) the annex
    /// titled `title`: the notice's title names it after its verb.
    static func issues(_ title: String, _ noticeTitle: String?) -> Bool {
        guard let noticeTitle else { return false }
        let key = title.filter { !$0.isWhitespace && !"《》".contains($0) }
        guard key.count >= issuedTitleLength else { return false }
        let notice = noticeTitle.filter { !$0.isWhitespace && !"《》".contains($0) }
        // The verbs by which a notice passes a document on (`印发`, `转发`: data).
        for verb in HeaderVocabulary.shared.passingVerbs.words {
            if let range = notice.range(of: String(scalars: verb[...])), notice[range.upperBound...].contains(key) { return true }
        }
        return false
    }

    /// How long an annex's title run into a line is read, at most.
    static let inlineTitleLength = 40

    /// The annexes run into a long line (a page scraped onto one line): after
    /// the list of annexes (`。附件：1.…2.…`), the annexes open in the order of
    /// their numbers (`附件1突发事件分级标准一、…附件2…`), each title running to
    /// its first marker or sentence end. A `附件1` before the list (`见附件1`)
    /// is a mention, and so is one out of order; the list itself opens no
    /// annex (the policy it names may follow it untitled).
    private static func inlineAnnexes(_ line: Range<Int>, in text: [Unicode.Scalar]) -> [(start: Int, title: String)] {
        var found: [(start: Int, title: String)] = []
        var listed = false
        var expected = 1
        var index = line.lowerBound + 1
        while index + 2 < line.upperBound {
            defer { index += 1 }
            guard text[index] == "附", text[index + 1] == "件" else { continue }
            var after = index + 2
            if text[after] == "：" || text[after] == ":" {
                if MarkedHeadingScanner.standsAfterASentence(index, text: text) { listed = true }
                continue
            }
            while after < line.upperBound, ScalarClass.isDigit(text[after]) || ChineseNumber.isNumeral(text[after]) { after += 1 }
            guard listed, after > index + 2, ChineseNumber.value(text[(index + 2)..<after]) == expected else { continue }
            expected += 1
            var end = after
            while end < line.upperBound, end - after < inlineTitleLength, !"。；： \u{3000}".unicodeScalars.contains(text[end]),
                MarkedHeadingScanner.heading(in: end..<line.upperBound, text: text) == nil
            { end += 1 }
            found.append((index, String(scalars: text[after..<end])))
        }
        return found
    }

    /// The title of the annex a line opens (`附件2：申报表` → `申报表`; a
    /// bare `附件1` takes the next line), or nil if the line opens none.
    private static func annexTitle(_ line: Range<Int>, nextLineFrom next: Int, in text: [Unicode.Scalar]) -> String? {
        var index = line.lowerBound
        while index < line.upperBound, text[index] == " " { index += 1 }
        guard index + 1 < line.upperBound, text[index] == "附", text[index + 1] == "件" else { return nil }
        index += 2
        while index < line.upperBound, ScalarClass.isDigit(text[index]) || ChineseNumber.isNumeral(text[index]) || text[index] == " " {
            index += 1
        }
        if index < line.upperBound, text[index] == "：" || text[index] == ":" { index += 1 }
        while index < line.upperBound, text[index] == " " { index += 1 }
        if index < line.upperBound {
            // A title on the line, not a sentence that starts with 附件.
            guard line.upperBound - index <= 60, !text[index..<line.upperBound].contains("。") else { return nil }
            return String(scalars: text[index..<line.upperBound])
        }
        var start = min(next, text.count)
        while start < text.count, text[start] == "\n" || text[start] == " " { start += 1 }
        var end = start
        while end < text.count, text[end] != "\n" { end += 1 }
        guard end - start <= 60 else { return "" }
        return String(scalars: text[start..<end])
    }
}
