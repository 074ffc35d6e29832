/// The lines the normaliser read, as they sit in the normalised text: where
/// each one starts and how many line breaks came before it. Recorded once,
/// while normalising, so readers that care about layout (titles, signatures,
/// a note broken onto its own line) read it from here instead of working the
/// breaks out again from the original through the offset map.
///
/// The lines are those of the text the normaliser read: for plain text the
/// original's lines (`\r\n` one break; also `\r`, U+2028, vertical tab and
/// form feed), for Markdown and HTML the blocks and lines left once the markup
/// was stripped. Empty lines and page-number lines are not lines here: their
/// breaks count in `breaksBefore` of the next line. A line whose break the
/// normaliser joined (a sentence wrapped onto the next line) is a line here
/// all the same: the normalised text shows no `\n` before it.
public struct LineLayout: Sendable, Equatable {
    /// Where each line starts in the normalised text (code points), ascending:
    /// its first character that the normaliser kept.
    public private(set) var starts: [Int32] = []
    /// For each line, the line breaks between it and the line before (for the
    /// first line, the breaks before it): 1 when the lines were adjacent, one
    /// more for each empty or page-number line between them.
    public private(set) var breaksBefore: [Int32] = []

    /// An empty layout.
    public init() {}

    /// The number of lines.
    public var count: Int { starts.count }

    /// Records a line starting at normalised offset `start` after `breaks` line breaks.
    mutating func append(start: Int, breaks: Int) {
        precondition(starts.last.map { Int($0) < start } ?? true, "lines out of order")
        starts.append(Int32(truncatingIfNeeded: start))
        breaksBefore.append(Int32(truncatingIfNeeded: breaks))
    }

    /// The line that starts at normalised offset `offset`, if one does.
    public func line(startingAt offset: Int) -> Int? {
        var low = 0, high = starts.count
        while low < high {
            let middle = (low + high) / 2
            if Int(starts[middle]) < offset { low = middle + 1 } else { high = middle }
        }
        return low < starts.count && Int(starts[low]) == offset ? low : nil
    }

    /// Whether a line of the text the normaliser read starts at normalised
    /// offset `offset` after at least one break: the source broke the line
    /// right before that character, whether or not the normaliser joined it.
    public func isBroken(before offset: Int) -> Bool {
        guard let line = line(startingAt: offset) else { return false }
        return breaksBefore[line] > 0
    }

    /// The line breaks right before normalised offset `offset`: 0 unless a line starts there.
    public func breaks(before offset: Int) -> Int {
        line(startingAt: offset).map { Int(breaksBefore[$0]) } ?? 0
    }
}
