import Foundation
import TextTools

/// The negative rules: numbers with a unit that are still no quantity.
extension QuantityScan {
    /// A negative rule that fired: its name and why.
    struct Verdict {
        var rule: String
        var reason: String
    }

    /// Whether a classifier is the one character `scalar` (no array literal
    /// to build for the comparison).
    @inline(__always)
    static func isSingle(_ word: [Unicode.Scalar], _ scalar: Unicode.Scalar) -> Bool {
        word.count == 1 && word[0] == scalar
    }

    /// The first negative rule that turns the quantity down, or nil.
    func negativeRule(number: WrittenNumber, first: Term, last: Term, unit: Unit, isRange: Bool, start: Int) -> Verdict? {
        let numberStart = number.range.lowerBound
        let before = skipSpacesBackward(numberStart)
        // `第⏎十六条`: a PDF line wrapped between 第 and its numeral.
        let ordinalBefore = isWrapBreak(at: before - 1) ? before - 1 : before
        let chinese = number.form == .chinese
        if number.form == .arabic, number.range.count > 1, NumberReader.digitValue(text[numberStart]) == 0,
            let next = NumberReader.digitValue(text[numberStart + 1]), next >= 0
        {
            return Verdict(rule: "quantity.fragment", reason: "digits with a leading zero: the tail of a number cut off before it")
        }
        switch unit {
        case .money:
            if let unitRange = last.unitRange, unitRange.upperBound < count, text[unitRange.upperBound] == "级" {
                return Verdict(rule: "amount.adjective", reason: "a size class (元级), not a sum")
            }
            if ordinalBefore > 0, text[ordinalBefore - 1] == "第" {
                return Verdict(rule: "amount.ordinal", reason: "an ordinal")
            }
            return nil
        case .percent:
            // A percentage of a hundred thousand or more is the digits of a flattened
            // table's cells run together (`…00911-16.6%` whose `-` a PDF reader
            // took for a hyphen at a line's end and dropped).
            if let value = last.number.value, value >= Self.percentRunOnMinimum {
                return Verdict(rule: "percent.run-on", reason: "a percentage of 100000 or more: table cells run together")
            }
            return nil
        case .points:
            // A change in percentage points stays within 100: more is the digits of a
            // flattened table's cells run together (`（%）55＞605个百分点`).
            if let value = last.number.value, value > 100 {
                return Verdict(rule: "percent.points-run-on", reason: "over 100 percentage points: table cells run together")
            }
            return nil
        case .classifier(let classifier):
            guard let unitRange = last.unitRange else { return nil }
            let word = vocabulary.classifiers.list.words[classifier]
            let after = unitRange.upperBound
            if !isRange, isCellRunIntoNextCell(number: number.range, unit: unitRange) {
                return Verdict(
                    rule: "count.table-cell",
                    reason: "a number alone on its line and a word starting the next: two cells of a table (115⏎头桥镇)")
            }
            if ordinalBefore > 0, text[ordinalBefore - 1] == "第" || isInOrdinalList(ordinalBefore, classifier: word) {
                return Verdict(rule: "count.ordinal", reason: "an ordinal (第…)")
            }
            if vocabulary.countLabelWords.matchLengthEnding(text, before: before) > 0 {
                return Verdict(rule: "count.label", reason: "the number of an annex, table or item (附件2所列)")
            }
            if isRank(before: before, classifier: word) {
                return Verdict(rule: "count.rank", reason: "a place in a ranking (前N名)")
            }
            if Self.isSingle(word, "期"), isConstructionPhase(before: before, after: after) {
                return Verdict(rule: "count.phase", reason: "the phase of a building or project (二期工程)")
            }
            if before > 0, Self.opensName(text[before - 1]) {
                return Verdict(rule: "count.quoted-name", reason: "a number opening a quoted name")
            }
            // A fused word starting at the number or up to three characters before it (`三番五次`).
            for offset in 0...min(3, numberStart) {
                if vocabulary.fusedWords.matchLength(text, at: numberStart - offset) > offset {
                    return Verdict(rule: "count.fused-numeral", reason: "a numeral fused into a word or idiom")
                }
            }
            if let fused = vocabulary.classifierWords.match(text, at: unitRange.lowerBound),
                vocabulary.classifierWords.length(fused) > word.count,
                vocabulary.classifierWordExceptions.matchLength(text, at: unitRange.lowerBound) <= vocabulary.classifierWords.length(fused)
            {
                return Verdict(
                    rule: "count.fused-numeral", reason: "the classifier begins another word (\(vocabulary.classifierWords.string(fused)))")
            }
            if chinese, before > 0, text[before - 1] == "届" {
                return Verdict(rule: "count.session-ordinal", reason: "a session number (届…次)")
            }
            if chinese, !isRange, after < count, NumberReader.chineseDigit(text[after]) != nil || text[after] == "十" {
                if Self.isSingle(word, "届") { return Verdict(rule: "count.session-ordinal", reason: "a session number (十九届四中全会)") }
                return Verdict(rule: "count.fused-numeral", reason: "numeral, classifier, numeral: a set phrase (三支一扶)")
            }
            // `…的十五条措施` says how many; `实施十项行动` names the programme.
            if chinese, vocabulary.programmeNouns.match(text, at: after) != nil, before == 0 || text[before - 1] != "的" {
                return Verdict(rule: "count.programme-name", reason: "the name of a programme (十项行动)")
            }
            if chinese, !isRange, isRecurringName(number: number.range, unitEnd: after) {
                return Verdict(rule: "count.recurring-name", reason: "numeral, classifier and noun repeated as a name (残疾人两项补贴)")
            }
            if number.isBareOne, !isRange, !first.approximate, !first.hasMultiplier {
                return Verdict(rule: "count.indefinite-one", reason: "一 before a classifier is an article")
            }
            if Self.isSingle(word, "个"), isDurationAfterGe(after) {
                return Verdict(rule: "count.duration", reason: "a duration (个月, 个工作日)")
            }
            if chinese || vocabulary.sessionBodies.matchLengthEnding(text, before: before) > 0, word.last == "次",
                isSessionOrdinal(after: after)
            {
                return Verdict(rule: "count.session-ordinal", reason: "a session number (N次全会, 区政府63次常务会议)")
            }
            if Self.isSingle(word, "次") || Self.isSingle(word, "轮"), isFrequency(before: start) {
                return Verdict(rule: "count.frequency", reason: "a frequency inside a rule (每…一次)")
            }
            if chinese, Self.isSingle(word, "类"), vocabulary.categoryVerbs.matchEnding(text, before: before) == nil {
                return Verdict(rule: "count.category", reason: "a grade or category name (二类)")
            }
            return nil
        }
    }

    /// The smallest percentage taken for table cells run together.
    static let percentRunOnMinimum: Decimal = 100_000

    /// `前3位`, `前三名`: a place in a ranking, unless the word before is a
    /// time word ending in the same character (`目前3名`).
    func isRank(before: Int, classifier: [Unicode.Scalar]) -> Bool {
        guard let rankClassifier = vocabulary.rankClassifiers.match(classifier, at: 0),
            vocabulary.rankClassifiers.words[rankClassifier].count == classifier.count,
            let prefix = vocabulary.rankPrefixes.matchEnding(text, before: before)
        else { return false }
        return vocabulary.rankPrefixExceptions.matchLengthEnding(text, before: before) <= vocabulary.rankPrefixes.words[prefix].count
    }

    /// `创新园二期建成`, `港区三期工程`, `，二期项目…`: `N期` after a noun or
    /// at the start of a clause, before a word of building, is a phase.
    /// After a verb (`举办培训5期`) it counts sessions.
    func isConstructionPhase(before: Int, after: Int) -> Bool {
        guard vocabulary.phaseWords.match(text, at: skipSpaces(after)) != nil else { return false }
        guard before > 0, !Self.endsClause(text[before - 1]) else { return true }
        guard ScalarClass.isIdeograph(text[before - 1]) else { return false }
        return vocabulary.subjectVerbs.matchEnding(text, before: before) == nil
            && vocabulary.perLinks.matchEnding(text, before: before) == nil
            && vocabulary.bounds.list.matchEnding(text, before: before) == nil
    }

    /// `3个月`, `两个多月`, `5个半小时`: `个` and a unit of time, maybe with
    /// `多`, `余` or `半` between them.
    func isDurationAfterGe(_ after: Int) -> Bool {
        // `满12个⏎月`: a PDF line wrapped between 个 and the unit of time.
        var position = isWrapBreak(at: after) ? after + 1 : after
        if position < count, text[position] == "多" || text[position] == "余" || text[position] == "半" { position += 1 }
        return vocabulary.durationAfterGe.match(text, at: position) != nil
    }

    /// `第一、二批`, `第二十一条、二十二条`: a number in a `、` list of
    /// numerals (each maybe with the same classifier) that 第 opens.
    func isInOrdinalList(_ index: Int, classifier: [Unicode.Scalar]) -> Bool {
        var position = index
        for _ in 0..<8 {
            guard position > 1, text[position - 1] == "、" else { return false }
            position -= 1
            if position >= classifier.count, text[(position - classifier.count)..<position].elementsEqual(classifier) {
                position -= classifier.count
            }
            let end = position
            while position > 0,
                NumberReader.chineseDigit(text[position - 1]) != nil || NumberReader.chineseUnit(text[position - 1]) != nil
                    || NumberReader.digitValue(text[position - 1]) != nil
            { position -= 1 }
            guard position < end else { return false }
            if position > 0, text[position - 1] == "第" { return true }
        }
        return false
    }

    /// How often the same numeral, classifier and two characters after them
    /// must stand in the document to be a name rather than a count.
    static let recurringNameMinimum = 3

    /// `残疾人两项补贴` written again and again: a Chinese numeral with its
    /// classifier and the noun after it that recur through the document are a
    /// name (a count set or reported is written once or twice).
    func isRecurringName(number: Range<Int>, unitEnd: Int) -> Bool {
        guard unitEnd + 2 <= count, ScalarClass.isIdeograph(text[unitEnd]), ScalarClass.isIdeograph(text[unitEnd + 1]) else { return false }
        return recurringNames.occurrences(numeral: number, classifierEnd: unitEnd) >= Self.recurringNameMinimum
    }

    /// An opening quote or bracket: a number right after it starts a name (`“三名”工程`, `“139”`).
    static func opensName(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "“" || scalar == "「" || scalar == "『" || scalar == "\"" || scalar == "‘" || scalar == "《" || scalar == "〈"
    }

    /// `十届五次、六次、七次全会`: the numbers of 次 run on to a meeting word.
    func isSessionOrdinal(after index: Int) -> Bool {
        var position = index
        for _ in 0..<12 {
            if vocabulary.sessionWords.match(text, at: position) != nil { return true }
            guard position < count, text[position] == "、" else { return false }
            position += 1
            var digits = position
            while digits < count, NumberReader.chineseDigit(text[digits]) != nil || NumberReader.chineseUnit(text[digits]) != nil {
                digits += 1
            }
            guard digits > position, digits < count, text[digits] == "次" else { return false }
            position = digits + 1
        }
        return false
    }

    /// `每三年进行一次`, `每季度召开2次`: a `每` with a time unit earlier in the clause.
    func isFrequency(before start: Int) -> Bool {
        var position = start - 1
        let floor = max(0, start - 20)
        while position >= floor {
            let scalar = text[position]
            if Self.endsClause(scalar) { return false }
            if scalar == "每" {
                var next = position + 1
                while next < count,
                    NumberReader.chineseDigit(text[next]) != nil || NumberReader.digitValue(text[next]) != nil
                        || text[next] == "十" || text[next] == "个"
                { next += 1 }
                if next < count, Self.isTimeUnit(text[next]) { return true }
            }
            position -= 1
        }
        return false
    }

    /// The first character of a unit of time (`年`, `月`, `季度`, `学期`).
    static func isTimeUnit(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "年", "月", "周", "天", "日", "季", "学": true
        default: false
        }
    }

    /// Punctuation that ends a clause.
    static func endsClause(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "，", "。", "；", "：", "！", "？", "\n", ",", ";", "!", "?": true
        default: false
        }
    }

    /// Reports why a number followed by a non-counting unit is nothing
    /// (`2023年`, `5年`, `9.45万吨`, `〔2020〕32号`).
    mutating func rejectNonCount(_ term: Term) {
        let at = skipSpaces(term.end)
        guard let word = vocabulary.nonCountUnits.list.match(text, at: at) else { rejectBareNumber(term); return }
        let kind = vocabulary.nonCountUnits.values[word]
        let range = term.number.range.lowerBound..<at + vocabulary.nonCountUnits.list.length(word)
        let before = skipSpacesBackward(term.number.range.lowerBound)
        switch kind {
        case .document:
            if before > 0, text[before - 1] == "〕" || text[before - 1] == "]" || text[before - 1] == "）" {
                reject(range, rule: "amount.document-number", reason: "the serial number of a document")
            } else {
                reject(range, rule: "count.date", reason: "a day or serial number (号)")
            }
        case .physical:
            reject(range, rule: "count.physical", reason: "a physical quantity, not a count")
        case .score:
            reject(range, rule: "count.score", reason: "a score, grade or rating (积分, 满分, 四星级)")
        case .address:
            reject(range, rule: "count.address", reason: "a floor, room or building number (三楼, 401室)")
        case .duration:
            reject(range, rule: "count.duration", reason: "a duration")
        case .date:
            let isYearWord = vocabulary.nonCountUnits.list.words[word].first == "年"
            let value = term.number.value ?? 0
            let looksLikeYear = term.number.redacted || value >= 1900
            if isYearWord, !looksLikeYear || vocabulary.durationMarkers.matchEnding(text, before: before) != nil {
                reject(range, rule: "count.duration", reason: "a duration in years")
            } else {
                reject(range, rule: "count.date", reason: "a date")
            }
        }
    }

    /// Names why a number with no unit at all is nothing, for the near
    /// misses of `zhengce explain` and the residue report: `〔2020〕`, `第九章`,
    /// `（八）`, `2025-01-03`, `附件1`, `一是`, a number alone on a line.
    mutating func rejectBareNumber(_ term: Term) {
        let range = term.number.range
        let start = range.lowerBound, end = term.end
        let before: Unicode.Scalar = start > 0 ? text[start - 1] : "\n"
        let after: Unicode.Scalar = end < count ? text[end] : "\n"
        let chinese = term.number.form == .chinese
        // Whole Arabic numbers without a unit, in text order: a row number is one more than the last.
        let integer =
            term.number.form == .arabic && !term.hasMultiplier && !text[range].contains(where: NumberReader.isDecimalPoint)
            ? term.number.value : nil
        let previousInteger = lastBareInteger
        if let integer { lastBareInteger = (integer, end) }
        if before == "第" {
            reject(range, rule: "number.ordinal", reason: "an ordinal (第…)")
        } else if after == "、", sharedListTerm(after: term) != nil {
            reject(range, rule: "number.shared-unit", reason: "a number of a 、 list whose last unit is no quantity's (二、三级, 4、5个月)")
        } else if let separator = vocabulary.rangeSeparators.match(text, at: end),
            end + vocabulary.rangeSeparators.length(separator) < count,
            NumberReader.canStart(text[end + vocabulary.rangeSeparators.length(separator)])
        {
            reject(range, rule: "number.range-start", reason: "the start of a range whose unit is no quantity's (1～3级, 3～5年)")
        } else if Self.opensName(before) {
            reject(range, rule: "number.quoted-name", reason: "a number opening a quoted name (“9+X”)")
        } else if chinese, text[range].allSatisfy({ NumberReader.chineseUnit($0) != nil }) {
            reject(range, rule: "number.bare-multiplier", reason: "a multiplier with no number: part of a unit or a per (万吨, 每万人)")
        } else if "〔[［【".unicodeScalars.contains(before) || "〕]］】".unicodeScalars.contains(after) {
            reject(range, rule: "number.document-number", reason: "the year or serial of a document number")
        } else if ("（(".unicodeScalars.contains(before) && "）)".unicodeScalars.contains(after))
            || (Self.startsLine(before) && ".．、)）".unicodeScalars.contains(after))
        {
            reject(range, rule: "number.list-marker", reason: "the marker of a list item")
        } else if Self.joinsCode(after) && end + 1 < count && NumberReader.digitValue(text[end + 1]) != nil
            || Self.joinsCode(before) && start > 1 && NumberReader.digitValue(text[start - 2]) != nil
            || NumberReader.isLatinLetter(before) || NumberReader.isLatinLetter(after)
        {
            reject(range, rule: "number.code", reason: "part of a date, time, code or phone number")
        } else if vocabulary.counterLabels.matchLengthEnding(text, before: skipLabelColonBackward(start)) > 0 {
            reject(range, rule: "number.page-counter", reason: "a web page's counter (点击数：345)")
        } else if vocabulary.labelWords.matchLengthEnding(text, before: skipSpacesBackward(start)) > 0 {
            reject(range, rule: "number.label", reason: "the number of an annex, table, figure or step")
        } else if chinese, after == "中" || before == "届" || (after == "大" && start >= 2 && text[start - 1] == "的" && text[start - 2] == "党")
        {
            reject(range, rule: "number.session", reason: "a congress or plenary session (十八大, 五中全会)")
        } else if chinese, after == "大", end + 1 < count, ScalarClass.isIdeograph(text[end + 1]) {
            reject(range, rule: "number.fused", reason: "a numeral fused into a name (三大行动)")
        } else if term.number.form == .arabic, text[range].contains(where: NumberReader.isDecimalPoint), isSpacedApart(range) {
            reject(range, rule: "number.list-marker", reason: "the number of a numbered heading (2.1　…)")
        } else if chinese, after == "季" {
            reject(range, rule: "number.date", reason: "a quarter of a year (四季度)")
        } else if chinese, after == "是" || after == "要" || after == "则" {
            reject(range, rule: "number.enumerator", reason: "an enumerator (一是…二是…)")
        } else if chinese, (0...min(3, start)).contains(where: { vocabulary.fusedWords.matchLength(text, at: start - $0) > $0 }) {
            reject(range, rule: "number.fused", reason: "a numeral fused into a word or name")
        } else if Self.startsLine(before), after == "\n" || end >= count {
            reject(range, rule: "number.table-cell", reason: "a number alone on its line: a table cell")
        } else if let integer, let previousInteger, integer == previousInteger.value + 1,
            start - previousInteger.end <= Self.serialReach
        {
            reject(range, rule: "number.serial", reason: "one more than the bare number before it: a row or item number")
        }
    }

    /// How far after the last bare number the next row number may stand, in scalars.
    static let serialReach = 400

    /// A line break, or a clause end a list marker may follow (also a closing
    /// quote: `…公布。”三、删去第八条` in an amending decision).
    static func startsLine(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "。" || scalar == "；" || scalar == "：" || scalar == " " || scalar == "　"
            || scalar == "）" || scalar == ")" || scalar == "”"
    }

    /// `115⏎头桥镇` read out of a PDF table, one cell a line (or `1⇥头桥镇`,
    /// cells split by tabs): the number stands alone in its cell in the
    /// original, and the classifier starts the next cell and runs on into a word (a cell that wrapped its unit,
    /// `236⏎户`, keeps the unit alone on its line).
    func isCellRunIntoNextCell(number: Range<Int>, unit: Range<Int>) -> Bool {
        let original = context.document.original
        let numberSpan = context.span(of: number), unitSpan = context.span(of: unit)
        func isSpace(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\u{3000}" || scalar == "\t" }
        var at = numberSpan.start
        while at > 0, isSpace(original[at - 1]) { at -= 1 }
        guard at == 0 || original[at - 1] == "\n" || original[at - 1] == "\u{0C}" || original[at - 1] == "\t" else { return false }
        guard numberSpan.end < unitSpan.start,
            original[numberSpan.end..<unitSpan.start].contains(where: { $0 == "\n" || $0 == "\t" })
        else { return false }
        return unitSpan.end < original.count && ScalarClass.isIdeograph(original[unitSpan.end])
    }

    /// Whether the original has a space or line break on both sides of
    /// `range` (the normaliser drops spaces between CJK characters).
    func isSpacedApart(_ range: Range<Int>) -> Bool {
        let span = context.span(of: range)
        let original = context.document.original
        func isGap(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\u{3000}" || scalar == "\n" || scalar == "\t" }
        return span.start > 0 && span.end < original.count && isGap(original[span.start - 1]) && isGap(original[span.end])
    }

    /// Back past spaces and a colon (`点击数： 345`).
    func skipLabelColonBackward(_ index: Int) -> Int {
        var position = skipSpacesBackward(index)
        if position > 0, text[position - 1] == "：" || text[position - 1] == ":" { position = skipSpacesBackward(position - 1) }
        return position
    }

    /// Characters inside a date, time or code between digits.
    static func joinsCode(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "/" || scalar == ":" || scalar == "：" || scalar == "_" || scalar == "." || scalar == "—"
    }
}
