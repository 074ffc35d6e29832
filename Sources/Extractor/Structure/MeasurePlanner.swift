import TextTools

/// A measure found among the numbered headings, before it is written out.
struct PlannedMeasure: Sendable {
    /// Index of its heading.
    var heading: Int
    /// `"5"`, or `"3.1"` where numbering restarts under each part.
    var number: String
    /// From the marker to the next heading of its level or higher.
    var body: Range<Int>
    var note: ResponsibilityNote?
}

/// Picks the numbered list of measures among a document's headings.
///
/// The list is the heading level that carries the responsibility notes (or,
/// with none, the level with the most run-in items). Where every part restarts
/// its numbering, a measure's number is prefixed with its parts' numbers, as
/// few as make numbers unique: `（一）` under `三、` is `3.1`.
struct MeasurePlanner {
    let text: [Unicode.Scalar]
    let headings: [MarkedHeading]
    let notes: ResponsibilityNoteReader
    var vocabulary: StructureVocabulary = .shared

    func plan() -> [PlannedMeasure] {
        guard !headings.isEmpty else { return [] }
        var notedPerLevel: [Int: Int] = [:]
        var ownNotes: [ResponsibilityNote?] = []
        for heading in headings {
            let note = notes.note(in: heading.body)
            ownNotes.append(note)
            if note != nil { notedPerLevel[heading.level, default: 0] += 1 }
        }
        var level: Int
        let noted = !notedPerLevel.isEmpty
        if let best = notedPerLevel.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            level = best.key
            if let parentLevel = notesCloseParents(level: level, notes: ownNotes) { level = parentLevel }
        } else {
            var runIn: [Int: Int] = [:]
            for heading in headings where heading.title.upperBound < heading.line.upperBound {
                runIn[heading.level, default: 0] += 1
            }
            guard let best = runIn.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }), best.value >= 2 else { return [] }
            level = best.key
        }
        var items = headings.indices.filter { headings[$0].level == level }
        let continuous = zip(items, items.dropFirst()).allSatisfy { headings[$0].number < headings[$1].number }
        if noted, !continuous {
            // Restarting lists: only the parts that mark responsibility hold measures.
            let notedParts = Set(items.filter { ownNotes[$0] != nil }.map(topAncestor))
            items = items.filter { notedParts.contains(topAncestor($0)) || topAncestor($0) == $0 }
        } else if !noted {
            items = items.filter { !isFramingPart(topAncestor($0)) && !isFramingPart($0) }
        }
        guard !items.isEmpty else { return [] }
        let numbers = uniqueNumbers(items)
        return items.enumerated().map { offset, index in
            let body = extendedBody(index)
            // An item without sub-items keeps its own body, whose note is read already.
            let note = body == headings[index].body ? ownNotes[index] : notes.note(in: body)
            return PlannedMeasure(heading: index, number: numbers[offset], body: body, note: note)
        }
    }

    /// The level of the parents, when the notes found at `level` each close
    /// the last child of a parent and the other children have none: the note
    /// then belongs to the parent (`（一）…`, `1.…`, `2.…`, `（责任单位：…）`).
    private func notesCloseParents(level: Int, notes: [ResponsibilityNote?]) -> Int? {
        let items = headings.indices.filter { headings[$0].level == level }
        let noted = items.filter { notes[$0] != nil }
        guard noted.count >= 2, noted.count * 2 <= items.count else { return nil }
        // The last item under each parent, found in one pass over the items.
        var lastChild: [Int: Int] = [:]
        for index in items { if let parent = headings[index].parent { lastChild[parent] = index } }
        var parentLevels = Set<Int>()
        for index in noted {
            guard let parent = headings[index].parent, lastChild[parent] == index else { return nil }
            parentLevels.insert(headings[parent].level)
        }
        return parentLevels.count == 1 ? parentLevels.first : nil
    }

    /// The heading's body up to the next heading of its level or higher.
    private func extendedBody(_ index: Int) -> Range<Int> {
        var next = index + 1
        while next < headings.count, headings[next].level > headings[index].level { next += 1 }
        return headings[index].body.lowerBound..<headings[next - 1].body.upperBound
    }

    private func topAncestor(_ index: Int) -> Int {
        var current = index
        while let parent = headings[current].parent { current = parent }
        return current
    }

    private func isFramingPart(_ index: Int) -> Bool {
        let title = text[headings[index].title]
        // Foundation's `String.contains` compares characters up to canonical
        // equivalence and costs thousands of instructions a call; for text
        // whose characters stand alone (ASCII, CJK ideographs and punctuation)
        // that is a plain scalar search.
        if vocabulary.nonMeasurePartsStandAlone, title.allSatisfy(ScalarClass.standsAlone) {
            return vocabulary.nonMeasurePartScalars.contains { title.contains($0) }
        }
        let string = String(scalars: title)
        return vocabulary.nonMeasureParts.contains { string.contains($0) }
    }

    /// Numbers with as many leading part numbers as make them all different.
    private func uniqueNumbers(_ items: [Int]) -> [String] {
        let paths: [[Int]] = items.map { index in
            var path = [headings[index].number]
            var current = index
            while let parent = headings[current].parent {
                path.insert(headings[parent].number, at: 0)
                current = parent
            }
            return path
        }
        let deepest = paths.map(\.count).max() ?? 1
        for length in 1...deepest {
            let numbers = paths.map { $0.suffix(length).map(String.init).joined(separator: ".") }
            if Set(numbers).count == numbers.count { return numbers }
        }
        // The same full path twice (`（一）…（一）` with no part between): the
        // repeat is told apart as the batch tells apart a repeated path, `1#2`,
        // so every measure number stays unique and quantities find their item.
        var seen: [String: Int] = [:]
        return paths.map { path in
            let number = path.map(String.init).joined(separator: ".")
            seen[number, default: 0] += 1
            let occurrence = seen[number]!
            return occurrence == 1 ? number : "\(number)#\(occurrence)"
        }
    }
}
