import Segmenter
import TextTools

/// Finds titles cited in `《》` (spec §6): each distinct title once, with every
/// place it is cited and the verb before its first citation that has one
/// (`出台`, `制定`, `落实`, `印发`, `贯彻`…), so a promised policy can be told
/// from an existing one.
///
/// Titles are compared as the document wrote them, without spaces and line
/// breaks (a PDF's breaks and stray spaces), full- and half-width brackets
/// kept apart; each is listed as written, a real space kept.
public struct ReferenceMatcher: Sendable {
    /// A matcher; it keeps no state between documents.
    public init() {}

    /// The references of the document in `context`, in order of first citation.
    public func match(_ context: ExtractionContext) -> [Reference] {
        let text = context.text.scalars
        let vocabulary = StructureVocabulary.shared
        // Each title's entry by its number, in order of first citation (an
        // entry taken out of a dictionary, appended to and put back would copy
        // its lists at every citation: quadratic in a title cited again and again).
        var numbers: [[Unicode.Scalar]: Int] = [:]
        var found: [(forms: [String], spans: [Span], action: String?, inPageNote: Bool)] = []
        let titleStart = context.document.markup.headings.first?.span.lowerBound
        var runs = CitationRuns()
        let citations = Self.citations(in: text)
        numbers.reserveCapacity(citations.count)  // no rehashing of scalar keys as it grows
        found.reserveCapacity(citations.count)
        for citation in citations {
            guard text[citation].contains(where: { !ScalarClass.isSpace($0) }) else { continue }
            let form = WrittenText.of(citation, in: context.document, keepingSpaces: true).trimmed
            // One title is one way of writing it: `方案（2024-2026）` and
            // `方案(2024-2026)` are cited as two, as the document wrote them;
            // only spaces and line breaks do not count.
            let key = Array(form.unicodeScalars).filter { !ScalarClass.isSpace($0) }
            let action =
                Self.action(before: citation.lowerBound - 1, in: text, vocabulary: vocabulary, runs: &runs)
                ?? Self.action(after: citation.upperBound + 1, in: text, vocabulary: vocabulary)
            let number: Int
            if let known = numbers[key] {
                number = known
            } else {
                number = found.count
                numbers[key] = number
                found.append(([], [], nil, true))
            }
            let span = context.span(of: citation)
            found[number].inPageNote =
                found[number].inPageNote
                && Self.isPageNote(citation.lowerBound, in: text, at: span, titleStart: titleStart)
            found[number].forms.append(form)
            found[number].spans.append(span)
            found[number].action = found[number].action ?? action
        }
        return found.map { entry in
            Reference(
                title: Self.preferredForm(entry.forms), action: entry.action, spans: entry.spans,
                rule: entry.inPageNote
                    ? "reference.page-note"
                    : entry.action == nil ? "reference.title" : "reference.title+verb")
        }
    }

    /// Whether a citation whose title starts at `index` (original `span`)
    /// stands in a page's furniture rather than in the document: on a quoted
    /// line (`> …`) before the page's first heading, where a scraped page
    /// keeps the site's notes (source, licence) ahead of the document's title.
    /// Such a title is still listed, its rule telling it apart.
    static func isPageNote(_ index: Int, in text: [Unicode.Scalar], at span: Span, titleStart: Int?) -> Bool {
        guard let titleStart, span.start < titleStart else { return false }
        var lineStart = index
        while lineStart > 0, text[lineStart - 1] != "\n" { lineStart -= 1 }
        while lineStart < index, ScalarClass.isSpace(text[lineStart]) { lineStart += 1 }
        return lineStart < index && (text[lineStart] == ">" || text[lineStart] == "＞")
    }

    /// The contents of top-level `《…》` pairs on one line (brackets excluded).
    static func citations(in text: [Unicode.Scalar]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var open: Int?
        var depth = 0
        for index in text.indices {
            switch text[index] {
            case "《":
                if depth == 0 { open = index }
                depth += 1
            case "》":
                guard depth > 0 else { continue }
                depth -= 1
                if depth == 0, let start = open, index > start + 1 { result.append((start + 1)..<index) }
            case "\n":
                depth = 0
                open = nil
            default:
                continue
            }
        }
        return result
    }

    /// The verb before a citation whose `《` is at `index`: found across a run
    /// of earlier citations (`出台《…》、《…》`) and an issuer (`落实自治区《…》`).
    static func action(before index: Int, in text: [Unicode.Scalar], vocabulary: StructureVocabulary) -> String? {
        var runs = CitationRuns()
        return action(before: index, in: text, vocabulary: vocabulary, runs: &runs)
    }

    /// ``action(before:in:vocabulary:)`` with the starts of runs of citations
    /// found so far in `runs`, which it extends.
    static func action(
        before index: Int, in text: [Unicode.Scalar], vocabulary: StructureVocabulary,
        runs: inout CitationRuns
    ) -> String? {
        guard var position = runStart(index, in: text, runs: &runs) else { return nil }
        // Back over an issuer or a particle (自治区, 的).
        var skipped = 0
        while skipped < 2,
            case let length = vocabulary.referenceActors.matchLengthEnding(text, before: position, floor: max(0, position - 6)), length > 0
        {
            if case let verb = vocabulary.referenceVerbs.matchLengthEnding(text, before: position, floor: max(0, position - 8)),
                verb >= length
            {
                break
            }
            position -= length
            skipped += 1
        }
        guard case let verb = vocabulary.referenceVerbs.matchLengthEnding(text, before: position, floor: max(0, position - 8)), verb > 0
        else {
            return nil
        }
        return String(scalars: text[(position - verb)..<position])
    }

    /// Back from the `《` at `index` over earlier citations joined by 、 和 及 与
    /// or nothing: where the run starts, or nil when a line break stands inside
    /// one of its brackets.
    ///
    /// Every citation of a run of `k` would walk back over all those before
    /// it, `k²` steps in all; `runs` remembers, for each `《` walked from,
    /// where its run starts, so each step is taken once, and finds the `《`
    /// of each `》` in one pass over the text (walking back from each `》`
    /// crosses the same stretch again and again when brackets do not pair).
    static func runStart(_ index: Int, in text: [Unicode.Scalar], runs: inout CitationRuns) -> Int? {
        // Most citations follow no other: each starts its own run, and no
        // walk ever needs that remembered.
        guard followsCitation(index, in: text) else { return index }
        var walked: [Int] = []
        var position = index
        var start: Int??
        while start == nil {
            if let remembered = runs.starts[position] {
                start = remembered
                break
            }
            walked.append(position)
            guard position > 0 else { start = .some(position); break }
            var cursor = position
            if cursor > 0, isRunJoiner(text[cursor - 1]) { cursor -= 1 }
            guard cursor > 0, text[cursor - 1] == "》" else { start = .some(position); break }
            // The citation before: no `《` pairs with its `》` on this line, no run.
            guard let opener = runs.opener(ofCloserAt: cursor - 1, in: text) else { start = .some(nil); break }
            position = opener
        }
        let result = start!
        for position in walked { runs.starts[position] = result }
        return result
    }

    /// Whether the `《` at `index` comes right after a `》`, or after one and a joiner.
    static func followsCitation(_ index: Int, in text: [Unicode.Scalar]) -> Bool {
        var cursor = index
        if cursor > 0, isRunJoiner(text[cursor - 1]) { cursor -= 1 }
        return cursor > 0 && text[cursor - 1] == "》"
    }

    /// What may join two citations of a run: 、 和 及 与 and commas.
    static func isRunJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "、" || scalar == "和" || scalar == "及" || scalar == "与" || scalar == "," || scalar == "，"
    }

    /// The verb after a citation fronted by 将 or 把: `现将《…》印发给你们`.
    static func action(after index: Int, in text: [Unicode.Scalar], vocabulary: StructureVocabulary) -> String? {
        var open = index - 1
        while open > 0, text[open] != "《" { open -= 1 }
        guard open > 0, text[open - 1] == "将" || text[open - 1] == "把", index < text.count else { return nil }
        guard case let verb = vocabulary.referenceVerbs.matchLength(text, at: index, limit: min(text.count, index + 6)), verb > 0 else {
            return nil
        }
        return String(scalars: text[index..<(index + verb)])
    }

    /// The form a title is written in most often; on a tie, the one with fewer spaces.
    static func preferredForm(_ forms: [String]) -> String {
        // Most titles are cited once: nothing to count.
        if forms.count == 1 { return forms[0] }
        let counts = FirstMentions(forms).counts
        let spaces = forms.map { form in form.unicodeScalars.count { $0 == " " } }
        let best = forms.indices.min { left, right in
            let (l, r) = (counts[left], counts[right])
            if l != r { return l > r }
            return spaces[left] < spaces[right]
        }
        return best.map { forms[$0] } ?? ""
    }
}

/// What the walks back over runs of citations in one document have found.
struct CitationRuns {
    /// For each `《` walked from, where its run starts (nil: no run start).
    var starts: [Int: Int?] = [:]
    /// For each `》` with a `《` pairing it on its line, that `《`; found for
    /// the whole text the first time one is asked for.
    private var openers: [Int: Int]?

    /// The `《` that pairs with the `》` at `index`: the nearest before it with
    /// only paired brackets between, on the same line.
    mutating func opener(ofCloserAt index: Int, in text: [Unicode.Scalar]) -> Int? {
        if openers == nil { openers = Self.pairs(in: text) }
        return openers![index]
    }

    private static func pairs(in text: [Unicode.Scalar]) -> [Int: Int] {
        var pairs: [Int: Int] = [:]
        var open: [Int] = []
        for (index, scalar) in text.enumerated() {
            switch scalar {
            case "《": open.append(index)
            case "》": if let opener = open.popLast() { pairs[index] = opener }
            case "\n": open.removeAll(keepingCapacity: true)
            default: continue
            }
        }
        return pairs
    }
}
