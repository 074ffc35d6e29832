/// `purpose`: what an amount of money is for, as the clause names it next to
/// the amount (spec §2): a noun phrase that ends in a noun of money of
/// `purpose-heads.txt`, right before the amount (`创业补贴3万元`,
/// `补助资金共255万元`) or right after it (`5万元安家补贴`, `10万元的建设经费`).
extension QuantityScan {
    /// How many scalars a purpose phrase may hold.
    static let purposeReach = 12

    /// The purpose of the amount at `range`, as a normalised range, or nil.
    func purposeRange(of range: Range<Int>) -> Range<Int>? {
        purposeBefore(range.lowerBound) ?? purposeAfter(range.upperBound)
    }

    /// `商品有机肥补贴250元/吨`, `疗休养费用标准为每人平均每年不低于800元`:
    /// the phrase ends where only links, `每…` units and bound words stand
    /// between it and the amount.
    func purposeBefore(_ start: Int) -> Range<Int>? {
        var position = skipSpacesBackward(start)
        let floor = max(0, start - Self.perReach)
        while position > floor {
            if vocabulary.purposeHeads.matchLengthEnding(text, before: position, floor: floor) > 0 {
                return purposePhrase(endingAt: position, floor: max(0, position - Self.purposeReach))
            }
            let link = max(
                vocabulary.purposeLinks.matchLengthEnding(text, before: position, floor: floor),
                vocabulary.perLinks.matchLengthEnding(text, before: position, floor: floor),
                vocabulary.bounds.list.matchLengthEnding(text, before: position, floor: floor),
                perUnitLengthEnding(at: position, floor: floor))
            guard link > 0 else { return nil }
            position = skipSpacesBackward(position - link)
        }
        return nil
    }

    /// `每人`, `每个`: a `每…` unit that ends at `position` (its length, 0 when none).
    func perUnitLengthEnding(at position: Int, floor: Int) -> Int {
        guard let unit = vocabulary.perUnits.matchEnding(text, before: position, floor: floor) else { return 0 }
        let length = vocabulary.perUnits.length(unit)
        guard position - length > floor, text[position - length - 1] == "每" else { return 0 }
        return length + 1
    }

    /// The noun phrase that ends at `end` with a noun of money: back to a
    /// clause break, a `的`, a verb, or a quantity.
    func purposePhrase(endingAt end: Int, floor: Int) -> Range<Int>? {
        var position = end
        while position > floor {
            let scalar = text[position - 1]
            guard isPerNounScalar(scalar), scalar != "的", scalar != "每" else { break }
            if vocabulary.purposeHeads.matchLengthEnding(text, before: position, floor: floor) == 0 {
                let verb = max(
                    vocabulary.perLinks.matchLengthEnding(text, before: position, floor: floor),
                    vocabulary.subjectVerbs.matchLengthEnding(text, before: position, floor: floor))
                if verb >= 2 { break }
            }
            position -= 1
        }
        // `每个项目补助`: the `每…` unit is no part of the purpose.
        if position > 0, text[position - 1] == "每", let unit = vocabulary.perUnits.match(text, at: position, limit: end) {
            position += vocabulary.perUnits.length(unit)
        }
        return trimmedPurpose(position..<end)
    }

    /// `5万元安家补贴`, `10万元的建设经费`, `30万元标准给予引才资助`: the
    /// longest phrase after the amount, past its links, that ends in a noun of
    /// money before a break or a verb (`20万元人才培养经费支持` → 人才培养经费).
    func purposeAfter(_ end: Int) -> Range<Int>? {
        var start = skipSpaces(end)
        for _ in 0..<2 {
            let link = vocabulary.purposeLinks.matchLength(text, at: start)
            guard link > 0 else { break }
            start = skipSpaces(start + link)
        }
        let limit = min(count, start + Self.purposeReach)
        var position = start
        var headEnd: Int?
        while position < limit {
            let scalar = text[position]
            guard isPerNounScalar(scalar), scalar != "的", scalar != "每" else { break }
            let head = vocabulary.purposeHeads.matchLength(text, at: position)
            if head > 0 {
                position += head
                headEnd = position
                continue
            }
            if position > start, vocabulary.perLinks.matchLength(text, at: position) >= 2 { break }
            position += 1
        }
        guard let headEnd else { return nil }
        return trimmedPurpose(start..<headEnd)
    }

    /// Without quotes left open at either end.
    func trimmedPurpose(_ range: Range<Int>) -> Range<Int>? {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, Self.closesQuote(text[lower]) { lower += 1 }
        while lower < upper, Self.opensQuote(text[upper - 1]) { upper -= 1 }
        return lower < upper ? lower..<upper : nil
    }

    /// The purpose of each amount, and an enumeration's purpose after its
    /// last amount shared by all (`10万元、20万元、50万元的建设经费`).
    mutating func assignPurposes() {
        var index = amountRanges.count - 1
        var shared: String?
        while index >= 0 {
            let range = amountRanges[index]
            if matches.amounts[index].purpose == nil, let purpose = purposeRange(of: range) {
                matches.amounts[index].purpose = context.originalText(context.span(of: purpose))
            }
            if matches.amounts[index].purpose == nil, let shared,
                index + 1 < amountRanges.count, onlyListSeparators(range.upperBound..<amountRanges[index + 1].lowerBound)
            {
                matches.amounts[index].purpose = shared
            }
            shared = matches.amounts[index].purpose
            index -= 1
        }
    }
}
