import Testing
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
}
