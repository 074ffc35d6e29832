import Foundation
import Testing
@testable import Extractor

/// Reading the bundled word lists: lines, comments, trimming.
@Suite("Rule data lists")
struct RuleDataTests {
    /// The entries of `text` read as a list file.
    private func entries(_ text: String) -> [String] { RuleData.entries(utf8: Array(text.utf8)) }

    @Test func linesCommentsAndBlanks() {
        #expect(entries("人才\n# a comment\n\n专家 # trailing note\n#\n团队") == ["人才", "专家", "团队"])
    }

    @Test func everyKindOfLineBreakSplits() {
        #expect(entries("一\r\n二\r三\u{0B}四\u{0C}五\u{85}六\u{2028}七\u{2029}八") == ["一", "二", "三", "四", "五", "六", "七", "八"])
    }

    @Test func tabsAndUnicodeSpacesAreTrimmedInnerOnesKept() {
        #expect(entries("\t 名 \t\n\u{3000}人次\u{3000}\n\u{A0}个\u{2009}\n\u{1680}项\u{202F}\u{205F}\n县 （市）") == ["名", "人次", "个", "项", "县 （市）"])
    }

    @Test func aLineOfSpacesOrAnEmptyFileGivesNothing() {
        #expect(entries("").isEmpty)
        #expect(entries(" \t\u{3000}\n\n# only a comment").isEmpty)
        #expect(entries("末行无换行") == ["末行无换行"])
    }

    /// The byte reader agrees with splitting and trimming strings, the way lists were read before.
    @Test(arguments: ["quantities/classifiers", "quantities/bound-words", "quantities/subject-verbs", "quantities/per-units"])
    func bundledListsReadAsStringsWould(name: String) throws {
        let text = try #require(RuleData.text(name, extension: "txt"))
        let expected = text.split(whereSeparator: \.isNewline).compactMap { line -> String? in
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let trimmed = content.trimmingCharacters(in: .whitespaces)
            return trimmed.isEmpty ? nil : trimmed
        }
        #expect(!expected.isEmpty)
        #expect(RuleData.list(name) == expected)
    }
}
