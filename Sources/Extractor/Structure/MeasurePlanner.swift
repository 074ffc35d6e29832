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
    var kind: Measure.Kind = .item
}

/// Picks the measures among a document's headings (spec §5).
///
/// - A document divided into articles `第X条` has its articles as measures.
/// - Otherwise, where responsibility notes mark the measures, the list kind
///   that carries them; with none, the lists of the outline that hold the
///   content: walking down from the top, a list most of whose items are not
///   divided further is taken whole, one whose items are divided gives way to
///   the lists below it.
/// - Never lists in an annex that is not itself a policy, nor lists of
///   application materials, conditions, steps or contacts (their part says so).
///
/// Numbers: as written where the chosen items' numbers are all different or
/// a list runs on across parts; where a list restarts under each part, its
/// parts' numbers come first: `（一）` under `三、` is `3.1`.
struct MeasurePlanner {
    let text: [Unicode.Scalar]
    let headings: [MarkedHeading]
    let notes: ResponsibilityNoteReader
    /// Ranges of the text no measure is taken from (annexes that are not the policy).
    var excluded: [Range<Int>] = []
    var vocabulary: StructureVocabulary = .shared

    func plan() -> [PlannedMeasure] {
        guard !headings.isEmpty else { return [] }
        let usable = headings.indices.filter { !isExcluded(headings[$0].marker.lowerBound) }
        if let articles = articleMeasures(usable) { return articles }
        var notedPerLevel: [Int: Int] = [:]
        var ownNotes: [ResponsibilityNote?] = Array(repeating: nil, count: headings.count)
        for index in usable {
            let note = notes.note(in: headings[index].body)
            ownNotes[index] = note
            if note != nil { notedPerLevel[headings[index].level, default: 0] += 1 }
        }
        var items: [Int]
        if let best = notedPerLevel.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) {
            var level = best.key
            let parentLevel = notesCloseParents(level: level, notes: ownNotes, usable: usable)
            if let parentLevel { level = parentLevel }
            // Every item of the kind the notes mark, general ones too (`（一）指导思想`).
            items = usable.filter { headings[$0].level == level }
            if parentLevel == nil { items = itemsOfTwoNotedLevels(items, notes: ownNotes, usable: usable) }
        } else {
            items = contentLists(usable)
        }
        let planned = items.map { index in
            let body = extendedBody(index)
            // An item keeps the note of its own text (before its sub-items),
            // else the one its sub-items close with.
            let note = ownNotes[index] ?? (body == headings[index].body ? nil : notes.note(in: body))
            return PlannedMeasure(heading: index, number: "", body: body, note: note)
        }
        // An item a responsibility note marks is a measure whatever its part's
        // title says (`二、简化审批和条件` holds measures with notes).
        .filter { $0.note != nil || !inNonMeasurePart($0.heading) }
        guard !planned.isEmpty else { return [] }
        let numbers = numbers(planned.map(\.heading))
        return planned.enumerated().map { offset, plan in
            var plan = plan
            plan.number = numbers[offset]
            return plan
        }
    }

    private func isExcluded(_ offset: Int) -> Bool {
        excluded.contains { $0.contains(offset) }
    }

    // MARK: - Articles

    /// The articles, when the document is divided into them: its longest
    /// list of articles, two or more.
    private func articleMeasures(_ usable: [Int]) -> [PlannedMeasure]? {
        var byList: [Int: [Int]] = [:]
        for index in usable where headings[index].kind == .article { byList[headings[index].list, default: []].append(index) }
        guard let articles = byList.values.max(by: { $0.count < $1.count }), articles.count >= 2 else { return nil }
        return articles.map { index in
            let body = extendedBody(index)
            return PlannedMeasure(
                heading: index, number: String(headings[index].number), body: body,
                note: notes.note(in: body), kind: .article)
        }
    }

    // MARK: - Lists without notes

    /// The items of the lists that hold the content, walking down from the
    /// outline's top lists: a list fewer than half of whose items are
    /// divided into a list of their own is taken; otherwise the lists under
    /// its items are looked at.
    private func contentLists(_ usable: [Int]) -> [Int] {
        var members: [Int: [Int]] = [:]
        var order: [Int] = []
        for index in usable
        where headings[index].kind != .article && headings[index].kind != .chapter
            && headings[index].kind != .section
        {
            let list = headings[index].list
            if members[list] == nil { order.append(list) }
            members[list, default: []].append(index)
        }
        var hasChildren = Set<Int>()
        // The lists each heading's children belong to.
        var childLists: [Int: [Int]] = [:]
        for list in order {
            for index in members[list]! {
                if let parent = headings[index].parent {
                    hasChildren.insert(parent)
                    if childLists[parent]?.last != list { childLists[parent, default: []].append(list) }
                }
            }
        }
        var chosen: [Int] = []
        var visited = Set<Int>()
        // Top lists: those whose first item lies under no list item.
        var pending = order.filter { list in
            guard let first = members[list]?.first else { return false }
            var parent = headings[first].parent
            while let current = parent,
                headings[current].kind == .chapter || headings[current].kind == .section
                    || headings[current].kind == .article
            { parent = headings[current].parent }
            return parent == nil
        }
        while !pending.isEmpty {
            let list = pending.removeFirst()
            guard visited.insert(list).inserted, let items = members[list] else { continue }
            let divided = items.filter { hasChildren.contains($0) }
            if divided.count * 2 < items.count {
                if items.count >= 2 { chosen += items }
            } else {
                for item in divided { pending += childLists[item] ?? [] }
            }
        }
        return chosen.sorted()
    }

    /// Whether an item lies in a part of application materials, conditions,
    /// steps or contacts (`三、申报材料`), by the titles of the parts above it.
    private func inNonMeasurePart(_ index: Int) -> Bool {
        var current = headings[index].parent
        while let part = current {
            if titleHasNonMeasureWord(part) { return true }
            current = headings[part].parent
        }
        return false
    }

    private func titleHasNonMeasureWord(_ index: Int) -> Bool {
        let title = text[headings[index].title]
        return vocabulary.nonMeasureListWords.contains { title.contains($0) }
    }

    // MARK: - Lists with notes

    /// The level of the parents, when the notes found at `level` each close
    /// the last child of a parent and the other children have none: the note
    /// then belongs to the parent (`（一）…`, `1.…`, `2.…`, `（责任单位：…）`).
    private func notesCloseParents(level: Int, notes: [ResponsibilityNote?], usable: [Int]) -> Int? {
        let items = usable.filter { headings[$0].level == level }
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

    /// Where two levels carry notes (`（一）…（牵头单位：…）` with `1.…（责任单位：…）`
    /// under it, a division of tasks), the lower level's items are the
    /// measures where they carry their own notes: an item of `items` whose
    /// sub-items (of its first kind below it) carry notes gives way to them;
    /// an item of the parents' kind with its own note and no chosen sub-item
    /// is a measure too (`（十九）…（…负责）` with no numbered tasks under it).
    private func itemsOfTwoNotedLevels(_ items: [Int], notes: [ResponsibilityNote?], usable: [Int]) -> [Int] {
        var children: [Int: [Int]] = [:]
        for index in usable { if let parent = headings[index].parent { children[parent, default: []].append(index) } }
        func lowered(_ index: Int) -> [Int] {
            guard let below = children[index], let top = below.map({ headings[$0].level }).min() else { return [index] }
            let subItems = below.filter { headings[$0].level == top && headings[$0].kind.isListItem }
            guard !subItems.isEmpty, subItems.contains(where: { notes[$0] != nil }) else { return [index] }
            return subItems.flatMap(lowered)
        }
        var chosen = items.flatMap(lowered)
        let chosenSet = Set(chosen)
        let parentKinds = Set(chosen.compactMap { headings[$0].parent.map { headings[$0].kind } }.filter(\.isListItem))
        for index in usable
        where notes[index] != nil && parentKinds.contains(headings[index].kind) && !chosenSet.contains(index)
            && !(children[index] ?? []).contains(where: chosenSet.contains)
        {
            chosen.append(index)
        }
        return chosen.sorted()
    }

    /// The heading's body up to the next heading of its level or higher.
    private func extendedBody(_ index: Int) -> Range<Int> {
        var next = index + 1
        while next < headings.count, headings[next].level > headings[index].level { next += 1 }
        return headings[index].body.lowerBound..<headings[next - 1].body.upperBound
    }

    // MARK: - Numbers

    /// The items' numbers: as written when they are all different; else a
    /// list that runs on across parts keeps its numbers and a list that
    /// restarts under a part takes its parts' numbers first (`3.1`).
    private func numbers(_ items: [Int]) -> [String] {
        let own = items.map { String(headings[$0].number) }
        if Set(own).count == own.count { return own }
        var parentsOfList: [Int: Set<Int>] = [:]
        for index in headings.indices { parentsOfList[headings[index].list, default: []].insert(headings[index].parent ?? -1) }
        let numbers = items.map { index -> String in
            if parentsOfList[headings[index].list]!.count > 1 { return String(headings[index].number) }
            var path = [headings[index].number]
            var current = index
            while let parent = headings[current].parent {
                if headings[parent].kind != .chapter, headings[parent].kind != .section { path.insert(headings[parent].number, at: 0) }
                // A part whose own numbering runs on across parts (`（十三）`
                // under `三、`) is numbered alone: its number comes first.
                if parentsOfList[headings[parent].list]!.count > 1 { break }
                current = parent
            }
            return path.map(String.init).joined(separator: ".")
        }
        // The same number twice (`（一）…（一）` with no part between): the
        // repeat is told apart as the batch tells apart a repeated path, `1#2`,
        // so every measure number stays unique and quantities find their item.
        var seen: [String: Int] = [:]
        return numbers.map { number in
            seen[number, default: 0] += 1
            let occurrence = seen[number]!
            return occurrence == 1 ? number : "\(number)#\(occurrence)"
        }
    }
}
