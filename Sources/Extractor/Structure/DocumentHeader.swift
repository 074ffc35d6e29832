import Segmenter
import TextTools

/// The 公文 elements at the head and foot of a document (GB/T 9704-2012).
struct DocumentHeader: Sendable {
    var title: String?
    /// Layout lines the title was read from.
    var titleLines: Range<Int>?
    var documentNumber: String?
    var issuers: [String] = []
    var recipients: [String] = []
    var date: String?
    /// Layout lines of a report's title read from its first line
    /// (`…人才工作总结`), when the document has no 公文 title; its issuers and
    /// date then come from the signature that closes it.
    var reportTitleLines: Range<Int>?
    /// Issuers a reprint names in its lead (`江城市委办公室、江城市政府办公室印发了《…》`).
    var leadIssuers: [String] = []
}

/// Reads the 公文 elements from the layout lines: the issuing-organ line
/// (`中共石嘴山市委办公室文件`), the 发文字号, the title (ending in a genre word
/// such as 通知 or 实施意见, on up to three lines), the 主送机关 line ending in
/// `：`, and the signature lines above the 成文日期.
struct DocumentHeaderReader {
    let lines: [LayoutLine]
    var vocabulary: StructureVocabulary = .shared
    var organizations: OrganizationVocabulary = .shared

    /// How far into the document the header may reach.
    private static let headerReach = 14
    private var headerReach: Int { Self.headerReach }
    /// How far a title set again may come after the first: a scraped page
    /// may hold a header table of a dozen lines between its headline and the
    /// document's own title.
    private static let repeatReach = 26
    /// Whether each line within ``headerReach`` could be a title line (read
    /// once: each title search asks of every line).
    private let titleLike: [Bool]

    /// For each of ``lines``, the layout line it was cut from.
    private let layoutIndex: [Int]?

    init(lines: [LayoutLine]) {
        self.lines = lines
        layoutIndex = nil
        titleLike = lines.prefix(Self.repeatReach).map(Self.isTitleLike)
    }

    /// A reader of `document`'s header: in Markdown, whose paragraphs run
    /// the lines of a scraped page together (a header table, the title
    /// repeated, the 主送机关), each block is cut again at the line breaks
    /// its source had (``HeaderLines``).
    init(document: TextDocument, lines: [LayoutLine]) {
        if document.format == .markdown {
            let cut = HeaderLines.cut(lines, in: document)
            self.lines = cut.lines
            layoutIndex = cut.layoutIndex
        } else {
            self.lines = lines
            layoutIndex = nil
        }
        titleLike = self.lines.prefix(Self.repeatReach).map(Self.isTitleLike)
    }

    func read() -> DocumentHeader {
        var header = readLines()
        // Line ranges given back in layout lines.
        if let layoutIndex, let group = header.reportTitleLines {
            header.reportTitleLines = layoutIndex[group.lowerBound]..<(layoutIndex[group.upperBound - 1] + 1)
        }
        if let layoutIndex, let group = header.titleLines {
            header.titleLines = layoutIndex[group.lowerBound]..<(layoutIndex[group.upperBound - 1] + 1)
        }
        return header
    }

    private func readLines() -> DocumentHeader {
        if let order = orderHead() { return order }
        var header = DocumentHeader()
        var next = 0
        var organs: [String] = []
        let reach = min(lines.count, headerReach)
        // The issuing-organ line: `…文件`.
        for index in 0..<min(reach, 4) where lines[index].isShort && lines[index].lastScalar == "件" {
            let text = lines[index].text.withoutSpaces
            if text.hasSuffix("文件"), text.count <= 60, !lines[index].hasSentencePunctuation {
                organs = splitOrgans(String(lines[index].text.trimmed.dropLast(2)))
                next = index + 1
                break
            }
        }
        // The title: the first title group, or a head run into one line
        // (title, 发文字号 and recipients) in the first two lines.
        var gluedRecipients: [String] = []
        var gluedDate: String?
        for index in next..<max(next, reach) {
            if let group = titleGroup(at: index, reach: reach, words: vocabulary.genreWords) {
                header.titleLines = group
                header.title = joined(group)
                break
            }
            if index < next + 2, let glued = gluedHead(at: index) {
                header.titleLines = glued.line..<(glued.line + 1)
                header.title = glued.title
                // The title's start on the line before (`国务院关于印发江城` / `“十五五”规划的通知国发〔…`).
                if index > next, titleLike[index - 1], lines[index - 1].contains("关于".scalars),
                    !endsWithGenreWord(lines[index - 1].text)
                {
                    header.titleLines = (index - 1)..<(index + 1)
                    header.title = lines[index - 1].text + glued.title
                }
                header.documentNumber = glued.number
                gluedRecipients = glued.recipients
                gluedDate = glued.date
                break
            }
        }
        // A page scraped onto one line with no 发文字号: its title runs to the
        // first space, ending with a genre word (`江城市…的通知 各区民政局：…`).
        if header.title == nil, next == 0, let title = runOnTitle() {
            header.titleLines = 0..<1
            header.title = title
        }
        // A site's tag before the title (`（转载）`, `【关注】`) is no part of it.
        if let title = header.title, let tagEnd = Self.siteTagEnd(title.scalars) {
            header.title = String(scalars: title.scalars[tagEnd...]).trimmed
        }
        // A title set twice (a page's headline, then the document's own
        // head): the number, recipients and signature follow the second.
        var anchor = header.titleLines
        if let first = anchor, gluedRecipients.isEmpty, let title = header.title {
            anchor = repeatedTitle(title, after: first.upperBound, reach: min(lines.count, Self.repeatReach)) ?? first
        }
        // The 发文字号, before the title or close after it.
        if header.documentNumber == nil {
            let numberReach = min(lines.count, (anchor?.upperBound ?? reach) + 2)
            for index in 0..<numberReach where lines[index].length <= 50 && lines[index].isShort {
                if header.titleLines?.contains(index) == true || anchor?.contains(index) == true { continue }
                if index < titleLike.count, titleLike[index] { continue }  // a title-like line holds no number
                if let found = DocumentNumber.find(in: lines[index].scalars) {
                    header.documentNumber = found.number
                    break
                }
            }
        }
        // A 公文 that reports rather than rules (…情况的报告, …的通报).
        if header.titleLines == nil, header.documentNumber != nil || !organs.isEmpty,
            let group = (next..<reach).lazy.compactMap({ titleGroup(at: $0, reach: reach, words: vocabulary.reportGenreWords) }).first
        {
            header.titleLines = group
            header.title = joined(group)
            anchor = group
        }
        guard let titleLines = anchor, let title = header.title else {
            header.leadIssuers = leadIssuers(from: 0)
            if header.documentNumber == nil, let group = reportTitleGroup() {
                header.reportTitleLines = group
                if let (organs, date) = closingSignature(after: group.upperBound) {
                    header.issuers = organs
                    header.date = date
                }
            }
            return header
        }
        let (recipients, number) =
            gluedRecipients.isEmpty
            ? recipients(after: titleLines.upperBound, title: title) : (gluedRecipients, nil)
        header.recipients = recipients
        if header.documentNumber == nil { header.documentNumber = number }
        let head = titleHead(title)
        if let note = promulgationNote(after: titleLines.upperBound) {
            // A regulation as published (`江城市…条例` / `（2031年1月5日江城市人民政府令第12号公布）`).
            header.documentNumber = header.documentNumber ?? note.number
            header.issuers = [note.organ]
            header.date = note.date
            return header
        }
        let (signature, date) = signatureAndDate(after: titleLines.upperBound, titleIssuers: head)
        header.date = gluedDate ?? date
        header.issuers = merged(organs, signature)
        if header.issuers.isEmpty { header.issuers = head.filter(isOrganName) }
        if header.issuers.isEmpty { header.leadIssuers = leadIssuers(from: titleLines.upperBound) }
        return header
    }

    /// Where a site's tag opening a title ends: a bracket of two to six
    /// characters (`（转载）`, `【关注】`) followed by the title itself.
    static func siteTagEnd(_ title: [Unicode.Scalar]) -> Int? {
        guard let first = title.first, first == "（" || first == "【" || first == "(" || first == "[" else { return nil }
        guard let close = title.prefix(8).firstIndex(where: { $0 == "）" || $0 == "】" || $0 == ")" || $0 == "]" }),
            close >= 3, title.count - close > 8, title[1..<close].allSatisfy(ScalarClass.isIdeograph)
        else { return nil }
        return close + 1
    }

    /// The lines, after `start` and within `reach`, that set `title` again
    /// (spaces aside), as one title group.
    private func repeatedTitle(_ title: String, after start: Int, reach: Int) -> Range<Int>? {
        let key = title.withoutSpaces
        for index in start..<max(start, reach) {
            guard let group = titleGroup(at: index, reach: reach, words: vocabulary.genreWords) else { continue }
            // The issuer may head the second title only (`江城市交通局` / `关于…的通知`).
            if joined(group).withoutSpaces.hasSuffix(key) { return group }
        }
        return nil
    }

    // MARK: - Title

    /// The run of up to three heading-like lines from `index` whose text ends with one of `words`.
    private func titleGroup(at index: Int, reach: Int, words: WordList) -> Range<Int>? {
        guard index < reach, titleLike[index] else { return nil }
        var end = index
        var written: [Unicode.Scalar] = []
        while end < min(reach, index + 3) {
            if end > index, !titleLike[end] || lines[end].blankBefore > 1 { break }
            // The lines joined, spaces left out as the genre word is looked for without them.
            written.append(contentsOf: lines[end].written.lazy.filter { !ScalarClass.isSpace($0) })
            if endsWithGenreWord(written, words: words) {
                // A title goes on over the next line when, joined to it, it
                // still ends with a genre word (`…管理办法` / `实施细则的通知`),
                // unless that line sets the title again (a page's headline
                // above the document's own title).
                let next = end + 1
                if next < min(reach, index + 3), titleLike[next], lines[next].blankBefore <= 1 {
                    let following = Array(lines[next].written.lazy.filter { !ScalarClass.isSpace($0) })
                    let repeats = written.starts(with: following.prefix(4)) || written.reversed().starts(with: following.reversed())
                    if !repeats, endsWithGenreWord(written + following, words: words) { return index..<(next + 1) }
                }
                return index..<(end + 1)
            }
            end += 1
        }
        return nil
    }

    /// A report's title: its first lines, when they end as a report's,
    /// speech's or summary's title does (总结, 报告, 讲话…).
    private func reportTitleGroup() -> Range<Int>? {
        titleGroup(at: 0, reach: min(lines.count, headerReach), words: vocabulary.reportGenreWords)
    }

    private static func isTitleLike(_ line: LayoutLine) -> Bool {
        guard line.length >= 4, line.length <= 80, line.isShort else { return false }
        if line.hasSentencePunctuation { return false }
        if DocumentNumber.find(in: line.scalars) != nil { return false }
        if let last = line.lastScalar, last == "，" || last == "、" { return false }
        // A date line (`2031年1月29日`) is no part of a title.
        if DateReader.lineDate(line.written) != nil { return false }
        return true
    }

    /// Whether a title ends with 通知, 实施意见… (or one of `words`), after any
    /// bracketed tail (`（试行）`, `（摘要）`).
    func endsWithGenreWord(_ title: String, words: WordList? = nil) -> Bool {
        endsWithGenreWord(title.withoutSpaces.scalars, words: words)
    }

    /// Whether a title, written without spaces, ends with 通知, 实施意见… (or
    /// one of `words`), after any bracketed tail.
    private func endsWithGenreWord(_ title: [Unicode.Scalar], words: WordList?) -> Bool {
        var scalars = title
        // Drop closing quotes and brackets, and a bracketed tail.
        while let last = scalars.last, last == "”" || last == "》" || last == "\"" { scalars.removeLast() }
        if let last = scalars.last, last == "）" || last == ")",
            let open = scalars.lastIndex(where: { $0 == "（" || $0 == "(" }), scalars.count - open <= 16
        {
            scalars.removeSubrange(open...)
        }
        return (words ?? vocabulary.genreWords).matchEnding(scalars, before: scalars.count) != nil
    }

    /// The text of lines joined as one: no space between Chinese characters.
    private func joined(_ range: Range<Int>) -> String {
        var result = ""
        for index in range {
            let text = lines[index].text
            if let last = result.unicodeScalars.last, let first = text.unicodeScalars.first,
                (ScalarClass.isLatinLetter(last) || ScalarClass.isDigit(last))
                    && (ScalarClass.isLatinLetter(first) || ScalarClass.isDigit(first))
            {
                result += " "
            }
            result += text
        }
        return result
    }

    // MARK: - An order (令)

    /// An order promulgating a regulation (`江城市人民政府令` / `第12号` /
    /// `《江城市…办法》已经…通过，现予公布，…` / `市长 …` / date): issued by the
    /// organ that orders, numbered `…令第12号`, titled by the regulation it
    /// promulgates, dated by its signature.
    private func orderHead() -> DocumentHeader? {
        for index in 0..<min(lines.count, 3) {
            var text = Array(lines[index].written.prefix(60).filter { !ScalarClass.isSpace($0) })
            guard let order = text.firstIndex(of: "令"), order >= 2, order <= 24,
                text[..<order].allSatisfy(ScalarClass.isIdeograph)
            else { continue }
            let organ = String(scalars: text[..<order])
            var issuer = organ
            if issuer.hasPrefix("中华人民共和国"), issuer.count > 7 { issuer = String(issuer.dropFirst(7)) }
            guard isOrganName(issuer) else { continue }
            var next = index + 1
            if order + 1 == text.count, next < lines.count {
                // The number on the next line (`第12号`).
                text += lines[next].written.prefix(20).filter { !ScalarClass.isSpace($0) }
                next += 1
            }
            guard let serial = Self.orderSerial(text, at: order + 1) else { continue }
            var header = DocumentHeader()
            header.documentNumber = organ + "令第" + serial + "号"
            header.issuers = [issuer]
            // The promulgating sentence names the regulation; the date follows it.
            for candidate in index..<min(lines.count, next + 4) where lines[candidate].isShort || candidate == index {
                let scalars = Array(lines[candidate].written.prefix(LayoutLine.shortLimit))
                guard header.title == nil else {
                    // The date line, perhaps after the signer (`总理 …  2031年9月9日`)
                    // or before the regulation's title (`2031年9月9日 江城市…`).
                    let written = scalars.filter { !ScalarClass.isSpace($0) }
                    if let date = DateReader.openingDate(written) ?? Self.closingDate(written) { header.date = date; break }
                    continue
                }
                guard scalars.contains("公".scalars), let open = scalars.firstIndex(of: "《"),
                    let close = scalars[open...].firstIndex(of: "》"), close > open + 1
                else { continue }
                // A title quoted inside it is in 〈〉 there, in 《》 standing alone.
                header.title = String(scalars: scalars[(open + 1)..<close].map { $0 == "〈" ? "《" : $0 == "〉" ? "》" : $0 })
                header.titleLines = candidate..<(candidate + 1)
                // A signature date ending the same line (`…起施行。总理 …  2031年12月25日`).
                if let stop = scalars.lastIndex(of: "。"),
                    let date = Self.closingDate(Array(scalars[stop...].filter { !ScalarClass.isSpace($0) }))
                {
                    header.date = date
                    break
                }
            }
            return header.title == nil ? nil : header
        }
        return nil
    }

    /// The date that ends `text`, if one does.
    private static func closingDate(_ text: [Unicode.Scalar]) -> String? {
        var from = max(0, text.count - DateReader.longestDate)
        while from < text.count {
            if let found = DateReader.isoDate(in: Array(text[from...])), from + found.range.upperBound == text.count,
                found.range.lowerBound == 0
            {
                return found.date
            }
            from += 1
        }
        return nil
    }

    /// The serial of an order's number, `第12号` at `start` of `text`.
    private static func orderSerial(_ text: [Unicode.Scalar], at start: Int) -> String? {
        guard start < text.count, text[start] == "第" else { return nil }
        var end = start + 1
        while end < text.count, ScalarClass.isDigit(text[end]) { end += 1 }
        guard end > start + 1, end < text.count, text[end] == "号" else { return nil }
        return String(scalars: text[(start + 1)..<end])
    }

    /// The bracketed note under a regulation's title that says which order
    /// promulgated it (`（2031年1月5日江城市人民政府令第12号公布）`): the order's
    /// number, its organ and the date.
    private func promulgationNote(after start: Int) -> (number: String, organ: String, date: String)? {
        guard start < lines.count, lines[start].isShort, lines[start].length <= 80 else { return nil }
        let text = Array(lines[start].written.filter { !ScalarClass.isSpace($0) })
        guard let first = text.first, ScalarClass.openers.contains(first),
            let found = DateReader.isoDate(in: text), let order = text.firstIndex(of: "令"),
            order > found.range.upperBound, let serial = Self.orderSerial(text, at: order + 1)
        else { return nil }
        let organ = String(scalars: text[found.range.upperBound..<order])
        var issuer = organ
        if issuer.hasPrefix("中华人民共和国"), issuer.count > 7 { issuer = String(issuer.dropFirst(7)) }
        guard isOrganName(issuer) else { return nil }
        return (organ + "令第" + serial + "号", issuer, found.date)
    }

    // MARK: - 主送机关

    /// The recipients on the lines after the title up to the one ending in
    /// `：`, and a 发文字号 found among those lines: the number and any title
    /// line before it are never part of a recipient (`国办发〔2018〕12号各省、…：`).
    private func recipients(after start: Int, title: String) -> ([String], String?) {
        // The line ending in `：` first, so that only the lines it closes are copied.
        // A page scraped without its line breaks runs the body on after the
        // colon (`各区水务局：现就…。`): the recipients end at that colon.
        var end = start
        var colonCut: Int?
        while end < min(lines.count, start + 5) {
            let line = lines[end]
            guard line.isShort || end == start else { return ([], nil) }
            let head = line.written.prefix(120)
            if let colon = head.firstIndex(where: { $0 == "：" || $0 == ":" }), colon > head.startIndex,
                !head[..<colon].contains("。"), colon + 1 < line.written.endIndex
            {
                colonCut = colon + 1
                break
            }
            if line.contains("。") { return ([], nil) }
            if let last = line.lastScalar, last == "：" || last == ":" { break }
            end += 1
        }
        guard end < min(lines.count, start + 5) else { return ([], nil) }
        var text: [Unicode.Scalar] = []
        var number: String?
        let repeated = title.withoutSpaces.scalars
        for (offset, line) in lines[start...end].enumerated() {
            let written = start + offset == end && colonCut != nil ? line.written[..<colonCut!] : line.written
            text += written.lazy.filter { !ScalarClass.isSpace($0) }
            if let at = Self.lastIndex(of: repeated, in: text) {
                // The title set again, run into the recipients (`…的通知各有关单位：`).
                text.removeSubrange(..<(at + repeated.count))
            }
            if let found = DocumentNumber.find(in: text),
                found.range.lowerBound == 0 || !ScalarClass.openers.contains(text[found.range.lowerBound - 1])
            {
                // What comes before the number (and the number) is no recipient;
                // a number in brackets is a document cited, not this one's.
                number = found.number
                text.removeSubrange(..<found.range.upperBound)
            } else if endsWithGenreWord(text, words: nil) {
                // A title line set below the headline (`…的通知`).
                text.removeAll()
            }
        }
        guard !text.isEmpty else { return ([], number) }
        text.removeLast()
        let parts = splitTopLevel(String(scalars: text), at: ["，", ","])
        // Addressees, not a lead-in such as 现就有关事项通知如下：: some part
        // names bodies (`各镇人民政府`), beside which a place may stand (`现代农业园区`).
        let leadIn = String(scalars: text).contains("如下")
        return (!leadIn && parts.contains(where: isAddressee) ? parts : [], number)
    }

    /// Where `word` last starts in `text`.
    private static func lastIndex(of word: [Unicode.Scalar], in text: [Unicode.Scalar]) -> Int? {
        guard !word.isEmpty, word.count <= text.count else { return nil }
        for start in stride(from: text.count - word.count, through: 0, by: -1) where text.has(word, at: start) {
            return start
        }
        return nil
    }

    // MARK: - A head run into one line

    /// A title, 发文字号 and recipients run into one line, as a page scraped
    /// without its line breaks has them (`国务院关于…的意见国发〔2031〕14号各省、
    /// 自治区…：　　正文…`): the title ends with a genre word right before the
    /// number's code.
    private func gluedHead(at index: Int) -> (line: Int, title: String, number: String, recipients: [String], date: String?)? {
        let scalars = Array(lines[index].written.prefix(400))
        guard let found = DocumentNumber.find(in: scalars), found.range.lowerBound >= 6 else { return nil }
        var bracket = found.range.lowerBound
        while bracket < found.range.upperBound, ScalarClass.isIdeograph(scalars[bracket]) || ScalarClass.isLatinLetter(scalars[bracket]) {
            bracket += 1
        }
        // The title is the longest text before the bracket that ends with a
        // genre word and leaves the code at least one character.
        var cut: Int?
        for end in stride(from: bracket - 1, through: found.range.lowerBound, by: -1)
        where endsWithGenreWord(Array(scalars[..<end].filter { !ScalarClass.isSpace($0) }), words: HeaderVocabulary.shared.documentGenres) {
            cut = end
            break
        }
        guard let cut, cut >= 6, !scalars[..<cut].contains("。"),
            let number = DocumentNumber.find(in: Array(scalars[cut...]))
        else { return nil }
        let title = String(scalars: scalars[..<cut]).trimmed
        // The recipients: from the number to the first colon, if it comes soon.
        var recipients: [String] = []
        let after = cut + number.range.upperBound
        if let colon = scalars[after...].prefix(120).firstIndex(where: { $0 == "：" || $0 == ":" }) {
            let parts = splitTopLevel(String(scalars: scalars[after..<colon]), at: ["，", ","])
            if !parts.isEmpty, parts.contains(where: isAddressee), !parts.joined().contains("。") { recipients = parts }
        }
        // A date in brackets right after the number (`国发〔2031〕5号（二〇三一年一月五日）`).
        var date: String?
        var open = after
        while open < scalars.count, ScalarClass.isSpace(scalars[open]) { open += 1 }
        if open < scalars.count, ScalarClass.openers.contains(scalars[open]),
            let close = scalars[open...].prefix(20).firstIndex(where: { ScalarClass.closers.contains($0) })
        {
            date = DateReader.lineDate(scalars[open...close])
        }
        return (index, title, number.number, recipients, date)
    }

    /// The most characters a title run into its page's one line is read over.
    private static let runOnTitleLength = 80

    /// The title opening a document whose first line holds its text (a page
    /// scraped onto one line, longer than any title): the line's start up to
    /// its first space, when that ends with a genre word and holds no
    /// sentence end.
    private func runOnTitle() -> String? {
        guard let first = lines.first, first.length > Self.runOnTitleLength, lines.count <= 2 else { return nil }
        let head = first.written.prefix(Self.runOnTitleLength + 1)
        guard let space = head.firstIndex(where: ScalarClass.isSpace) else { return nil }
        let title = head[..<space]
        guard title.count >= 6, !title.contains(where: ScalarClass.sentenceEnds.contains),
            endsWithGenreWord(Array(title), words: vocabulary.genreWords)
        else { return nil }
        return String(scalars: title)
    }

    // MARK: - A reprint's lead

    /// The organs a reprint's lead names as issuing a document: the `、` list
    /// right before `印发（了）《`, within the first lines after `start`.
    private func leadIssuers(from start: Int) -> [String] {
        let verb: [Unicode.Scalar] = "印发".scalars
        for line in lines[min(start, lines.count)..<min(lines.count, start + 6)] {
            let scalars = line.scalars
            var index = 0
            while index + verb.count < scalars.count {
                defer { index += 1 }
                guard scalars.has(verb, at: index) else { continue }
                var after = index + verb.count
                if after < scalars.count, scalars[after] == "了" { after += 1 }
                guard after < scalars.count, scalars[after] == "《" else { continue }
                // A lead names them in its first sentence; a later one only
                // mentions another document (`…。上月，江城市人社局等3部门印发《…》`).
                if scalars[..<index].contains(where: { "。！？".unicodeScalars.contains($0) }) { break }
                // Back to the clause's start.
                var from = index
                while from > 0, !"，,。；;：:\n“”".unicodeScalars.contains(scalars[from - 1]) { from -= 1 }
                let names = String(scalars: scalars[from..<index]).split(separator: "、").map { String($0).withoutSpaces }
                if !names.isEmpty, names.allSatisfy(isOrganName) { return names }
            }
        }
        return []
    }

    /// Parts of `text` split at `separators` outside brackets, trimmed.
    private func splitTopLevel(_ text: String, at separators: Set<Unicode.Scalar>) -> [String] {
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var depth = 0
        for scalar in text.unicodeScalars {
            if ScalarClass.openers.contains(scalar) { depth += 1 }
            if ScalarClass.closers.contains(scalar) { depth = max(0, depth - 1) }
            if depth == 0, separators.contains(scalar) {
                parts.append(String(current).withoutSpaces)
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        parts.append(String(current).withoutSpaces)
        return parts.filter { !$0.isEmpty }
    }

    // MARK: - Signature and 成文日期

    /// The organs signed above the first date line after the title, and that date.
    /// `titleIssuers`: the names at the title's head, which sign too
    /// (`江城市残疾人联合会关于…` signed `江城市残疾人联合会`) whatever their ending.
    private func signatureAndDate(after start: Int, titleIssuers: [String]) -> ([String], String?) {
        var index = start
        while index < lines.count {
            if lines[index].length <= 40, let date = Self.dateLine(lines[index].written) {
                return (organsSigned(above: index, notBefore: start, reach: 4, alsoAccepting: titleIssuers), date)
            }
            index += 1
        }
        // No date line: a signature and its date on one line (`江城市人民政府  2021年3月5日`).
        for line in lines[start...] where line.length <= 60 && line.isShort && !line.hasSentencePunctuation {
            let scalars = line.scalars
            guard let found = DateReader.isoDate(in: scalars), found.range.upperBound == scalars.count,
                found.range.lowerBound > 0
            else { continue }
            let names = splitOrgans(String(scalars: scalars[..<found.range.lowerBound]), alsoAccepting: titleIssuers)
            if !names.isEmpty, names.allSatisfy({ isOrganName($0) || titleIssuers.contains($0) }) { return (names, found.date) }
        }
        // A page scraped onto long lines: the organ of the title's head,
        // spaces after it, and the date (`…贯彻落实。国　务　院　　2031年3月7日`).
        for name in titleIssuers where isOrganName(name) {
            for line in lines[max(0, start - 1)...] {
                if let date = Self.signedDate(of: name.scalars, in: line.written) { return ([name], date) }
            }
        }
        return ([], nil)
    }

    /// Whether a whole line is a date, perhaps followed by a bracketed remark
    /// (`2031年5月31日（此件公开发布）`).
    static func dateLine(_ line: ArraySlice<Unicode.Scalar>) -> String? {
        if let date = DateReader.lineDate(line) { return date }
        guard let last = line.last, last == "）" || last == ")",
            let open = line.lastIndex(where: { $0 == "（" || $0 == "(" }), open > line.startIndex,
            line.endIndex - open <= 14
        else { return nil }
        return DateReader.lineDate(line[..<open])
    }

    /// The date signed after `name` in `line`: the name (its characters
    /// perhaps spaced out), one space or more, and a date.
    static func signedDate(of name: [Unicode.Scalar], in line: ArraySlice<Unicode.Scalar>) -> String? {
        guard let first = name.first else { return nil }
        var index = line.startIndex
        while index < line.endIndex {
            defer { index += 1 }
            guard line[index] == first else { continue }
            var cursor = index + 1, matched = 1
            while matched < name.count, cursor < line.endIndex {
                if ScalarClass.isSpace(line[cursor]) { cursor += 1; continue }
                guard line[cursor] == name[matched] else { break }
                matched += 1
                cursor += 1
            }
            guard matched == name.count else { continue }
            let spaces = cursor
            while cursor < line.endIndex, ScalarClass.isSpace(line[cursor]) { cursor += 1 }
            guard cursor > spaces else { continue }
            let rest = Array(line[cursor..<min(line.endIndex, cursor + 20)].filter { !ScalarClass.isSpace($0) })
            if let date = DateReader.openingDate(rest) { return date }
        }
        return nil
    }

    /// The date line closing a report, after its body, and the organs signed
    /// right above it (`桐山区人力资源和社会保障局` / `2023年12月18日`).
    private func closingSignature(after start: Int) -> ([String], String)? {
        guard let last = lines.indices.last, last >= start, lines[last].length <= 24,
            let date = DateReader.lineDate(lines[last].written)
        else { return nil }
        return (organsSigned(above: last, notBefore: start, reach: 3), date)
    }

    /// The organs signed on the short lines right above the date line
    /// `dateLine`, at most `reach` lines up and none before `start`, in order.
    private func organsSigned(above dateLine: Int, notBefore start: Int, reach: Int, alsoAccepting named: [String] = []) -> [String] {
        var organs: [String] = []
        var above = dateLine - 1
        while above >= start, dateLine - above <= reach, lines[above].length <= 60, lines[above].isShort,
            !lines[above].hasSentencePunctuation
        {
            let names = splitOrgans(lines[above].text, alsoAccepting: named)
            guard !names.isEmpty, names.allSatisfy({ isOrganName($0) || named.contains($0) }) else { break }
            organs.insert(contentsOf: names, at: 0)
            above -= 1
        }
        return organs
    }

    /// Organ names written side by side, separated by spaces.
    private func splitOrgans(_ text: String, alsoAccepting named: [String] = []) -> [String] {
        let parts = text.unicodeScalars.split(whereSeparator: ScalarClass.isSpace).map { String(String.UnicodeScalarView($0)) }
        if parts.count > 1, parts.allSatisfy({ isOrganName($0) || named.contains($0) }) { return parts }
        let whole = text.withoutSpaces
        return whole.isEmpty ? [] : [whole]
    }

    /// Whether a recipient names bodies: it ends as a body or a class of bodies does.
    private func isAddressee(_ part: String) -> Bool {
        let scalars = part.scalars
        return scalars.count <= 40 && UnitList.isComplete(0..<scalars.count, in: scalars, vocabulary: organizations)
    }

    /// Whether `name` ends as an organ does (`…人民政府`, `…局`), or is a
    /// central body named without a place (`国务院`, `国务院办公厅`).
    private func isOrganName(_ name: String) -> Bool {
        let scalars = name.withoutSpaces.scalars
        guard scalars.count >= 2 else { return false }
        if organizations.nationalBodies.contains(scalars) { return true }
        return scalars.count >= 3 && organizations.organSuffix(of: scalars) != nil
    }

    /// Organ-line and signature issuers, each once; a shorter form contained in
    /// a longer one (市人民政府办公室 in 石嘴山市人民政府办公室) is the same organ.
    private func merged(_ first: [String], _ second: [String]) -> [String] {
        var result: [String] = []
        for name in first + second {
            let key = Self.organKey(name)
            if let index = result.firstIndex(where: { Self.organKey($0).hasSuffix(key) || key.hasSuffix(Self.organKey($0)) }) {
                if name.count > result[index].count { result[index] = name }
            } else {
                result.append(name)
            }
        }
        return result
    }

    /// A name with its long forms shortened, so that 中国共产党江城市委员会,
    /// 中共江城市委员会 and 中共江城市委 compare equal.
    private static func organKey(_ name: String) -> String {
        var key = name
        if key.hasPrefix("中国共产党") { key = "中共" + key.dropFirst(5) }
        if key.hasSuffix("委员会") { key = key.dropLast(3) + "委" }
        return key
    }

    /// The names at a title's head, before 关于: `中共石嘴山市委办公室 市人民政府办公室 关于…`;
    /// an organ that passes on another's document names itself before the
    /// verb (`江城区人民政府办公室转发区财政局关于…` is 江城区人民政府办公室's).
    private func titleHead(_ title: String) -> [String] {
        var head = title.scalars
        let about: [Unicode.Scalar] = "关于".scalars
        guard let at = (0..<max(0, head.count - 1)).first(where: { head.has(about, at: $0) }) else { return [] }
        head.removeSubrange(at...)
        for verb in HeaderVocabulary.shared.passingVerbs.words {
            if let at = (0..<max(0, head.count - verb.count + 1)).first(where: { head.has(verb, at: $0) }), at >= 2 {
                head.removeSubrange(at...)
            }
        }
        return String(scalars: head).unicodeScalars
            .split(whereSeparator: { ScalarClass.isSpace($0) || $0 == "、" })
            .map { String(String.UnicodeScalarView($0)) }
            .filter { !$0.isEmpty }
    }
}

/// The word lists of the header reader that no other reader needs.
struct HeaderVocabulary: Sendable {
    /// Every 文种 a 公文's title may end with: the normative genres
    /// (`structure/genre-words`) and those of 公文 that report, ask or record
    /// (`structure/document-genres`: 通报, 请示, 纪要…). A title run into its
    /// 发文字号 is cut at one of these.
    let documentGenres: WordList
    /// Verbs by which an organ passes on another's document in its title (`转发`).
    let passingVerbs: WordList

    static let shared = HeaderVocabulary()

    private init() {
        documentGenres = WordList(RuleData.list("structure/genre-words") + RuleData.list("structure/document-genres"))
        passingVerbs = WordList(RuleData.list("structure/passing-verbs"))
    }
}
