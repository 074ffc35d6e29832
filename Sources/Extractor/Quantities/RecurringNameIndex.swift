import TextTools

/// How often each Chinese numeral with its classifier and the two characters
/// after them stands in a document, for `count.recurring-name`
/// (`残疾人两项补贴` written again and again is a name, not a count).
///
/// Built on first use in one pass over the document, so the rule costs the
/// same however many counts ask it: looking each candidate up by scanning the
/// whole text made the quantity stage quadratic in the document's length.
final class RecurringNameIndex {
    /// The longest numeral indexed: a longer one is never part of a name.
    static let longestNumeral = 8
    /// The longest classifier indexed.
    static let longestClassifier = 3

    private let text: [Unicode.Scalar]
    private var counts: [String: Int]?

    init(text: [Unicode.Scalar]) {
        self.text = text
    }

    /// How many times `text[numeral.lowerBound ..< classifierEnd + 2]` starts
    /// a numeral in the document (one not run on from a numeral before it).
    func occurrences(numeral: Range<Int>, classifierEnd: Int) -> Int {
        let classifierLength = classifierEnd - numeral.upperBound
        guard numeral.count <= Self.longestNumeral, (1...Self.longestClassifier).contains(classifierLength),
            classifierEnd + 2 <= text.count
        else { return 0 }
        if counts == nil { counts = Self.count(text) }
        return counts?[Self.key(text[numeral.lowerBound..<(classifierEnd + 2)])] ?? 0
    }

    private static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
        ChineseNumber.digit(scalar) != nil || ChineseNumber.unit(scalar) != nil
    }

    private static func key(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Every numeral start (not after a Chinese digit), with each classifier
    /// length and two characters after it.
    private static func count(_ text: [Unicode.Scalar]) -> [String: Int] {
        var counts: [String: Int] = [:]
        var start = 0
        while start < text.count {
            guard isNumeral(text[start]), start == 0 || ChineseNumber.digit(text[start - 1]) == nil else {
                start += 1
                continue
            }
            var end = start
            while end < text.count, isNumeral(text[end]) { end += 1 }
            if end - start <= longestNumeral {
                for classifierLength in 1...longestClassifier where end + classifierLength + 2 <= text.count {
                    counts[key(text[start..<(end + classifierLength + 2)]), default: 0] += 1
                }
            }
            start = end
        }
        return counts
    }
}
