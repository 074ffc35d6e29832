import Testing
import TestSupport
@testable import Extractor

/// The division table reads its tab-separated lines as written: comments,
/// blank lines, CR LF and short lines left out, a fifth field ignored.
@Suite("Division table")
struct DivisionTableTests {
    @Test func readsTheLinesOfATable() {
        let tsv =
            "# 注释\tline\n110000\t北京市\tprovince\t\r\n\n110100\t市辖区\tcity\t110000\textra\r\n110101\t东城区\tcounty\t110100\n"
            + "short\tline\n450000\t广西壮族自治区\tprovince\t"
        let table = DivisionTable(tsv: tsv)
        #expect(table.divisions.map(\.code) == ["110000", "110100", "110101", "450000"])
        #expect(table.divisions.map(\.parent) == [nil, 0, 1, nil])
        #expect(table.named("东城区") == [2])
        #expect(table.named("广西") == [3])
        #expect(table.named("北京") == [0])
        #expect(table.longestName == 7)
    }

    @Test func theBundledTableIsWhole() {
        let table = DivisionTable.bundled
        #expect(table.divisions.count > 3000)
        #expect(table.divisions.allSatisfy { !$0.code.isEmpty && !$0.name.isEmpty })
    }

    /// The trie finds what looking up every prefix as a string finds, also
    /// where the text holds scalars a string compares by canonical
    /// equivalence (a compatibility ideograph, a combining mark).
    @Test func namesAtAnOffsetAreThoseOfThePrefixesAsStrings() {
        let table = DivisionTable.bundled
        let names = table.divisions.prefix(400).map(\.name)
        // Names, pieces of names and odd scalars, run together.
        var pieces: [String] = names.flatMap { [$0, String($0.prefix(2)), String($0.dropFirst())] }
        pieces += ["\u{F900}", "\u{FA0E}", "e\u{301}", "\u{301}", "市", "区", "县", "省", "。", "a"]
        var random = SeededGenerator(seed: 17)
        var text: [Unicode.Scalar] = []
        for _ in 0..<3000 { text += pieces.randomElement(using: &random)!.unicodeScalars }
        var differing = 0
        for start in text.indices {
            let fast = table.names(at: start, in: text), slow = table.namesAsStrings(at: start, in: text)
            if fast.map(\.length) != slow.map(\.length) || fast.map(\.divisions) != slow.map(\.divisions) { differing += 1 }
        }
        #expect(differing == 0)
        #expect((0..<text.count).contains { !table.names(at: $0, in: text).isEmpty })
    }

    /// A table with a name that is not all ideographs still finds it.
    @Test func aNameWithOtherScalarsIsFound() {
        let table = DivisionTable(tsv: "110000\t北京市\tprovince\t\n110100\t东城·区\tcity\t110000\n")
        let text = Array("在东城·区和北京市".unicodeScalars)
        #expect(table.names(at: 1, in: text).map(\.length) == [4])
        #expect(table.names(at: 6, in: text).map(\.length) == [3, 2])
    }
}
