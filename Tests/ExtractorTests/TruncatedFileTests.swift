import Segmenter
import Testing
@testable import Extractor

/// A UTF-8 file cut off in its last character is extracted, with a warning
/// that says so; the hash is still that of the file's bytes.
@Suite("Truncated files")
struct TruncatedFileTests {
    @Test func aCutLastCharacterIsLeftOutWithAWarning() throws {
        let whole = Array("给予50万元补助".utf8)
        let cut = Array(whole.dropLast())
        let result = try DocumentExtractor().extract(bytes: cut, path: "cut.txt")
        #expect(result.amounts.map(\.text) == ["50万元"])
        #expect(result.source.characters == 7)
        #expect(result.source.sha256 == SHA256.hex(cut))
        let warning = try #require(result.diagnostics.first)
        #expect(warning.rule == "decoding.truncated" && warning.severity == .warning && warning.span == nil)
        #expect(warning.message.contains("last 2 bytes"))
        #expect(try DocumentExtractor().extract(bytes: whole, path: "whole.txt").diagnostics.isEmpty)
    }
}
