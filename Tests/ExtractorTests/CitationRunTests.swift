import Testing
import TestSupport
@testable import Extractor

/// Where a run of citations starts, found through brackets paired in one
/// pass, agrees with the plain walk back from each `》` to its `《` (which
/// took quadratic time on a line of unpaired brackets).
@Suite("Citation runs")
struct CitationRunTests {
    /// The plain walk: from a `《`, back over joiners and whole citations.
    static func walkedRunStart(_ index: Int, in text: [Unicode.Scalar]) -> Int? {
        var position = index
        while true {
            guard position > 0 else { return position }
            var cursor = position
            if ReferenceMatcher.isRunJoiner(text[cursor - 1]) { cursor -= 1 }
            guard cursor > 0, text[cursor - 1] == "》" else { return position }
            var depth = 0, back = cursor - 1
            while back >= 0 {
                if text[back] == "》" { depth += 1 }
                if text[back] == "《" { depth -= 1; if depth == 0 { break } }
                if text[back] == "\n" { return nil }
                back -= 1
            }
            guard back >= 0 else { return nil }
            position = back
        }
    }

    @Test func agreesWithThePlainWalkOnBracketSoup() {
        var random = SeededGenerator(seed: 7)
        let pieces: [Unicode.Scalar] = ["《", "》", "《", "》", "、", "和", "文", "件", "\n", "印", "发"]
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...80, using: &random)).map { _ in pieces.randomElement(using: &random)! }
            var runs = CitationRuns()
            for index in text.indices where text[index] == "《" {
                #expect(
                    ReferenceMatcher.runStart(index, in: text, runs: &runs) == Self.walkedRunStart(index, in: text),
                    "\(String(String.UnicodeScalarView(text))) at \(index)")
            }
        }
    }
}
