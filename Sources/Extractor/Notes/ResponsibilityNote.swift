import Segmenter
import TextTools

/// A note saying who carries out a measure, with its units as ranges of the
/// normalised text.
struct ResponsibilityNote: Sendable, Equatable {
    /// The whole note, brackets included.
    var range: Range<Int>
    var lead: [Range<Int>]
    var cooperating: [Range<Int>]
    /// The rule that read it.
    var rule: String
}

/// Finds and reads responsibility notes in the body of a numbered item:
///
/// - `（市委编办、市人社局牵头负责，三县区党委政府、市直相关部门配合）`
/// - `（市教体局负责）`, `（市人社局会同市财政局负责）`
/// - `责任单位：市发展改革委、市财政局` (a lone list is the lead)
/// - `牵头单位：市人社局；配合单位：市财政局、市教育局`
/// - `（市人社局、市财政局）` at the end of an item, every unit a body
struct ResponsibilityNoteReader {
    let text: [Unicode.Scalar]
    /// The document, to tell where the original broke a line the normaliser
    /// joined (nil: unknown).
    private let document: TextDocument?
    var vocabulary: StructureVocabulary = .shared
    var organizations: OrganizationVocabulary = .shared
    /// Every offset where a note label followed by its colon starts, in
    /// order (kept for the reference walk of the tests).
    let labelStarts: [Int]
    /// For each entry of ``labelStarts``, the index of its colon in ``colons``.
    private let colonOfLabel: [Int]
    /// The colons that close a label, in order, with what a note needs of them.
    private var colons: [LabelColon] = []

    /// A colon closing one or more label candidates (`责任单位：`, `单位：`
    /// ending at the same colon), read once per document.
    private struct LabelColon {
        /// Its offset in the text.
        var offset: Int
        /// The first of its candidates in ``labelStarts``.
        var firstLabel: Int
        /// Where that first candidate starts, and its role.
        var firstStart = 0
        var role = StructureVocabulary.Role.lead
        /// The limit of ``contentEnd``: the next colon's first label start, or the text's end.
        var limit = 0
        /// The character at which reading the units stopped before the limit, if it did.
        var stop: Int?
        /// Where its units end when the next colon's label follows in the same body.
        var contentEnd = 0
        /// The first colon of the run of labels, up to this one, that follow
        /// one another with only separators between them.
        var runStart = 0
    }

    init(text: [Unicode.Scalar]) {
        self.init(text: text, document: nil)
    }

    /// A reader over a document's normalised text that knows its original line breaks.
    init(document: TextDocument) {
        self.init(text: document.text.scalars, document: document)
    }

    private init(text: [Unicode.Scalar], document: TextDocument?) {
        self.text = text
        self.document = document
        var starts: [Int] = [], colonOfLabel: [Int] = [], colons: [LabelColon] = []
        Self.findLabels(in: text, starts: &starts, colonOfLabel: &colonOfLabel, colons: &colons)
        labelStarts = starts
        self.colonOfLabel = colonOfLabel
        readGroups = ReadGroups(colons: colons.count)
        self.colons = linkingColons(colons)
    }

    /// The offsets where a note label starts and, after any spaces, a colon
    /// follows, in order, and the colons that close them: the labels are
    /// looked for back from the colons, so the text is read once for two
    /// characters. (A label, all ideographs, holds no colon nor space; one
    /// not followed by its colon is never read.)
    private static func findLabels(
        in text: [Unicode.Scalar], starts: inout [Int], colonOfLabel: inout [Int],
        colons: inout [LabelColon]
    ) {
        let labels = StructureVocabulary.shared.noteLabelList
        var index = 0
        for scalar in text {
            if scalar == "：" || scalar == ":" {
                let before = starts.count
                appendLabels(before: index, in: text, labels: labels, to: &starts)
                if starts.count > before {
                    colonOfLabel += repeatElement(colons.count, count: starts.count - before)
                    colons.append(LabelColon(offset: index, firstLabel: before))
                }
            }
            index += 1
        }
    }

    /// Appends the starts of the labels that end right before the colon at
    /// `colon`, spaces between them allowed (out of line: the loop over
    /// every character stays small).
    @inline(never)
    private static func appendLabels(before colon: Int, in text: [Unicode.Scalar], labels: WordList, to starts: inout [Int]) {
        var end = colon
        while end > 0, text[end - 1] == " " { end -= 1 }
        for start in max(0, end - labels.maxLength)..<end where labels.matchLength(text, at: start) == end - start {
            starts.append(start)
        }
    }

    /// The colons with where each one's units end before the next label, and
    /// the runs of labels that follow one another: what every body's note
    /// shares, so reading a note costs its own group of labels only.
    private func linkingColons(_ found: [LabelColon]) -> [LabelColon] {
        var colons = found
        for position in colons.indices {
            colons[position].firstStart = labelStarts[colons[position].firstLabel]
            colons[position].role = role(ofLabelAt: colons[position].firstStart)
        }
        for position in colons.indices {
            let next = position + 1 < colons.count ? colons[position + 1].firstStart : text.count
            colons[position].limit = next
            (colons[position].contentEnd, colons[position].stop) = readContent(from: colons[position].offset + 1, limit: next)
            if position > 0, isSeparatorRun(colons[position - 1].contentEnd..<colons[position].firstStart) {
                colons[position].runStart = colons[position - 1].runStart
            } else {
                colons[position].runStart = position
            }
        }
        return colons
    }

    /// Whether the source broke the line right before normalised character
    /// `index`: a line break kept before it, or a line of the source starting
    /// there that the normaliser joined (its recorded ``LineLayout``).
    private func isBrokenBefore(_ index: Int) -> Bool {
        guard let document, index > 0, index < text.count else { return false }
        return text[index - 1] == "\n" || document.layout.isBroken(before: index)
    }

    private static let fillers: [[Unicode.Scalar]] = ["按照职责分工", "按职责分工", "按职责", "分别", "共同", "具体", "等"].map(\.scalars)
    private static let jointly: [Unicode.Scalar] = "会同".scalars
    private static let leadMark: [Unicode.Scalar] = "牵头".scalars

    /// The note of the item whose body is `body`, if it has one: the last
    /// labelled note, else the last bracketed note with a role word.
    func note(in body: Range<Int>) -> ResponsibilityNote? {
        if let labelled = labelledNote(in: body) { return labelled }
        return bracketedNote(in: body)
    }

    // MARK: - 责任单位：…

    /// A label of a note: where it starts, where its units start and end, its role.
    struct Label {
        var start: Int
        var contentStart: Int
        var role: StructureVocabulary.Role
        var contentEnd = 0
    }

    /// The labels of `body` that make its note: the last group of labels
    /// that follow one another. Each label in the body is the first
    /// candidate, at or after the body's start, of a colon before the body's
    /// end (later candidates of the same colon lie inside it); the group is
    /// found by binary search and the runs worked out once per document.
    private func lastLabelGroup(in body: Range<Int>) -> [Label] {
        let firstCandidate = labelStarts.firstIndex(notBelow: body.lowerBound)
        guard firstCandidate < labelStarts.count else { return [] }
        let firstColon = colonOfLabel[firstCandidate]
        // The first colon at or after the body's end.
        var low = firstColon, high = colons.count
        while low < high {
            let middle = (low + high) / 2
            if colons[middle].offset < body.upperBound { low = middle + 1 } else { high = middle }
        }
        guard low > firstColon else { return [] }
        let lastColon = low - 1
        var labels: [Label] = []
        let first = max(firstColon, colons[lastColon].runStart)
        labels.reserveCapacity(lastColon - first + 1)
        for position in first...lastColon {
            let colon = colons[position]
            var start = colon.firstStart, role = colon.role
            if position == firstColon, firstCandidate != colon.firstLabel {
                // The body starts inside the colon's first label: a shorter one that ends with it.
                start = labelStarts[firstCandidate]
                role = self.role(ofLabelAt: start)
            }
            let end = position == lastColon ? lastContentEnd(of: colon, limit: body.upperBound) : colon.contentEnd
            labels.append(Label(start: start, contentStart: colon.offset + 1, role: role, contentEnd: end))
        }
        return labels
    }

    /// The role of the label that starts at `start` (a label start).
    private func role(ofLabelAt start: Int) -> StructureVocabulary.Role {
        guard let id = vocabulary.noteLabelList.match(text, at: start) else { return .lead }
        return vocabulary.noteLabelRoles[id]
    }

    /// ``contentEnd(from:limit:)`` of the units after `colon` with another
    /// limit. Where the units end depends only on the characters read so far,
    /// so an end found before the document-wide limit is the end for any
    /// limit beyond it, and any limit below it cuts there.
    private func lastContentEnd(of colon: LabelColon, limit: Int) -> Int {
        if let stop = colon.stop { return limit > stop ? colon.contentEnd : limit }
        return limit <= colon.limit ? limit : contentEnd(from: colon.offset + 1, limit: limit)
    }

    /// The last group of labelled units in `body` as a note, if any.
    func labelledNote(in body: Range<Int>) -> ResponsibilityNote? {
        let group = lastLabelGroup(in: body)
        guard let first = group.first, let last = group.last else { return nil }
        // Nesting bodies that end together share their last group: its note
        // is read once, told apart only by whether the body holds brackets
        // around it.
        let opens = first.start > body.lowerBound && Self.noteOpeners.contains(text[first.start - 1])
        let key = GroupKey(
            start: first.start, lastContent: last.contentStart, end: last.contentEnd, opens: opens,
            closes: opens && last.contentEnd < body.upperBound && Self.noteClosers.contains(text[last.contentEnd]))
        let slot = colonOfLabel[labelStarts.firstIndex(notBelow: last.start)]
        if let known = readGroups.notes[slot], known.key == key { return known.note }
        let note = note(group: group[...], in: body)
        readGroups.notes[slot] = (key, note)
        return note
    }

    private static let noteOpeners: [Unicode.Scalar] = ["(", "【", "["]
    private static let noteClosers: [Unicode.Scalar] = [")", "】", "]"]

    /// What a labelled note depends on: its first label, its last label's
    /// units, and the brackets around it that the body holds.
    private struct GroupKey: Equatable {
        var start: Int
        var lastContent: Int
        var end: Int
        var opens: Bool
        var closes: Bool
    }

    /// The note last read of a group ending at each colon (a class: the
    /// reader is a value handed around, the notes it has read are shared).
    /// One per colon, no hashing: the bodies that end together are read one
    /// after another, outer first, as the headings come.
    private final class ReadGroups {
        var notes: [(key: GroupKey, note: ResponsibilityNote?)?]
        init(colons: Int) { notes = Array(repeating: nil, count: colons) }
    }
    private let readGroups: ReadGroups

    /// The note made of a group of labels with their content ends, in `body`.
    func note(group: ArraySlice<Label>, in body: Range<Int>) -> ResponsibilityNote? {
        // Beside a 牵头单位 list, a 责任单位 list names those who carry it out.
        let hasLeadingLabel = group.contains { text.has(Self.leadMark, at: $0.start) }
        var lead: [Range<Int>] = [], cooperating: [Range<Int>] = []
        for var label in group {
            if hasLeadingLabel, label.role == .lead, !text.has(Self.leadMark, at: label.start) { label.role = .cooperating }
            let units = UnitList.split(label.contentStart..<label.contentEnd, in: text, vocabulary: organizations)
            var marked: [Range<Int>] = [], unmarked: [Range<Int>] = []
            for unit in units {
                if let stripped = strippingLeadMark(unit) { marked.append(stripped) } else { unmarked.append(unit) }
            }
            switch label.role {
            case .lead where !marked.isEmpty:
                lead += marked
                cooperating += unmarked
            case .lead: lead += unmarked + marked
            case .cooperating: cooperating += unmarked + marked
            }
        }
        var lower = group.first!.start, upper = group.last!.contentEnd
        if lower > body.lowerBound, Self.noteOpeners.contains(text[lower - 1]) {
            lower -= 1
            if upper < body.upperBound, Self.noteClosers.contains(text[upper]) { upper += 1 }
        }
        return ResponsibilityNote(range: lower..<upper, lead: lead, cooperating: cooperating, rule: "responsibility.labelled")
    }

    /// Where the units after a label end: a line or sentence end, a closing
    /// bracket, or another `标签：` such as 完成时限.
    func contentEnd(from start: Int, limit: Int) -> Int {
        readContent(from: start, limit: limit).end
    }

    /// ``contentEnd(from:limit:)`` with the character at which the reading
    /// stopped (nil: at the limit). Each stop depends only on the characters
    /// from `start` to it, not on the limit.
    private func readContent(from start: Int, limit: Int) -> (end: Int, stop: Int?) {
        var index = start
        var depth = 0
        while index < limit {
            let scalar = text[index]
            if scalar == "(" || scalar == "（" {
                depth += 1
            } else if scalar == ")" || scalar == "）" || scalar == "】" || scalar == "]" {
                if depth == 0 { return (index, index) }
                depth -= 1
            } else if depth == 0, scalar == "\n" || scalar == "。" || scalar == "；" || scalar == ";" {
                return (index, index)
            } else if depth == 0, scalar == "：" || scalar == ":" {
                // Another label: walk back over its word.
                var back = index
                while back > start, ScalarClass.isIdeograph(text[back - 1]) { back -= 1 }
                return (back, index)
            } else if depth == 0, index > start, isBrokenBefore(index),
                !"、，,".unicodeScalars.contains(text[index]), !"、，,".unicodeScalars.contains(text[index - 1]),
                UnitList.isComplete(start..<index, in: text, vocabulary: organizations)
            {
                // The list ended with its line: the next line, run into it by
                // the normaliser, is text again (`责任单位：市人社局` / `各地要…`).
                return (index, index)
            }
            index += 1
        }
        return (limit, nil)
    }

    /// Whether `range` holds only spaces, line breaks, sentence ends and brackets.
    func isSeparatorRun(_ range: Range<Int>) -> Bool {
        guard range.lowerBound <= range.upperBound else { return false }
        return text[range].allSatisfy { " \n。；;，,)】]（(【[".unicodeScalars.contains($0) }
    }

    /// A unit marked `（牵头）` or `牵头` within a lone list, without the mark.
    private func strippingLeadMark(_ unit: Range<Int>) -> Range<Int>? {
        var end = unit.upperBound
        if end > unit.lowerBound, text[end - 1] == ")" || text[end - 1] == "）" {
            end -= 1
            guard end - 2 >= unit.lowerBound, text.has(Self.leadMark, at: end - 2),
                end - 3 >= unit.lowerBound, text[end - 3] == "(" || text[end - 3] == "（"
            else { return nil }
            return unit.lowerBound..<(end - 3)
        }
        guard end - 2 > unit.lowerBound, text.has(Self.leadMark, at: end - 2) else { return nil }
        return unit.lowerBound..<(end - 2)
    }

    // MARK: - （…牵头负责，…配合）

    private func bracketedNote(in body: Range<Int>) -> ResponsibilityNote? {
        var groups: [Range<Int>] = []  // content ranges, brackets excluded
        var stack: [Int] = []
        for index in body {
            let scalar = text[index]
            if scalar == "(" || scalar == "（" {
                stack.append(index)
            } else if scalar == ")" || scalar == "）", let open = stack.popLast(), stack.isEmpty {
                groups.append((open + 1)..<index)
            }
        }
        for content in groups.reversed() {
            if let note = readCued(content) { return note }
        }
        // A bracket closing the item that lists bodies only.
        if let content = groups.last, isAtEnd(content.upperBound + 1, of: body) {
            let units = UnitList.split(content, in: text, vocabulary: organizations)
            if !units.isEmpty,
                units.allSatisfy({ unit in
                    organizations.endsBody(text, endingAt: unit.upperBound, floor: unit.lowerBound)
                        && !text[unit].contains(where: ScalarClass.isDigit)
                })
            {
                return ResponsibilityNote(
                    range: (content.lowerBound - 1)..<(content.upperBound + 1), lead: units,
                    cooperating: [], rule: "responsibility.bodies")
            }
        }
        return nil
    }

    private func isAtEnd(_ index: Int, of body: Range<Int>) -> Bool {
        text[index..<body.upperBound].allSatisfy { " \n。；;".unicodeScalars.contains($0) }
    }

    /// A bracket's content read clause by clause: each clause ends with a
    /// lead word (牵头负责) or a cooperating word (配合).
    private func readCued(_ content: Range<Int>) -> ResponsibilityNote? {
        var clauses: [Range<Int>] = []
        var start = content.lowerBound
        var depth = 0
        for index in content {
            let scalar = text[index]
            if scalar == "(" || scalar == "（" {
                depth += 1
            } else if scalar == ")" || scalar == "）" {
                depth = max(0, depth - 1)
            } else if depth == 0, scalar == "，" || scalar == "," || scalar == "；" || scalar == ";" {
                clauses.append(start..<index)
                start = index + 1
            } else if depth == 0, scalar == "、", endsWithCue(start..<index) {
                // `市规划资源局牵头负责、各区政府组织落实`: a role word closes its clause.
                clauses.append(start..<index)
                start = index + 1
            }
        }
        clauses.append(start..<content.upperBound)
        // Each clause's role: its own cue, else the next cued clause's
        // (`市委组织部，市人社局牵头负责`), else cooperating after a lead.
        var roles: [(units: Range<Int>, role: StructureVocabulary.Role?, cue: Int)] = []
        for clause in clauses {
            let clause = UnitList.trim(clause, in: text)
            guard !clause.isEmpty else { continue }
            let leadCue = vocabulary.leadCues.matchLengthEnding(text, before: clause.upperBound, floor: clause.lowerBound)
            let cooperatingCue = vocabulary.cooperatingCues.matchLengthEnding(text, before: clause.upperBound, floor: clause.lowerBound)
            if leadCue > 0, leadCue >= cooperatingCue {
                roles.append((clause, .lead, leadCue))
            } else if cooperatingCue > 0 {
                roles.append((clause, .cooperating, cooperatingCue))
            } else {
                roles.append((clause, nil, 0))
            }
        }
        guard roles.contains(where: { $0.role != nil }) else { return nil }
        // A single list is the lead, whatever its role word (`（市应急局、各区政府组织落实）`).
        if roles.count == 1 { roles[0].role = .lead }
        // Beside a 牵头 clause, a plain 负责 clause names those who carry it out.
        let leads = roles.filter { $0.role == .lead }
        if leads.count > 1, leads.contains(where: { containsLeadMark($0.units.upperBound - $0.cue..<$0.units.upperBound) }) {
            for index in roles.indices
            where roles[index].role == .lead
                && !containsLeadMark(roles[index].units.upperBound - roles[index].cue..<roles[index].units.upperBound)
            {
                roles[index].role = .cooperating
            }
        }
        var next: StructureVocabulary.Role?
        for index in roles.indices.reversed() {
            if let role = roles[index].role { next = role } else { roles[index].role = next }
        }
        var lead: [Range<Int>] = [], cooperating: [Range<Int>] = []
        for (clause, role, cue) in roles {
            var units = clause.lowerBound..<(clause.upperBound - cue)
            if cue > 0 { units = strippingFillers(units) }
            if role == nil {
                // A trailing clause without a role word: bodies only.
                let split = UnitList.split(units, in: text, vocabulary: organizations)
                guard split.allSatisfy({ organizations.endsBody(text, endingAt: $0.upperBound, floor: $0.lowerBound) }) else { continue }
                if lead.isEmpty { lead += split } else { cooperating += split }
            } else if role == .lead, let joint = firstTopLevel(Self.jointly, in: units) {
                lead += UnitList.split(units.lowerBound..<joint, in: text, vocabulary: organizations)
                cooperating += UnitList.split((joint + Self.jointly.count)..<units.upperBound, in: text, vocabulary: organizations)
            } else if role == .lead {
                lead += UnitList.split(units, in: text, vocabulary: organizations)
            } else {
                cooperating += UnitList.split(units, in: text, vocabulary: organizations)
            }
        }
        // A bracket that only happens to end with 参加 or 负责 names no body.
        guard (lead + cooperating).contains(where: { UnitList.isComplete($0, in: text, vocabulary: organizations) }) else {
            return nil
        }
        return ResponsibilityNote(
            range: (content.lowerBound - 1)..<(content.upperBound + 1), lead: lead,
            cooperating: cooperating, rule: "responsibility.bracketed")
    }

    /// Whether a lead or cooperating word ends `clause`.
    private func endsWithCue(_ clause: Range<Int>) -> Bool {
        vocabulary.leadCues.matchEnding(text, before: clause.upperBound, floor: clause.lowerBound) != nil
            || vocabulary.cooperatingCues.matchEnding(text, before: clause.upperBound, floor: clause.lowerBound) != nil
    }

    private func containsLeadMark(_ range: Range<Int>) -> Bool {
        firstTopLevel(Self.leadMark, in: range) != nil
    }

    private func strippingFillers(_ range: Range<Int>) -> Range<Int> {
        var upper = range.upperBound
        var changed = true
        while changed {
            changed = false
            for filler in Self.fillers where upper - filler.count > range.lowerBound && text.has(filler, at: upper - filler.count) {
                upper -= filler.count
                changed = true
            }
        }
        return range.lowerBound..<upper
    }

    private func firstTopLevel(_ word: [Unicode.Scalar], in range: Range<Int>) -> Int? {
        var index = range.lowerBound
        while index + word.count <= range.upperBound {
            if text.has(word, at: index) { return index }
            index += 1
        }
        return nil
    }
}
