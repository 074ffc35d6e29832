import Foundation

/// The subject of a count: the noun phrase next to it that names what is counted.
///
/// After the count first (`53个产业科技创新团队`, `200人的产业人才智库`), else
/// before it (`引进高层次人才115名`), across quotes and `、` lists, never
/// across a verb, a clause end or another quantity. Verbal classifiers (`次`,
/// `人次`) look only before. A count of people takes a phrase before it only
/// when that phrase names people (`评定副高级职称67人` has none). Counts
/// written back to back (`9类24项服务优待事项`) share one subject.
extension QuantityScan {
    /// The farthest a subject reaches from its number, in scalars.
    static let subjectReach = 40

    mutating func assignSubjects() {
        let subjects = subjectsOfCounts()
        for (index, site) in countSites.enumerated() { matches.counts[site.index].subject = subjects[index] }
    }

    /// The subject of each count site, in order. Not mutating: called from a
    /// mutating method, each reading helper would get a copy of the whole scan.
    private func subjectsOfCounts() -> [String?] {
        var subjects = [String?](repeating: nil, count: countSites.count)
        // Counts written back to back (`7批次22名人才`) form one group with one subject.
        var groupStart = 0
        while groupStart < countSites.count {
            var groupEnd = groupStart
            while groupEnd + 1 < countSites.count,
                  countSites[groupEnd + 1].range.lowerBound == skipSpaces(countSites[groupEnd].range.upperBound) {
                groupEnd += 1
            }
            let subject = subjectAfter(countSites[groupEnd]) ?? subjectBefore(countSites[groupStart])
            for index in groupStart...groupEnd { subjects[index] = subject }
            groupStart = groupEnd + 1
        }
        // `比赛项目由12个增加到24个`: a count joined to the one before by a verb only shares its subject.
        for index in countSites.indices.dropFirst() where subjects[index] == nil {
            let previous = countSites[index - 1], site = countSites[index]
            if previous.classifier == site.classifier, isOnlyGlue(previous.range.upperBound..<site.range.lowerBound) {
                subjects[index] = subjects[index - 1]
            }
        }
        return subjects
    }

    /// Whether a short stretch holds only verbs and function words (`增加到`).
    func isOnlyGlue(_ range: Range<Int>) -> Bool {
        guard range.count <= 8 else { return false }
        var end = skipSpacesBackward(range.upperBound)
        while end > range.lowerBound {
            let glue = max(vocabulary.subjectVerbs.matchLengthEnding(text, before: end, floor: range.lowerBound),
                           vocabulary.subjectStops.matchLengthEnding(text, before: end, floor: range.lowerBound))
            guard glue > 0 else { return false }
            end = skipSpacesBackward(end - glue)
        }
        return true
    }

    private func classifierWord(_ site: CountSite) -> [Unicode.Scalar] {
        vocabulary.classifiers.list.words[site.classifier]
    }

    private func countsPeople(_ site: CountSite) -> Bool {
        vocabulary.classifiers.values[site.classifier] == .person
    }

    // MARK: - After

    func subjectAfter(_ site: CountSite) -> String? {
        if classifierWord(site).last == "次" { return nil }
        var start = skipSpaces(site.range.upperBound)
        if start < count, text[start] == "的" { start += 1 }
        guard start < count, isNounScalar(text[start]) || Self.opensQuote(text[start]) else { return nil }
        if startsNumber(at: start) { return nil }
        if let verb = vocabulary.subjectVerbs.match(text, at: start),
           vocabulary.subjectVerbs.length(verb) > 1 || Self.singleStops.mayContain(text[start]),
           vocabulary.nominalVerbs.match(text, at: start) == nil { return nil }
        if let stop = vocabulary.subjectStops.match(text, at: start),
           vocabulary.subjectStops.length(stop) > 1 || Self.singleStops.mayContain(text[start]) { return nil }
        let limit = min(count, start + Self.subjectReach)
        var position = start
        while position < limit {
            let scalar = text[position]
            if Self.opensQuote(scalar) || scalar == "(" || scalar == "（" {
                guard let close = closing(of: scalar, from: position, limit: limit) else { break }
                position = close + 1
                continue
            }
            if isListJoiner(scalar) {
                if startsNumber(at: position + 1) { break }
                position += 1
                continue
            }
            guard isNounScalar(scalar) else { break }
            if position > start {
                if startsNumber(at: position) || vocabulary.scopeWords.match(text, at: position) != nil { break }
                if scalar == "在" || scalar == "到" { break }
                if vocabulary.nominalVerbs.match(text, at: position) == nil,
                   let verb = vocabulary.subjectVerbs.match(text, at: position),
                   vocabulary.subjectVerbs.length(verb) > 1 || Self.singleStops.mayContain(scalar) {
                    // `移民安置点`: a verb before a head noun that ends the phrase belongs to it.
                    let headAt = position + vocabulary.subjectVerbs.length(verb)
                    let head = vocabulary.nominalHeads.matchLength(text, at: headAt)
                    guard head > 0, headAt + head >= count || !isNounScalar(text[headAt + head]) else { break }
                    position = headAt + head
                    continue
                }
                if let stop = vocabulary.subjectStops.match(text, at: position), !isListJoiner(text[position]),
                   vocabulary.subjectStops.length(stop) > 1 || Self.singleStops.mayContain(scalar) { break }
            }
            position += 1
        }
        while position > start, isListJoiner(text[position - 1]) { position -= 1 }
        let process = vocabulary.trailingProcessWords.matchLengthEnding(text, before: position, floor: start)
        if process > 0, position - process - start >= 2 { position -= process }
        return phrase(start..<position)
    }

    // MARK: - Before

    func subjectBefore(_ site: CountSite) -> String? {
        var end = skipSpacesBackward(site.range.lowerBound)
        let previousEnd = previousItemEnd(before: site.range.lowerBound)
        let floor = max(previousEnd, site.range.lowerBound - Self.subjectReach)
        if end > floor, text[end - 1] == "等" { end -= 1 }
        // Strip the glue between phrase and number: verbs, function words, amount nouns.
        for _ in 0..<6 {
            let verb = vocabulary.nominalVerbs.matchLengthEnding(text, before: end, floor: floor) > 0
                ? 0 : vocabulary.subjectVerbs.matchLengthEnding(text, before: end, floor: floor)
            let glue = max(verb,
                           vocabulary.subjectStops.matchLengthEnding(text, before: end, floor: floor),
                           vocabulary.measureNouns.matchLengthEnding(text, before: end, floor: floor))
            guard glue > 0 else { break }
            end = skipSpacesBackward(end - glue)
        }
        var position = end
        while position > floor {
            let scalar = text[position - 1]
            if Self.closesQuote(scalar) || scalar == ")" || scalar == "）" {
                guard let open = opening(of: scalar, before: position - 1, floor: floor) else { break }
                position = open
                continue
            }
            if isListJoiner(scalar) {
                let left = position - 1
                if left <= previousEnd || left == 0 || !(isNounScalar(text[left - 1]) || Self.closesQuote(text[left - 1])) { break }
                position -= 1
                continue
            }
            guard isNounScalar(scalar) else { break }
            // `2023年北航护工`: a date is no part of the phrase.
            if position >= 2, scalar == "年" || scalar == "月" || scalar == "日", NumberReader.digitValue(text[position - 2]) != nil { break }
            if position < end {
                if let verb = vocabulary.subjectVerbs.matchEnding(text, before: position, floor: floor),
                   vocabulary.subjectVerbs.length(verb) > 1 || Self.singleStops.mayContain(text[position - 1]) {
                    if isCompound(verbEndingAt: position, phraseEnd: end) {
                        position -= vocabulary.subjectVerbs.length(verb)
                        continue
                    }
                    break
                }
                if let stop = vocabulary.subjectStops.matchEnding(text, before: position, floor: floor),
                   !isListJoiner(text[position - 1]),
                   vocabulary.subjectStops.length(stop) > 1 || Self.singleStops.mayContain(text[position - 1]) { break }
            }
            position -= 1
        }
        var start = position
        while start < end, isListJoiner(text[start]) { start += 1 }
        start += vocabulary.scopeWords.matchLength(text, at: start, limit: end)
        start = skipOrdinal(start, end: end)
        let process = vocabulary.trailingProcessWords.matchLengthEnding(text, before: end, floor: start)
        if process > 0, end - process - start >= 2 { end -= process }
        guard start < end else { return nil }
        if countsPeople(site), !namesPeople(start..<end) { return nil }
        return phrase(start..<end)
    }

    /// Whether the verb ending at `position` belongs to the noun phrase that
    /// runs on to `phraseEnd`: a verb that is as often a noun with at most one
    /// character after it (`研究生`) or before another such word (`培训服务`),
    /// or a verb with a head noun that ends the phrase (`培训班`, `人才服务中心`).
    func isCompound(verbEndingAt position: Int, phraseEnd: Int) -> Bool {
        let rest = phraseEnd - position
        if vocabulary.nominalVerbs.matchEnding(text, before: position) != nil {
            if rest <= 1 { return true }
            if vocabulary.nominalVerbs.matchLength(text, at: position, limit: phraseEnd) == rest { return true }
        }
        let head = vocabulary.nominalHeads.matchLength(text, at: position, limit: phraseEnd)
        return head > 0 && head == rest
    }

    /// `第三届“金张掖能工巧匠”` → `“金张掖能工巧匠”`: an ordinal opening a phrase is no part of it.
    func skipOrdinal(_ start: Int, end: Int) -> Int {
        guard start < end, text[start] == "第" else { return start }
        var position = start + 1
        while position < end, NumberReader.chineseDigit(text[position]) != nil || NumberReader.chineseUnit(text[position]) != nil
            || NumberReader.digitValue(text[position]) != nil { position += 1 }
        guard position > start + 1, position < end,
              let classifier = vocabulary.classifiers.list.match(text, at: position, limit: end) else { return start }
        return position + vocabulary.classifiers.list.length(classifier)
    }

    /// A subject of at least two characters, or nil.
    func phrase(_ range: Range<Int>) -> String? {
        range.count >= 2 ? string(range) : nil
    }

    /// Single characters that end a phrase even though they are one character long.
    static let singleStops = BMPMask(["为", "由", "将", "把", "被", "向", "达", "等", "的", "了", "获"])

    /// Whether a phrase ends in a noun of people (or lists one: `战略领军人才和团队`).
    func namesPeople(_ range: Range<Int>) -> Bool {
        var position = range.upperBound
        while position > range.lowerBound {
            var last = position - 1
            while last > range.lowerBound, Self.closesQuote(text[last]) { last -= 1 }
            if vocabulary.personEndings.mayContain(text[last]) { return true }
            // The part before a joiner.
            var joiner = last
            while joiner > range.lowerBound, !isListJoiner(text[joiner]) { joiner -= 1 }
            guard joiner > range.lowerBound else { return false }
            position = joiner
        }
        return false
    }

    // MARK: - Helpers

    func previousItemEnd(before index: Int) -> Int {
        var low = 0, high = itemRanges.count
        while low < high {
            let middle = (low + high) / 2
            if itemRanges[middle].upperBound <= index { low = middle + 1 } else { high = middle }
        }
        return low > 0 ? itemRanges[low - 1].upperBound : 0
    }

    func isListJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "、" || scalar == "和" || scalar == "及" || scalar == "与" || scalar == "或"
    }

    /// Characters a noun phrase is made of: ideographs, and the `x` of placeholders (`x籍人才`).
    func isNounScalar(_ scalar: Unicode.Scalar) -> Bool {
        Self.isIdeograph(scalar) || NumberReader.isPlaceholder(scalar)
    }

    /// Whether a number with a unit starts at `index` (another quantity).
    func startsNumber(at index: Int) -> Bool {
        guard index < count else { return false }
        let scalar = text[index]
        if NumberReader.digitValue(scalar) != nil { return true }
        if NumberReader.isPlaceholder(scalar) {
            var next = index
            while next < count, NumberReader.isPlaceholder(text[next]) || text[next] == "." || text[next] == " " { next += 1 }
            return next < count && (vocabulary.classifiers.list.match(text, at: next) != nil
                                    || NumberReader.chineseUnit(text[next]) != nil || text[next] == "余" || text[next] == "多")
        }
        return false
    }

    static func opensQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "“" || scalar == "「" || scalar == "『" || scalar == "‘" || scalar == "\""
    }

    static func closesQuote(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "”" || scalar == "」" || scalar == "』" || scalar == "’" || scalar == "\""
    }

    static func partner(of scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar {
        case "“": "”"
        case "「": "」"
        case "『": "』"
        case "‘": "’"
        case "(": ")"
        case "（": "）"
        case "”": "“"
        case "」": "「"
        case "』": "『"
        case "’": "‘"
        case ")": "("
        case "）": "（"
        default: scalar
        }
    }

    func closing(of open: Unicode.Scalar, from index: Int, limit: Int) -> Int? {
        let close = Self.partner(of: open)
        var position = index + 1
        while position < min(limit + 10, count) {
            if text[position] == close { return position }
            if text[position] == "\n" || text[position] == "。" { return nil }
            position += 1
        }
        return nil
    }

    func opening(of close: Unicode.Scalar, before index: Int, floor: Int) -> Int? {
        let open = Self.partner(of: close)
        var position = index - 1
        while position >= max(0, floor - 10) {
            if text[position] == open { return position }
            if text[position] == "\n" || text[position] == "。" { return nil }
            position -= 1
        }
        return nil
    }

    func string(_ range: Range<Int>) -> String {
        String(scalars: text[range])
    }
}
