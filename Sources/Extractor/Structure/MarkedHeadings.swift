import TextTools

/// A heading opened by a numbering marker: a chapter `第一章`, a section
/// `第一节`, an article `第一条`, or a list item `一、`, `（一）`, `1.`, `（1）`, `①`.
struct MarkedHeading: Sendable, Equatable {
    /// What a marker opens, outermost first: the order nests them.
    enum Kind: Int, Sendable, Comparable {
        case chapter = 1, section, article, part, subpart, item, subitem, circled

        static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The level a heading of this kind has as a section (spec §5): 1 for
        /// `第一章` and `一、`, 2 for `第一节` and `（一）`, 3 for `1.`, 4 for
        /// `（1）`, 5 for `①`; nil for an article, which is no section.
        /// Whether it is an item of a numbered list (`一、` `（一）` `1.` `（1）` `①`),
        /// not a chapter, section or article.
        var isListItem: Bool { self >= .part }

        var sectionLevel: Int? {
            switch self {
            case .chapter, .part: 1
            case .section, .subpart: 2
            case .article: nil
            case .item: 3
            case .subitem: 4
            case .circled: 5
            }
        }
    }

    var kind: Kind
    /// Nesting rank: a heading lies under the nearest earlier one of a lower level.
    var level: Int { kind.rawValue }
    /// The number the marker gives (`（十一）` → 11).
    var number: Int
    /// The marker in the normalised text.
    var marker: Range<Int>
    /// The heading's title: after the marker, up to the first `。` or the line end.
    /// An article's title is its bracketed heading (`【适用范围】`), or empty.
    var title: Range<Int>
    /// The whole line the heading opens (for a marker run into a line, up to
    /// the next marker of that line).
    var line: Range<Int>
    /// From the marker to the next heading's line (or the text's end), line break excluded.
    var body: Range<Int>
    /// The index of the enclosing heading in the list, if any.
    var parent: Int?
    /// Whether the marker opens its line; false for a marker run into a line.
    var opensLine = true
    /// The list the heading belongs to: a run of consecutive numbers of one
    /// kind, whatever parts it runs across (an index shared by its items).
    var list = 0
    /// Whether the item's title starts with digits run into its number (`11.121人才…`).
    var glued = false
    /// Whether it heads a decimal outline (`2.1 组织指挥体系`), its title its laid-out line's rest.
    var decimal = false
}

/// The headings of a decimal outline (`1 总则`, `1.1 编制目的`, `2.1.1 …`),
/// as emergency and technical plans number them, read from the lines as laid
/// out (the normaliser runs a heading line into the next): a line opening
/// with numbers joined by dots, a space, and a short title with no sentence
/// end. Depth 1 to 4 read as the levels of `一、`, `（一）`, `1.`, `（1）`;
/// the number is the last one. Read only where the document has two or more
/// headings of depth 2 or more.
enum DecimalOutline {
    /// The longest title a decimal heading's line holds.
    static let titleLength = 30

    static func headings(_ lines: [LayoutLine], text: [Unicode.Scalar]) -> [MarkedHeading] {
        var found: [MarkedHeading] = []
        var deep = 0
        for line in lines where line.length <= titleLength + 12 {
            let written = line.written
            var index = written.startIndex
            var numbers: [Int] = []
            var markerLength = 0
            while true {
                var end = index
                while end < written.endIndex, end - index < 3, ScalarClass.isDigit(written[end]) { end += 1 }
                guard end > index, end - index <= 2, let value = Int(String(scalars: written[index..<end])) else { numbers = []; break }
                numbers.append(value)
                markerLength += end - index
                index = end
                guard index < written.endIndex, written[index] == "." || written[index] == "．", numbers.count < 4 else { break }
                index += 1
                markerLength += 1
            }
            guard !numbers.isEmpty, numbers.allSatisfy({ $0 > 0 }), index < written.endIndex, ScalarClass.isSpace(written[index]) else {
                continue
            }
            while index < written.endIndex, ScalarClass.isSpace(written[index]) { index += 1 }
            let title = written[index...]
            guard title.count >= 2, title.count <= titleLength, let first = title.first, ScalarClass.isIdeograph(first),
                !title.contains(where: { ScalarClass.sentenceEnds.contains($0) || ScalarClass.isSpace($0) || $0 == "，" || $0 == "；" })
            else { continue }
            // The same line in the normalised text: the marker, then the title.
            let start = line.range.lowerBound
            guard start + markerLength < line.range.upperBound, ScalarClass.isDigit(text[start]) else { continue }
            let kind: MarkedHeading.Kind = [.part, .subpart, .item, .subitem][numbers.count - 1]
            if numbers.count >= 2 { deep += 1 }
            let marker = start..<(start + markerLength)
            var heading = MarkedHeading(
                kind: kind, number: numbers.last!, marker: marker, title: marker.upperBound..<line.range.upperBound,
                line: line.range, body: line.range)
            heading.decimal = true
            found.append(heading)
        }
        return deep >= 2 ? found : []
    }
}

/// A marker the sequence model did not take as a heading, and why (each
/// reason a named rule of the rejections `explain` shows).
struct DroppedMarker: Sendable, Equatable {
    enum Reason: String, Sendable {
        /// Its number neither continues a list of its kind nor starts one.
        case outOfSequence = "section.out-of-sequence"
        /// Its number runs into a title starting with digits and does not continue its list.
        case glued = "section.glued-number"
        /// Run into a line with no sentence end before it, nor after a heading's title.
        case unbounded = "section.inline-unbounded"
        /// After a heading's title, but neither continuing its list nor followed by its second.
        case unfollowed = "section.inline-unfollowed"

        var explanation: String {
            switch self {
            case .outOfSequence: "its number does not follow an earlier one of its level"
            case .glued: "a number run into digits that does not continue its list"
            case .unbounded: "a marker run into a line with no sentence end before it"
            case .unfollowed: "a marker after a heading's title that neither continues its list nor is followed by its next number"
            }
        }
    }

    var heading: MarkedHeading
    var reason: Reason
}

/// An irregularity of the numbering, kept as a diagnostic.
struct OutlineAnomaly: Sendable, Equatable {
    enum Kind: String, Sendable { case gap, repeated }
    var kind: Kind
    /// The marker that shows it.
    var marker: Range<Int>
    /// The number expected there, and the number written.
    var expected: Int
    var found: Int
}

/// Reads the numbered headings of a normalised text into one outline.
///
/// Every marker is a candidate, at a line's start or run into a line after a
/// sentence end (a page scraped onto one line keeps its items). A sequence
/// model decides which are headings: a list is a run of consecutive numbers of
/// one kind; a marker that neither continues a list of its kind nor starts one
/// (`1`) is text. A list runs on across parts where its numbers do (`一、` holds
/// 1.–6., `二、` 7.–11.), and restarts where they start again. At a line's
/// start a small gap or a repeated number is kept, as an anomaly.
enum MarkedHeadingScanner {
    /// The headings of `text`.
    ///
    /// `wrapWidth`, the width of a wrapped line of the original, lets a heading
    /// whose line was cut before its first `。` take its title on into the next
    /// line (the normaliser never runs an item's line into the next); a marker
    /// alone on its line takes the next line as its title.
    static func scan(_ text: [Unicode.Scalar], wrapWidth: Int? = nil) -> [MarkedHeading] {
        scanKeepingDropped(text, wrapWidth: wrapWidth).headings
    }

    /// The headings, and the markers dropped for breaking their kind's sequence.
    static func scanKeepingDropped(_ text: [Unicode.Scalar], wrapWidth: Int? = nil) -> (headings: [MarkedHeading], dropped: [DroppedMarker])
    {
        let outline = read(text, wrapWidth: wrapWidth)
        return (outline.headings, outline.dropped)
    }

    /// The outline of `text`: headings, dropped markers and anomalies.
    static func read(
        _ text: [Unicode.Scalar], wrapWidth: Int? = nil, decimal: [MarkedHeading] = []
    )
        -> (headings: [MarkedHeading], dropped: [DroppedMarker], anomalies: [OutlineAnomaly])
    {
        var lines: [Range<Int>] = []
        var lineStart = 0
        while lineStart < text.count {
            var lineEnd = lineStart
            while lineEnd < text.count, text[lineEnd] != "\n" { lineEnd += 1 }
            lines.append(lineStart..<lineEnd)
            lineStart = lineEnd + 1
        }
        // Candidates, in text order, each with the line it lies in.
        var candidates: [(heading: MarkedHeading, lineIndex: Int)] = []
        for (index, line) in lines.enumerated() {
            if let found = heading(in: line, text: text, allowingEmptyTitle: true, allowingGlued: true) {
                candidates.append((found, index))
            }
            // Markers run into a long line (a page scraped without its line
            // breaks), after a sentence end or a space; chapters and articles
            // run into any line (`…条例第一章　总则　第一条　为了…`).
            let long = isRunOn(line, textLength: text.count)
            var position = line.lowerBound + 1
            while position < line.upperBound {
                defer { position += 1 }
                let scalar = text[position]
                guard
                    scalar == "第"
                        || long
                            && (scalar == "（" || scalar == "(" || ScalarClass.isDigit(scalar)
                                || ChineseNumber.isNumeral(scalar) || circledValue(scalar) != nil)
                else { continue }
                let before = text[position - 1]
                let bounded = standsAfterASentence(position, text: text)
                // Unbounded, a sub-item's marker may follow a heading's short
                // title (`三、支持内容（一）支持平台建设。`, `（一）提升水平1.增强能力。`):
                // right after a character of a title, never a digit's neighbour.
                let afterTitle =
                    long && !bounded && scalar != "第" && !ChineseNumber.isNumeral(scalar)
                    && (ScalarClass.isIdeograph(before) || ScalarClass.closers.contains(before))
                guard bounded || scalar == "第" || afterTitle else { continue }
                if bounded, ScalarClass.isDigit(scalar) || ChineseNumber.isNumeral(scalar),
                    ScalarClass.isDigit(before) || ChineseNumber.isNumeral(before)
                {
                    continue
                }
                // After a sentence end, a number may run into a title starting
                // with digits (`。3．2030年底前…`): kept only where it continues its list.
                guard var found = heading(in: position..<line.upperBound, text: text, allowingEmptyTitle: false, allowingGlued: bounded)
                else { continue }
                found.opensLine = false
                if !bounded, !afterTitle {
                    // `第一章总则第一条…`: an article or chapter run on after a heading word only.
                    guard found.kind == .article || found.kind == .chapter || found.kind == .section else { continue }
                }
                candidates.append((found, index))
            }
        }
        // Headings of a decimal outline (`1.1 编制目的`), read from the lines as
        // laid out, take the place of the markers read in their numbers.
        if !decimal.isEmpty {
            candidates.removeAll { candidate in
                decimal.contains { $0.marker.overlaps(candidate.heading.marker) || $0.title.overlaps(candidate.heading.marker) }
            }
            for heading in decimal {
                guard let lineIndex = lines.firstIndex(where: { $0.contains(heading.marker.lowerBound) }) else { continue }
                candidates.append((heading, lineIndex))
            }
            candidates.sort { $0.heading.marker.lowerBound < $1.heading.marker.lowerBound }
        }
        // The sequence model.
        var last: [MarkedHeading.Kind: (number: Int, list: Int)] = [:]
        var lists = 0
        var kept: [(heading: MarkedHeading, lineIndex: Int)] = []
        var dropped: [DroppedMarker] = []
        var anomalies: [OutlineAnomaly] = []
        for (position, candidate) in candidates.enumerated() {
            var heading = candidate.heading
            let previous = last[heading.kind]
            let continues = previous.map { heading.number == $0.number + 1 } ?? false
            // A first number run into digits (`1．2030年底前…`) is told by its
            // second, a plain `2．` after a sentence end or opening a line.
            let gluedFirstFollowed =
                heading.glued && heading.number == 1 && !continues
                && candidates[(position + 1)...].first(where: { $0.heading.kind == heading.kind }).map {
                    // Its second may be glued too (`1．2031年底前…。2．2032年…`),
                    // to a run of digits no decimal has (a year): not `1.5万…。2.3万`.
                    $0.heading.number == 2 && bounded($0.heading, text: text, kept: [])
                        && (!$0.heading.glued || gluedDigits($0.heading, text: text) >= 3 && gluedDigits(heading, text: text) >= 3)
                } ?? false
            var accepted = false
            var reason = DroppedMarker.Reason.outOfSequence
            if !heading.opensLine {
                // Run into a line: after a sentence end, continuing its list,
                // or a first item whose second follows.
                let second =
                    heading.number == 1 && !continues
                    ? candidates[(position + 1)...].first(where: { $0.heading.kind == heading.kind })?.heading : nil
                if heading.glued {
                    accepted = (continues || gluedFirstFollowed) && bounded(heading, text: text, kept: kept)
                    if !accepted { reason = .glued }
                } else if bounded(heading, text: text, kept: kept) {
                    if continues {
                        accepted = true
                    } else if let second {
                        accepted = second.number == 2
                    }
                } else if heading.kind == .article, let second, second.number == 2,
                    bounded(second, text: text, kept: [])
                {
                    // `…条例第一条为了…。第二条…`: a first article run on after the
                    // title, told by its second after a sentence end.
                    accepted = true
                } else if followsAHeadingTitle(heading, text: text, kept: kept) {
                    // `三、支持内容（一）支持…。（二）…`: the first sub-item run on
                    // after its part's title, told by its second; or the next
                    // number of a list running on across parts
                    // (`二、改革审批（三）取消…`).
                    accepted = continues || second.map { $0.number == 2 && bounded($0, text: text, kept: []) } ?? false
                    if !accepted { reason = .unfollowed }
                } else {
                    reason = .unbounded
                }
            } else if continues || heading.number == 1 {
                accepted = !heading.glued || continues || gluedFirstFollowed
                if !accepted { reason = .glued }
            } else if let previous, !heading.glued, heading.number > previous.number + 1, heading.number <= previous.number + 2 {
                accepted = true
                anomalies.append(OutlineAnomaly(kind: .gap, marker: heading.marker, expected: previous.number + 1, found: heading.number))
            } else if let previous, !heading.glued, heading.number == previous.number, heading.kind != .article {
                accepted = true
                anomalies.append(
                    OutlineAnomaly(kind: .repeated, marker: heading.marker, expected: previous.number + 1, found: heading.number))
            }
            if accepted {
                if heading.number == 1 && !continues {
                    lists += 1
                    heading.list = lists
                } else {
                    heading.list = previous?.list ?? 0
                }
            }
            guard accepted else {
                dropped.append(DroppedMarker(heading: heading, reason: reason))
                continue
            }
            last[heading.kind] = (heading.number, heading.list)
            kept.append((heading, candidate.lineIndex))
        }
        // Lines cut at the markers run into them; titles within them.
        var headings: [MarkedHeading] = []
        for (position, entry) in kept.enumerated() {
            var found = entry.heading
            let line = lines[entry.lineIndex]
            var end = line.upperBound
            if position + 1 < kept.count, kept[position + 1].lineIndex == entry.lineIndex {
                end = kept[position + 1].heading.marker.lowerBound
            }
            if found.decimal {
                // Its title is its laid-out line's rest.
                found.line = found.marker.lowerBound..<max(found.title.upperBound, min(end, found.title.upperBound))
                headings.append(found)
                continue
            }
            found.line = (found.opensLine ? line.lowerBound : found.marker.lowerBound)..<end
            found.title = title(after: found.marker.upperBound, kind: found.kind, end: end, text: text)
            if found.opensLine, end == line.upperBound, found.kind != .article {
                let stopped = found.title.upperBound < end && text[found.title.upperBound] == "。"
                let nextLine = entry.lineIndex + 1
                let nextIsHeading = position + 1 < kept.count && kept[position + 1].lineIndex == nextLine
                if !stopped, nextLine < lines.count, !nextIsHeading {
                    let next = lines[nextLine]
                    let stop = text.firstIndex(of: "。", in: next)
                    if found.title.isEmpty, next.count <= 60 {
                        found.title = next.lowerBound..<(stop ?? next.upperBound)
                        found.line = line.lowerBound..<next.upperBound
                    } else if let wrapWidth, line.count * 10 >= wrapWidth * 8, let stop, stop - next.lowerBound <= 30 {
                        found.title = found.title.lowerBound..<stop
                        found.line = line.lowerBound..<next.upperBound
                    }
                }
            }
            if found.title.isEmpty, found.kind != .article { continue }
            headings.append(found)
        }
        for index in headings.indices {
            let next = index + 1 < headings.count ? headings[index + 1].line.lowerBound : text.count
            var end = next
            while end > headings[index].marker.lowerBound, text[end - 1] == "\n" || text[end - 1] == " " { end -= 1 }
            headings[index].body = headings[index].marker.lowerBound..<end
        }
        // Parents: the nearest earlier heading of a lower rank.
        var stack: [Int] = []
        for index in headings.indices {
            while let top = stack.last, headings[top].level >= headings[index].level { stack.removeLast() }
            headings[index].parent = stack.last
            stack.append(index)
        }
        return (headings, dropped, anomalies)
    }

    /// How many digits a glued heading's title starts with (`1．2031年…` → 4).
    private static func gluedDigits(_ heading: MarkedHeading, text: [Unicode.Scalar]) -> Int {
        var end = heading.marker.upperBound
        while end < text.count, ScalarClass.isDigit(text[end]) { end += 1 }
        return end - heading.marker.upperBound
    }

    /// How long a line is, at least, for markers run into it to be read:
    /// longer than a paragraph, whose inline `（1）…；（2）…` stays text.
    static let inlineLineLength = 800

    /// How long a line holding most of its text is, at least, for markers
    /// run into it to be read: a short page scraped onto one line.
    static let runOnPageLineLength = 200

    /// Whether markers run into `line` are read: a line longer than a
    /// paragraph (``inlineLineLength``), or one holding half the text or more
    /// (a short page scraped without its line breaks, ``runOnPageLineLength``).
    static func isRunOn(_ line: Range<Int>, textLength: Int) -> Bool {
        line.count >= inlineLineLength || line.count >= runOnPageLineLength && line.count * 2 >= textLength
    }

    /// Characters after which a marker run into a line may start an item.
    private static let boundaries: Set<Unicode.Scalar> = ["。", "；", ";", "：", ":", "！", "？", " ", "\u{3000}", "\t"]

    /// How far back, at most, the bracket a note closes before a marker is looked for.
    static let noteLength = 200

    /// Whether `position` follows a sentence end or a space, or a bracketed
    /// note standing as a sentence of its own after one
    /// (`…加快落地。（市发展改革委负责）二、…`).
    static func standsAfterASentence(_ position: Int, text: [Unicode.Scalar]) -> Bool {
        guard position > 0 else { return true }
        let before = text[position - 1]
        if boundaries.contains(before) { return true }
        guard before == "）" || before == ")" else { return false }
        var depth = 0, index = position - 1
        while index >= 0, position - index <= noteLength {
            switch text[index] {
            case "）", ")": depth += 1
            case "（", "(":
                depth -= 1
                if depth == 0 { return index > 0 && boundaries.contains(text[index - 1]) }
            case "\n": return false
            default: break
            }
            index -= 1
        }
        return false
    }

    /// Whether a marker run into a line stands after a sentence end; a
    /// chapter anywhere; an article also right after the heading of a chapter
    /// kept before it (`第一章总则第一条…`).
    private static func bounded(
        _ heading: MarkedHeading, text: [Unicode.Scalar],
        kept: [(heading: MarkedHeading, lineIndex: Int)]
    ) -> Bool {
        if heading.opensLine { return true }
        let start = heading.marker.lowerBound
        if standsAfterASentence(start, text: text) { return true }
        // A chapter's number is rarely cited; its sequence alone tells it.
        if heading.kind == .chapter || heading.kind == .section { return true }
        guard heading.kind == .article,
            let previous = kept.last?.heading, previous.kind == .chapter || previous.kind == .section
        else { return false }
        return start >= previous.marker.upperBound && start - previous.marker.upperBound <= 40
    }

    /// How far, at most, a sub-item's marker run into a line may stand after
    /// the marker of the heading whose title it follows.
    static let headingTitleLength = 40

    /// Whether a marker run into a line, not after a sentence end, follows
    /// the short title of the last heading kept, one of a higher rank
    /// (`三、支持内容（一）…`): within ``headingTitleLength`` of its marker,
    /// with no sentence end between.
    private static func followsAHeadingTitle(
        _ heading: MarkedHeading, text: [Unicode.Scalar],
        kept: [(heading: MarkedHeading, lineIndex: Int)]
    ) -> Bool {
        guard let owner = kept.last?.heading, owner.level < heading.level else { return false }
        let start = heading.marker.lowerBound, titleStart = owner.marker.upperBound
        guard start > titleStart, start - titleStart <= headingTitleLength else { return false }
        return !text[titleStart..<start].contains { ScalarClass.sentenceEnds.contains($0) || $0 == "；" || $0 == "\n" }
    }

    /// The title after a marker ending at `start`: up to the first `。` or
    /// `end`, trimmed; an article's is its bracketed heading, if any.
    private static func title(after start: Int, kind: MarkedHeading.Kind, end: Int, text: [Unicode.Scalar]) -> Range<Int> {
        var index = start
        while index < end, text[index] == " " || text[index] == "\u{3000}" { index += 1 }
        if kind == .article {
            guard index < end, let close = closing(of: text[index]) else { return index..<index }
            var stop = index + 1
            while stop < end, stop - index <= 30, text[stop] != close { stop += 1 }
            guard stop < end, text[stop] == close, stop > index + 1 else { return index..<index }
            return (index + 1)..<stop
        }
        var titleEnd = index
        while titleEnd < end, text[titleEnd] != "。" { titleEnd += 1 }
        var trimmedEnd = titleEnd
        while trimmedEnd > index, " ：:，,；;".unicodeScalars.contains(text[trimmedEnd - 1]) { trimmedEnd -= 1 }
        return index..<trimmedEnd
    }

    private static func closing(of scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "【": "】"
        case "（": "）"
        case "(": ")"
        case "[": "]"
        default: nil
        }
    }

    /// The value of a circled number `①`–`⑳`.
    static func circledValue(_ scalar: Unicode.Scalar) -> Int? {
        let value = scalar.value
        return value >= 0x2460 && value <= 0x2473 ? Int(value - 0x2460) + 1 : nil
    }

    /// The heading a line opens, if it opens one.
    static func heading(in line: Range<Int>, text: [Unicode.Scalar], allowingEmptyTitle: Bool = false) -> MarkedHeading? {
        heading(in: line, text: text, allowingEmptyTitle: allowingEmptyTitle, allowingGlued: false)
    }

    /// The heading `line` opens, if it opens one. With `allowingGlued`, an
    /// item number may run into a title that starts with digits (`11.121…`):
    /// the heading is marked ``MarkedHeading/glued`` and kept only where it
    /// continues its list.
    static func heading(in line: Range<Int>, text: [Unicode.Scalar], allowingEmptyTitle: Bool, allowingGlued: Bool) -> MarkedHeading? {
        var index = line.lowerBound
        guard index < line.upperBound else { return nil }
        let kind: MarkedHeading.Kind, number: Int
        var glued = false
        if text[index] == "(" || text[index] == "（" {
            var close = index + 1
            while close < line.upperBound, close - index <= 4, text[close] != ")" && text[close] != "）" { close += 1 }
            guard close < line.upperBound, text[close] == ")" || text[close] == "）", close > index + 1 else { return nil }
            let inner = text[(index + 1)..<close]
            if inner.allSatisfy(ScalarClass.isDigit), inner.count <= 2 {
                kind = .subitem
            } else if inner.allSatisfy(ChineseNumber.isNumeral) {
                kind = .subpart
            } else {
                return nil
            }
            guard let value = ChineseNumber.value(inner), value > 0 else { return nil }
            number = value
            index = close + 1
        } else if let value = circledValue(text[index]) {
            kind = .circled
            number = value
            index += 1
        } else if text[index] == "第" {
            var end = index + 1
            while end < line.upperBound, end - index <= 5, ChineseNumber.isNumeral(text[end]) || ScalarClass.isDigit(text[end]) { end += 1 }
            guard end > index + 1, end < line.upperBound, end - index <= 5 else { return nil }
            switch text[end] {
            case "章": kind = .chapter
            case "节": kind = .section
            case "条": kind = .article
            default: return nil
            }
            guard let value = ChineseNumber.value(text[(index + 1)..<end]), value > 0 else { return nil }
            number = value
            index = end + 1
        } else if ScalarClass.isDigit(text[index]) {
            // Up to three digits read: a third is already too many (a long
            // number is read no further).
            var end = index
            while end < line.upperBound, end - index <= 2, ScalarClass.isDigit(text[end]) { end += 1 }
            guard end - index <= 2, end < line.upperBound, text[end] == "." || text[end] == "、" || text[end] == "．" else { return nil }
            guard end + 1 < line.upperBound else { return nil }
            if ScalarClass.isDigit(text[end + 1]) {
                guard allowingGlued, text[end] != "、" else { return nil }
                glued = true
            }
            guard let value = ChineseNumber.value(text[index..<end]), value > 0 else { return nil }
            kind = .item
            number = value
            index = end + 1
        } else if ChineseNumber.isNumeral(text[index]) {
            var end = index
            while end < line.upperBound, end - index <= 3, ChineseNumber.isNumeral(text[end]) { end += 1 }
            guard end - index <= 3, end < line.upperBound, text[end] == "、" else { return nil }
            guard let value = ChineseNumber.value(text[index..<end]), value > 0 else { return nil }
            kind = .part
            number = value
            index = end + 1
        } else {
            return nil
        }
        let marker = line.lowerBound..<index
        let title = title(after: index, kind: kind, end: line.upperBound, text: text)
        guard !title.isEmpty || allowingEmptyTitle || kind == .article || kind == .chapter else { return nil }
        return MarkedHeading(
            kind: kind, number: number, marker: marker, title: title, line: line,
            body: marker.lowerBound..<line.upperBound, parent: nil, glued: glued)
    }
}
