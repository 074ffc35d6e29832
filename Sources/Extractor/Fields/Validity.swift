/// When a document takes effect and lapses (spec §5 `effectiveDate`,
/// `expiryDate`), from the clause in which it speaks of itself:
/// `本办法自2024年4月1日起施行，有效期5年`, `本通知自印发之日起实施，有效期至
/// 2026年12月31日`, `…现予公布，自2019年1月1日起施行`.
///
/// Only a sentence whose subject is the document itself counts (`本` and a
/// 文种 word, perhaps after an item or article marker), or one that
/// promulgates it (`现予公布`): `有效期内的居住证` and `自2020年1月1日起施行的
/// 《条例》` say nothing about this document.
struct Validity: Sendable {
    let vocabulary: FieldsVocabulary
    let kinds: DocumentKind

    struct Dates: Equatable {
        var effective: String?
        var expiry: String?
    }

    /// The dates of a document whose normalised text is `text`, dated `date`,
    /// of type `docType`, carrying a policy of type `policyType`: a sentence
    /// counts only when it calls itself by one of the two (`本通知`, `本办法`).
    func read(text: [Unicode.Scalar], date: String?, docType: String?, policyType: String?) -> Dates {
        var found: [(dates: Dates, selfType: String?)] = []
        var start = 0
        while start < text.count {
            var end = start
            while end < text.count, !Self.endsSentence(text[end]) { end += 1 }
            let sentence = text[start..<end]
            // `本办法` in an extension notice's annex speaks of the old 办法, not of this notice.
            if let subject = selfReference(sentence), subject.isEmpty || subject == docType || subject == policyType {
                let dates = read(sentence: sentence, date: date)
                if dates.effective != nil || dates.expiry != nil { found.append((dates, subject)) }
            }
            start = end + 1
        }
        guard !found.isEmpty else { return Dates() }
        // The carried policy's own clause first (本办法 in an 办法 a notice issues), else the first.
        var chosen = found.first { $0.selfType != nil && $0.selfType == policyType }?.dates ?? found[0].dates
        // A validity stated in a sentence of its own (`本通知有效期5年。`) joins the effective date.
        if chosen.expiry == nil, let other = found.first(where: { $0.dates.effective == nil && $0.dates.expiry != nil }) {
            chosen.expiry = other.dates.expiry
        }
        return chosen
    }

    private static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "。" || scalar == "\n" || scalar == "；" || scalar == ";" || scalar == "！" || scalar == "？"
    }

    /// The 文种 a sentence calls itself by (`本实施细则` → 细则), `""` for a
    /// promulgation (`现予公布`), or nil when its subject is not the document.
    private func selfReference(_ sentence: ArraySlice<Unicode.Scalar>) -> String? {
        var index = Self.skipMarker(sentence)
        while index < sentence.endIndex, ScalarClass.isSpace(sentence[index]) { index += 1 }
        if index < sentence.endIndex, sentence[index] == "本" {
            // 本 + up to 8 characters ending in a 文种 word, before 自 or 有效期.
            var end = index + 1
            while end < sentence.endIndex, end - index <= 9, ScalarClass.isIdeograph(sentence[end]) {
                if let type = kinds.ending(of: sentence[(index + 1)...end]) { return type }
                end += 1
            }
            return nil
        }
        return Self.promulgation.contains { Self.contains($0, in: sentence) } ? "" : nil
    }

    private static let promulgation: [[Unicode.Scalar]] = [
        Array("现予公布".unicodeScalars), Array("现予发布".unicodeScalars),
        Array("现予印发".unicodeScalars),
    ]

    /// Whether `needle` (not empty) occurs in `sentence`, read in place.
    private static func contains(_ needle: [Unicode.Scalar], in sentence: ArraySlice<Unicode.Scalar>) -> Bool {
        guard needle.count <= sentence.count else { return false }
        let first = needle[0]
        var index = sentence.startIndex
        let last = sentence.endIndex - needle.count
        while index <= last {
            if sentence[index] == first {
                var offset = 1
                while offset < needle.count, sentence[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    /// Past an item or article marker at the start of a sentence: `七、`,
    /// `（四）`, `4．`, `第三十二条`.
    private static func skipMarker(_ sentence: ArraySlice<Unicode.Scalar>) -> Int {
        var index = sentence.startIndex
        while index < sentence.endIndex, ScalarClass.isSpace(sentence[index]) { index += 1 }
        let start = index
        if index < sentence.endIndex, sentence[index] == "第" {
            var end = index + 1
            while end < sentence.endIndex, ChineseNumber.isNumeral(sentence[end]) || ScalarClass.isDigit(sentence[end]) { end += 1 }
            if end > index + 1, end < sentence.endIndex, sentence[end] == "条" { return end + 1 }
            return start
        }
        var open = false
        if index < sentence.endIndex, sentence[index] == "（" || sentence[index] == "(" {
            open = true
            index += 1
        }
        let digits = index
        while index < sentence.endIndex, ChineseNumber.isNumeral(sentence[index]) || ScalarClass.isDigit(sentence[index]) { index += 1 }
        guard index > digits, index < sentence.endIndex else { return start }
        if open {
            return sentence[index] == "）" || sentence[index] == ")" ? index + 1 : start
        }
        return ["、", "．", ".", "，"].contains(sentence[index]) ? index + 1 : start
    }

    /// The dates one self-referring sentence states.
    private func read(sentence: ArraySlice<Unicode.Scalar>, date: String?) -> Dates {
        var dates = Dates()
        let words = Array(sentence)
        // 自…起施行
        var index = 0
        while dates.effective == nil, index < words.count {
            defer { index += 1 }
            guard words[index] == "自" else { continue }
            guard let rise = words[(index + 1)...].prefix(24).firstIndex(of: "起") else { continue }
            let after = words[(rise + 1)...]
            guard vocabulary.effectVerbs.contains(where: { after.starts(with: $0) }) else { continue }
            let inner = Array(words[(index + 1)..<rise])
            if let found = DateReader.isoDate(in: inner) {
                dates.effective = found.date
            } else if RegionReader.find(Array("之日".unicodeScalars), in: inner) != nil,
                vocabulary.publicationEvents.contains(where: { RegionReader.find($0, in: inner) != nil })
            {
                dates.effective = date
            }
        }
        // 有效期至…, 有效期X年
        let term = Array("有效期".unicodeScalars)
        if let at = RegionReader.find(term, in: words) {
            var rest = words[(at + term.count)...]
            if rest.starts(with: Array("延长".unicodeScalars)) { rest = rest.dropFirst(2) }
            while let first = rest.first, first == "为" || ScalarClass.isSpace(first) { rest = rest.dropFirst() }
            if let first = rest.first, first == "至" || first == "到" {
                rest = rest.dropFirst()
                if rest.starts(with: Array("截止".unicodeScalars)) { rest = rest.dropFirst(2) }
                if let found = DateReader.isoDate(in: Array(rest.prefix(16))), found.range.lowerBound == 0 {
                    dates.expiry = found.date
                }
            } else if let (amount, unit) = Self.term(rest), let effective = dates.effective {
                dates.expiry = CalendarDate.lastDay(
                    from: effective, years: unit == "年" ? amount : 0,
                    months: unit == "月" ? amount : 0)
            }
        }
        return dates
    }

    /// `5年`, `五年`, `3个月`, `两年` at the start of `text`.
    private static func term(_ text: ArraySlice<Unicode.Scalar>) -> (Int, Unicode.Scalar)? {
        // At most three numerals: a term of years is short, and a long run of digits would overflow.
        var end = text.startIndex
        while end < text.endIndex, end - text.startIndex < 3,
            ScalarClass.isDigit(text[end]) || ChineseNumber.isNumeral(text[end])
        { end += 1 }
        guard end > text.startIndex, let amount = ChineseNumber.value(text[text.startIndex..<end]), amount > 0 else { return nil }
        if end < text.endIndex, text[end] == "年" { return (amount, "年") }
        if end + 1 < text.endIndex, text[end] == "个", text[end + 1] == "月" { return (amount, "月") }
        return nil
    }
}

/// Day arithmetic on ISO dates, by the proleptic Gregorian calendar.
enum CalendarDate {
    /// The last day of a term of `years` and `months` that starts on `start`:
    /// 2021-01-01 and 2 years → 2022-12-31.
    static func lastDay(from start: String, years: Int, months: Int) -> String? {
        let parts = start.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        var year = parts[0] + years, month = parts[1] + months
        year += (month - 1) / 12
        month = (month - 1) % 12 + 1
        // The same day of the month a term later (clamped: 2024-02-29 + 1 year → 2025-02-28, counted to its day), minus one.
        let day = min(parts[2], daysIn(month, of: year))
        let end = days(year, month, day) - (parts[2] > daysIn(month, of: year) ? 0 : 1)
        return iso(end)
    }

    /// The days of a month.
    static func daysIn(_ month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    static func days(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The ISO date of a day count (civil_from_days).
    static func iso(_ count: Int) -> String {
        let z = count + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(day))"
    }
}
