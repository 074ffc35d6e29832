/// Finds deadlines (spec §7): points in time by which something is to be
/// done or reached, in the document's own words.
///
/// One pass over the normalised text reads every date expression (`2025年底`,
/// `2022年10月底`, `6月30日`, `12月中旬`, `2023年第三季度`, `2025年`); the words
/// around it (`resources/fields/deadline-cues.txt`) and its place decide
/// whether it is a deadline:
/// - a cue: `到`/`至` before it or `前`/`止` after it (one `前` after a `、`
///   list of dates is each one's), `力争`, `截止时间为`…; after `每年` the
///   rule says the deadline recurs (`deadline.yearly+before`; its date keeps
///   the document's year, as the annotators wrote it);
/// - an end in itself: `底`, `末`, a quarter;
/// - the end of a window (`2023年7月21日—8月22日` → 8月22日);
/// - the start of a clause, followed by the clause (`2024年底前，…`,
///   `，2028年逐步扩大…`), for a bare year only when it lies after the
///   document's year.
/// Not deadlines: starts (`自2024年起`), expiries (`有效期至…`, `至…有效`,
/// `至…享受`), titles in 《》, a date after `、` that no cue makes one,
/// labels (`2024年度`, `2024年至2026年` as a period), and dates with a year
/// that lie before the document's date. A date without a year takes the
/// document's year.
struct DeadlineMatcher: Sendable {
    private let lead: [[Unicode.Scalar]]
    private let before: [[Unicode.Scalar]]
    private let until: [[Unicode.Scalar]]
    private let start: [[Unicode.Scalar]]
    private let never: [[Unicode.Scalar]]
    private let clause: [[Unicode.Scalar]]
    private let period: [[Unicode.Scalar]]
    private let yearly: [[Unicode.Scalar]]

    init() {
        var roles: [String: [[Unicode.Scalar]]] = [:]
        for line in RuleData.list("fields/deadline-cues") {
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count == 2 else { fatalError("bad line in fields/deadline-cues.txt: \(line)") }
            roles[String(fields[0]), default: []].append(Array(fields[1].unicodeScalars))
        }
        func words(_ role: String) -> [[Unicode.Scalar]] {
            guard let found = roles[role] else { fatalError("fields/deadline-cues.txt has no \(role) words") }
            return found.sorted { $0.count > $1.count }
        }
        lead = words("lead"); before = words("before"); until = words("until"); start = words("start"); never = words("never")
        clause = words("clause")
        period = words("period")
        yearly = words("yearly")
    }

    /// A date expression read from the text.
    struct Expression {
        var range: Range<Int>
        var year: Int?
        var month: Int?
        var day: Int?
        /// `底`, `末`: the last day of the month, or of the year.
        var end = false
        /// `上旬`, `中旬`, `下旬`: the month only.
        var part = false
        var quarter: Int?

        /// ISO, or `YYYY-MM` / `YYYY`, in `year`.
        func value(year: Int) -> String {
            func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
            if let quarter {
                let month = quarter * 3
                return "\(year)-\(two(month))-\(two(CalendarDate.daysIn(month, of: year)))"
            }
            guard let month else { return end ? "\(year)-12-31" : "\(year)" }
            if let day { return "\(year)-\(two(month))-\(two(day))" }
            if end { return "\(year)-\(two(month))-\(two(CalendarDate.daysIn(month, of: year)))" }
            return "\(year)-\(two(month))"
        }

        /// Only a year.
        var bareYear: Bool { month == nil && quarter == nil && !end }
    }

    /// The deadlines of a document dated `date` (ISO, or nil).
    func match(_ context: ExtractionContext, date: String?) -> [Deadline] {
        let text = context.text.scalars
        let documentYear = date.flatMap { Int($0.prefix(4)) }
        var found: [Deadline] = []
        var titleDepth = 0
        var previous: Expression?
        var index = 0
        while index < text.count {
            let scalar = text[index]
            if scalar == "《" { titleDepth += 1 } else if scalar == "》" { titleDepth = max(0, titleDepth - 1) }
            guard Self.isNumeral(scalar), index == 0 || !Self.isNumeral(text[index - 1]),
                let expression = Self.expression(at: index, in: text)
            else {
                index += 1
                continue
            }
            defer {
                previous = expression
                index = expression.range.upperBound
            }
            guard titleDepth == 0 else { continue }
            // A date without a year: the year of a date just before it in the same phrase, else the document's.
            var year = expression.year
            if year == nil, let previous, previous.range.upperBound + 2 >= expression.range.lowerBound { year = previous.year }
            let inherited = expression.year == nil && year != nil
            guard let year = year ?? documentYear else { continue }
            guard let (span, rule) = judge(expression, in: text, documentYear: documentYear) else { continue }
            // Without the document's date, past and future cannot be told: only a cue (前, 到, 截止) counts.
            if date == nil, !Self.cued.contains(rule) { continue }
            let value = expression.value(year: year)
            // A written year before the document's date is a past event; a year-less date recurs (每年3月底前).
            // A window's end takes its year from the window's start (2024年10月1日至12月31日): past too.
            let written = expression.year != nil || (inherited && rule == "deadline.window-end")
            if written, let date, value < String(date.prefix(value.count)) { continue }
            // The document's own date (its signature) is not a deadline.
            if rule == "deadline.clause-start", value == date { continue }
            let original = context.span(of: span)
            found.append(Deadline(text: context.originalText(original), span: original, date: value, rule: rule))
        }
        return found
    }

    /// Whether `expression` is a deadline: the range its item covers (with
    /// `到` before it and `前` after it) and the rule; nil when it is not one.
    private func judge(_ expression: Expression, in text: [Unicode.Scalar], documentYear: Int?) -> (Range<Int>, String)? {
        var lower = expression.range.lowerBound, upper = expression.range.upperBound
        // After: 前, 止 (kept), or a start (起, 以来, 年度): not a deadline.
        if Self.word(start, at: upper, in: text) != nil { return nil }
        // `2022年9月12日17:30申报截止`, `6月30日24时前`: a time of day between the date and its cue.
        let timeEnd = Self.clockTimeEnd(at: upper, in: text)
        var untilWord = Self.word(until, at: upper, in: text)
        if untilWord == nil, let timeEnd, let word = Self.word(until, at: timeEnd, in: text) { untilWord = timeEnd - upper + word }
        if let untilWord { upper += untilWord }
        // `至12月31日享受…`, `至2025年6月30日有效`: the end of a period of entitlement or validity.
        if Self.word(period, at: upper, in: text) != nil { return nil }
        // `2026年3月31日、6月30日前`: one 前 after a list of dates is each one's.
        let sharedUntil = untilWord == nil && Self.listEndsInUntil(after: upper, in: text, until: until)
        // Before: 到, 至 (kept), 力争, 截止时间为 (not kept); never 自, 有效期.
        let leadWord = Self.word(lead, endingAt: lower, in: text)
        if let leadWord { lower -= leadWord }
        if Self.word(never, endingAt: lower, in: text) != nil { return nil }
        if Self.word(never, endingAt: expression.range.lowerBound, in: text) != nil { return nil }
        if Self.clause(before: lower, in: text, contains: clause) { return nil }
        let beforeWord = Self.word(before, endingAt: lower, in: text)
        // A range: its start is no deadline; its end is, unless it closes a period of years (2024年至2026年).
        if untilWord == nil, Self.opensRange(at: expression.range.upperBound, in: text) { return nil }
        let closesRange = Self.closesRange(
            before: leadWord != nil ? lower : expression.range.lowerBound, in: text,
            separatorIsLead: leadWord != nil)
        if closesRange {
            return expression.bareYear ? nil : (lower..<upper, "deadline.window-end")
        }
        let recurring = Self.word(yearly, endingAt: lower, in: text) != nil
        if untilWord != nil || sharedUntil { return (lower..<upper, recurring ? "deadline.yearly+before" : "deadline.date+before") }
        if leadWord != nil { return (lower..<upper, "deadline.by+date") }
        if beforeWord != nil { return (lower..<upper, "deadline.cue+date") }
        if expression.end || expression.quarter != nil { return (lower..<upper, "deadline.end-of") }
        // The start of a clause, followed by the clause.
        let boundary = Self.boundary(before: lower, in: text)
        guard boundary != .none, upper < text.count else { return nil }
        let next = text[upper]
        let followed = next == "，" || next == "," || ScalarClass.isIdeograph(next)
        guard followed else { return nil }
        if expression.bareYear {
            guard let documentYear, let year = expression.year, year > documentYear else { return nil }
            guard boundary == .punctuation || next == "，" || next == "," else { return nil }
            return (lower..<upper, "deadline.target-year")
        }
        return (lower..<upper, "deadline.clause-start")
    }

    /// The end of a time of day at `index` (`17:30`, `17：30`, `24时`, `12点`), or nil.
    private static func clockTimeEnd(at index: Int, in text: [Unicode.Scalar]) -> Int? {
        var at = index
        while at < text.count, at - index < 2, ScalarClass.isDigit(text[at]) { at += 1 }
        guard at > index, at < text.count else { return nil }
        switch text[at] {
        case "时", "点": return at + 1
        case ":", "：":
            var minutes = at + 1
            while minutes < text.count, minutes - at <= 2, ScalarClass.isDigit(text[minutes]) { minutes += 1 }
            return minutes - at == 3 ? minutes : nil
        default: return nil
        }
    }

    /// The rules that rest on a cue word rather than on the date's place.
    private static let cued: Set<String> = ["deadline.date+before", "deadline.yearly+before", "deadline.by+date", "deadline.cue+date"]

    /// Whether `、` and more dates follow `index`, the last of them closed by a
    /// word of `until` (`3月31日、6月30日前`, `6月、9月底前`).
    private static func listEndsInUntil(after index: Int, in text: [Unicode.Scalar], until: [[Unicode.Scalar]]) -> Bool {
        var at = index
        var items = 0
        while at < text.count, text[at] == "、" || text[at] == "和" || text[at] == "及", items < 8 {
            var next = at + 1
            if next < text.count, text[next] == "\n" { next += 1 }
            guard next < text.count, isNumeral(text[next]), let date = expression(at: next, in: text) else { break }
            at = date.range.upperBound
            if at + 1 < text.count, text[at] == "\n" { at += 1 }
            items += 1
        }
        return items > 0 && word(until, at: at, in: text) != nil
    }

    /// Whether the clause before `index` (back to `。；，` or a line break) holds one of `words`.
    private static func clause(before index: Int, in text: [Unicode.Scalar], contains words: [[Unicode.Scalar]]) -> Bool {
        var at = index
        while at > 0, index - at < 40 {
            let scalar = text[at - 1]
            // A line break between two characters of running text is a wrapped line (PDF), not the clause's end.
            if scalar == "\n", at >= 2, ScalarClass.isIdeograph(text[at - 2]), ScalarClass.isIdeograph(text[at]) { at -= 1; continue }
            if scalar == "。" || scalar == "；" || scalar == "，" || scalar == "\n" || scalar == ";" { break }
            at -= 1
        }
        let before = text[at..<index].filter { $0 != "\n" }
        return words.contains { RegionReader.find($0, in: before) != nil }
    }

    private enum Boundary { case none, line, punctuation }

    /// What stands before `index`: the start of a line, clause punctuation, or neither.
    private static func boundary(before index: Int, in text: [Unicode.Scalar]) -> Boundary {
        var at = index - 1
        while at >= 0, text[at] == " " || text[at] == "\u{3000}" { at -= 1 }
        guard at >= 0 else { return .line }
        switch text[at] {
        case "\n": return .line
        // Not `、`: a date after it continues a list (`于5月、10月分别组织`), which its head decides.
        case "。", "；", ";", "，", ",", "！", "？", "）", ")": return .punctuation
        default: return .none
        }
    }

    private static func isRangeSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "—" || scalar == "-" || scalar == "－" || scalar == "~" || scalar == "～" || scalar == "至" || scalar == "到"
            || scalar == "–"
    }

    /// Whether a range separator and another date follow `index` (`2023年7月21日—8月22日`).
    private static func opensRange(at index: Int, in text: [Unicode.Scalar]) -> Bool {
        var at = index
        while at < text.count, isRangeSeparator(text[at]) { at += 1 }
        return at > index && at < text.count && isNumeral(text[at])
    }

    /// Whether a range separator with a date or year before it stands before `index`.
    private static func closesRange(before index: Int, in text: [Unicode.Scalar], separatorIsLead: Bool) -> Bool {
        var at = index - 1
        if !separatorIsLead {
            guard at >= 0, isRangeSeparator(text[at]) else { return false }
            while at >= 0, isRangeSeparator(text[at]) { at -= 1 }
        }
        // 起 between (`自2024年起至2029年底`) makes the range a period with a start, whose end is a deadline.
        guard at >= 0 else { return false }
        let mark = text[at]
        return ScalarClass.isDigit(mark) || mark == "年" || mark == "月" || mark == "日" || mark == "号"
    }

    /// The length of the longest of `words` that starts at `index`.
    private static func word(_ words: [[Unicode.Scalar]], at index: Int, in text: [Unicode.Scalar]) -> Int? {
        for word in words where index + word.count <= text.count && text[index..<index + word.count].elementsEqual(word) {
            return word.count
        }
        return nil
    }

    /// The length of the longest of `words` that ends just before `index`.
    private static func word(_ words: [[Unicode.Scalar]], endingAt index: Int, in text: [Unicode.Scalar]) -> Int? {
        for word in words where index - word.count >= 0 && text[(index - word.count)..<index].elementsEqual(word) {
            return word.count
        }
        return nil
    }

    // MARK: - Reading date expressions

    private static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        ScalarClass.isDigit(scalar) || (ChineseNumber.isNumeral(scalar) && scalar != "百" && scalar != "千")
    }

    /// The number of `1...maxLength` numerals at `index`, and where it ends.
    private static func number(at index: Int, in text: [Unicode.Scalar], maxLength: Int) -> (value: Int, end: Int)? {
        var end = index
        while end < text.count, end - index < maxLength, isNumeral(text[end]) { end += 1 }
        guard end > index, end == text.count || !isNumeral(text[end]), let value = ChineseNumber.value(text[index..<end]) else {
            return nil
        }
        return (value, end)
    }

    /// The date expression that starts at `index`, if one does.
    static func expression(at index: Int, in text: [Unicode.Scalar]) -> Expression? {
        var expression = Expression(range: index..<index)
        var at = index
        // A line break the normaliser kept inside the date (a PDF's wrapped line: `2025年6月⏎30日`).
        func pastBreak(_ position: Int) -> Int {
            position + 1 < text.count && text[position] == "\n" && text[position + 1] != "\n" ? position + 1 : position
        }
        // A year: four numerals and 年.
        if let (year, end) = number(at: at, in: text, maxLength: 4), end - at == 4, pastBreak(end) < text.count,
            text[pastBreak(end)] == "年", (1900...2100).contains(year)
        {
            expression.year = year
            at = pastBreak(end) + 1
            expression.range = index..<at
            at = pastBreak(at)
            if at < text.count, text[at] == "底" || text[at] == "末" {
                expression.end = true
                expression.range = index..<(at + 1)
                return expression
            }
            // A quarter: 第三季度, 三季度.
            var quarterAt = at
            if quarterAt < text.count, text[quarterAt] == "第" { quarterAt += 1 }
            if let (quarter, end) = number(at: quarterAt, in: text, maxLength: 1), (1...4).contains(quarter),
                end + 1 < text.count, text[end] == "季", text[end + 1] == "度"
            {
                expression.quarter = quarter
                expression.range = index..<(end + 2)
                return expression
            }
        }
        // A month: one or two numerals and 月 (not 个月).
        guard let (month, monthEnd) = number(at: at, in: text, maxLength: 2), (1...12).contains(month),
            pastBreak(monthEnd) < text.count, text[pastBreak(monthEnd)] == "月"
        else {
            return expression.year == nil ? nil : expression
        }
        expression.month = month
        at = pastBreak(monthEnd) + 1
        expression.range = index..<at
        at = pastBreak(at)
        if at < text.count, text[at] == "底" || text[at] == "末" {
            expression.end = true
            expression.range = index..<(at + 1)
        } else if at + 1 < text.count, text[at] == "上" || text[at] == "中" || text[at] == "下", text[at + 1] == "旬" {
            expression.part = true
            expression.range = index..<(at + 2)
        } else if let (day, dayEnd) = number(at: at, in: text, maxLength: 3), (1...31).contains(day),
            pastBreak(dayEnd) < text.count, text[pastBreak(dayEnd)] == "日" || text[pastBreak(dayEnd)] == "号"
        {
            expression.day = day
            expression.range = index..<(pastBreak(dayEnd) + 1)
        }
        return expression
    }
}
