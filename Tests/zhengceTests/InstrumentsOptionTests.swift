import Foundation
import Testing
import TestSupport

/// `zhengce extract --instruments FILE`: a user's cue dictionary replaces the
/// bundled one; a dictionary that cannot be read stops the run before any
/// output is written.
@Suite("extract --instruments")
struct InstrumentsOptionTests {
    static let notice = """
        江城市人民政府关于印发江城市促进青年就业若干措施的通知

        江城市促进青年就业若干措施

        1.发放创业补贴。对首次创业的青年给予一次性创业补贴5000元。

        2.开展技能培训。每年组织青年技能培训1000人次。
        """

    private func work() throws -> URL {
        let folder = try CommandRunner.temporaryFolder("instruments")
        try Data(Self.notice.utf8).write(to: folder.appendingPathComponent("notice.txt"))
        try Data("青年政策\t就业扶持\t青年\n".utf8).write(to: folder.appendingPathComponent("cues.tsv"))
        return folder
    }

    @Test func aUserDictionaryGivesItsTagsInJSONAndTables() throws {
        let folder = try work()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CommandRunner.run(["extract", "notice.txt", "--instruments", "cues.tsv"], in: folder)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("\"type\": \"青年政策\""))
        #expect(!run.stdout.contains("\"type\": \"supply\""))
        let bundled = try CommandRunner.run(["extract", "notice.txt"], in: folder)
        #expect(bundled.stdout.contains("\"type\": \"supply\""))

        let tables = try CommandRunner.run(
            [
                "extract", "notice.txt", "--instruments", "cues.tsv", "--format", "csv",
                "-o", "tables",
            ], in: folder)
        #expect(tables.status == 0, "\(tables.stderr)")
        let rows = try String(contentsOf: folder.appendingPathComponent("tables/instruments.csv"), encoding: .utf8)
        #expect(rows.contains(",青年政策,就业扶持,青年,"))
        let types = try String(contentsOf: folder.appendingPathComponent("tables/instrument_types.csv"), encoding: .utf8)
        #expect(types.hasPrefix("document_id,measure_count,tagged_measures,supply,environment,demand,other,tags\r\n"))
    }

    @Test func anUnreadableDictionaryIsAUsageErrorThatWritesNothing() throws {
        let folder = try work()
        defer { try? FileManager.default.removeItem(at: folder) }
        let run = try CommandRunner.run(["extract", "notice.txt", "--instruments", "nosuch.tsv", "-o", "out"], in: folder)
        #expect(run.status == 2)
        #expect(run.stderr.contains("nosuch.tsv"), "\(run.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }
}
