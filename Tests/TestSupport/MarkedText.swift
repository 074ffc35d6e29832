/// Text with expected spans marked in place: `给予⟦50万元⟧奖补` is the text
/// `给予50万元奖补` with one span over `50万元`. Offsets are code points, as in
/// the output, so tests read like the documents they test.
public struct MarkedText {
    /// The text with the markers removed.
    public let text: String
    /// The marked spans, in order, as code-point ranges of ``text``.
    public let spans: [Range<Int>]

    /// Opens a marked span.
    public static let open: Unicode.Scalar = "⟦"
    /// Closes a marked span.
    public static let close: Unicode.Scalar = "⟧"

    /// Reads `marked`: every ⟦ needs its ⟧; spans may nest.
    public init(_ marked: String) {
        var clean = String.UnicodeScalarView()
        var spans: [Range<Int>] = []
        var openAt: [Int] = []
        var count = 0
        for scalar in marked.unicodeScalars {
            if scalar == Self.open {
                openAt.append(count)
            } else if scalar == Self.close {
                precondition(!openAt.isEmpty, "unbalanced ⟧ in \(marked)")
                spans.append(openAt.removeLast()..<count)
            } else {
                clean.append(scalar)
                count += 1
            }
        }
        precondition(openAt.isEmpty, "unbalanced ⟦ in \(marked)")
        self.text = String(clean)
        self.spans = spans.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// The text of a span.
    public func slice(_ range: Range<Int>) -> String {
        String(String.UnicodeScalarView(Array(text.unicodeScalars)[range]))
    }
}
