import Foundation
import TextTools

/// The subject of a count: the noun phrase next to it that names what is counted.
///
/// After the count first (`53个产业科技创新团队`, `200人的产业人才智库`), else
/// before it (`引进高层次人才115名`), across quotes and `、` lists, never
/// across a verb, a clause end or another quantity. Verbal classifiers (`次`,
/// `人次`) look only before. A count of people takes a phrase before it only
/// when that phrase names people (`评定副高级职称67人` has none), or, for
/// person-times, an activity (`职业技能培训1.8万人次`). Counts written back to
/// back (`9类24项服务优待事项`) share one subject.
///
/// Verbs that describe the noun stay in the phrase (`返乡人才`, `技工院校在校生`);
/// time words and the scope of a `每` never are subjects (`每年认定10个`,
/// `每万名劳动力中研发人员`). A line break the normaliser kept inside running
/// prose is crossed. The subject is the original text of its range, line
/// breaks removed (`县（市、区）` as written).
extension QuantityScan {
    /// The farthest a subject reaches from its number, in scalars.
    static let subjectReach = 40

    mutating func assignSubjects() {
        let subjects = subjectsOfCounts()
        for (index, site) in countSites.enumerated() { matches.counts[site.index].subject = subjects[index] }
    }

    /// The subject of each count of ``countSites``. Not mutating: called
    /// from a mutating method, each look-up would copy the whole scan.
    func subjectsOfCounts() -> [String?] {
        var subjects = [String?](repeating: nil, count: countSites.count)
        // Counts written back to back (`7批次22名人才`) form one group with one subject.
        var groupStart = 0
        while groupStart < countSites.count {
            var groupEnd = groupStart
            while groupEnd + 1 < countSites.count,
                countSites[groupEnd + 1].range.lowerBound == skipSpaces(countSites[groupEnd].range.upperBound)
            {
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
            let glue = max(
                vocabulary.subjectVerbs.matchLengthEnding(text, before: end, floor: range.lowerBound),
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
        // `出现2次不实信息`: a verbal classifier counts the thing after it only
        // when a verb stands right before the number.
        if classifierWord(site).last == "次",
            vocabulary.subjectVerbs.matchLengthEnding(text, before: skipSpacesBackward(site.range.lowerBound)) < 2
        {
            return nil
        }
        var start = skipSpaces(site.range.upperBound)
        // `两个《指导意见》`: a title in book brackets is what is counted.
        if start < count, text[start] == "《" {
            var close = start + 1
            while close < min(count, start + Self.subjectReach), text[close] != "》", text[close] != "\n" { close += 1 }
            if close < count, text[close] == "》", close > start + 1 { return phrase(start + 1..<close) }
            return nil
        }
        var linkedByDe = false
        if start < count, text[start] == "的" {
            start += 1
            linkedByDe = true
        }
        guard start < count, isNounScalar(text[start]) || Self.opensQuote(text[start]) else { return nil }
        if startsNumber(at: start) { return nil }
        // `312名返乡人才`, `x名在外人才`: a verb that describes the noun may open the phrase.
        let opening = attributiveLength(at: start)
        if opening == 0 {
            if let verb = vocabulary.subjectVerbs.match(text, at: start),
                vocabulary.subjectVerbs.words[verb].count > 1 || vocabulary.singleStops.mayContain(text[start]),
                vocabulary.nominalVerbs.match(text, at: start) == nil,
                !isHeadedVerb(at: start, length: vocabulary.subjectVerbs.words[verb].count)
            {
                return nil
            }
            if let stop = vocabulary.subjectStops.match(text, at: start),
                vocabulary.subjectStops.words[stop].count > 1 || vocabulary.singleStops.mayContain(text[start])
            {
                return nil
            }
        }
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
            if scalar == "\n", position > start, continuesAcrossBreak(position) {
                position += 1
                continue
            }
            guard isNounScalar(scalar) else { break }
            if position > start {
                if startsNumber(at: position) || vocabulary.scopeWords.match(text, at: position) != nil { break }
                // `技工院校在校生`: a verb of state before a noun of people stays in the phrase.
                let attributive = attributiveLength(at: position)
                if attributive > 0, attributiveGoesOn(at: position + attributive, limit: limit) {
                    position += attributive
                    continue
                }
                if scalar == "的" {
                    // `懂技术、善经营的致富带头人`: what stands before 的 only describes the head after it.
                    if position + 1 < limit, isNounScalar(text[position + 1]), describesHead(start..<position, site) {
                        position += 1
                        continue
                    }
                    break
                }
                if vocabulary.singleStops.mayContain(scalar) || vocabulary.stopsAfter.mayContain(scalar) { break }
                if vocabulary.nominalVerbs.match(text, at: position) == nil,
                    let verb = vocabulary.subjectVerbs.match(text, at: position),
                    vocabulary.subjectVerbs.words[verb].count > 1
                {
                    // `移民安置点`: a verb before a head noun that ends the phrase belongs to it.
                    let headAt = position + vocabulary.subjectVerbs.words[verb].count
                    let head = vocabulary.nominalHeads.matchLength(text, at: headAt)
                    guard head > 0, headAt + head >= count || !isNounScalar(text[headAt + head]) else { break }
                    position = headAt + head
                    continue
                }
                if let stop = vocabulary.subjectStops.match(text, at: position), !isListJoiner(text[position]),
                    vocabulary.subjectStops.words[stop].count > 1
                {
                    break
                }
            }
            position += 1
        }
        while position > start, isListJoiner(text[position - 1]) || text[position - 1] == "\n" { position -= 1 }
        position = trimProcessWord(start..<position)
        // `回乡` alone is the verb of the clause, not a noun it describes.
        if opening > 0, !isAttributiveCompound(start + opening..<position) { return nil }
        // `97名人才子女就学问题`: a count of people counts the people the phrase names.
        if countsPeople(site), !linkedByDe {
            if !namesPeople(start..<position), let end = firstPersonEnd(start..<position) { position = end }
            position = cutBeforeNonPersonMember(start..<position)
        }
        return phrase(start..<position)
    }

    /// `三支队伍建设` → 队伍: the end of a phrase without a closing word of
    /// process, unless the word is an item of a list (`科研、教学、管理`).
    func trimProcessWord(_ range: Range<Int>) -> Int {
        let process = vocabulary.trailingProcessWords.matchLengthEnding(text, before: range.upperBound, floor: range.lowerBound)
        guard process > 0, range.count - process >= 2, !isListJoiner(text[range.upperBound - process - 1]) else { return range.upperBound }
        return range.upperBound - process
    }

    /// `指导员`, `培训班` opening a phrase: a verb with a head noun that ends the noun run.
    func isHeadedVerb(at index: Int, length: Int) -> Bool {
        let headAt = index + length
        let head = vocabulary.nominalHeads.matchLength(text, at: headAt)
        return head > 0 && (headAt + head >= count || !isNounScalar(text[headAt + head]))
    }

    /// Whether a verb of attributive-verbs.txt that ends at `index`, after
    /// the first words of a phrase, describes the noun after it
    /// (`技工院校在校生`, `引智引才示范基地`) rather than being the verb of the
    /// clause (`人才返乡创业`): a noun of people or a head noun follows before
    /// any other verb.
    func attributiveGoesOn(at index: Int, limit: Int) -> Bool {
        guard index < limit, isNounScalar(text[index]),
            vocabulary.subjectVerbs.match(text, at: index) == nil, vocabulary.attributiveVerbs.match(text, at: index) == nil
        else { return false }
        if vocabulary.personEndings.match(text, at: index) != nil || vocabulary.nominalHeads.match(text, at: index) != nil { return true }
        var position = index + 1
        while position < limit, isNounScalar(text[position]), !vocabulary.singleStops.mayContain(text[position]) {
            if let verb = vocabulary.subjectVerbs.match(text, at: position), vocabulary.subjectVerbs.words[verb].count > 1 { return false }
            position += 1
            if vocabulary.nominalHeads.matchEnding(text, before: position, floor: index) != nil
                || vocabulary.personEndings.matchEnding(text, before: position, floor: index) != nil
            {
                return true
            }
        }
        return false
    }

    /// `42名专家与企业签约` → 专家: in a count of people, a `与` or `和`
    /// followed by words that name nobody is a preposition, not a list.
    func cutBeforeNonPersonMember(_ range: Range<Int>) -> Int {
        var position = range.lowerBound + 1
        while position + 1 < range.upperBound {
            if text[position] == "与" || text[position] == "和", namesPeople(range.lowerBound..<position) {
                var next = position + 1
                while next < range.upperBound, !isListJoiner(text[next]) { next += 1 }
                if firstPersonEnd(position + 1..<next) == nil { return position }
            }
            position += 1
        }
        return range.upperBound
    }

    /// Whether the words before a `的` describe the noun after it rather than
    /// being what is counted: a count of people whose words name nobody
    /// (`2名懂技术、善经营的致富带头人`), or an attribute in `性`
    /// (`全国性、区域性的人才交流活动`).
    func describesHead(_ range: Range<Int>, _ site: CountSite) -> Bool {
        guard !range.isEmpty else { return false }
        if countsPeople(site) { return !namesPeople(range) }
        return text[range.upperBound - 1] == "性"
    }

    // MARK: - Before

    func subjectBefore(_ site: CountSite) -> String? {
        var end = skipSpacesBackward(site.range.lowerBound)
        let previousEnd = previousItemEnd(before: site.range.lowerBound)
        let floor = max(previousEnd, site.range.lowerBound - Self.subjectReach)
        if end > floor, text[end - 1] == "等" { end -= 1 }
        // `担任村党组织书记的57人`: a clause closed by 的 describes the people counted; it does not name them.
        if end > floor, text[end - 1] == "的" { return nil }
        // Strip the glue between phrase and number: verbs, function words,
        // amount nouns, a place after a preposition (`已在全市布点`).
        for _ in 0..<8 {
            let verb =
                vocabulary.nominalVerbs.matchLengthEnding(text, before: end, floor: floor) > 0
                ? 0 : vocabulary.subjectVerbs.matchLengthEnding(text, before: end, floor: floor)
            var glue = max(
                verb,
                vocabulary.subjectStops.matchLengthEnding(text, before: end, floor: floor),
                vocabulary.measureNouns.matchLengthEnding(text, before: end, floor: floor))
            if countsPeople(site) { glue = max(glue, vocabulary.personRecordNouns.matchLengthEnding(text, before: end, floor: floor)) }
            let scope = vocabulary.scopeWords.matchLengthEnding(text, before: end, floor: floor)
            if scope > 0, end - scope > floor, Self.isPreposition(text[end - scope - 1]) { glue = max(glue, scope + 1) }
            guard glue > 0 else { break }
            end = skipSpacesBackward(end - glue)
        }
        var position = end
        var afterEvery = false
        while position > floor {
            let scalar = text[position - 1]
            if Self.closesQuote(scalar) || scalar == ")" || scalar == "）" {
                guard let open = opening(of: scalar, before: position - 1, floor: floor) else { break }
                position = open
                continue
            }
            if scalar == "\n" {
                guard position < end, position - 1 > floor, continuesAcrossBreak(position - 1) else { break }
                position -= 1
                continue
            }
            if position < end {
                // `返乡创业人员`, `技工院校在校生`: verbs that describe the noun after them.
                let attributive = vocabulary.attributiveVerbs.matchLengthEnding(text, before: position, floor: floor)
                if attributive > 0, attributive >= vocabulary.subjectVerbs.matchLengthEnding(text, before: position, floor: floor),
                    isAttributiveCompound(position..<end)
                {
                    position -= attributive
                    continue
                }
                // Before list joiners: `惠及人才`, `参与人才` end in a joiner character.
                if let verb = vocabulary.subjectVerbs.matchEnding(text, before: position, floor: floor),
                    vocabulary.subjectVerbs.words[verb].count > 1 || vocabulary.singleStops.mayContain(scalar)
                {
                    if isCompound(verbEndingAt: position, phraseEnd: end) {
                        position -= vocabulary.subjectVerbs.words[verb].count
                        continue
                    }
                    break
                }
                if let stop = vocabulary.subjectStops.matchEnding(text, before: position, floor: floor),
                    !isListJoiner(scalar), vocabulary.subjectStops.words[stop].count > 1
                {
                    break
                }
                if vocabulary.singleStops.mayContain(scalar) { break }
            }
            if scalar == "每" {
                afterEvery = true
                break
            }
            if isListJoiner(scalar) {
                let left = position - 1
                // `三、各区…`: the `、` of an item's marker ends the phrase.
                if scalar == "、", isItemMarker(endingAt: left) { break }
                if left <= previousEnd || left == 0 || !(isNounScalar(text[left - 1]) || Self.closesQuote(text[left - 1])) { break }
                position -= 1
                continue
            }
            guard isNounScalar(scalar) else { break }
            // `2023年北航护工`, `三年培养`: a date or a span of years is no part of the phrase.
            if position >= 2, scalar == "年" || scalar == "月" || scalar == "日",
                NumberReader.digitValue(text[position - 2]) != nil || (scalar == "年" && isChineseNumeral(text[position - 2]))
            {
                break
            }
            position -= 1
        }
        var start = position
        if afterEvery { start = skipEveryScope(start, end: end) }
        while start < end, isListJoiner(text[start]) { start += 1 }
        start += vocabulary.scopeWords.matchLength(text, at: start, limit: end)
        start = skipOrdinal(start, end: end)
        end = trimProcessWord(start..<end)
        guard start < end else { return nil }
        if countsPeople(site), !namesPeople(start..<end), !(countsVisits(site) && endsInVisitEvent(start..<end)) { return nil }
        return phrase(start..<end)
    }

    /// `每万名劳动力中研发人员` → 研发人员, `每个行政村` → 行政村, `每年` → nothing:
    /// the scope of a `每` (its number, unit, and a noun closed by 中/里/内)
    /// is no part of what is counted.
    func skipEveryScope(_ start: Int, end: Int) -> Int {
        var position = start
        while position < end, isChineseNumeral(text[position]) || NumberReader.digitValue(text[position]) != nil { position += 1 }
        if let unit = vocabulary.perUnits.match(text, at: position, limit: end) {
            position += vocabulary.perUnits.words[unit].count
        } else if let classifier = vocabulary.classifiers.list.match(text, at: position, limit: end) {
            position += vocabulary.classifiers.list.words[classifier].count
        }
        var locative = position
        while locative + 2 < end {
            if text[locative] == "中" || text[locative] == "里" || text[locative] == "内" { return locative + 1 }
            locative += 1
        }
        return position
    }

    /// Whether a verb of attributive-verbs.txt at the start of `rest` goes
    /// with the noun after it: something follows, and it ends in no verb
    /// (`返乡人才` yes, `人才返乡创业` no).
    func isAttributiveCompound(_ rest: Range<Int>) -> Bool {
        guard !rest.isEmpty else { return false }
        return vocabulary.attributiveVerbs.matchEnding(text, before: rest.upperBound, floor: rest.lowerBound) == nil
            && vocabulary.subjectVerbs.matchEnding(text, before: rest.upperBound, floor: rest.lowerBound) == nil
    }

    /// The length of a verb of attributive-verbs.txt at `index` that no longer verb covers.
    func attributiveLength(at index: Int) -> Int {
        let attributive = vocabulary.attributiveVerbs.matchLength(text, at: index)
        guard attributive > 0, vocabulary.subjectVerbs.matchLength(text, at: index) <= attributive else { return 0 }
        return attributive
    }

    /// Prepositions before a place that glue it to a verb (`在全市布点`).
    static func isPreposition(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "在" || scalar == "于" || scalar == "从" || scalar == "向" || scalar == "到"
    }

    func isChineseNumeral(_ scalar: Unicode.Scalar) -> Bool {
        NumberReader.chineseDigit(scalar) != nil || NumberReader.chineseUnit(scalar) != nil
    }

    /// A line break the normaliser kept inside a phrase: the line before it is
    /// running prose (it holds a `，` or `；`), and characters of a phrase
    /// stand on both sides (`全区现有国家级⏎人才仅6人`).
    func continuesAcrossBreak(_ newline: Int) -> Bool {
        guard newline > 0, newline + 1 < count, text[newline] == "\n",
            isNounScalar(text[newline - 1]), isNounScalar(text[newline + 1])
        else { return false }
        var position = newline - 1
        let floor = max(0, newline - 160)
        while position > floor, text[position] != "\n" {
            if text[position] == "，" || text[position] == "；" { return true }
            position -= 1
        }
        return false
    }

    /// Whether a count is of person-times (`人次`, `户次`).
    func countsVisits(_ site: CountSite) -> Bool {
        countsPeople(site) && classifierWord(site).last == "次"
    }

    /// `职业技能培训`: a phrase that ends in an activity and is more than the activity.
    func endsInVisitEvent(_ range: Range<Int>) -> Bool {
        let event = vocabulary.visitEvents.matchLengthEnding(text, before: range.upperBound, floor: range.lowerBound)
        return event > 0 && event < range.count
    }

    /// Where the people a phrase names first end, with the nouns of people
    /// that run on from them (`人才子女就学问题` → 人才子女,
    /// `脱贫户、监测户养老护理员公益岗` → 脱贫户、监测户), leaving at least two
    /// characters; nil when it names nobody.
    func firstPersonEnd(_ range: Range<Int>) -> Int? {
        var end = range.lowerBound + 2
        while end <= range.upperBound, vocabulary.personEndings.matchEnding(text, before: end, floor: range.lowerBound) == nil { end += 1 }
        guard end <= range.upperBound else { return nil }
        extending: while end < range.upperBound {
            var next = end
            if isListJoiner(text[next]) { next += 1 }
            for length in 1...4 where next + length <= range.upperBound {
                guard isNounScalar(text[next + length - 1]) else { break }
                if vocabulary.personEndings.matchEnding(text, before: next + length, floor: next) != nil {
                    end = next + length
                    continue extending
                }
            }
            break
        }
        return end
    }

    /// Whether the verb ending at `position` belongs to the noun phrase that
    /// runs on to `phraseEnd`: a verb that is as often a noun with at most one
    /// character after it (`研究生`), before another such word (`培训服务`)
    /// or before a head of nominal-verb-heads.txt (`服务事项`), a verb with a
    /// head noun that ends the phrase (`培训班`, `人才服务中心`), or a verb of
    /// settling with its place (`入驻园区创业项目`).
    func isCompound(verbEndingAt position: Int, phraseEnd: Int) -> Bool {
        let rest = phraseEnd - position
        if vocabulary.nominalVerbs.matchEnding(text, before: position) != nil {
            if rest <= 1 { return true }
            if vocabulary.nominalVerbs.matchLength(text, at: position, limit: phraseEnd) == rest { return true }
            if vocabulary.nominalVerbHeads.matchLength(text, at: position, limit: phraseEnd) == rest { return true }
        }
        let head = vocabulary.nominalHeads.matchLength(text, at: position, limit: phraseEnd)
        if head > 0 && head == rest { return true }
        return vocabulary.settlingVerbs.matchEnding(text, before: position) != nil && opensWithPlace(position..<phraseEnd)
    }

    /// Whether `range` starts with a place of up to four characters (`园区`,
    /// `乡村基层`) and goes on with at least two more characters.
    func opensWithPlace(_ range: Range<Int>) -> Bool {
        var end = range.lowerBound + 1
        while end <= min(range.lowerBound + 4, range.upperBound - 2) {
            if vocabulary.placeHeads.matchEnding(text, before: end, floor: range.lowerBound) != nil { return true }
            end += 1
        }
        return false
    }

    /// `第三届“金张掖能工巧匠”` → `“金张掖能工巧匠”`, `中卫市第三批专家人选` →
    /// `专家人选`: an ordinal and what stands before it are no part of the phrase.
    func skipOrdinal(_ start: Int, end: Int) -> Int {
        var result = start
        var ordinal = start
        while ordinal < end {
            defer { ordinal += 1 }
            guard text[ordinal] == "第" else { continue }
            var position = ordinal + 1
            while position < end, isChineseNumeral(text[position]) || NumberReader.digitValue(text[position]) != nil { position += 1 }
            guard position > ordinal + 1, position < end,
                let classifier = vocabulary.classifiers.list.match(text, at: position, limit: end)
            else { continue }
            let after = position + vocabulary.classifiers.list.words[classifier].count
            if after < end { result = after }
        }
        return result
    }

    /// A subject of at least two characters, or nil: the original text of the
    /// range (`县（市、区）` as written), without the line breaks of a PDF.
    func phrase(_ range: Range<Int>) -> String? {
        guard range.count >= 2 else { return nil }
        let mapped = context.text
        let original = context.document.original
        // Collected as scalars and encoded once: appending to a string's
        // scalar view one scalar at a time costs hundreds of instructions each.
        var result: [Unicode.Scalar] = []
        result.reserveCapacity(range.count)
        for index in range where text[index] != "\n" {
            let from = Int(mapped.starts[index]), to = Int(mapped.ends[index])
            result.append(to - from == 1 && from < original.count ? original[from] : text[index])
        }
        return String(scalars: result)
    }

    /// Whether a phrase ends in a noun of people (or lists one: `战略领军人才和团队`).
    func namesPeople(_ range: Range<Int>) -> Bool {
        var position = range.upperBound
        while position > range.lowerBound {
            var last = position - 1
            while last > range.lowerBound, Self.closesQuote(text[last]) { last -= 1 }
            if vocabulary.personEndings.matchEnding(text, before: last + 1, floor: range.lowerBound) != nil { return true }
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

    /// Whether numerals that end at `end` start their line or sentence: the
    /// number of an item (`三、`, `2、`) when a `、` follows.
    func isItemMarker(endingAt end: Int) -> Bool {
        var position = end
        while position > 0, position > end - 3, isChineseNumeral(text[position - 1]) || NumberReader.digitValue(text[position - 1]) != nil {
            position -= 1
        }
        return position < end && (position == 0 || Self.startsLine(text[position - 1]))
    }

    func isListJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "、" || scalar == "和" || scalar == "及" || scalar == "与" || scalar == "或"
    }

    /// Characters a noun phrase is made of: ideographs, and the `x` of placeholders (`x籍人才`).
    func isNounScalar(_ scalar: Unicode.Scalar) -> Bool {
        ScalarClass.isIdeograph(scalar) || NumberReader.isPlaceholder(scalar)
    }

    /// Whether a number with a unit starts at `index` (another quantity).
    func startsNumber(at index: Int) -> Bool {
        guard index < count else { return false }
        let scalar = text[index]
        if NumberReader.digitValue(scalar) != nil { return true }
        if NumberReader.isPlaceholder(scalar) {
            var next = index
            while next < count, NumberReader.isPlaceholder(text[next]) || text[next] == "." || text[next] == " " { next += 1 }
            return next < count
                && (vocabulary.classifiers.list.match(text, at: next) != nil
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
}
