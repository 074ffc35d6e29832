import Foundation
import Testing
@testable import Extractor
import TestSupport

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
        #expect(
            entries("\t 名 \t\n\u{3000}人次\u{3000}\n\u{A0}个\u{2009}\n\u{1680}项\u{202F}\u{205F}\n县 （市）") == ["名", "人次", "个", "项", "县 （市）"])
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

/// The rule files are embedded in the module when it is built: what the
/// module holds is byte for byte what `Resources/` holds, file for file.
@Suite("Embedded rule data")
struct EmbeddedRuleDataTests {
    static let folder = Repository.root.appendingPathComponent("Sources/Extractor/Resources")

    /// Every file under `Resources/`, by its path under it.
    static func filesOnDisk() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        let walker = try #require(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in walker where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
            let path = url.standardizedFileURL.path
            files[String(path.dropFirst(folder.standardizedFileURL.path.count + 1))] = Repository.bytes(url)
        }
        return files
    }

    @Test func theModuleHoldsEveryFileAsItIs() throws {
        let disk = try Self.filesOnDisk()
        #expect(disk.count > 10)
        #expect(Set(EmbeddedRuleData.files.keys) == Set(disk.keys))
        for (name, bytes) in disk {
            let embedded = RuleData.data(
                String(name[..<name.lastIndex(of: ".")!]), extension: String(name[name.index(after: name.lastIndex(of: ".")!)...]))
            #expect(embedded.map(Array.init) == bytes, "\(name)")
        }
    }

    @Test func listsAreReadFromTheModule() throws {
        let name = try #require(try Self.filesOnDisk().keys.filter { $0.hasSuffix(".txt") }.sorted().first)
        let text = try #require(RuleData.text(String(name.dropLast(4)), extension: "txt"))
        #expect(Array(text.utf8) == Repository.bytes(Self.folder.appendingPathComponent(name)))
        #expect(RuleData.text("no/such-list", extension: "txt") == nil)
    }
}
