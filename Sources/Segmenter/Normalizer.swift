import TextTools

/// Builds the cleaned view of a document that matchers read, mapped to the original.
///
/// What it repairs:
/// - full-width digits, Latin letters and brackets are folded (``WidthFolding``);
/// - spaces next to a Chinese character or punctuation are dropped
///   (`出 台《人 才 引 进` → `出台《人才引进`, `30 万元` → `30万元`); between
///   two Latin letters or digits one space is kept;
/// - a line break inside a sentence is joined (`补助资金255\n\n万元` →
///   `补助资金255万元`) unless the line ends a sentence (`。！？；：`) or the
///   next one opens a numbered item (`一、`, `（二）`, `3.`);
/// - page-number lines (`- 1 -`, `第2页`) are dropped;
/// - markup boundaries (``hardBreak``) always become a line break.
///
/// Chinese punctuation (“” 《》 、 。 〔〕) is kept as written. The result holds one
/// `\n` between blocks and never two in a row.
public enum Normalizer {
    /// Normalises `input` (the text after markup was stripped).
    public static func normalize(_ input: MappedText) -> MappedText {
        normalize(source: input).text
    }

    /// Normalises `input` (the text after markup was stripped), with the layout of its lines.
    public static func normalizeWithLayout(_ input: MappedText) -> (text: MappedText, layout: LineLayout) {
        normalize(source: input)
    }

    /// Normalises a document that had no markup to strip: its original scalars,
    /// each mapped to itself, read in place (no mapped copy is made first).
    static func normalize(original: [Unicode.Scalar]) -> (text: MappedText, layout: LineLayout) {
        normalize(source: OriginalText(scalars: original))
    }

    private static func normalize<Input: NormalizerInput>(source input: Input) -> (text: MappedText, layout: LineLayout) {
        // Every output character comes from a different input character, so
        // the output is never longer than the input.
        var layout = LineLayout()
        let text = MappedTextWriter.text(atMost: input.scalars.count) { output in write(input, into: output, layout: &layout) }
        return (text, layout)
    }

    private static func write<Input: NormalizerInput>(_ input: Input, into output: MappedTextWriter, layout: inout LineLayout) {
        let scalars = input.scalars
        let lines = splitLines(scalars)
        let fullLine = fullLineLength(lines)
        var previous: Line?
        var pendingHard = false
        var pendingBreak: Int?
        var blankBetween = false
        // Line breaks read since the last line written: each line read ends in one (but the last).
        var breaks = 0
        for line in lines {
            defer { if line.breakIndex != nil { breaks += 1 } }
            if line.content.isEmpty || isPageNumber(scalars, line.content) {
                pendingHard = pendingHard || line.hardAfter
                blankBetween = true
                continue
            }
            if let previous, let breakAt = pendingBreak {
                // Across a blank line only a full-width line continues: short
                // lines before a gap are titles, document numbers, signatures.
                let joined =
                    !pendingHard && !endsSentence(scalars, previous.content) && !opensItem(scalars, line.content)
                    && !(endsWithCloser(scalars, previous.content) && opensGluedItem(scalars, line.content))
                    && !(opensItem(scalars, previous.content) && !containsSentenceEnd(scalars, previous.content))
                    && (!blankBetween || previous.content.count >= fullLine)
                if joined {
                    if let last = output.last, isWordScalar(last), isWordScalar(WidthFolding.fold(scalars[line.content.lowerBound])) {
                        output.append(" ", from: input.start(breakAt), to: input.end(breakAt))
                    }
                } else {
                    output.append("\n", from: input.start(breakAt), to: input.end(breakAt))
                }
            }
            let start = output.count
            appendLine(input, line.content, into: output)
            if output.count > start {
                layout.append(start: start, breaks: breaks)
                breaks = 0
            }
            previous = line
            blankBetween = false
            pendingHard = line.hardAfter
            pendingBreak = line.breakIndex
        }
    }

    /// How long a line must be, before a blank line, to be taken as wrapped
    /// paragraph text that continues after the gap.
    ///
    /// Text from a PDF page is wrapped at a fixed width: most lines are about
    /// as long as the upper quartile of line lengths, and a line nearly that
    /// long is a wrapped one. Text with a paragraph per line has no such
    /// width; then any line of 24 characters or more counts.
    static func fullLineLength(_ lines: [Line]) -> Int {
        let lengths = LineLengths(lines)
        guard lengths.count >= 8 else { return 24 }
        let width = lengths.element(at: lengths.count * 3 / 4)
        let near = lengths.count(where: { Double($0) >= Double(width) * 0.85 && Double($0) <= Double(width) * 1.15 })
        if near * 100 >= lengths.count * 35, width >= 8 {
            return Swift.max(6, Int(Double(width) * 0.7))
        }
        return 24
    }

    /// The lengths of the non-empty lines as a counting histogram: one pass,
    /// no sort. Lengths up to ``LineLengths/histogramSize`` are counted in
    /// place; the rare longer ones are kept aside and sorted when asked.
    struct LineLengths {
        static let histogramSize = 256
        private var histogram = [Int](repeating: 0, count: LineLengths.histogramSize)
        private var longer: [Int] = []
        /// The number of lengths.
        private(set) var count = 0

        init(_ lines: [Line]) {
            for line in lines where !line.content.isEmpty {
                let length = line.content.count
                count &+= 1
                if length < Self.histogramSize { histogram[length] &+= 1 } else { longer.append(length) }
            }
            longer.sort()
        }

        /// The length at `rank` (from 0) in ascending order.
        func element(at rank: Int) -> Int {
            var seen = 0
            for length in 1..<Self.histogramSize {
                seen &+= histogram[length]
                if seen > rank { return length }
            }
            return longer[rank - seen]
        }

        /// How many lengths satisfy `test` (asked once per distinct length).
        func count(where test: (Int) -> Bool) -> Int {
            var total = 0
            for length in 1..<Self.histogramSize where histogram[length] > 0 && test(length) { total &+= histogram[length] }
            for length in longer where test(length) { total &+= 1 }
            return total
        }
    }

    // MARK: - Lines

    struct Line {
        /// The line without leading and trailing spaces.
        var content: Range<Int>
        /// Index of the break character after the line, if any.
        var breakIndex: Int?
        /// Whether that break is a markup boundary.
        var hardAfter: Bool
    }

    static func splitLines(_ text: [Unicode.Scalar]) -> [Line] {
        // Read through the array's buffer: every index read is below `count`.
        text.withUnsafeBufferPointer { scalars in
            var lines: [Line] = []
            var start = 0
            var index = 0
            let count = scalars.count
            while index <= count {
                // Skip to the next character that may break a line (U+0000…U+000D,
                // U+2028, U+2029): nearly every character is none of these.
                while index < count {
                    let value = scalars[index].value
                    if value > 0x2029 || (value > 0x0D && value < 0x2028) { index &+= 1 } else { break }
                }
                let atEnd = index == count
                let scalar: Unicode.Scalar = atEnd ? "\n" : scalars[index]
                if atEnd || scalar == "\n" || scalar == "\r" || scalar == hardBreak || scalar == "\u{2028}" || scalar == "\u{0B}"
                    || scalar == "\u{0C}"
                {
                    var lower = start, upper = index
                    while lower < upper, isSpace(scalars[lower]) { lower += 1 }
                    while upper > lower, isSpace(scalars[upper - 1]) { upper -= 1 }
                    lines.append(Line(content: lower..<upper, breakIndex: atEnd ? nil : index, hardAfter: scalar == hardBreak))
                    // \r\n is one break
                    if !atEnd, scalar == "\r", index + 1 < count, scalars[index + 1] == "\n" { index += 1 }
                    start = index + 1
                }
                index += 1
            }
            return lines
        }
    }

    private static func appendLine<Input: NormalizerInput>(_ input: Input, _ range: Range<Int>, into output: MappedTextWriter) {
        let scalars = input.scalars
        var index = range.lowerBound
        while index < range.upperBound {
            // Runs of plain characters are copied whole, with their mapping.
            let run = plainRunEnd(scalars, from: index, to: range.upperBound)
            if run > index {
                input.copy(index..<run, into: output)
                index = run
                if index == range.upperBound { break }
            }
            let scalar = scalars[index]
            if isSpace(scalar) {
                var next = index + 1
                while next < range.upperBound, isSpace(scalars[next]) { next += 1 }
                // A space survives only between two Latin letters or digits.
                if let last = output.last, isWordScalar(last), isWordScalar(WidthFolding.fold(scalars[next])) {
                    output.append(" ", from: input.start(index), to: input.end(index))
                }
                index = next
                continue
            }
            if isInvisible(scalar) { index += 1; continue }
            output.append(WidthFolding.fold(scalar), from: input.start(index), to: input.end(index))
            index += 1
        }
    }

    /// The end of the run of ``isPlain(_:)`` characters starting at `start`, at most `end`.
    @inline(__always)
    private static func plainRunEnd(_ scalars: [Unicode.Scalar], from start: Int, to end: Int) -> Int {
        scalars.withUnsafeBufferPointer { buffer in
            precondition(end <= buffer.count)
            var index = start
            while index < end, isPlain(buffer[index]) { index &+= 1 }
            return index
        }
    }

    // MARK: - Character classes

    /// Printable ASCII but the space, U+3001…U+FEFE (CJK punctuation and
    /// ideographs among them), and the full-width sentence punctuation that
    /// folding keeps (`，；：！？`): no space, nothing invisible, nothing to fold.
    /// Most characters are these; one or two tests let them through.
    @inline(__always)
    private static func isPlain(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value >= 0x3001 && value <= 0xFEFE { return true }
        if value >= 0x21 && value <= 0x7E { return true }
        return value >= 0xFF01 && value <= 0xFF1F && keptFullWidth(value)
    }

    /// `！，：；？`: the full-width characters ``WidthFolding`` leaves as they are.
    @inline(__always)
    private static func keptFullWidth(_ value: UInt32) -> Bool {
        value == 0xFF0C || value == 0xFF1B || value == 0xFF1A || value == 0xFF01 || value == 0xFF1F
    }

    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x3000, 0x2002...0x200A, 0x202F, 0x205F: true
        default: false
        }
    }

    @inline(__always)
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B, 0x200C, 0x200D, 0xFEFF, 0x00AD, 0x2060: true
        default: false
        }
    }

    /// ASCII letters and digits: the only neighbours that keep a space between them.
    @inline(__always)
    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return (value >= 0x30 && value <= 0x39) || (value >= 0x41 && value <= 0x5A) || (value >= 0x61 && value <= 0x7A)
    }

    @inline(__always)
    private static func isSentenceEnd(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "。", "！", "？", "；", "：", "!", "?", ";", ":", "…", "．": true
        default: false
        }
    }

    @inline(__always)
    private static func isCloser(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "”", "’", "」", "』", ")", "）", "】", "》", "\"", "'": true
        default: false
        }
    }

    private static func endsSentence(_ text: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        var index = range.upperBound - 1
        while index >= range.lowerBound, isCloser(text[index]) { index -= 1 }
        return index >= range.lowerBound && isSentenceEnd(text[index])
    }

    /// Whether a line ends with a closing bracket (a responsibility note: `…配合）`).
    private static func endsWithCloser(_ text: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        guard let last = text[range].last else { return false }
        return last == "）" || last == ")"
    }

    /// Whether a line opens with an item number run into a title that starts
    /// with digits (`11.121人才梯队项目`): after a closed note it is an item,
    /// not a number carried over from the line before.
    private static func opensGluedItem(_ text: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        let scalars = FoldedPrefix(text, range, length: 5)
        var index = 0
        while index < scalars.count, isDigit(scalars[index]) { index += 1 }
        guard index >= 1, index <= 2, index + 1 < scalars.count, scalars[index] == "." else { return false }
        return isDigit(scalars[index + 1])
    }

    private static func containsSentenceEnd(_ text: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        text[range].contains { $0 == "。" || $0 == "；" || $0 == "！" || $0 == "？" }
    }

    /// Whether a line starts with an item marker: `一、` `（一）` `(1)` `1.` `1、` `第一条` `一是`, a bullet.
    static func opensItem(_ text: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        // The first twelve characters, folded, read in place (asked of every line).
        let scalars = FoldedPrefix(text, range, length: 12)
        guard scalars.count > 0 else { return false }
        let first = scalars[0]
        switch first {
        case "#", "●", "◆", "■", "□", "◇", "○", "★", "☆", "•", "▲", "-", "*", "—":
            // "- 1 -" page numbers are gone by now; "-" must be followed by a space to be a bullet.
            if first == "-" || first == "*" || first == "—" { return scalars.count > 1 && scalars[1] == " " }
            return true
        default: break
        }
        if first == "(" {
            var index = 1
            while index < scalars.count, isNumeral(scalars[index]) || isDigit(scalars[index]) { index += 1 }
            return index > 1 && index < scalars.count && scalars[index] == ")"
        }
        if isDigit(first) {
            var index = 0
            while index < scalars.count, isDigit(scalars[index]) { index += 1 }
            guard index < scalars.count, index <= 3 else { return false }
            let after = scalars[index]
            if after == "、" { return true }
            if after == "." { return index + 1 < scalars.count && !isDigit(scalars[index + 1]) }
            return false
        }
        if first == "第" {
            var index = 1
            while index < scalars.count, isNumeral(scalars[index]) || isDigit(scalars[index]) { index += 1 }
            guard index > 1 && index < scalars.count else { return false }
            switch scalars[index] {
            case "章", "条", "节", "部", "篇": return true
            default: return false
            }
        }
        if isNumeral(first) {
            var index = 0
            while index < scalars.count, isNumeral(scalars[index]) { index += 1 }
            guard index < scalars.count, index <= 3 else { return false }
            return scalars[index] == "、" || (scalars[index] == "是" && index == 1)
        }
        if first == "附", scalars.count > 1, scalars[1] == "件" { return true }
        return false
    }

    /// The first `length` characters of `range`, width-folded as they are read.
    private struct FoldedPrefix {
        let scalars: [Unicode.Scalar]
        let start: Int
        let count: Int

        init(_ scalars: [Unicode.Scalar], _ range: Range<Int>, length: Int) {
            self.scalars = scalars
            start = range.lowerBound
            count = Swift.min(length, range.count)
        }

        subscript(index: Int) -> Unicode.Scalar {
            precondition(index < count)
            return WidthFolding.fold(scalars[start + index])
        }
    }

    @inline(__always)
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

    /// A Chinese numeral character of a page number (``ChineseNumber``'s).
    @inline(__always)
    private static func isNumeral(_ scalar: Unicode.Scalar) -> Bool { ChineseNumber.isNumeral(scalar) }

    /// Whether a line whose first character (folded) is `first` can be a page
    /// number: it starts with a dash or `第`. (A line's content never starts
    /// with a space, so this is the first character the test below reads.)
    @inline(__always)
    private static func mayOpenPageNumber(_ first: Unicode.Scalar) -> Bool {
        isDash(first) || first == "第"
    }

    private static func isDash(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "—" || scalar == "–" || scalar == "−"
    }

    /// `- 1 -`, `— 12 —`, `-1-`, `第 3 页`, `第3页 共10页`.
    static func isPageNumber(_ text: [Unicode.Scalar], _ range: Range<Int>) -> Bool {
        guard range.count <= 24, !range.isEmpty, mayOpenPageNumber(WidthFolding.fold(text[range.lowerBound])) else { return false }
        // The line without spaces, folded, in a buffer on the stack (asked of every short line).
        return withUnsafeTemporaryAllocation(of: Unicode.Scalar.self, capacity: 24) { buffer in
            var count = 0
            for scalar in text[range] where !isSpace(scalar) {
                buffer[count] = WidthFolding.fold(scalar)
                count += 1
            }
            let scalars = UnsafeBufferPointer(rebasing: buffer[..<count])
            guard count >= 3, count <= 16 else { return false }
            if isDash(scalars[0]), isDash(scalars[count - 1]) {
                // Between the outer dashes and any more dashes: one to four digits.
                var lower = 1, upper = count - 1
                while lower < upper, isDash(scalars[lower]) { lower += 1 }
                while upper > lower, isDash(scalars[upper - 1]) { upper -= 1 }
                return upper > lower && upper - lower <= 4 && scalars[lower..<upper].allSatisfy(isDigit)
            }
            if scalars[0] == "第", scalars.contains("页") {
                return scalars.allSatisfy { isDigit($0) || $0 == "第" || $0 == "页" || $0 == "共" || $0 == "," || $0 == "，" }
            }
            return false
        }
    }
}

/// The characters the normaliser reads and where each came from in the original.
protocol NormalizerInput {
    /// The characters.
    var scalars: [Unicode.Scalar] { get }
    /// The original offset where the character at `index` starts.
    func start(_ index: Int) -> Int32
    /// The original offset where the character at `index` ends.
    func end(_ index: Int) -> Int32
    /// Appends the characters of `range`, each with its origin, to `output`.
    func copy(_ range: Range<Int>, into output: MappedTextWriter)
}

extension MappedText: NormalizerInput {
    func start(_ index: Int) -> Int32 { starts[index] }
    func end(_ index: Int) -> Int32 { ends[index] }

    func copy(_ range: Range<Int>, into output: MappedTextWriter) {
        scalars[range].withUnsafeBufferPointer { scalars in
            starts[range].withUnsafeBufferPointer { starts in
                ends[range].withUnsafeBufferPointer { ends in
                    output.append(scalars, starts: starts, ends: ends)
                }
            }
        }
    }
}

/// An original text read as it is: character `i` came from original offsets `i..<i+1`.
struct OriginalText: NormalizerInput {
    let scalars: [Unicode.Scalar]

    init(scalars: [Unicode.Scalar]) {
        precondition(scalars.count < Int(Int32.max), "text too long for 32-bit offsets")
        self.scalars = scalars
    }

    func start(_ index: Int) -> Int32 { Int32(truncatingIfNeeded: index) }
    func end(_ index: Int) -> Int32 { Int32(truncatingIfNeeded: index + 1) }

    func copy(_ range: Range<Int>, into output: MappedTextWriter) {
        scalars[range].withUnsafeBufferPointer { output.append($0, identityFrom: Int32(truncatingIfNeeded: range.lowerBound)) }
    }
}
