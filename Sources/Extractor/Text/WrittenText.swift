import Segmenter
import TextTools

/// The text of a stretch of the normalised text as the document wrote it:
/// every character as in the original (full-width brackets kept), but with the
/// normaliser's repairs (line breaks, page numbers and stray spaces gone).
///
/// Names, titles and references are reported this way: `市\n\n委编办` reads
/// `市委编办`, `（试行）` stays full-width.
enum WrittenText {
    /// The written form of normalised range `range`.
    ///
    /// With `keepingSpaces`, a single space the original had between two
    /// characters is kept (`人才强市战略 推动转型`) unless spaces stand between
    /// most characters, as PDF damage puts them (`人 才 引 进`).
    static func of(_ range: Range<Int>, in document: TextDocument, keepingSpaces: Bool = false) -> String {
        String(scalars: scalars(of: range, in: document, keepingSpaces: keepingSpaces))
    }

    /// The written form of normalised range `range`, as scalars.
    static func scalars(of range: Range<Int>, in document: TextDocument, keepingSpaces: Bool = false) -> [Unicode.Scalar] {
        var output: [Unicode.Scalar] = []
        output.reserveCapacity(range.count + 8)
        append(range, in: document, keepingSpaces: keepingSpaces, to: &output)
        return output
    }

    /// Appends the written form of normalised range `range` to `output`.
    static func append(
        _ range: Range<Int>, in document: TextDocument, keepingSpaces: Bool = false,
        to output: inout [Unicode.Scalar]
    ) {
        let text = document.text
        let scalars = text.scalars, starts = text.starts, ends = text.ends
        let original = document.original
        let keep = keepingSpaces && !isSpaced(range, in: document)
        for index in range {
            let start = Int(starts[index]), end = Int(ends[index])
            if keep, index > range.lowerBound {
                let gapStart = Int(ends[index - 1])
                if gapStart < start, start - gapStart <= 2,
                    original[gapStart..<start].allSatisfy({ $0 == " " || $0 == "\u{3000}" })
                {
                    output.append(" ")
                }
            }
            let scalar = scalars[index]
            if scalar == "\n" { continue }
            output.append(end - start == 1 ? original[start] : scalar)
        }
    }

    /// Whether spaces stand between a third or more of the characters of `range`.
    private static func isSpaced(_ range: Range<Int>, in document: TextDocument) -> Bool {
        guard range.count > 2 else { return false }
        let text = document.text
        var gaps = 0
        for index in (range.lowerBound + 1)..<range.upperBound where text.ends[index - 1] < text.starts[index] {
            gaps += 1
        }
        return gaps * 3 >= range.count - 1
    }
}
