import TextTools

/// Splits a list of responsible units (`三县区党委政府、市人社局、市教体局`) into
/// units, at top-level `、` `，` `；`, never inside brackets.
///
/// A `、` list governed by a leading `各` stays one unit while its parts are
/// not yet complete bodies (`各区、县级市`, `各有关区、县级市人民政府`), and a bare
/// organ after a `各` unit belongs to it (`各县区党委、政府`).
enum UnitList {
    @inline(__always)
    private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "、", "，", ",", "；", ";": true
        default: false
        }
    }

    /// Spaces and list punctuation, trimmed from the ends of a unit.
    @inline(__always)
    private static func isJunk(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case " ", "\n", "。", "：", ":", "、", "，", ",", "；", ";": true
        default: false
        }
    }
    private static let bareOrgans: Set<[Unicode.Scalar]> = Set(["政府", "人民政府", "党委", "党组", "管委会", "党工委"].map(\.scalars))

    /// The units of `range` of `text`, as ranges, trimmed.
    static func split(
        _ range: Range<Int>, in text: [Unicode.Scalar],
        vocabulary: OrganizationVocabulary = .shared
    ) -> [Range<Int>] {
        var pieces: [(range: Range<Int>, separator: Unicode.Scalar?)] = []
        var depth = 0
        var start = range.lowerBound
        for index in range {
            let scalar = text[index]
            if ScalarClass.openers.contains(scalar), scalar != "“", scalar != "‘" {
                depth += 1
            } else if ScalarClass.closers.contains(scalar), scalar != "”", scalar != "’" {
                depth = max(0, depth - 1)
            } else if depth == 0, isSeparator(scalar) {
                pieces.append((start..<index, scalar))
                start = index + 1
            }
        }
        pieces.append((start..<range.upperBound, nil))
        var units: [Range<Int>] = []
        var index = 0
        while index < pieces.count {
            var unit = trim(pieces[index].range, in: text)
            index += 1
            guard !unit.isEmpty else { continue }
            if text[unit.lowerBound] == "各" {
                var complete = isComplete(unit, in: text, vocabulary: vocabulary)
                while index < pieces.count, pieces[index - 1].separator == "、" {
                    let next = trim(pieces[index].range, in: text)
                    let nextIsBareOrgan = bareOrgans.contains(Array(text[next]))
                    guard !complete || nextIsBareOrgan else { break }
                    unit = unit.lowerBound..<next.upperBound
                    complete = isComplete(next, in: text, vocabulary: vocabulary)
                    index += 1
                }
            }
            units += splittingJoinedUnits(unit, in: text, vocabulary: vocabulary)
        }
        return units
    }

    /// Words that join two units inside one piece of a list (`国务院相关部门及各地区`).
    private static let joiners: Set<Unicode.Scalar> = ["及", "和", "与"]

    /// How long, at least, the class after `等` is to be a unit of its own: a
    /// class with its scope (`国务院相关部门`, `市直有关单位`), not a bare
    /// `有关部门`, which only closes the list.
    private static let scopedClassLength = 5

    /// A piece of a list that names more than one unit: `X等Y`, a complete body
    /// and the scoped class it belongs to (`国家药监局等国务院相关部门`), is
    /// both; `A及各B`, a complete body joined to a `各` unit
    /// (`国务院相关部门及各地区`), is both. Otherwise the piece is one unit.
    private static func splittingJoinedUnits(
        _ unit: Range<Int>, in text: [Unicode.Scalar],
        vocabulary: OrganizationVocabulary
    ) -> [Range<Int>] {
        guard text[unit.lowerBound] != "各" else { return [unit] }
        var depth = 0
        for index in unit where index > unit.lowerBound + 1 && index + 2 < unit.upperBound {
            let scalar = text[index]
            if ScalarClass.openers.contains(scalar) { depth += 1; continue }
            if ScalarClass.closers.contains(scalar) { depth = max(0, depth - 1); continue }
            guard depth == 0 else { continue }
            let left = unit.lowerBound..<index, right = (index + 1)..<unit.upperBound
            if joiners.contains(scalar), text[index + 1] == "各", isComplete(left, in: text, vocabulary: vocabulary) {
                return splittingJoinedUnits(left, in: text, vocabulary: vocabulary) + [right]
            }
            if scalar == "等", isComplete(left, in: text, vocabulary: vocabulary) {
                let rest = splittingJoinedUnits(right, in: text, vocabulary: vocabulary)
                if let first = rest.first, first.count >= scopedClassLength, isComplete(first, in: text, vocabulary: vocabulary) {
                    return [left] + rest
                }
            }
        }
        return [unit]
    }

    /// Whether a unit names a whole body or class of bodies (ends with an organ
    /// ending or a head noun such as 部门, 单位).
    static func isComplete(_ unit: Range<Int>, in text: [Unicode.Scalar], vocabulary: OrganizationVocabulary) -> Bool {
        let end = unit.upperBound
        if vocabulary.endsBody(text, endingAt: end, floor: unit.lowerBound) { return true }
        if vocabulary.genericHeads.matchEnding(text, before: end, floor: unit.lowerBound) != nil { return true }
        if vocabulary.nonGovernmentEndings.matchEnding(text, before: end, floor: unit.lowerBound) != nil { return true }
        return false
    }

    /// `range` without spaces and list punctuation at its ends.
    static func trim(_ range: Range<Int>, in text: [Unicode.Scalar]) -> Range<Int> {
        var lower = range.lowerBound, upper = range.upperBound
        while lower < upper, isJunk(text[lower]) { lower += 1 }
        while upper > lower, isJunk(text[upper - 1]) { upper -= 1 }
        // `（由市人社局负责）`: 由 opens the clause, not the name.
        if upper - lower > 2, text[lower] == "由" { lower += 1 }
        return lower..<upper
    }
}
