import Foundation
import Segmenter
import TextTools

/// One run of ``QuantityMatcher`` over one document.
struct QuantityScan {
    let context: ExtractionContext
    let vocabulary: QuantityVocabulary
    let text: [Unicode.Scalar]
    let count: Int
    var matches = QuantityMatches()
    /// Counts waiting for their subject, in text order.
    var countSites: [CountSite] = []
    /// Normalised ranges of every item found so far, in text order.
    var itemRanges: [Range<Int>] = []
    /// The last run of items of one kind joined by `、` with no bound of
    /// their own (kind: 0 amount, 1 percent, 2 points, 3 count).
    var unboundedList: [(kind: Int, index: Int, range: Range<Int>)] = []
    /// The last item whose bound word before it a `、` list after it shares
    /// (`不少于6家、4家`): its kind, whether the bound is lower, and where the list has come to.
    var leadingBoundList: (kind: Int, lower: Bool, end: Int)?
    /// Normalised ranges of the amounts, by index in `matches.amounts`.
    var amountRanges: [Range<Int>] = []
    /// The last whole Arabic number without a unit and where it ends, for row numbers (`number.serial`).
    var lastBareInteger: (value: Decimal, end: Int)?
    /// The last amount, for a `每人` shared by an enumeration.
    var lastAmount: (end: Int, per: [String])?
    /// Numerals with their classifier and the words after them, counted once per document.
    let recurringNames: RecurringNameIndex

    /// What a number is followed by.
    enum Unit: Equatable {
        case money
        case percent
        case points
        /// A classifier, by its index in the vocabulary's classifier list.
        case classifier(Int)
    }

    /// A number with what stands right after it: `100余万元`, `6.3万人`, `2`.
    struct Term {
        var number: WrittenNumber
        /// The power of ten of `万`, `亿`, `千`… written after the number (0 when none).
        var multiplierExponent = 0
        var hasMultiplier = false
        /// `余` or `多` between the number and its unit.
        var approximate = false
        var unit: Unit?
        var unitRange: Range<Int>?
        /// Where the term ends.
        var end: Int

        /// `value` times the multiplier. Multipliers are powers of ten, so the
        /// product only moves the decimal exponent; `Decimal` multiplication
        /// would cost thousands of instructions.
        func scaled(_ value: Decimal) -> Decimal {
            hasMultiplier ? Decimal(sign: .plus, exponent: multiplierExponent, significand: value) : value
        }
    }

    /// A count and the places its subject is looked for.
    struct CountSite {
        var index: Int
        var range: Range<Int>
        var classifier: Int
    }

    init(context: ExtractionContext, vocabulary: QuantityVocabulary) {
        self.context = context
        self.vocabulary = vocabulary
        self.text = context.text.scalars
        self.count = text.count
        self.recurringNames = RecurringNameIndex(text: text)
    }

    // MARK: - The pass

    mutating func run() {
        let numerals = NumberReader.table  // read once: each read of a static checks its initialisation
        var index = 0
        while index < count {
            index = Self.nextCandidate(in: text, from: index, numerals: numerals)
            guard index < count else { break }
            let scalar = text[index]
            if scalar == "百" {
                if index + 2 < count, text[index + 1] == "分", text[index + 2] == "之" {
                    index = matchChinesePercent(at: index) ?? index + 3
                } else {
                    index += 1
                }
                continue
            }
            if isAsciiStart(scalar), index > 0, Self.gluesToIdentifier(text[index - 1]),
                !Self.isLabelColon(in: text, at: index - 1)
            {
                // Part of a code, URL or name (`ISO9001`, `5G`, `A1`): skip it whole.
                let start = index
                index += 1
                while index < count, Self.gluesToIdentifier(text[index]) { index += 1 }
                reject(start..<index, rule: "number.code", reason: "part of a code, URL or name")
                continue
            }
            guard let reading = NumberReader.read(text, at: index) else {
                // `零售`, `零报销`: a numeral the reader takes for no number, fused into a word.
                if context.collectsRejections, let length = fusedWordLength(at: index) {
                    reject(index..<index + length, rule: "number.fused", reason: "a numeral fused into a word or name")
                }
                index += 1
                continue
            }
            switch reading {
            case .malformed(let range):
                reject(range, rule: "number.malformed", reason: "numerals that make no number (a name such as 十四五)")
                index = max(range.upperBound, index + 1)
            case .number(let number):
                let whole = joinedAcrossBreak(number) ?? number
                index = max(matchQuantity(whole) ?? whole.range.upperBound, index + 1)
            }
        }
    }

    /// The first index from `start` on where a number or a `百分之` may
    /// start (`text.count` when none). Most characters are neither: this
    /// loop reads only the text and the numeral table, nothing of the scan.
    static func nextCandidate(in text: [Unicode.Scalar], from start: Int, numerals: NumberReader.Table) -> Int {
        numerals.firstCandidate(in: text, from: start, or: "百")
    }

    /// `65\n80元/人`, `1.\n5万元`: digits that end one line and digits with a
    /// unit that start the next make one number when the first line runs on
    /// (text before the digits on it), or when the second piece could never
    /// stand alone (`00元`, `0万元`: a leading zero). Else nil.
    func joinedAcrossBreak(_ number: WrittenNumber) -> WrittenNumber? {
        guard number.form == .arabic else { return nil }
        var position = number.range.upperBound
        var point = false
        if position < count, NumberReader.isDecimalPoint(text[position]) { point = true; position += 1 }
        let gapStart = position
        while position < count, text[position] == "\n" || text[position] == " " { position += 1 }
        // `1⏎.5万个`: the point may start the second line instead.
        let gapEnd = position
        if !point, position + 1 < count, NumberReader.isDecimalPoint(text[position]),
            NumberReader.digitValue(text[position + 1]) != nil
        {
            point = true; position += 1
        }
        // The normaliser may have turned the break into a space: the original says.
        guard gapEnd > gapStart, position < count, NumberReader.digitValue(text[position]) != nil,
            context.originalText(context.span(of: gapStart..<gapEnd)).contains("\n"),
            case .number(let second)? = NumberReader.read(text, at: position), second.form == .arabic
        else { return nil }
        let term = readTerm(second)
        guard term.unit != nil else { return nil }
        let secondDigits = text[second.range]
        if point, secondDigits.contains(where: NumberReader.isDecimalPoint) { return nil }
        let leadingZero =
            NumberReader.digitValue(secondDigits.first!) == 0
            && !(secondDigits.count > 1 && NumberReader.isDecimalPoint(secondDigits[secondDigits.startIndex + 1]))
        if !leadingZero {
            // The first piece must end a line of running text, not stand on a line of its own.
            let before = number.range.lowerBound
            guard before > 0, ScalarClass.isIdeograph(text[before - 1]) || Self.opensQuote(text[before - 1]) else { return nil }
            // In the original too: the normaliser may have joined a line that held the digits alone.
            let original = context.document.original
            var at = context.span(of: number.range).start
            while at > 0, original[at - 1] == " " || original[at - 1] == "\t" { at -= 1 }
            guard at > 0, original[at - 1] != "\n", original[at - 1] != "\r" else { return nil }
        }
        var written = ""
        for scalar in text[number.range] + (point ? ["."] : []) + secondDigits {
            if let digit = NumberReader.digitValue(scalar) {
                written.append(Character(String(digit)))
            } else if NumberReader.isDecimalPoint(scalar) {
                written.append(".")
            }
        }
        guard let value = Decimal(string: written) else { return nil }
        return WrittenNumber(range: number.range.lowerBound..<second.range.upperBound, value: value, form: .arabic)
    }

    /// The length of a word of `fused-words.txt` that starts at `index`, or nil.
    func fusedWordLength(at index: Int) -> Int? {
        let length = vocabulary.fusedWords.matchLength(text, at: index)
        return length > 0 ? length : nil
    }

    /// The collected matches, with the subjects of counts filled in.
    mutating func finish() -> QuantityMatches {
        if context.collectsRejections { rejectBareMultipliers() }
        assignSubjects()
        assignPurposes()
        return matches
    }

    /// Names the multipliers that stand with no number of their own (`万吨`,
    /// `每万人`, `大众创业万众创新`, the `千` of `54400千瓦`), for the near misses.
    mutating func rejectBareMultipliers() {
        var index = 0
        var item = 0
        while index < count {
            let scalar = text[index]
            guard scalar == "千" || scalar == "万" || scalar == "亿" || scalar == "百" else { index += 1; continue }
            var end = index + 1
            while end < count, text[end] == "千" || text[end] == "万" || text[end] == "亿" || text[end] == "百" { end += 1 }
            defer { index = end }
            if scalar == "百", end < count, text[end] == "分" { continue }
            if index > 0,
                NumberReader.chineseDigit(text[index - 1]) != nil || text[index - 1] == "十"
                    || NumberReader.digitValue(text[index - 1]) != nil || NumberReader.isDecimalPoint(text[index - 1])
            {
                continue
            }
            while item < itemRanges.count, itemRanges[item].upperBound <= index { item += 1 }
            if item < itemRanges.count, itemRanges[item].lowerBound < end { continue }
            reject(
                index..<end, rule: "number.bare-multiplier",
                reason: "a multiplier with no number of its own: part of a unit, a per or a word (万吨, 每万人)")
        }
    }

    // MARK: - Terms

    /// Reads what follows a number: `余`/`多`, a multiplier, a unit.
    func readTerm(_ number: WrittenNumber) -> Term {
        var term = Term(number: number, end: number.range.upperBound)
        let afterNumber = skipGap(number.range.upperBound)
        // `3个百分点`, `3百分点`
        if let end = matchPoints(at: afterNumber) {
            term.unit = .points
            term.unitRange = afterNumber..<end
            term.end = end
            return term
        }
        var position = afterNumber
        var approximate = false
        if position < count, text[position] == "余" || text[position] == "多" {
            approximate = true
            position = skipSpaces(position + 1)
        }
        var exponent = 0
        var multiplierCount = 0
        while position < count, multiplierCount < 2, var unit = NumberReader.chineseUnit(text[position]) {
            while unit > 1 {  // 十 … 亿 are powers of ten
                unit /= 10
                exponent += 1
            }
            multiplierCount += 1
            position += 1
        }
        if multiplierCount > 0 {
            term.multiplierExponent = exponent
            term.hasMultiplier = true
            term.end = position
            position = skipSpaces(position)
            if !approximate, position < count, text[position] == "余" || text[position] == "多" {
                approximate = true
                position = skipSpaces(position + 1)
            }
        }
        guard position < count else { return term }
        let scalar = text[position]
        if scalar == "元" {
            term.unit = .money
            term.unitRange = position..<position + 1
        } else if (scalar == "%" || scalar == "％") && multiplierCount == 0 {
            term.unit = .percent
            term.unitRange = position..<position + 1
        } else if let classifier = vocabulary.classifiers.list.match(text, at: position) {
            term.unit = .classifier(classifier)
            term.unitRange = position..<position + vocabulary.classifiers.list.length(classifier)
        }
        if let unitRange = term.unitRange {
            term.approximate = approximate
            term.end = unitRange.upperBound
        }
        return term
    }

    /// The end of `个百分点` or `百分点` at `index`.
    func matchPoints(at index: Int) -> Int? {
        var position = index
        if position < count, text[position] == "个" { position += 1 }
        guard position + 3 <= count, text[position] == "百", text[position + 1] == "分", text[position + 2] == "点" else { return nil }
        return position + 3
    }

    // MARK: - Quantities

    /// Reads a quantity starting with `number`; returns where the scan goes
    /// on, or nil when the number is no quantity.
    mutating func matchQuantity(_ number: WrittenNumber) -> Int? {
        let first = readTerm(number)
        var last = first
        var isRange = false
        // A range: `2—5万元`, `2万至5万元`, `20%—30%`, `1-2名`.
        let separatorAt = skipLineBreak(skipSpaces(inclusiveMarkEnd(at: skipSpaces(first.end)) ?? first.end))
        if let separator = vocabulary.rangeSeparators.match(text, at: separatorAt) {
            let secondAt = skipLineBreak(skipSpaces(separatorAt + vocabulary.rangeSeparators.length(separator)))
            if secondAt < count, case .number(let secondNumber)? = NumberReader.read(text, at: secondAt),
                secondNumber.redacted == number.redacted
            {
                let second = readTerm(secondNumber)
                if let unit = second.unit, first.unit == nil || first.unit == unit, unit != .points,
                    rangeIsOrdered(first, second)
                {
                    last = second
                    isRange = true
                }
            }
        }
        // `2万以上20万元以下`: a lower bound with no unit of its own, closed by
        // an upper one that has the unit, is one range.
        var closedEnd: Int?
        if !isRange, first.unit == nil, let partner = unitlessLowerPartner(first) {
            last = partner.term
            isRange = true
            closedEnd = partner.end
        }
        // `分别给予30、20、10万元`, `3、5个`: numbers joined by `、` share the
        // unit (and multiplier) of the last; each is its own item.
        if !isRange, closedEnd == nil, first.unit == nil, let shared = sharedListTerm(after: first), shared.unit != nil {
            last.unit = shared.unit
            last.unitRange = shared.unitRange
            if !first.hasMultiplier {
                last.hasMultiplier = shared.hasMultiplier
                last.multiplierExponent = shared.multiplierExponent
            }
        }
        guard let unit = last.unit else {
            if context.collectsRejections { rejectNonCount(first) }
            diagnoseMissingYuan(first)
            return nil
        }
        var start = number.range.lowerBound
        var end = last.end
        if case .classifier = unit, let alternative = alternativeClassifier(at: end) { end = alternative }
        var bounds = Bounds()
        bounds.approximate = first.approximate || last.approximate
        bounds.lower = bounds.approximate
        readBoundsBefore(&start, into: &bounds)
        let before = bounds
        // Bound words before the number (not the `余` of the term): a list may share them.
        var leading = Bounds()
        leading.lower = before.lower && !(first.approximate || last.approximate)
        leading.upper = before.upper
        if let closedEnd {
            end = closedEnd
        } else {
            // `25万元（含25万元）`: an inclusive repeat of the item belongs to it.
            if let repeatEnd = inclusiveRepeatEnd(at: skipSpaces(end), of: last) { end = repeatEnd }
            readBoundsAfter(&end, into: &bounds)
        }
        // `1万元以上10万元以下`: a lower bound closed by an upper one is one range.
        if !isRange, bounds.lower, !before.lower, !before.upper, !bounds.upper, !bounds.approximate,
            let partner = upperBoundPartner(after: end, of: first)
        {
            last = partner.term
            isRange = true
            bounds.lower = false
            end = partner.end
        }

        if let rejection = negativeRule(number: number, first: first, last: last, unit: unit, isRange: isRange, start: start) {
            reject(start..<end, rule: rejection.rule, reason: rejection.reason)
            return end
        }

        let redacted = number.redacted
        var low: Decimal?, high: Decimal?
        if !redacted {
            let fallback = first.unit == nil && !first.hasMultiplier ? last : first
            low = first.number.value.map(fallback.scaled)
            high = last.number.value.map(last.scaled)
            // `一千到两千万元`: the second number's closing 万 or 亿 counts for the first.
            if isRange, first.unit == nil, !first.hasMultiplier, !last.hasMultiplier, !first.number.endsInMultiplier,
                last.number.endsInMultiplier, let value = low, let top = high
            {
                let shared = Decimal(sign: .plus, exponent: trailingMultiplierExponent(last.number), significand: value)
                if shared <= top { low = shared }
            }
        }
        if bounds.lower { high = nil }
        if bounds.upper { low = nil }
        // `1.5万元/人/年`: units per after a slash, right after the unit.
        var slashUnits: [String] = []
        if unit == .money, let unitEnd = last.unitRange?.upperBound, end == unitEnd {
            (slashUnits, end) = perUnitsAfterSlash(unitEnd)
        }
        let range = start..<end
        let span = context.span(of: range)
        let written = context.originalText(span)
        switch unit {
        case .money:
            var per = perUnits(before: start)
            if per.isEmpty { per = slashUnits }
            if per.isEmpty, let previous = lastAmount, onlyListSeparators(previous.end..<start) { per = previous.per }
            matches.amounts.append(
                Amount(
                    text: written, span: span, min: low, max: high, approximate: bounds.approximate,
                    redacted: redacted, per: per, rule: isRange ? "amount.range" : "amount.single"))
            lastAmount = (end, per)
            amountRanges.append(range)
        case .percent:
            matches.percentages.append(
                Percentage(
                    text: written, span: span, min: low, max: high, approximate: bounds.approximate,
                    redacted: redacted, rule: isRange ? "percent.range" : "percent.sign"))
        case .points:
            matches.percentages.append(
                Percentage(
                    text: written, span: span, min: low, max: high, approximate: bounds.approximate,
                    redacted: redacted, points: true, rule: "percent.points"))
        case .classifier(let classifier):
            countSites.append(CountSite(index: matches.counts.count, range: range, classifier: classifier))
            matches.counts.append(
                Count(
                    text: written, span: span, min: low, max: high, approximate: bounds.approximate,
                    redacted: redacted, classifier: vocabulary.classifiers.list.string(classifier),
                    rule: isRange ? "count.range" : "count.classifier"))
        }
        itemRanges.append(range)
        shareListBounds(unit: unit, range: range, before: before, leading: leading, after: bounds)
        return end
    }

    /// Bounds shared along a `、` list of items of one kind:
    /// - `分别达到80%、50%以上`: a bound word after the last item bounds the
    ///   items before it that have none of their own;
    /// - `分别不少于6家、4家、2家`, `不超过80万元、50万元`: a bound word before
    ///   the first item bounds the items after it that have none of their own.
    mutating func shareListBounds(unit: Unit, range: Range<Int>, before: Bounds, leading: Bounds, after: Bounds) {
        let kind: Int
        switch unit {
        case .money: kind = 0
        case .percent: kind = 1
        case .points: kind = 2
        case .classifier: kind = 3
        }
        let index = kind == 0 ? matches.amounts.count - 1 : kind == 3 ? matches.counts.count - 1 : matches.percentages.count - 1
        let trailingLower = after.lower && !before.lower, trailingUpper = after.upper && !before.upper
        if trailingLower != trailingUpper, let previous = unboundedList.last, previous.kind == kind,
            onlyListSeparators(previous.range.upperBound..<range.lowerBound)
        {
            for item in unboundedList where item.kind == kind { dropBound(kind: kind, index: item.index, lower: trailingLower) }
        }
        let unbounded = !after.lower && !after.upper
        if unbounded, let list = leadingBoundList, list.kind == kind, onlyListSeparators(list.end..<range.lowerBound) {
            dropBound(kind: kind, index: index, lower: list.lower)
            leadingBoundList?.end = range.upperBound
            unboundedList = []
            return
        }
        leadingBoundList =
            leading.lower != leading.upper && !trailingLower && !trailingUpper
            ? (kind, leading.lower, range.upperBound) : nil
        if unbounded, let previous = unboundedList.last, previous.kind == kind,
            onlyListSeparators(previous.range.upperBound..<range.lowerBound)
        {
            unboundedList.append((kind, index, range))
        } else {
            unboundedList = unbounded ? [(kind, index, range)] : []
        }
    }

    /// Makes item `index` of a kind a lower bound (`max` null) or an upper bound (`min` null).
    mutating func dropBound(kind: Int, index: Int, lower: Bool) {
        switch kind {
        case 0: if lower { matches.amounts[index].max = nil } else { matches.amounts[index].min = nil }
        case 3: if lower { matches.counts[index].max = nil } else { matches.counts[index].min = nil }
        default: if lower { matches.percentages[index].max = nil } else { matches.percentages[index].min = nil }
        }
    }

    /// The power of ten of the `万` and `亿` that close a Chinese numeral (`两千万` → 4).
    func trailingMultiplierExponent(_ number: WrittenNumber) -> Int {
        var exponent = 0
        var position = number.range.upperBound
        while position > number.range.lowerBound, let unit = NumberReader.chineseUnit(text[position - 1]), unit >= 10_000 {
            exponent += unit == 10_000 ? 4 : 8
            position -= 1
        }
        return exponent
    }

    /// A range needs its upper number at least as large as its lower one.
    func rangeIsOrdered(_ first: Term, _ second: Term) -> Bool {
        guard let low = first.number.value, let high = second.number.value else { return true }
        let lowScale = first.unit == nil && !first.hasMultiplier ? second : first
        return lowScale.scaled(low) <= second.scaled(high)
    }

    /// `百分之十五`, `百分之十至百分之二十`, `不低于百分之八十`.
    mutating func matchChinesePercent(at index: Int) -> Int? {
        guard case .number(let number)? = NumberReader.read(text, at: index + 3) else { return nil }
        var high = number
        var end = number.range.upperBound
        let separatorAt = skipSpaces(end)
        if let separator = vocabulary.rangeSeparators.match(text, at: separatorAt) {
            var secondAt = skipSpaces(separatorAt + vocabulary.rangeSeparators.length(separator))
            if secondAt + 3 <= count, text[secondAt] == "百", text[secondAt + 1] == "分", text[secondAt + 2] == "之" { secondAt += 3 }
            if case .number(let second)? = NumberReader.read(text, at: secondAt), second.redacted == number.redacted,
                (number.value ?? 0) <= (second.value ?? .greatestFiniteMagnitude)
            {  // a range rises, as in rangeIsOrdered
                high = second
                end = second.range.upperBound
            }
        }
        var start = index
        var bounds = Bounds()
        readBoundsBefore(&start, into: &bounds)
        readBoundsAfter(&end, into: &bounds)
        var low = number.value, top = high.value
        if bounds.lower { top = nil }
        if bounds.upper { low = nil }
        let range = start..<end
        let span = context.span(of: range)
        matches.percentages.append(
            Percentage(
                text: context.originalText(span), span: span, min: low, max: top,
                approximate: bounds.approximate, redacted: number.redacted,
                rule: "percent.chinese"))
        itemRanges.append(range)
        return end
    }

    /// `补助资金255万；`: a sum in 万 or 亿 after a word of money, with no 元.
    mutating func diagnoseMissingYuan(_ term: Term) {
        guard term.hasMultiplier, term.multiplierExponent >= 4 else { return }
        let after = skipSpaces(term.end)
        guard after >= count || !ScalarClass.isIdeograph(text[after]) else { return }
        let before = skipSpacesBackward(term.number.range.lowerBound)
        guard vocabulary.moneyWords.matchLengthEnding(text, before: before, floor: max(0, before - 4)) > 0 else { return }
        let span = context.span(of: term.number.range.lowerBound..<term.end)
        matches.diagnostics.append(
            Diagnostic(
                severity: .warning, message: "a sum in 万/亿 without 元: not taken as an amount",
                span: span, rule: "amount.unit-unclear"))
    }

    // MARK: - Bounds

    struct Bounds {
        var lower = false
        var upper = false
        var approximate = false

        mutating func apply(_ effect: QuantityVocabulary.BoundEffect) {
            switch effect {
            case .lower: lower = true
            case .upper: upper = true
            case .approximate: approximate = true
            }
        }
    }

    /// Bound words glued before the number (`不少于`, `最高不超过`, `约`) move `start` back.
    func readBoundsBefore(_ start: inout Int, into bounds: inout Bounds) {
        let original = start
        defer {
            if start == original {
                readDetachedBound(before: start, into: &bounds)
                if !bounds.lower, !bounds.upper { readGoverningBound(before: start, into: &bounds) }
            }
        }
        for _ in 0..<2 {
            var at = skipSpacesBackward(start)
            // `不少于⏎10名`, `不少⏎于10名`: a PDF line wrapped after or inside the word.
            if isWrapBreak(at: at - 1) { at -= 1 }
            let (found, length) = matchEndingAcrossWrap(vocabulary.bounds.list, before: at)
            guard let word = found else { return }
            let bound = vocabulary.bounds.values[word]
            guard !bound.after,
                vocabulary.boundExceptions.matchLengthEnding(text, before: at) <= vocabulary.bounds.list.length(word)
            else { return }
            bounds.apply(bound.effect)
            start = at - length
        }
    }

    /// `最高补助5000元`, `最多可给予3万元`, `至少举办2场`, `至少有2名`: a
    /// bound word before the verb that governs the number still bounds it,
    /// though it stays outside the span.
    func readDetachedBound(before start: Int, into bounds: inout Bounds) {
        var position = skipSpacesBackward(start)
        let floor = max(0, start - 12)
        for links in 0..<3 {
            if links > 0, let word = vocabulary.bounds.list.matchEnding(text, before: position, floor: floor) {
                let bound = vocabulary.bounds.values[word]
                guard !bound.after, bound.effect != .approximate,
                    vocabulary.boundExceptions.matchLengthEnding(text, before: position) <= vocabulary.bounds.list.length(word)
                else { return }
                bounds.apply(bound.effect)
                return
            }
            let link = max(
                vocabulary.perLinks.matchLengthEnding(text, before: position, floor: floor),
                vocabulary.subjectVerbs.matchLengthEnding(text, before: position, floor: floor))
            guard link > 0 else { return }
            position = skipSpacesBackward(position - link)
        }
    }

    /// How far back a bound word may open the phrase a number closes, in scalars.
    static let governingReach = 20

    /// `按不超过研发投入30%`, `不低于项目总投资的20%`, `最高不超过实际发生额的50%`,
    /// `最高可按实际发生费用的30%`: a lower or upper word opens a noun phrase
    /// that the number closes. Only nouns, `的`, quotes and the prepositions
    /// that open such a phrase (`按照`, `可按`) stand between; a clause break,
    /// another number or item, or a verb of granting ends the search. A
    /// superlative before a noun is an adjective (`最低工资标准的30%`): the
    /// search goes on past it. The span stays the number.
    func readGoverningBound(before start: Int, into bounds: inout Bounds) {
        let floor = max(previousItemEnd(before: start), start - Self.governingReach)
        var position = skipSpacesBackward(start)
        while position > floor {
            if let word = vocabulary.bounds.list.matchEnding(text, before: position, floor: floor) {
                let bound = vocabulary.bounds.values[word]
                let written = vocabulary.bounds.list.words[word]
                let length = vocabulary.bounds.list.length(word)
                guard !bound.after, bound.effect != .approximate, position < start, written.count >= 2,
                    vocabulary.boundExceptions.matchLengthEnding(text, before: position) <= length
                else { return }
                if written[0] == "最", vocabulary.governingLinks.match(text, at: position) == nil {
                    position -= length
                    continue
                }
                bounds.apply(bound.effect)
                return
            }
            let preposition = vocabulary.governingLinks.matchLengthEnding(text, before: position, floor: floor)
            if preposition > 0 {
                position -= preposition
                continue
            }
            let scalar = text[position - 1]
            guard isPerNounScalar(scalar) else { return }
            if vocabulary.perLinks.matchLengthEnding(text, before: position, floor: floor) >= 2 { return }
            position -= 1
        }
    }

    /// A bound word glued after the unit (`以上`, `左右`) moves `end` on.
    /// A PDF line wrapped right after the unit or inside the word
    /// (`2亿元⏎以上`, `1万总吨以⏎上`) does not part them.
    func readBoundsAfter(_ end: inout Int, into bounds: inout Bounds) {
        // `50万元（含）以上`, `50%（不含）`: the mark belongs to the item.
        if let markEnd = inclusiveMarkEnd(at: skipSpaces(end)) { end = markEnd }
        var at = skipSpaces(end)
        if isWrapBreak(at: at) { at += 1 }
        let (word, length) = matchAcrossWrap(vocabulary.bounds.list, at: at)
        guard let word, vocabulary.boundExceptions.match(text, at: at) == nil else { return }
        let bound = vocabulary.bounds.values[word]
        guard bound.after else { return }
        bounds.apply(bound.effect)
        end = at + length
    }

    /// The word of `list` at `index`, read through one wrapped line break
    /// inside it (`以⏎上`), and how many scalars of the text it takes.
    func matchAcrossWrap(_ list: WordList, at index: Int) -> (word: Int?, length: Int) {
        if let word = list.match(text, at: index) { return (word, list.length(word)) }
        var joined: [Unicode.Scalar] = []
        var breakAt: Int?
        var position = index
        while position < count, joined.count < 6 {
            if text[position] == "\n" {
                guard breakAt == nil, isWrapBreak(at: position) else { break }
                breakAt = position
            } else {
                joined.append(text[position])
            }
            position += 1
        }
        guard let breakAt, breakAt > index, let word = list.match(joined, at: 0) else { return (nil, 0) }
        let length = list.length(word)
        // The break must fall inside the word, or the plain match above had it.
        guard index + length > breakAt else { return (nil, 0) }
        return (word, length + 1)
    }

    /// The word of `list` that ends at `index`, read through one wrapped line
    /// break inside it (`不少⏎于`), and how many scalars of the text it takes.
    func matchEndingAcrossWrap(_ list: WordList, before index: Int) -> (word: Int?, length: Int) {
        if let word = list.matchEnding(text, before: index) { return (word, list.length(word)) }
        var joined: [Unicode.Scalar] = []
        var breakAt: Int?
        var position = index
        while position > 0, joined.count < 6 {
            if text[position - 1] == "\n" {
                guard breakAt == nil, isWrapBreak(at: position - 1) else { break }
                breakAt = position - 1
            } else {
                joined.append(text[position - 1])
            }
            position -= 1
        }
        joined.reverse()
        guard let breakAt, breakAt < index - 1, let word = list.matchEnding(joined, before: joined.count) else { return (nil, 0) }
        let length = list.length(word)
        // The break must fall inside the word, or the plain match above had it.
        guard index - length <= breakAt else { return (nil, 0) }
        return (word, length + 1)
    }

    /// A line break the normaliser kept inside a sentence: a PDF line wrapped
    /// in the first line of a numbered item (`第三条…满12个⏎月`, `第⏎十六条`),
    /// where a word or number runs on from one line to the next. Not a blank
    /// line, and not after punctuation that ends a clause.
    func isWrapBreak(at index: Int) -> Bool {
        guard index > 0, index + 1 < count, text[index] == "\n" else { return false }
        let previous = text[index - 1], next = text[index + 1]
        guard ScalarClass.isIdeograph(previous) || NumberReader.digitValue(previous) != nil,
            ScalarClass.isIdeograph(next) || NumberReader.digitValue(next) != nil
        else { return false }
        // A blank line follows the break in the original: a paragraph ends there.
        let original = context.document.original
        var at = context.span(of: index..<index + 1).end
        while at < original.count, original[at] == " " || original[at] == "\t" || original[at] == "\r" || original[at] == "\u{3000}" {
            at += 1
        }
        return at >= original.count || original[at] != "\n"
    }

    /// `1万元以上10万元以下`, `30%以上、50%以下`: after a lower bound word, a
    /// second number with the same unit closed by an upper bound word; returns
    /// its term and the end of that word.
    /// `300万元以上不足800万元`: the upper word may stand before the second
    /// number instead (not a superlative: `以上、最高` starts another clause).
    /// A first number without a unit takes the second's (`2万以上20万元以下`).
    func upperBoundPartner(after end: Int, of first: Term) -> (term: Term, end: Int)? {
        var position = skipSpaces(end)
        if position < count, text[position] == "、" { position = skipSpaces(position + 1) }
        var bounds = Bounds()
        if let word = vocabulary.bounds.list.match(text, at: position), vocabulary.bounds.list.words[word][0] != "最",
            vocabulary.boundExceptions.matchLength(text, at: position) <= vocabulary.bounds.list.length(word)
        {
            let bound = vocabulary.bounds.values[word]
            guard !bound.after, bound.effect == .upper else { return nil }
            bounds.upper = true
            position = skipSpaces(position + vocabulary.bounds.list.length(word))
        }
        guard position < count, case .number(let number)? = NumberReader.read(text, at: position),
            number.redacted == first.number.redacted
        else { return nil }
        let second = readTerm(number)
        guard let unit = second.unit, first.unit == nil || unit == first.unit, unit != .points, !second.approximate,
            rangeIsOrdered(first, second)
        else { return nil }
        var partnerEnd = second.end
        readBoundsAfter(&partnerEnd, into: &bounds)
        guard bounds.upper, !bounds.lower, !bounds.approximate else { return nil }
        return (second, partnerEnd)
    }

    /// `30、20、10万元`: after a number without a unit, `、` and further
    /// numbers of the same form, the term of the last of them (with or without
    /// a unit), or nil when no `、` and number follow. Only a number written
    /// bare may stand between (a unit on one of them ends the list there).
    func sharedListTerm(after first: Term) -> Term? {
        var position = first.end
        var term: Term?
        for _ in 0..<8 {
            guard position + 1 < count, text[position] == "、",
                case .number(let next)? = NumberReader.read(text, at: position + 1),
                next.form == first.number.form
            else { break }
            let read = readTerm(next)
            term = read
            if read.unit != nil || read.hasMultiplier || read.approximate { break }
            let after = skipSpaces(read.end)
            if after < count, vocabulary.nonCountUnits.list.match(text, at: after) != nil { break }
            position = read.end
        }
        return term
    }

    /// `2万以上20万元以下`, `2千以上1万元以下`: after a number without a unit,
    /// a lower bound word and an upper-bounded partner with the unit.
    func unitlessLowerPartner(_ first: Term) -> (term: Term, end: Int)? {
        var probe = first.end
        var bounds = Bounds()
        readBoundsAfter(&probe, into: &bounds)
        guard bounds.lower, !bounds.upper, !bounds.approximate, probe > first.end else { return nil }
        return upperBoundPartner(after: probe, of: first)
    }

    /// `25万元（含25万元）`: the end of a bracket that repeats the item's own
    /// value and unit after `含`.
    func inclusiveRepeatEnd(at index: Int, of term: Term) -> Int? {
        guard index + 1 < count, text[index] == "（" || text[index] == "(", text[index + 1] == "含",
            let unit = term.unit, let value = term.number.value,
            case .number(let number)? = NumberReader.read(text, at: skipSpaces(index + 2))
        else { return nil }
        let inner = readTerm(number)
        guard inner.unit == unit, let innerValue = number.value, inner.scaled(innerValue) == term.scaled(value) else { return nil }
        let close = skipSpaces(inner.end)
        guard close < count, text[close] == "）" || text[close] == ")" else { return nil }
        return close + 1
    }

    /// The end of an inclusive mark at `index`: `（含）`, `(含)`, `（不含）`, `（含本数）`.
    func inclusiveMarkEnd(at index: Int) -> Int? {
        guard index < count, text[index] == "（" || text[index] == "(" else { return nil }
        var position = index + 1
        if position < count, text[position] == "不" { position += 1 }
        guard position < count, text[position] == "含" else { return nil }
        position += 1
        if position + 1 < count, text[position] == "本", text[position + 1] == "数" { position += 2 }
        guard position < count, text[position] == "）" || text[position] == ")" else { return nil }
        return position + 1
    }

    /// `x人（个）`: a second classifier offered in brackets belongs to the count.
    func alternativeClassifier(at index: Int) -> Int? {
        guard index < count, text[index] == "（" || text[index] == "(" else { return nil }
        guard let classifier = vocabulary.classifiers.list.match(text, at: index + 1) else { return nil }
        let close = index + 1 + vocabulary.classifiers.list.length(classifier)
        guard close < count, text[close] == "）" || text[close] == ")" else { return nil }
        return close + 1
    }

    // MARK: - Amount units per

    /// The units of a `每…` governing the amount at `start`: `每人每年` → 人, 年.
    /// Between them may stand granting verbs and the noun phrases they govern
    /// (`每年安排人才发展专项资金500万元`), never a clause break, another
    /// quantity, or a verb of another kind right after the `每…`
    /// (`每年评选一批优秀团队给予5万元`, `每年评选…，分别给予5万元` have none).
    /// Else an average word of the clause (`户均增收1.2万元` → 户).
    func perUnits(before start: Int) -> [String] {
        var position = skipSpacesBackward(start)
        let floor = max(previousItemEnd(before: start), start - Self.perReach)
        // A verb that is no granting link stands between the `每…` and the
        // amount (`每年评选一批优秀团队给予`): the `每…` belongs to it.
        var crossedVerb = false
        while position > floor {
            if let open = alternativeClassifierStart(endingAt: position, floor: floor) {
                position = open
                continue
            }
            // A line break the normaliser kept inside the phrase (a PDF's wrapped line).
            if position - 1 > floor, text[position - 1] == "\n", ScalarClass.isIdeograph(text[position - 2]),
                position < count, ScalarClass.isIdeograph(text[position]) || NumberReader.digitValue(text[position]) != nil
            {
                position -= 1
                continue
            }
            let link = vocabulary.perLinks.matchLengthEnding(text, before: position, floor: floor)
            if link > 0 {
                position = skipSpacesBackward(position - link)
                crossedVerb = false
                continue
            }
            if !crossedVerb {
                let units = perUnitsEnding(at: position, floor: floor)
                if !units.isEmpty { return withRecipientYear(units, from: position, to: start) }
            }
            let scalar = text[position - 1]
            guard isPerNounScalar(scalar), scalar != "每" else { break }
            let verb = vocabulary.subjectVerbs.matchLengthEnding(text, before: position, floor: floor)
            if verb >= 2, vocabulary.nominalVerbs.matchLengthEnding(text, before: position, floor: floor) == 0 {
                crossedVerb = true
                position -= verb
                continue
            }
            position -= 1
        }
        return averageUnit(before: start)
    }

    /// How far back a `每…` may govern an amount, in scalars.
    static let perReach = 32
    /// Characters of a noun phrase between a granting verb and its amount.
    func isPerNounScalar(_ scalar: Unicode.Scalar) -> Bool {
        ScalarClass.isIdeograph(scalar) || Self.opensQuote(scalar) || Self.closesQuote(scalar)
    }

    /// `户均增收1.2万元`, `人均可支配收入3.2万元`: the unit of an average word
    /// that stands earlier in the same clause, with only words between.
    func averageUnit(before start: Int) -> [String] {
        var position = skipSpacesBackward(start)
        let floor = max(0, start - 12)
        while position > floor {
            if let word = vocabulary.perAverages.list.matchEnding(text, before: position, floor: floor) {
                return [vocabulary.perAverages.values[word]]
            }
            guard ScalarClass.isIdeograph(text[position - 1]), text[position - 1] != "每" else { return [] }
            position -= 1
        }
        return []
    }

    /// The `每…` units that end at `position`, in order.
    /// `每个平台每年`: an earlier `每…` may stand before a short noun.
    func perUnitsEnding(at end: Int, floor: Int) -> [String] {
        var position = end
        var units: [String] = []
        while true {
            if let unit = vocabulary.perUnits.matchEnding(text, before: position, floor: floor),
                let mark = perMarkIndex(before: position - vocabulary.perUnits.length(unit), floor: floor)
            {
                units.insert(vocabulary.perUnits.string(unit), at: 0)
                position = skipSpacesBackward(mark)
                if position > floor + 1, text[position - 1] == "\n", text[position - 2] != "\n" { position -= 1 }
                continue
            }
            guard !units.isEmpty else { return units }
            // Look past a noun of up to four characters for one more `每…`.
            var nounStart = position
            var found = false
            while nounStart > floor, position - nounStart < 4, ScalarClass.isIdeograph(text[nounStart - 1]), text[nounStart - 1] != "每" {
                nounStart -= 1
                if let unit = vocabulary.perUnits.matchEnding(text, before: nounStart, floor: floor),
                    nounStart - vocabulary.perUnits.length(unit) > floor,
                    isPerMark(at: nounStart - vocabulary.perUnits.length(unit) - 1)
                {
                    found = true
                    break
                }
            }
            guard found else { return units }
            position = nounStart
        }
    }

    /// Where the `每` or `单` of a unit that starts at `unitStart` stands, or
    /// nil: right before it, or before a line break the normaliser kept
    /// (`按每人每⏎月1520元`, a PDF's line wrapped inside the phrase).
    func perMarkIndex(before unitStart: Int, floor: Int) -> Int? {
        var mark = unitStart - 1
        if mark > floor, text[mark] == "\n" { mark -= 1 }
        guard mark >= floor, mark >= 0, isPerMark(at: mark) else { return nil }
        return mark
    }

    /// `每` before a unit, or `单` (`单个项目`, `单家企业`) where it starts a
    /// word rather than ends one (`名单`, `清单`) and makes no noun with the
    /// unit (`违法单位`).
    func isPerMark(at index: Int) -> Bool {
        switch text[index] {
        case "每": return true
        case "单":
            return (index == 0 || !vocabulary.singleMarkPrefixes.mayContain(text[index - 1]))
                && vocabulary.singleMarkWords.match(text, at: index) == nil
        default: return false
        }
    }

    /// `单台（套）设备`: where a bracketed second classifier that ends at
    /// `end` opens, or nil.
    func alternativeClassifierStart(endingAt end: Int, floor: Int) -> Int? {
        guard end - 3 >= floor, text[end - 1] == "）" || text[end - 1] == ")" else { return nil }
        guard let classifier = vocabulary.classifiers.list.matchEnding(text, before: end - 1, floor: floor) else { return nil }
        let open = end - 1 - vocabulary.classifiers.list.length(classifier) - 1
        guard open >= floor, text[open] == "（" || text[open] == "(" else { return nil }
        return open
    }

    /// `每家企业年度最高200万元`: a year stated for the recipient between the
    /// `每…` and the amount adds `年` (`["家", "年"]`).
    func withRecipientYear(_ units: [String], from start: Int, to end: Int) -> [String] {
        guard !units.isEmpty, !units.contains("年"), start < end else { return units }
        var position = start
        while position < end {
            if vocabulary.recipientYearWords.match(text, at: position, limit: end) != nil { return units + ["年"] }
            position += 1
        }
        return units
    }

    /// `/人/年` after an amount's unit: the units, and where they end.
    func perUnitsAfterSlash(_ index: Int) -> ([String], Int) {
        var units: [String] = []
        var position = index
        while position + 1 < count, text[position] == "/" || text[position] == "／" {
            // `元/100升`: a measure of the unit goes with it.
            var unitAt = position + 1
            while unitAt < count, unitAt - position <= 6, NumberReader.digitValue(text[unitAt]) != nil { unitAt += 1 }
            guard let unit = vocabulary.perUnits.match(text, at: unitAt) else { break }
            units.append(String(String.UnicodeScalarView(text[(position + 1)..<unitAt])) + vocabulary.perUnits.string(unit))
            position = unitAt + vocabulary.perUnits.length(unit)
            // `元/人月`, `元/人·月`: a unit of time run on after the first.
            while position < count {
                let dot = text[position] == "·" || text[position] == "•" || text[position] == "・" ? 1 : 0
                guard let time = vocabulary.perUnits.match(text, at: position + dot),
                    vocabulary.slashTimeUnits.match(vocabulary.perUnits.words[time], at: 0) != nil,
                    vocabulary.slashTimeUnits.matchLength(vocabulary.perUnits.words[time], at: 0) == vocabulary.perUnits.length(time)
                else { break }
                units.append(vocabulary.perUnits.string(time))
                position += dot + vocabulary.perUnits.length(time)
            }
        }
        return (units, position)
    }

    /// Whether `range` holds only list separators (`、`, `和`, `及`, `或`).
    func onlyListSeparators(_ range: Range<Int>) -> Bool {
        guard !range.isEmpty, range.count <= 3 else { return false }
        return text[range].allSatisfy { $0 == "、" || $0 == "和" || $0 == "及" || $0 == "或" || $0 == "与" || $0 == " " || $0 == "\n" }
            && (!text[range].contains("\n") || !text[range].allSatisfy { $0 == " " || $0 == "\n" })
    }

    // MARK: - Characters

    func skipSpaces(_ index: Int) -> Int {
        var position = index
        while position < count, text[position] == " " { position += 1 }
        return position
    }

    /// Skips spaces, and a line break the normaliser kept inside a number
    /// (`255\n万元`): only when a multiplier, `余`/`多`, `元` or `%` follows it, or a
    /// classifier after a number that runs on from text on its line.
    func skipGap(_ index: Int) -> Int {
        var position = skipSpaces(index)
        guard position < count, text[position] == "\n" else { return position }
        let next = skipSpaces(position + 1)
        guard next < count else { return position }
        switch text[next] {
        case "万", "亿", "千", "元", "余", "多", "%": position = next
        default:
            // `不少于10家、8⏎家`: a classifier after a break, when the number runs on
            // from text on its line (a table's number alone on its line keeps no unit).
            if index > 0, text[index - 1] != "\n", vocabulary.classifiers.list.match(text, at: next) != nil {
                var digits = index
                while digits > 0, NumberReader.canStart(text[digits - 1]) || NumberReader.isDecimalPoint(text[digits - 1]) { digits -= 1 }
                if digits > 0, text[digits - 1] != "\n" { position = next }
            }
        }
        return position
    }

    /// Skips a line break the normaliser kept inside a range (`x万元\n至x万元`).
    func skipLineBreak(_ index: Int) -> Int {
        guard index < count, text[index] == "\n" else { return index }
        let next = skipSpaces(index + 1)
        guard next < count else { return index }
        if vocabulary.rangeSeparators.match(text, at: next) != nil || NumberReader.canStart(text[next]) { return next }
        return index
    }

    func skipSpacesBackward(_ index: Int) -> Int {
        var position = index
        while position > 0, text[position - 1] == " " { position -= 1 }
        return position
    }

    func isAsciiStart(_ scalar: Unicode.Scalar) -> Bool {
        NumberReader.digitValue(scalar) != nil || NumberReader.isPlaceholder(scalar)
    }

    /// Characters that make a digit part of a code or name next to it.
    static func gluesToIdentifier(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
            || scalar == "." || scalar == "/" || scalar == "_" || scalar == ":" || scalar == "#" || scalar == "@"
            || scalar == "=" || scalar == "&"
    }

    /// `标准:4800元`: an ASCII colon after a word is a label's colon, not
    /// part of a time or code (`9:30`, `http:`).
    static func isLabelColon(in text: [Unicode.Scalar], at index: Int) -> Bool {
        text[index] == ":" && index > 0 && !gluesToIdentifier(text[index - 1])
    }

    // MARK: - Rejections

    mutating func reject(_ range: Range<Int>, rule: String, reason: String) {
        guard context.collectsRejections else { return }
        let span = context.span(of: range)
        matches.rejections.append(Rejection(text: context.originalText(span), span: span, rule: rule, reason: reason))
    }
}
