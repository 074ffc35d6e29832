import Segmenter
import TextTools

/// The lines of a Markdown document as its source wrote them. The normaliser
/// runs the lines of a paragraph together, and a page scraped to Markdown
/// often has its header table, its title and its 主送机关 in one paragraph
/// (`文件编号` / `沪X〔2031〕5号` / `江城市…的通知` / `各有关单位：`): the
/// header is read from those source lines. A space run between two
/// characters (a signature `江城市交通局      江城市财政局`) is kept as one
/// space, unless spaces stand between most characters (PDF damage).
enum HeaderLines {
    /// A block longer than this is a paragraph of the body, not header lines,
    /// and is kept whole.
    static let blockLimit = 1000

    /// `lines` cut at their source line breaks, and for each piece the index
    /// of the layout line it came from.
    static func cut(_ lines: [LayoutLine], in document: TextDocument) -> (lines: [LayoutLine], layoutIndex: [Int]) {
        let text = document.text
        let scalars = text.scalars, starts = text.starts, ends = text.ends
        let original = document.original
        var buffer: [Unicode.Scalar] = []
        var pieces: [(range: Range<Int>, written: Range<Int>, blank: Int, layout: Int)] = []
        for (offset, line) in lines.enumerated() {
            let range = line.range
            guard range.count > 1, range.count <= blockLimit else {
                let start = buffer.count
                buffer.append(contentsOf: line.written)
                pieces.append((range, start..<buffer.count, line.blankBefore, offset))
                continue
            }
            var cuts: [Int] = [range.lowerBound]
            for index in (range.lowerBound + 1)..<range.upperBound {
                let from = Int(ends[index - 1]), to = Int(starts[index])
                if from < to, original[from..<to].contains(where: { $0 == "\n" || $0 == "\r" }) { cuts.append(index) }
            }
            cuts.append(range.upperBound)
            let spaced = isSpaced(range, starts: starts, ends: ends)
            for (number, lower) in cuts.dropLast().enumerated() {
                var piece = lower..<cuts[number + 1]
                while piece.lowerBound < piece.upperBound, ScalarClass.isSpace(scalars[piece.lowerBound]) {
                    piece = (piece.lowerBound + 1)..<piece.upperBound
                }
                while piece.upperBound > piece.lowerBound, ScalarClass.isSpace(scalars[piece.upperBound - 1]) {
                    piece = piece.lowerBound..<(piece.upperBound - 1)
                }
                guard !piece.isEmpty else { continue }
                let start = buffer.count
                for index in piece {
                    let from = Int(starts[index]), to = Int(ends[index])
                    if !spaced, index > piece.lowerBound {
                        let gap = Int(ends[index - 1])
                        if gap < from, original[gap..<from].allSatisfy(ScalarClass.isSpace) { buffer.append(" ") }
                    }
                    let scalar = scalars[index]
                    if scalar == "\n" { continue }
                    buffer.append(to - from == 1 ? original[from] : scalar)
                }
                pieces.append((piece, start..<buffer.count, number == 0 ? line.blankBefore : 0, offset))
            }
        }
        let result = pieces.map { LayoutLine(range: $0.range, scalars: buffer[$0.written], blankBefore: $0.blank) }
        return (result, pieces.map(\.layout))
    }

    /// Whether spaces stand between a third or more of the characters of `range`.
    private static func isSpaced(_ range: Range<Int>, starts: [Int32], ends: [Int32]) -> Bool {
        guard range.count > 2 else { return false }
        var gaps = 0
        for index in (range.lowerBound + 1)..<range.upperBound where ends[index - 1] < starts[index] { gaps += 1 }
        return gaps * 3 >= range.count - 1
    }
}
