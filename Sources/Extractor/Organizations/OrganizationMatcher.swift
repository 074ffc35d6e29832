import Segmenter
import TextTools

/// Finds government and Party bodies (spec §6) and counts their mentions.
///
/// Names are read leftwards from the endings of body names (局 委 办 部 厅 中心
/// 党校 工会 管委会 …) by ``OrganizationGrammar``; national bodies come from a
/// small list; units of responsibility notes are taken as the note names them
/// when they are definite (`三县区党委政府`, `各园区管委会`) and left out when
/// vague (`市直相关部门`). A name followed by a post (`县委书记`) names the
/// post, not the body.
public struct OrganizationMatcher: Sendable {
    /// A matcher; the vocabularies are loaded once per thread on first use.
    public init() {}

    /// The bodies named in the document of `context`, in order of first
    /// mention; the responsibility notes of `measures` are read again.
    public func match(_ context: ExtractionContext, measures: [Measure]) -> [Organization] {
        let reader = ResponsibilityNoteReader(document: context.document)
        let notes = measures.compactMap { reader.note(in: Self.normalisedRange(of: $0.span, in: context.text)) }
        return match(context, notes: notes)
    }

    /// The bodies named in the document of `context`, with the responsibility
    /// notes the structure reader found for its measures.
    func match(_ context: ExtractionContext, notes: MeasureNotes) -> [Organization] {
        match(context, notes: notes.notes)
    }

    private func match(_ context: ExtractionContext, notes: [ResponsibilityNote]) -> [Organization] {
        let text = context.text.scalars
        let vocabulary = OrganizationVocabulary.shared
        let noteUnits = Self.noteUnits(notes, in: context.text, vocabulary: vocabulary)
        var covered = [Bool](repeating: false, count: text.count + 1)
        for unit in noteUnits { for index in unit.range { covered[index] = true } }

        var candidates = Self.scan(text, vocabulary: vocabulary)
        candidates = Self.longestFirst(candidates).filter { candidate in
            !candidate.range.contains { covered[$0] }
                && vocabulary.positionWords.match(text, at: candidate.range.upperBound) == nil
                && !Self.opensDocumentNumber(at: candidate.range.upperBound, in: text)
        }
        candidates = Self.withoutCollectives(candidates, in: text, vocabulary: vocabulary)
        candidates = Self.merging(candidates, noteUnits.filter { Self.isDefiniteBody(text[$0.range], vocabulary: vocabulary) })

        let names = candidates.map { WrittenText.of($0.range, in: context.document) }
        let mentions = FirstMentions(names)
        var organizations: [Organization] = []
        for (index, candidate) in candidates.enumerated() {
            let group = mentions.groups[index]
            let span = context.span(of: candidate.range)
            if group < organizations.count {
                organizations[group].mentions += 1
                organizations[group].spans.append(span)
            } else {
                organizations.append(
                    Organization(
                        name: names[index], kind: candidate.kind, mentions: 1, spans: [span],
                        rule: candidate.rule))
            }
        }
        return organizations
    }

    /// The most characters of an issuer's code after its name (人社厅[发]〔2020〕7号, 市政府[办函]〔…〕).
    private static let issuerCodeReach = 2
    private static let yearBrackets: Set<Unicode.Scalar> = ["〔", "［", "[", "【"]

    /// Whether a document number's year bracket follows `end`, after at most
    /// two characters of code (`人社厅发〔2020〕7号`): the name before it is
    /// the issuer's code of a cited number, not a mention of the body.
    static func opensDocumentNumber(at end: Int, in text: [Unicode.Scalar]) -> Bool {
        var index = end
        while index < text.count, index - end < issuerCodeReach, ScalarClass.isIdeograph(text[index]) { index += 1 }
        return index < text.count && yearBrackets.contains(text[index])
    }

    /// Every name the grammar reads, national bodies and department abbreviations included.
    ///
    /// Most characters end no name: only the offsets of ``NameSites`` are
    /// read, in ascending order, each ending's names before an abbreviation's.
    static func scan(_ text: [Unicode.Scalar], vocabulary: OrganizationVocabulary) -> [OrganizationCandidate] {
        let sites = NameSites(text, vocabulary: vocabulary)
        let grammar = OrganizationGrammar(
            text: text, places: PlaceGazetteer(text, levelEnds: sites.levelEnds, vocabulary: vocabulary),
            committees: CommitteeMarks(text, committees: sites.committees, vocabulary: vocabulary),
            vocabulary: vocabulary)
        var candidates: [OrganizationCandidate] = []
        let bodyEnds = sites.bodyEnds, abbreviationEnds = sites.abbreviationEnds
        var body = 0, abbreviation = 0
        while body < bodyEnds.count || abbreviation < abbreviationEnds.count {
            let end = min(
                body < bodyEnds.count ? bodyEnds[body] : Int.max,
                abbreviation < abbreviationEnds.count ? abbreviationEnds[abbreviation] : Int.max)
            if body < bodyEnds.count, bodyEnds[body] == end {
                body += 1
                vocabulary.forEachSuffix(in: text, endingAt: end) { suffix in
                    guard let candidate = grammar.name(endingAt: end, suffix: suffix) else { return false }
                    candidates.append(candidate)
                    return true
                }
                if case let length = vocabulary.nationalBodies.matchLengthEnding(text, before: end), length > 0 {
                    let name = String(String.UnicodeScalarView(text[(end - length)..<end]))
                    candidates.append(
                        OrganizationCandidate(
                            range: (end - length)..<end, kind: vocabulary.nationalKinds[name] ?? .party,
                            rule: "organization.national"))
                }
            }
            if abbreviation < abbreviationEnds.count, abbreviationEnds[abbreviation] == end {
                abbreviation += 1
                if let found = departmentAbbreviation(endingAt: end, grammar: grammar, vocabulary: vocabulary) {
                    candidates.append(found)
                }
            }
        }
        return candidates
    }

    /// A level and a department stem acting as a subject, without an ending:
    /// `市财政要统筹…`, `由县财政全额贴息`, `区财政全年安排…`. The name opens a
    /// clause, and a modal, a preposition or a verb of charge or funding
    /// follows it, perhaps after words of time or manner.
    private static func departmentAbbreviation(
        endingAt end: Int, grammar: OrganizationGrammar,
        vocabulary: OrganizationVocabulary
    ) -> OrganizationCandidate? {
        let text = grammar.text
        guard end < text.count, case let stem = vocabulary.stems.matchLengthEnding(text, before: end), stem > 0,
            actsAsSubject(from: end, in: text, vocabulary: vocabulary),
            vocabulary.topicStems.matchLengthEnding(text, before: end) != stem,
            vocabulary.verbStems.matchLengthEnding(text, before: end) != stem,
            let start = grammar.head(endingAt: end - stem, bodyIsFree: false), start < end - stem,
            grammar.opensName(at: start)
        else { return nil }
        return OrganizationCandidate(range: start..<end, kind: .government, rule: "organization.abbreviation")
    }

    /// Whether a verb of the subject follows `start`, after at most two words
    /// of time or manner (`每年`, `全额`, `三年`).
    static func actsAsSubject(from start: Int, in text: [Unicode.Scalar], vocabulary: OrganizationVocabulary) -> Bool {
        var index = start
        for _ in 0..<3 {
            if vocabulary.abbreviationFollowers.match(text, at: index) != nil { return true }
            if case let length = vocabulary.abbreviationAdverbials.matchLength(text, at: index), length > 0 {
                index += length
                continue
            }
            // A span of years: 三年, 2年.
            var next = index
            while next < text.count, next - index < 3, ScalarClass.isDigit(text[next]) || ChineseNumber.isNumeral(text[next]) { next += 1 }
            guard next > index, next < text.count, text[next] == "年" else { return false }
            index = next + 1
        }
        return false
    }

    /// Candidates without those that name a class of bodies through a leading
    /// `各` (`各设区市人力资源社会保障局、财政局`: the bureaus of every city), as
    /// recipients and collective phrases do. Notes name such classes as units;
    /// elsewhere they are no body.
    static func withoutCollectives(
        _ candidates: [OrganizationCandidate], in text: [Unicode.Scalar],
        vocabulary: OrganizationVocabulary
    ) -> [OrganizationCandidate] {
        candidates.filter { candidate in
            let start = candidate.range.lowerBound
            if isGovernedByEach(start, in: text, vocabulary: vocabulary) { return false }
            // A bare department listed after a collective unit shares its 各.
            return candidate.rule != "organization.department" || !isListedAfterEach(start, in: text)
        }
    }

    /// Whether the `、` list that `start` continues is led by 各
    /// (`要求各地级市人社局、财政局`), looking back over at most four items.
    static func isListedAfterEach(_ start: Int, in text: [Unicode.Scalar]) -> Bool {
        var index = start
        for _ in 0..<4 {
            guard index > 0, text[index - 1] == "、" else { return false }
            index -= 1
            let itemEnd = index
            var depth = 0
            while index > 0 {
                let scalar = text[index - 1]
                if scalar == ")" || scalar == "）" {
                    depth += 1
                } else if scalar == "(" || scalar == "（" {
                    depth = max(0, depth - 1)
                } else if depth == 0, !ScalarClass.isNameCharacter(scalar) {
                    break
                }
                index -= 1
            }
            if text[index..<itemEnd].contains(each) { return true }
        }
        return false
    }

    /// The farthest a leading 各 may stand before the name it governs (各设区市…).
    private static let eachReach = 6
    private static let each: Unicode.Scalar = "各"

    /// Whether a 各 stands before `start` with only place words between
    /// (`各[设区]市…`, `各县（市、区）…`), not a verb or a function word.
    static func isGovernedByEach(_ start: Int, in text: [Unicode.Scalar], vocabulary: OrganizationVocabulary) -> Bool {
        var index = start, characters = 0
        // A name in brackets after another is its alternative: 各街道办事处（镇人民政府）.
        if index > 0, text[index - 1] == "（" || text[index - 1] == "(" { index -= 1 }
        while index > 0, characters <= eachReach {
            let scalar = text[index - 1]
            if scalar == each { return true }
            if scalar == ")" || scalar == "）" {
                // A bracketed list of levels: 各县（市、区）.
                guard let open = text[max(0, index - 10)..<(index - 1)].lastIndex(where: { $0 == "(" || $0 == "（" }) else { return false }
                index = open
                continue
            }
            guard ScalarClass.isNameCharacter(scalar), !vocabulary.placeForbidden.contains(scalar),
                vocabulary.boundaryWords.matchEnding(text, before: index) == nil,
                vocabulary.nonPlaceWords.matchEnding(text, before: index) == nil
            else { return false }
            index -= 1
            characters += 1
        }
        return false
    }

    /// Candidates with overlaps resolved: the longer name wins, then the earlier.
    static func longestFirst(_ candidates: [OrganizationCandidate]) -> [OrganizationCandidate] {
        if let kept = longestFirstInEndOrder(candidates) { return kept }
        let ranked = candidates.sorted {
            $0.range.count != $1.range.count ? $0.range.count > $1.range.count : $0.range.lowerBound < $1.range.lowerBound
        }
        let end = candidates.map(\.range.upperBound).max() ?? 0
        var taken = [Bool](repeating: false, count: end)
        var kept: [OrganizationCandidate] = []
        for candidate in ranked where !candidate.range.contains(where: { taken[$0] }) {
            for index in candidate.range { taken[index] = true }
            kept.append(candidate)
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }

    /// `names + units` in order of their starts, as a stable sort orders
    /// them: `names`, in order of their starts already, merged with the
    /// units sorted (the units of the notes only, not every name, are sorted).
    static func merging(_ names: [OrganizationCandidate], _ units: [OrganizationCandidate]) -> [OrganizationCandidate] {
        guard zip(names, names.dropFirst()).allSatisfy({ $0.range.lowerBound <= $1.range.lowerBound }) else {
            return (names + units).sorted { $0.range.lowerBound < $1.range.lowerBound }
        }
        let units = units.sorted { $0.range.lowerBound < $1.range.lowerBound }
        var merged: [OrganizationCandidate] = []
        merged.reserveCapacity(names.count + units.count)
        var next = 0
        for name in names {
            // A unit goes before a name only when it starts strictly earlier.
            while next < units.count, units[next].range.lowerBound < name.range.lowerBound {
                merged.append(units[next])
                next += 1
            }
            merged.append(name)
        }
        merged += units[next...]
        return merged
    }

    /// ``longestFirst(_:)`` in linear time for candidates in order of their
    /// ends, none empty, as ``scan(_:vocabulary:)`` finds them (nil for
    /// others). Names of one length are then in order of their starts too,
    /// so a stable bucketing by length ranks them as the sort would; and the
    /// names kept, which do not overlap, keep the order of their ends, which
    /// is that of their starts.
    private static func longestFirstInEndOrder(_ candidates: [OrganizationCandidate]) -> [OrganizationCandidate]? {
        var longest = 0, end = 0, previousEnd = 0
        for candidate in candidates {
            guard !candidate.range.isEmpty, candidate.range.upperBound >= previousEnd else { return nil }
            previousEnd = candidate.range.upperBound
            longest = max(longest, candidate.range.count)
            end = max(end, candidate.range.upperBound)
        }
        // The candidates' indices by length, longest first, each length's in order.
        var firstOfLength = [Int](repeating: 0, count: longest + 2)
        for candidate in candidates { firstOfLength[longest - candidate.range.count + 1] += 1 }
        for rank in 0...longest { firstOfLength[rank + 1] += firstOfLength[rank] }
        var ranked = [Int](repeating: 0, count: candidates.count)
        for (index, candidate) in candidates.enumerated() {
            let rank = longest - candidate.range.count
            ranked[firstOfLength[rank]] = index
            firstOfLength[rank] += 1
        }
        var taken = [Bool](repeating: false, count: end)
        var isKept = [Bool](repeating: false, count: candidates.count)
        for index in ranked where !candidates[index].range.contains(where: { taken[$0] }) {
            for position in candidates[index].range { taken[position] = true }
            isKept[index] = true
        }
        return candidates.indices.filter { isKept[$0] }.map { candidates[$0] }
    }

    /// The units the measures' responsibility notes name, as candidates.
    static func noteUnits(
        _ notes: [ResponsibilityNote], in text: MappedText,
        vocabulary: OrganizationVocabulary
    ) -> [OrganizationCandidate] {
        var units: [OrganizationCandidate] = []
        for note in notes {
            for unit in note.lead + note.cooperating {
                let name = Array(text.scalars[unit])
                let kind = vocabulary.organSuffix(of: name).map { vocabulary.kind(of: name, suffix: $0) } ?? .government
                units.append(OrganizationCandidate(range: unit, kind: kind, rule: "organization.responsibility"))
            }
        }
        return units
    }

    /// Whether a unit of a note names one body or a definite set of bodies.
    static func isDefiniteBody(_ name: ArraySlice<Unicode.Scalar>, vocabulary: OrganizationVocabulary) -> Bool {
        let scalars = Array(name)
        guard let suffix = vocabulary.organSuffix(of: scalars), scalars.count > suffix.text.count,
            vocabulary.endsBody(scalars, endingAt: scalars.count)
        else { return false }
        return !vocabulary.isVague(scalars) && !vocabulary.isNonGovernment(scalars)
    }

    /// The normalised range whose characters come from original `span`.
    static func normalisedRange(of span: Span, in text: MappedText) -> Range<Int> {
        func firstIndex(startingAtOrAfter offset: Int) -> Int {
            var low = 0, high = text.count
            while low < high {
                let middle = (low + high) / 2
                if Int(text.starts[middle]) < offset { low = middle + 1 } else { high = middle }
            }
            return low
        }
        let lower = firstIndex(startingAtOrAfter: span.start)
        let upper = firstIndex(startingAtOrAfter: span.end)
        return lower..<max(lower, upper)
    }
}
