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
    /// Whether each line within ``headerReach`` could be a title line (read
    /// once: each title search asks of every line).
    private let titleLike: [Bool]

    init(lines: [LayoutLine]) {
        self.lines = lines
        titleLike = lines.prefix(Self.headerReach).map(Self.isTitleLike)
    }

    func read() -> DocumentHeader {
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
        // The title.
        var gluedRecipients: [String] = []
        if let group = titleGroup(from: next, reach: reach) {
            header.titleLines = group
            header.title = joined(group)
        } else if let glued = (next..<min(reach, next + 2)).lazy.compactMap({ self.gluedHead(at: $0) }).first {
            header.titleLines = glued.line..<(glued.line + 1)
            header.title = glued.title
            header.documentNumber = glued.number
            gluedRecipients = glued.recipients
        }
        // The 发文字号, before the title or close after it.
        let numberReach = min(lines.count, (header.titleLines?.upperBound ?? reach) + 2)
        for index in 0..<numberReach where lines[index].length <= 50 && lines[index].isShort {
            if header.titleLines?.contains(index) == true { continue }
            if index < titleLike.count, titleLike[index] { continue }  // a title-like line holds no number
            if let found = DocumentNumber.find(in: lines[index].scalars) {
                header.documentNumber = found.number
                break
            }
        }
        // A 公文 that reports rather than rules (…情况的报告, …的通报).
        if header.titleLines == nil, header.documentNumber != nil || !organs.isEmpty,
           let group = (next..<reach).lazy.compactMap({ titleGroup(at: $0, reach: reach, words: vocabulary.reportGenreWords) }).first {
            header.titleLines = group
            header.title = joined(group)
        }
        guard let titleLines = header.titleLines else {
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
        let (recipients, number) = gluedRecipients.isEmpty ? recipients(after: titleLines.upperBound) : (gluedRecipients, nil)
        header.recipients = recipients
        if header.documentNumber == nil { header.documentNumber = number }
        let (signature, date) = signatureAndDate(after: titleLines.upperBound)
        header.date = date
        header.issuers = merged(organs, signature)
        if header.issuers.isEmpty, let title = header.title {
            header.issuers = issuers(inTitle: title)
        }
        if header.issuers.isEmpty { header.leadIssuers = leadIssuers(from: titleLines.upperBound) }
        return header
    }

    // MARK: - Title

    /// The first run of up to three heading-like lines whose text ends with a genre word.
    private func titleGroup(from start: Int, reach: Int) -> Range<Int>? {
        for index in start..<max(start, reach) {
            if let group = titleGroup(at: index, reach: reach, words: vocabulary.genreWords) { return group }
        }
        return nil
    }

    /// The run of up to three heading-like lines from `index` whose text ends with one of `words`.
    private func titleGroup(at index: Int, reach: Int, words: WordList) -> Range<Int>? {
        guard index < reach, titleLike[index] else { return nil }
        var end = index
        var written: [Unicode.Scalar] = []
        while end < min(reach, index + 3) {
            if end > index, !titleLike[end] || lines[end].blankBefore > 1 { break }
            // The lines joined, spaces left out as the genre word is looked for without them.
            written.append(contentsOf: lines[end].written.lazy.filter { !ScalarClass.isSpace($0) })
            if endsWithGenreWord(written, words: words) { return index..<(end + 1) }
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
           let open = scalars.lastIndex(where: { $0 == "（" || $0 == "(" }), scalars.count - open <= 16 {
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
               (ScalarClass.isLatinLetter(last) || ScalarClass.isDigit(last)) && (ScalarClass.isLatinLetter(first) || ScalarClass.isDigit(first)) {
                result += " "
            }
            result += text
        }
        return result
    }

    // MARK: - 主送机关

    /// The recipients on the lines after the title up to the one ending in
    /// `：`, and a 发文字号 found among those lines: the number and any title
    /// line before it are never part of a recipient (`国办发〔2018〕12号各省、…：`).
    private func recipients(after start: Int) -> ([String], String?) {
        // The line ending in `：` first, so that only the lines it closes are copied.
        var end = start
        while end < min(lines.count, start + 5) {
            let line = lines[end]
            if line.contains("。") { return ([], nil) }
            if let last = line.lastScalar, last == "：" || last == ":" { break }
            end += 1
        }
        guard end < min(lines.count, start + 5) else { return ([], nil) }
        var text: [Unicode.Scalar] = []
        var number: String?
        for line in lines[start...end] {
            text += line.text.trimmed.scalars
            if let found = DocumentNumber.find(in: text) {
                // What comes before the number (and the number) is no recipient.
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

    // MARK: - A head run into one line

    /// A title, 发文字号 and recipients run into one line, as a page scraped
    /// without its line breaks has them (`国务院关于…的意见国发〔2031〕14号各省、
    /// 自治区…：　　正文…`): the title ends with a genre word right before the
    /// number's code.
    private func gluedHead(at index: Int) -> (line: Int, title: String, number: String, recipients: [String])? {
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
            where endsWithGenreWord(Array(scalars[..<end].filter { !ScalarClass.isSpace($0) }), words: nil) {
            cut = end
            break
        }
        guard let cut, cut >= 6, !scalars[..<cut].contains("。"),
              let number = DocumentNumber.find(in: Array(scalars[cut...])) else { return nil }
        let title = String(scalars: scalars[..<cut]).trimmed
        // The recipients: from the number to the first colon, if it comes soon.
        var recipients: [String] = []
        let after = cut + number.range.upperBound
        if let colon = scalars[after...].prefix(120).firstIndex(where: { $0 == "：" || $0 == ":" }) {
            let parts = splitTopLevel(String(scalars: scalars[after..<colon]), at: ["，", ","])
            if !parts.isEmpty, parts.contains(where: isAddressee), !parts.joined().contains("。") { recipients = parts }
        }
        return (index, title, number.number, recipients)
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
    private func signatureAndDate(after start: Int) -> ([String], String?) {
        var index = start
        while index < lines.count {
            if lines[index].length <= 24, let date = DateReader.lineDate(lines[index].written) {
                return (organsSigned(above: index, notBefore: start, reach: 4), date)
            }
            index += 1
        }
        // No date line: a signature and its date on one line (`江城市人民政府  2021年3月5日`).
        for line in lines[start...] where line.length <= 60 && line.isShort && !line.hasSentencePunctuation {
            let scalars = line.scalars
            guard let found = DateReader.isoDate(in: scalars), found.range.upperBound == scalars.count,
                  found.range.lowerBound > 0 else { continue }
            let names = splitOrgans(String(scalars: scalars[..<found.range.lowerBound]))
            if !names.isEmpty, names.allSatisfy(isOrganName) { return (names, found.date) }
        }
        return ([], nil)
    }

    /// The date line closing a report, after its body, and the organs signed
    /// right above it (`桐山区人力资源和社会保障局` / `2023年12月18日`).
    private func closingSignature(after start: Int) -> ([String], String)? {
        guard let last = lines.indices.last, last >= start, lines[last].length <= 24,
              let date = DateReader.lineDate(lines[last].written) else { return nil }
        return (organsSigned(above: last, notBefore: start, reach: 3), date)
    }

    /// The organs signed on the short lines right above the date line
    /// `dateLine`, at most `reach` lines up and none before `start`, in order.
    private func organsSigned(above dateLine: Int, notBefore start: Int, reach: Int) -> [String] {
        var organs: [String] = []
        var above = dateLine - 1
        while above >= start, dateLine - above <= reach, lines[above].length <= 40, lines[above].isShort,
              !lines[above].hasSentencePunctuation {
            let names = splitOrgans(lines[above].text)
            guard !names.isEmpty, names.allSatisfy(isOrganName) else { break }
            organs.insert(contentsOf: names, at: 0)
            above -= 1
        }
        return organs
    }

    /// Organ names written side by side, separated by spaces.
    private func splitOrgans(_ text: String) -> [String] {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }).map(String.init)
        if parts.count > 1, parts.allSatisfy(isOrganName) { return parts }
        let whole = text.withoutSpaces
        return whole.isEmpty ? [] : [whole]
    }

    /// Whether a recipient names bodies: it ends as a body or a class of bodies does.
    private func isAddressee(_ part: String) -> Bool {
        let scalars = part.scalars
        return scalars.count <= 40 && UnitList.isComplete(0..<scalars.count, in: scalars, vocabulary: organizations)
    }

    private func isOrganName(_ name: String) -> Bool {
        let scalars = name.withoutSpaces.scalars
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

    /// Issuers named before 关于 in a title: `中共石嘴山市委办公室 市人民政府办公室 关于…`.
    private func issuers(inTitle title: String) -> [String] {
        guard let about = title.range(of: "关于") else { return [] }
        let head = String(title[..<about.lowerBound])
        return head.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "、" })
            .map { String($0).withoutSpaces }
            .filter(isOrganName)
    }
}
