import TextTools

/// A body's name found in the text, before its mentions are counted.
struct OrganizationCandidate: Sendable, Equatable {
    /// The name in the normalised text.
    var range: Range<Int>
    var kind: Organization.Kind
    var rule: String
}

/// Reads a body's name leftwards from its ending:
///
///     name   = prefix? head? body ending
///     head   = (place level)+ organ?      中阳县宁乡镇郝家岭村 · 石嘴山市人民政府 · 市委
///     body   = stem* | free text          人社 · 组织 · 人才工作 · 昌达汽贸联合
///     prefix = 中共 | 共青团 | 团
///
/// Stems come from the bundled lexicon of department stems; a place is a run
/// of two or three characters before a level word that the document vouches
/// for or that follows punctuation or a function word. A name with neither a
/// head nor a known stem is taken only for endings that allow it, after a
/// setup verb or punctuation (`建立人才资源综合开发服务中心`).
struct OrganizationGrammar {
    let text: [Unicode.Scalar]
    let places: PlaceGazetteer
    let vocabulary: OrganizationVocabulary
    /// Where the run of places and levels ending at an offset starts, for
    /// offsets already walked from (see ``placeChainStart(_:)``).
    private let chainStarts = ChainStarts()
    /// Where the text holds a 委 and a Party committee.
    private let committees: CommitteeMarks

    init(text: [Unicode.Scalar], places: PlaceGazetteer, committees: CommitteeMarks, vocabulary: OrganizationVocabulary) {
        self.text = text
        self.places = places
        self.vocabulary = vocabulary
        self.committees = committees
    }

    /// A memo for one document, filled as the grammar reads it.
    private final class ChainStarts {
        var starts: [Int: Int] = [:]
    }

    /// The longest free-text body.
    private let maxFree = 10
    /// Head organs that may stand between a level and an ending (市委办公室, 市人民政府办公室).
    private static let headOrgans = WordList(["委", "党委", "人民政府", "政府"])

    /// The name ending with `suffix` at `end`, if the text before it reads as one.
    func name(endingAt end: Int, suffix: OrganSuffix) -> OrganizationCandidate? {
        let suffixStart = end - suffix.text.count
        if vocabulary.isBlocked(suffixStart..<end, suffix: suffix, in: text) { return nil }
        if suffix.division { return division(suffixStart: suffixStart, end: end, suffix: suffix) }
        var position = suffixStart
        // Department stems (人社, 组织, 人才工作).
        var stemCount = 0, stemLength = 0, topicOnly = true
        while stemCount < 3, case let length = vocabulary.stems.matchLengthEnding(text, before: position, floor: max(0, position - 12)),
            length > 0
        {
            if vocabulary.topicStems.matchLengthEnding(text, before: position) != length { topicOnly = false }
            position -= length
            stemLength += length
            stemCount += 1
        }
        if let head = head(endingAt: position, bodyIsFree: false) {
            if stemCount > 0 || suffix.organ {
                return candidate(head..<end, suffix: suffix, body: position..<suffixStart, rule: "organization.headed")
            }
        }
        // A department named without its level (人社局, 教育部), but not the
        // tail of a level that did not read as a head (各县区人社局).
        if stemCount > 0, suffix.stem, !suffix.headed, !topicOnly, stemLength >= 2,
            vocabulary.levels.matchEnding(text, before: position) == nil,
            position == 0 || !ScalarClass.isNameCharacter(text[position - 1])
                || vocabulary.boundaryWords.matchEnding(text, before: position) != nil
                || vocabulary.setupVerbs.matchEnding(text, before: position) != nil
                || vocabulary.nonPlaceWords.matchEnding(text, before: position) != nil
        {
            return candidate(position..<end, suffix: suffix, body: position..<suffixStart, rule: "organization.department")
        }
        if suffix.stem, stemCount == 0, let named = unknownDepartment(suffixStart: suffixStart, end: end, suffix: suffix) {
            return named
        }
        guard suffix.free else { return nil }
        return freeName(suffixStart: suffixStart, end: end, suffix: suffix)
    }

    /// A division of a body named right before it: the body's name, two to
    /// eight plain characters, the ending (`省人社厅职业能力建设处`, `市委督查室`).
    private func division(suffixStart: Int, end: Int, suffix: OrganSuffix) -> OrganizationCandidate? {
        for length in 2...maxDivision where suffixStart - length > 0 {
            let start = suffixStart - length
            let scalar = text[start]
            guard ScalarClass.isIdeograph(scalar), !vocabulary.placeForbidden.contains(scalar) else { return nil }
            var parent: OrganizationCandidate?
            vocabulary.forEachSuffix(in: text, endingAt: start) { owner in
                guard !owner.division, let found = name(endingAt: start, suffix: owner) else { return false }
                parent = found
                return true
            }
            if let parent {
                return candidate(parent.range.lowerBound..<end, suffix: suffix, body: start..<suffixStart, rule: "organization.division")
            }
        }
        return nil
    }

    /// The longest body of a division.
    private let maxDivision = 8

    /// A department whose stem the lexicon lacks, under a level that opens a
    /// name (`、市营商环境局、`): two to five plain characters between them.
    private func unknownDepartment(suffixStart: Int, end: Int, suffix: OrganSuffix) -> OrganizationCandidate? {
        for length in 1...5 where suffixStart - length >= 0 {
            let start = suffixStart - length
            let scalar = text[start]
            // The body holds no function word (财政局等部门); a deictic may end it (核安全局).
            guard ScalarClass.isIdeograph(scalar),
                !vocabulary.placeForbidden.contains(scalar) || (length == 1 && vocabulary.deictics.contains(scalar)),
                !isLevelWord(at: start, limit: suffixStart),
                vocabulary.nonPlaceWords.match(text, at: start, limit: suffixStart) == nil
            else { return nil }
            if length >= 2, let head = head(endingAt: start, bodyIsFree: true), opensName(at: head) {
                return candidate(head..<end, suffix: suffix, body: start..<suffixStart, rule: "organization.headed-department")
            }
        }
        return nil
    }

    /// Whether a level word starts at `start` and ends by `limit`, not as
    /// part of another word (市容, 市场, 区域: a level blocker follows it).
    private func isLevelWord(at start: Int, limit: Int) -> Bool {
        let level = vocabulary.levels.matchLength(text, at: start, limit: limit)
        return level > 0 && vocabulary.levelBlockers.match(text, at: start + level, limit: limit) == nil
    }

    /// A name whose body is free text: the nearest head to the left, or for a
    /// headless ending the farthest opening within reach.
    private func freeName(suffixStart: Int, end: Int, suffix: OrganSuffix) -> OrganizationCandidate? {
        var headless: Int?
        var length = 1
        while length <= maxFree, suffixStart - length >= 0 {
            let start = suffixStart - length
            guard ScalarClass.isNameCharacter(text[start]) else { break }
            if let head = head(endingAt: start, bodyIsFree: true) {
                return candidate(head..<end, suffix: suffix, body: start..<suffixStart, rule: "organization.headed")
            }
            if suffix.headless, length >= 2 {
                // The name a setup verb sets up starts right after it (浙江设立[国际贸易服务中心]).
                if vocabulary.setupVerbs.matchEnding(text, before: start) != nil {
                    headless = start
                    break
                }
                if start == 0 || !ScalarClass.isNameCharacter(text[start - 1]) { headless = start }
            }
            length += 1
        }
        // A headless body is words only: no count (xx个乡镇…), no redaction mark,
        // and no collective level (各级, 我市: the centres of every level).
        guard let start = headless,
            text[start..<suffixStart].allSatisfy({ ScalarClass.isIdeograph($0) && $0 != "个" }),
            !holdsCollectiveLevel(start..<suffixStart)
        else { return nil }
        return candidate(start..<end, suffix: suffix, body: start..<suffixStart, rule: "organization.headless")
    }

    /// Whether `range` holds a collective prefix before a level word or 级 (各级, 我市, 两级).
    private func holdsCollectiveLevel(_ range: Range<Int>) -> Bool {
        for index in range where index + 1 < range.upperBound && vocabulary.collectivePrefixes.contains(text[index]) {
            if text[index + 1] == "级" || vocabulary.levels.match(text, at: index + 1, limit: range.upperBound) != nil {
                return true
            }
        }
        return false
    }

    private static let each: Unicode.Scalar = "各"
    private static let possessive: Unicode.Scalar = "的"

    private func candidate(_ range: Range<Int>, suffix: OrganSuffix, body: Range<Int>, rule: String) -> OrganizationCandidate? {
        // A class of bodies (市政府各委, 区各部门, 市区两级管理部门) or a vague
        // one (市相关部门) is not one body.
        if text[body].contains(Self.each) || holdsCollectiveLevel(body) { return nil }
        // A body's name holds no 的 (以县为单位的配煤中心 is a description), nor a
        // verb of charge (市规划部门负责专家委员会 is a clause).
        if text[body].contains(Self.possessive) { return nil }
        for index in range where vocabulary.bodyBreakers.match(text, at: index, limit: range.upperBound) != nil { return nil }
        for index in body where vocabulary.vagueWords.match(text, at: index, limit: body.upperBound) != nil {
            return nil
        }
        if suffix.free, suffix.text.last == "心" || suffix.text.last == "会" {
            for index in body where vocabulary.centreExclusions.match(text, at: index, limit: body.upperBound) != nil {
                return nil
            }
        }
        // A counted class of bodies (xx个乡镇农民工服务中心) is not one body.
        if range.lowerBound > 0, "个家所".unicodeScalars.contains(text[range.lowerBound - 1]) { return nil }
        return OrganizationCandidate(range: range, kind: kind(of: range, suffix: suffix, body: body), rule: rule)
    }

    private func kind(of range: Range<Int>, suffix: OrganSuffix, body: Range<Int>) -> Organization.Kind {
        vocabulary.kind(ofNameAt: range, in: text, suffix: suffix, marks: committees)
    }

    /// The start of a head (places, levels, an organ, a prefix) ending at `end`.
    /// Before a free-text body the level must not run into a word (市级, 乡村).
    func head(endingAt end: Int, bodyIsFree: Bool) -> Int? {
        var position = levelAlternativesStart(before: end) ?? end
        var found = false
        // An organ after the level: 市[委]办公室, 市[人民政府]办公室.
        if case let organ = Self.headOrgans.matchLengthEnding(text, before: position), organ > 0,
            vocabulary.levels.matchEnding(text, before: position - organ) != nil
        {
            position -= organ
        }
        // The first place and level; then as many more as stand before it.
        if let (levelStart, place) = placeAndLevel(endingAt: position),
            // Not 市级, 市直, 乡村, 县乡: the level is part of another word.
            !(position == end && bodyIsFree && vocabulary.levelBlockers.match(text, at: position) != nil),
            // A bare level: not 全市, 各县, 乡镇.
            !(place == 0 && levelStart > 0 && vocabulary.deictics.contains(text[levelStart - 1])),
            // Nor the last of a list of bare levels (市、县（区）政务中心, 省、自治区、直辖市人民政府):
            // the bodies of every such level.
            !(place == 0 && levelStart > 1 && text[levelStart - 1] == "、"
                && vocabulary.levels.matchEnding(text, before: levelStart - 1) != nil)
        {
            found = true
            position = levelStart - place
            if place > 0 { position = placeChainStart(position) }
        }
        // A province named without its level: 宁夏人社厅, 甘肃团省委.
        if !found, !bodyIsFree, position == end, case let province = vocabulary.provinces.matchLengthEnding(text, before: position),
            province > 0,
            opensName(at: position - province)
        {
            position -= province
            found = true
        }
        guard found else { return nil }
        if case let prefix = vocabulary.prefixes.matchLengthEnding(text, before: position), prefix > 0 {
            // 团 only opens a name before a level: 团县委, 团xx县委.
            if !(prefix == 1 && text[position - 1] == "团" && position - 1 > 0 && ScalarClass.isIdeograph(text[position - 2])
                && !opensName(at: position - 1))
            {
                position -= prefix
            }
        }
        return position
    }

    /// The most characters between the brackets of a level's alternatives (`（市、区）`).
    private let maxAlternatives = 8

    /// Where the bracketed alternatives of a level that end just before `end`
    /// open (`区（县）`, `县（市、区）`): levels and `、` only, right after a
    /// level; nil when there are none.
    func levelAlternativesStart(before end: Int) -> Int? {
        guard end > 0, text[end - 1] == "）" || text[end - 1] == ")" else { return nil }
        var index = end - 1
        var levels = 0
        while index > 0, end - 1 - index <= maxAlternatives {
            let scalar = text[index - 1]
            if scalar == "（" || scalar == "(" {
                let open = index - 1
                guard levels > 0, vocabulary.levels.matchEnding(text, before: open) != nil else { return nil }
                return open
            }
            if scalar == "、" {
                index -= 1
                continue
            }
            let level = vocabulary.levels.matchLengthEnding(text, before: index)
            guard level > 0 else { return nil }
            index -= level
            levels += 1
        }
        return nil
    }

    /// The level word ending at `end` and the place name before it (0 when none).
    private func placeAndLevel(endingAt end: Int) -> (levelStart: Int, place: Int)? {
        guard case let level = vocabulary.levels.matchLengthEnding(text, before: end), level > 0 else { return nil }
        let levelStart = end - level
        // A division of the bundled table: 上海市, 奉贤区 (its level may be
        // shorter than the longest level word: 浦东新区 is 浦东 and 新区).
        if case let division = vocabulary.divisionNames.matchLengthEnding(text, before: end), division - level >= 2 {
            return (levelStart, division - level)
        }
        let place =
            vocabulary.provincialLevels.matchLengthEnding(text, before: end) == level
            ? provinceLength(endingAt: levelStart) : placeLength(endingAt: levelStart)
        return (levelStart, place)
    }

    /// Back from `end` over places with their levels (中阳县宁乡镇郝家岭村), as
    /// far as they go: where the run starts.
    ///
    /// The run before an offset is the same whichever name is being read, and
    /// text made of such pairs (a list of places, or damage) would have every
    /// name walk back over all of it: each offset is walked from once, and
    /// ``chainStarts`` remembers the answer for every offset on the way.
    private func placeChainStart(_ end: Int) -> Int {
        var walked: [Int] = []
        var position = end
        while true {
            if let known = chainStarts.starts[position] {
                position = known
                break
            }
            walked.append(position)
            guard let (levelStart, place) = placeAndLevel(endingAt: position),
                !(place == 0 && levelStart > 0 && vocabulary.deictics.contains(text[levelStart - 1]))
            else { break }
            position = levelStart - place
            if place == 0 { break }  // a bare level ends the run
        }
        for offset in walked { chainStarts.starts[offset] = position }
        return position
    }

    /// The length of the place name ending at `end` (before a level word), or 0:
    /// a redaction mark (`x`, `xx`), a run the document vouches for, or else the
    /// shortest run of two or three characters that opens a name.
    func placeLength(endingAt end: Int) -> Int {
        guard end > 0 else { return 0 }
        var redacted = 0
        while end - redacted > 0, ScalarClass.isRedaction(text[end - redacted - 1]) { redacted += 1 }
        if redacted > 0 { return redacted }
        let placeable = vocabulary.placeableLengths(endingAt: end, in: text)
        guard placeable != 0 else { return 0 }
        for length in stride(from: 4, through: 2, by: -1) where end - length >= 0 {
            if placeable & (1 << length) != 0, places.contains(text[(end - length)..<end]) { return length }
        }
        for length in 2...3 where end - length >= 0 {
            if placeable & (1 << length) != 0, opensName(at: end - length) { return length }
        }
        return 0
    }

    /// The length of the province name ending at `end` (before 省 or 自治区), or 0:
    /// a listed province or one the document vouches for.
    func provinceLength(endingAt end: Int) -> Int {
        var redacted = 0
        while end - redacted > 0, ScalarClass.isRedaction(text[end - redacted - 1]) { redacted += 1 }
        if redacted > 0 { return redacted }
        if case let listed = vocabulary.provinces.matchLengthEnding(text, before: end), listed > 0 { return listed }
        for length in stride(from: 3, through: 2, by: -1) where end - length >= 0 {
            if places.containsProvince(text[(end - length)..<end]) { return length }
        }
        return 0
    }

    /// Whether a name may start at `index`: after punctuation, a line start, a
    /// function word, a name prefix or a level word.
    func opensName(at index: Int) -> Bool {
        if index == 0 || !ScalarClass.isNameCharacter(text[index - 1]) { return true }
        if vocabulary.boundaryWords.matchEnding(text, before: index) != nil { return true }
        if vocabulary.setupVerbs.matchEnding(text, before: index) != nil { return true }
        if vocabulary.prefixes.matchEnding(text, before: index) != nil { return true }
        // A level opens the next place of a run (中阳县宁乡镇), unless the two
        // are one word (区域, 市容).
        if vocabulary.levels.matchEnding(text, before: index) != nil {
            return vocabulary.levelBlockers.match(text, at: index) == nil
        }
        return false
    }
}
