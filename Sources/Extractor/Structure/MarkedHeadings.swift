import TextTools

/// A heading opened by a numbering marker: `一、` (level 1), `（一）` (2),
/// `1.` (3), `（1）` (4).
struct MarkedHeading: Sendable, Equatable {
    var level: Int
    /// The number the marker gives (`（十一）` → 11).
    var number: Int
    /// The marker in the normalised text.
    var marker: Range<Int>
    /// The heading's title: after the marker, up to the first `。` or the line end.
    var title: Range<Int>
    /// The whole line the heading opens.
    var line: Range<Int>
    /// From the marker to the next heading's line (or the text's end), line break excluded.
    var body: Range<Int>
    /// The index of the enclosing heading in the list, if any.
    var parent: Int?
}

/// Finds numbered headings at line starts of the normalised text, where the
/// normaliser keeps every line that opens an item.
enum MarkedHeadingScanner {
    ///
    /// `wrapWidth`, the width of a wrapped line of the original, lets a heading
    /// whose line was cut before its first `。` take its title on into the next
    /// line (the normaliser never runs an item's line into the next); a marker
    /// alone on its line takes the next line as its title.
    static func scan(_ text: [Unicode.Scalar], wrapWidth: Int? = nil) -> [MarkedHeading] {
        scanKeepingDropped(text, wrapWidth: wrapWidth).headings
    }

    /// The headings, and the markers dropped for breaking their level's count.
    static func scanKeepingDropped(_ text: [Unicode.Scalar], wrapWidth: Int? = nil) -> (headings: [MarkedHeading], dropped: [MarkedHeading]) {
        var lines: [Range<Int>] = []
        var lineStart = 0
        while lineStart < text.count {
            var lineEnd = lineStart
            while lineEnd < text.count, text[lineEnd] != "\n" { lineEnd += 1 }
            lines.append(lineStart..<lineEnd)
            lineStart = lineEnd + 1
        }
        var headings: [MarkedHeading] = []
        for (index, line) in lines.enumerated() {
            guard var found = heading(in: line, text: text, allowingEmptyTitle: true) else { continue }
            let stopped = found.title.upperBound < line.upperBound && text[found.title.upperBound] == "。"
            if !stopped, index + 1 < lines.count, heading(in: lines[index + 1], text: text) == nil {
                let next = lines[index + 1]
                let stop = text.firstIndex(of: "。", in: next)
                if found.title.isEmpty, next.count <= 60 {
                    found.title = next.lowerBound..<(stop ?? next.upperBound)
                    found.line = line.lowerBound..<next.upperBound
                } else if let wrapWidth, line.count * 10 >= wrapWidth * 8, let stop, stop - next.lowerBound <= 30 {
                    found.title = found.title.lowerBound..<stop
                    found.line = line.lowerBound..<next.upperBound
                }
            }
            if !found.title.isEmpty { headings.append(found) }
        }
        let dropped: [MarkedHeading]
        (headings, dropped) = keepingSequences(headings)
        for index in headings.indices {
            let next = index + 1 < headings.count ? headings[index + 1].line.lowerBound : text.count
            var end = next
            while end > headings[index].marker.lowerBound, text[end - 1] == "\n" || text[end - 1] == " " { end -= 1 }
            headings[index].body = headings[index].marker.lowerBound..<end
        }
        // Parents: the nearest earlier heading of a higher level.
        var stack: [Int] = []
        for index in headings.indices {
            while let top = stack.last, headings[top].level >= headings[index].level { stack.removeLast() }
            headings[index].parent = stack.last
            stack.append(index)
        }
        return (headings, dropped)
    }

    /// The heading a line opens, if it opens one.
    static func heading(in line: Range<Int>, text: [Unicode.Scalar], allowingEmptyTitle: Bool = false) -> MarkedHeading? {
        var index = line.lowerBound
        guard index < line.upperBound else { return nil }
        let level: Int, number: Int
        if text[index] == "(" || text[index] == "（" {
            var close = index + 1
            while close < line.upperBound, close - index <= 4, text[close] != ")" && text[close] != "）" { close += 1 }
            guard close < line.upperBound, text[close] == ")" || text[close] == "）", close > index + 1 else { return nil }
            let inner = text[(index + 1)..<close]
            if inner.allSatisfy(ScalarClass.isDigit), inner.count <= 2 { level = 4 }
            else if inner.allSatisfy(ChineseNumber.isNumeral) { level = 2 }
            else { return nil }
            guard let value = ChineseNumber.value(inner), value > 0 else { return nil }
            number = value
            index = close + 1
        } else if ScalarClass.isDigit(text[index]) {
            // Up to three digits read: a third is already too many (a long
            // number is read no further).
            var end = index
            while end < line.upperBound, end - index <= 2, ScalarClass.isDigit(text[end]) { end += 1 }
            guard end - index <= 2, end < line.upperBound, text[end] == "." || text[end] == "、" || text[end] == "．" else { return nil }
            guard end + 1 < line.upperBound, !ScalarClass.isDigit(text[end + 1]) else { return nil }
            guard let value = ChineseNumber.value(text[index..<end]), value > 0 else { return nil }
            level = 3
            number = value
            index = end + 1
        } else if ChineseNumber.isNumeral(text[index]) {
            var end = index
            while end < line.upperBound, end - index <= 3, ChineseNumber.isNumeral(text[end]) { end += 1 }
            guard end - index <= 3, end < line.upperBound, text[end] == "、" else { return nil }
            guard let value = ChineseNumber.value(text[index..<end]), value > 0 else { return nil }
            level = 1
            number = value
            index = end + 1
        } else {
            return nil
        }
        let marker = line.lowerBound..<index
        while index < line.upperBound, text[index] == " " { index += 1 }
        var titleEnd = index
        while titleEnd < line.upperBound, text[titleEnd] != "。" { titleEnd += 1 }
        var trimmedEnd = titleEnd
        while trimmedEnd > index, " ：:，,；;".unicodeScalars.contains(text[trimmedEnd - 1]) { trimmedEnd -= 1 }
        guard trimmedEnd > index || allowingEmptyTitle else { return nil }
        return MarkedHeading(level: level, number: number, marker: marker, title: index..<trimmedEnd, line: line,
                             body: marker.lowerBound..<line.upperBound, parent: nil)
    }

    /// Drops markers that break their level's count: a level's number is 1 or
    /// follows an earlier number of the same level (`3.` after `2.`).
    private static func keepingSequences(_ headings: [MarkedHeading]) -> ([MarkedHeading], [MarkedHeading]) {
        var seen: [Int: Set<Int>] = [:]
        var kept: [MarkedHeading] = [], dropped: [MarkedHeading] = []
        for heading in headings {
            let numbers = seen[heading.level, default: []]
            guard heading.number == 1 || numbers.contains(heading.number - 1) else {
                dropped.append(heading)
                continue
            }
            seen[heading.level, default: []].insert(heading.number)
            kept.append(heading)
        }
        return (kept, dropped)
    }
}
