import TextTools

/// How a body's ending behaves (see `Resources/structure/organ-suffixes.txt`).
/// A class: the matcher hands endings around at every offset that ends one,
/// and a reference costs one count where a copy would cost one per list.
final class OrganSuffix: Sendable {
    let text: [Unicode.Scalar]
    /// Words that, right after or right before the ending, make it part of
    /// another word (局长, 干部), from `suffix-blockers.txt`.
    let blockedAfter: [WordList]
    /// Longer followers that keep it an ending though a blocker starts them
    /// (中心 + 工作人员, where 中心工作 alone is a word).
    let keptAfter: [WordList]
    let blockedBefore: [(ending: Int, words: WordList)]
    let kind: Organization.Kind
    /// May follow a level word directly (市委, 县法院).
    let organ: Bool
    /// Needs or accepts a department stem (市人社局).
    let stem: Bool
    /// Accepts a free-text body (市委人才工作领导小组).
    let free: Bool
    /// May stand without a place or level (建立人才资源综合开发服务中心).
    let headless: Bool
    /// Ends a division of a named body (省人社厅[职业能力建设]处, 市委[督查]室).
    let division: Bool
    /// Names a body only after its level or place (区规划资源部门, not 规划部门).
    let headed: Bool

    /// An ending read from a line of `organ-suffixes.txt`, with the blockers of `suffix-blockers.txt`.
    init(
        text: [Unicode.Scalar], kind: Organization.Kind, flags: Set<String>, blockedAfter: [WordList],
        keptAfter: [WordList], blockedBefore: [(ending: Int, words: WordList)]
    ) {
        self.text = text
        self.kind = kind
        organ = flags.contains("organ")
        stem = flags.contains("stem")
        free = flags.contains("free")
        headless = flags.contains("headless")
        division = flags.contains("division")
        headed = flags.contains("headed")
        self.blockedAfter = blockedAfter
        self.keptAfter = keptAfter
        self.blockedBefore = blockedBefore
    }
}

/// The word lists of the organisation reader, read once. A class, so handing
/// it around copies one reference, not every list.
final class OrganizationVocabulary: Sendable {
    /// The organ endings; ending `i` is word `i` of ``suffixIndex``.
    private let suffixList: [OrganSuffix]
    private let suffixIndex: WordIndex
    let suffixWords: WordList
    let stems: WordList
    /// Stems that name a field of work rather than a department (人才, 人才工作).
    let topicStems: WordList
    /// Stems that are also verbs (组织, 规划): a department only with its ending.
    let verbStems: WordList
    /// Words after which a level and a stem act as the department (安排, 承担, 要).
    let abbreviationFollowers: WordList
    /// Time and manner words between such a department and its verb (每年, 全额).
    let abbreviationAdverbials: WordList
    let levels: WordList
    let levelBlockers: WordList
    let deictics: ScalarSet
    /// Characters that make a level inside a body's name collective (各级, 我市).
    let collectivePrefixes: ScalarSet
    /// Verbs that never stand inside one body's name (负责, 入驻).
    let bodyBreakers: WordList
    let placeForbidden: ScalarSet
    /// Verbs and adverbs that are never a place (落实, 调整, 已经).
    let nonPlaceWords: WordList
    /// Provincial-level names, the only places before 省 and 自治区.
    let provinces: WordList
    /// Levels that only a province name may precede.
    let provincialLevels: WordList
    /// The administrative divisions of the bundled GB/T 2260 table
    /// (``DivisionTable``) whose name is a place of two or more characters
    /// and a level word (`奉贤区`, `上海市`, `广东省`): a place the text need
    /// not vouch for.
    let divisionNames: WordList
    /// Provincial levels before which a document's own province names are learnt (省, 自治区).
    let learnedProvincialLevels: WordList
    let boundaryWords: WordList
    let setupVerbs: WordList
    let prefixes: WordList
    let positionWords: WordList
    let vagueWords: WordList
    let genericHeads: WordList
    let nonGovernmentEndings: WordList
    let centreExclusions: WordList
    let nationalBodies: WordList
    let nationalKinds: [String: Organization.Kind]
    /// The last scalars of level words.
    private let levelLasts: ScalarBitmap
    /// The last scalars of organ endings and national bodies.
    private let namedBodyLasts: ScalarBitmap
    /// The last scalars of department stems.
    private let stemLasts: ScalarBitmap
    /// The scalars at which ``NameSites`` stops: the last scalars of level
    /// words, organ endings and national bodies, 委, and subject openers.
    private let siteScalars: ScalarBitmap
    /// Scalars that may open what follows a department acting as a subject:
    /// the first scalars of its followers and adverbials, digits and Chinese
    /// numerals (a span of years). A superset: ``OrganizationMatcher/actsAsSubject(from:in:vocabulary:)`` decides.
    private let subjectOpeners: ScalarBitmap
    /// Every scalar that ``ChineseNumber/isNumeral(_:)`` accepts (a test holds the two together).
    static let numeralScalars = "〇零○ＯO一二两三四五六七八九十百千"

    /// The lists as bundled: this thread's instance, loaded on its first use
    /// (one per thread, so reference counts stay in one core: ``PerThread``).
    static var shared: OrganizationVocabulary { perThread.value }
    private static let perThread = PerThread { OrganizationVocabulary() }

    private init() {
        var after: [String: [String]] = [:], before: [String: [String]] = [:], keep: [String: [String]] = [:]
        for line in RuleData.list("structure/suffix-blockers") {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count >= 3 else { fatalError("bad line in structure/suffix-blockers.txt: \(line)") }
            switch fields[0] {
            case "after": after[fields[1], default: []] += fields.dropFirst(2)
            case "before": before[fields[1], default: []] += fields.dropFirst(2)
            case "keep": keep[fields[1], default: []] += fields.dropFirst(2)
            default: fatalError("bad line in structure/suffix-blockers.txt: \(line)")
            }
        }
        let afterLists = after.mapValues { WordList($0) }, beforeLists = before.mapValues { WordList($0) }
        let keepLists = keep.mapValues { WordList($0) }
        var suffixes: [OrganSuffix] = []
        var words: [String] = [], seen = Set<String>()
        for line in RuleData.list("structure/organ-suffixes") {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count >= 2, let kind = Organization.Kind(rawValue: fields[1]) else {
                fatalError("bad line in structure/organ-suffixes.txt: \(line)")
            }
            let text = fields[0]
            guard seen.insert(text).inserted else { fatalError("repeated ending in structure/organ-suffixes.txt: \(line)") }
            suffixes.append(
                OrganSuffix(
                    text: text.scalars, kind: kind, flags: Set(fields.dropFirst(2)),
                    blockedAfter: afterLists.compactMap { text.hasSuffix($0.key) ? $0.value : nil },
                    keptAfter: keepLists.compactMap { text.hasSuffix($0.key) ? $0.value : nil },
                    blockedBefore: beforeLists.compactMap {
                        text.hasSuffix($0.key) ? ($0.key.unicodeScalars.count, $0.value) : nil
                    }))
            words.append(text)
        }
        suffixList = suffixes
        suffixIndex = WordIndex(suffixes.map(\.text))
        suffixWords = WordList(words)
        var stems: [String] = [], topics: [String] = [], verbs: [String] = []
        for line in RuleData.list("structure/department-stems") {
            let fields = line.split(separator: " ").map(String.init)
            stems.append(fields[0])
            if fields.contains("topic") { topics.append(fields[0]) }
            if fields.contains("verb") { verbs.append(fields[0]) }
        }
        self.stems = WordList(stems)
        stemLasts = ScalarBitmap(stems.compactMap(\.unicodeScalars.last))
        topicStems = WordList(topics)
        verbStems = WordList(verbs)
        let followers = RuleData.list("structure/abbreviation-followers")
        let adverbials = RuleData.list("structure/abbreviation-adverbials")
        abbreviationFollowers = WordList(followers)
        abbreviationAdverbials = WordList(adverbials)
        let openers =
            (followers + adverbials).compactMap(\.unicodeScalars.first)
            + "0123456789".unicodeScalars + Self.numeralScalars.unicodeScalars
        subjectOpeners = ScalarBitmap(openers)
        let levelWords = RuleData.list("structure/place-levels")
        levels = WordList(levelWords)
        levelLasts = ScalarBitmap(levelWords.compactMap(\.unicodeScalars.last))
        levelBlockers = WordList(RuleData.list("structure/level-blockers"))
        deictics = ScalarSet(RuleData.list("structure/deictic-prefixes").flatMap(\.unicodeScalars))
        bodyBreakers = WordList(RuleData.list("structure/body-breakers"))
        collectivePrefixes = ScalarSet(RuleData.list("structure/collective-prefixes").flatMap(\.unicodeScalars))
        placeForbidden = ScalarSet(RuleData.list("structure/place-forbidden").flatMap(\.unicodeScalars))
        nonPlaceWords = WordList(RuleData.list("structure/non-place-words"))
        provinces = WordList(RuleData.list("structure/province-names"))
        provincialLevels = WordList(["省", "自治区", "特别行政区", "国家"])
        divisionNames = Self.divisionNames(DivisionTable.bundled, levels: levels)
        learnedProvincialLevels = WordList(["省", "自治区"])
        boundaryWords = WordList(RuleData.list("structure/boundary-words"))
        setupVerbs = WordList(RuleData.list("structure/setup-verbs"))
        prefixes = WordList(RuleData.list("structure/name-prefixes"))
        positionWords = WordList(RuleData.list("structure/position-words"))
        vagueWords = WordList(RuleData.list("structure/vague-unit-words"))
        genericHeads = WordList(RuleData.list("structure/generic-heads"))
        nonGovernmentEndings = WordList(RuleData.list("structure/non-government-bodies"))
        centreExclusions = WordList(RuleData.list("structure/centre-exclusions"))
        var kinds: [String: Organization.Kind] = [:]
        for line in RuleData.list("structure/national-bodies") {
            let fields = line.split(separator: " ").map(String.init)
            guard fields.count == 2, let kind = Organization.Kind(rawValue: fields[1]) else {
                fatalError("bad line in structure/national-bodies.txt: \(line)")
            }
            kinds[fields[0]] = kind
        }
        nationalKinds = kinds
        nationalBodies = WordList(kinds.keys)
        let namedBodyEnds = suffixes.map { $0.text[$0.text.count - 1] } + kinds.keys.compactMap(\.unicodeScalars.last)
        namedBodyLasts = ScalarBitmap(namedBodyEnds)
        siteScalars = ScalarBitmap(levelWords.compactMap(\.unicodeScalars.last) + namedBodyEnds + ["委"] + openers)
    }

    /// The names of `table` made of a place of two or more characters and a level word.
    static func divisionNames(_ table: DivisionTable, levels: WordList) -> WordList {
        WordList(
            table.divisions.map(\.name).filter { name in
                let scalars = Array(name.unicodeScalars)
                let level = levels.matchLengthEnding(scalars, before: scalars.count)
                return level > 0 && scalars.count - level >= 2
            })
    }

    /// Calls `body` with every index of `text`, ascending, that ``NameSites``
    /// sorts: most are skipped at a few instructions each.
    @inline(__always)
    func forEachPossibleSite(in text: [Unicode.Scalar], _ body: (Int) -> Void) {
        siteScalars.forEachIndex(in: text, body)
    }

    /// Whether a level word may end with `last`: false for most characters.
    @inline(__always)
    func mayEndLevel(_ last: Unicode.Scalar) -> Bool { levelLasts.mayContain(last) }

    /// Whether an organ's ending or a national body may end with `last`: false for most characters.
    @inline(__always)
    func mayEndNamedBody(_ last: Unicode.Scalar) -> Bool { namedBodyLasts.mayContain(last) }

    /// Whether a department stem may end with `last` and act as a subject
    /// before `next` (``OrganizationMatcher/actsAsSubject(from:in:vocabulary:)``):
    /// false for most pairs.
    @inline(__always)
    func mayEndAbbreviation(_ last: Unicode.Scalar, before next: Unicode.Scalar) -> Bool {
        stemLasts.mayContain(last) && subjectOpeners.mayContain(next)
    }

    /// Calls `body` with each ending that ends just before `end`, longest first,
    /// until it returns true.
    @inline(__always)
    func forEachSuffix(in text: [Unicode.Scalar], endingAt end: Int, _ body: (OrganSuffix) -> Bool) {
        suffixIndex.forEach(in: text, endingAt: end, floor: 0) { !body(suffixList[$0]) }
    }

    /// Whether `range` of `text` may be a place name: Chinese characters only,
    /// none that never stands in one, not opening with 全/本/各…, not ending
    /// with a verb or adverb.
    func isPlaceable(_ range: Range<Int>, in text: [Unicode.Scalar]) -> Bool {
        guard !range.isEmpty, !deictics.contains(text[range.lowerBound]) else { return false }
        for index in range where !ScalarClass.isIdeograph(text[index]) || placeForbidden.contains(text[index]) { return false }
        for index in range where nonPlaceWords.match(text, at: index, limit: range.upperBound) != nil { return false }
        return true
    }

    /// The lengths `n` from 1 to 4 for which ``isPlaceable(_:in:)`` holds for
    /// `(end - n)..<end`, as bit `n` of the result: the four ranges share their
    /// characters, so each is read once, from the end leftwards.
    func placeableLengths(endingAt end: Int, in text: [Unicode.Scalar]) -> UInt8 {
        var lengths: UInt8 = 0
        var holdsNonPlaceWord = false
        var length = 1
        while length <= 4, end - length >= 0 {
            let index = end - length
            let scalar = text[index]
            // A character that no place holds rules out this range and every longer one.
            guard ScalarClass.isIdeograph(scalar), !placeForbidden.contains(scalar) else { break }
            // So does a verb or adverb that starts here and ends by `end`.
            if nonPlaceWords.match(text, at: index, limit: end) != nil { holdsNonPlaceWord = true }
            if !holdsNonPlaceWord, !deictics.contains(scalar) { lengths |= 1 << length }
            length += 1
        }
        return lengths
    }

    /// The endings that end just before `end`, longest first.
    func suffixes(in text: [Unicode.Scalar], endingAt end: Int) -> [OrganSuffix] {
        var found: [OrganSuffix] = []
        suffixIndex.forEach(in: text, endingAt: end, floor: 0) { id in
            found.append(suffixList[id])
            return true
        }
        return found
    }

    /// Whether a body's ending ends just before `end`: an ending other than a
    /// division's, or a division's (处, 科, 室) two to eight characters after
    /// another ending, at or after `floor` (`市委督查室`, not `市科`).
    func endsBody(_ text: [Unicode.Scalar], endingAt end: Int, floor: Int = 0) -> Bool {
        for suffix in suffixes(in: text, endingAt: end) {
            let start = end - suffix.text.count
            guard start >= floor else { continue }
            if !suffix.division { return true }
            if isBlocked(start..<end, suffix: suffix, in: text) { continue }
            for length in 2...8 where start - length > floor {
                if suffixes(in: text, endingAt: start - length).contains(where: { !$0.division }) { return true }
            }
        }
        return false
    }

    /// Whether the neighbours of an ending at `range` make it part of another word.
    func isBlocked(_ range: Range<Int>, suffix: OrganSuffix, in text: [Unicode.Scalar]) -> Bool {
        let kept = suffix.keptAfter.contains { $0.match(text, at: range.upperBound) != nil }
        for words in suffix.blockedAfter where !kept && words.match(text, at: range.upperBound) != nil { return true }
        for (ending, words) in suffix.blockedBefore where words.matchEnding(text, before: range.upperBound - ending) != nil {
            return true
        }
        return false
    }

    /// Whether a unit named as written is vague (市直相关部门, 有关部门, 各级党委).
    func isVague(_ name: [Unicode.Scalar]) -> Bool {
        for index in 0..<name.count where vagueWords.match(name, at: index) != nil { return true }
        return genericHeads.matchEnding(name, before: name.count) != nil
    }

    /// Whether a name ends as a school, institute, firm or hospital does.
    func isNonGovernment(_ name: [Unicode.Scalar]) -> Bool {
        nonGovernmentEndings.matchEnding(name, before: name.count) != nil
    }

    private static let youthLeague = "共青团".scalars
    private static let communistParty = "中共".scalars

    /// Whether `text[..<end]` ends with a Party committee: 党委, or 委 right after a level (市委, 县委).
    func isPartyCommittee(_ text: [Unicode.Scalar], endingAt end: Int) -> Bool {
        guard end >= 2, text[end - 1] == "委" else { return false }
        return text[end - 2] == "党" || levels.matchEnding(text, before: end - 1) != nil
    }
    private static let partyStems: [[Unicode.Scalar]] = ["组织", "宣传", "统战", "政法", "编", "网信", "机要", "保密", "老干部"]
        .map(\.scalars)

    /// What kind of body a name ending with `suffix` names: the Youth League
    /// (团县委) is a people's organisation; 委 after a level (市委) or after a
    /// Party committee (县委政法委) is the Party's, after a stem (市卫健委) the
    /// government's; 部 is the Party's for its own departments (组织部).
    func kind(of name: [Unicode.Scalar], suffix: OrganSuffix) -> Organization.Kind {
        kind(ofNameAt: 0..<name.count, in: name, suffix: suffix, marks: CommitteeMarks(name, vocabulary: self))
    }

    /// ``kind(of:suffix:)`` of the name at `range` of `text`, read in place:
    /// `marks` tell where the text holds a 委 and a Party committee.
    func kind(
        ofNameAt range: Range<Int>, in text: [Unicode.Scalar], suffix: OrganSuffix,
        marks: CommitteeMarks
    ) -> Organization.Kind {
        let start = range.lowerBound
        if !range.isEmpty, text[start] == "团" { return .people }
        if range.count >= Self.youthLeague.count, text.has(Self.youthLeague, at: start) { return .people }
        let bodyEnd = range.upperBound - suffix.text.count
        // An office or school of a Party committee is the Party's: 中共…市委办公室, 县委党校.
        if (range.count >= Self.communistParty.count && text.has(Self.communistParty, at: start))
            || marks.holdsPartyCommittee(start..<bodyEnd)
        {
            return .party
        }
        if suffix.text == ["委"] || suffix.text == ["部"] {
            if suffix.text == ["委"], bodyEnd > start, levels.matchEnding(text, before: bodyEnd, floor: start) != nil { return .party }
            if marks.holdsCommittee(start..<bodyEnd) { return .party }
            if suffix.text == ["部"],
                !Self.partyStems.contains(where: { bodyEnd - $0.count >= start && text.has($0, at: bodyEnd - $0.count) })
            {
                return .government
            }
            return suffix.text == ["委"] ? .government : .party
        }
        return suffix.kind
    }

    /// The organ ending a name ends with, if any.
    func organSuffix(of name: [Unicode.Scalar]) -> OrganSuffix? {
        suffixes(in: name, endingAt: name.count).first
    }
}
