import Foundation
import Testing
import TestSupport

/// A crash of zhengce itself in a batch (a bug in a matcher): the crash names
/// the document, notes it beside the output, and a run with --skip-existing
/// records that document as an error and extracts the others. The crash is
/// made on purpose with ZHENGCE_TEST_CRASH_ON (a worker traps on a path
/// holding that text).
@Suite("Crashes in a batch", .serialized)
struct CrashTests {
    /// Three documents; the middle one makes zhengce crash.
    func inputs() throws -> URL {
        let folder = try CommandRunner.temporaryFolder("crash-in")
        for (index, name) in ["a.txt", "b-crashes.txt", "c.txt"].enumerated() {
            try FileManager.default.copyItem(at: Repository.corpus[index], to: folder.appendingPathComponent(name))
        }
        return folder
    }

    static let crashOnB = ["ZHENGCE_TEST_CRASH_ON": "crashes", "SWIFT_BACKTRACE": "enable=no"]

    @Test(arguments: [
        ("jsonl", "out.jsonl", "out.jsonl.crashed.txt"), ("json", "out", "out/zhengce-crashed.txt"),
        ("csv", "out", "out/zhengce-crashed.txt"),
    ])
    func aCrashNamesItsDocumentAndAResumedRunGoesOnWithoutIt(format: String, output: String, journal: String) throws {
        let input = try inputs(), work = try CommandRunner.temporaryFolder("crash-out")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: work)
        }
        let arguments = ["extract", input.path, "--format", format, "-o", work.appendingPathComponent(output).path, "--jobs", "1"]

        let crashed = try CommandRunner.run(arguments, limit: .seconds(120), environment: Self.crashOnB)
        #expect(crashed.status != 0 && crashed.status != 1, "a crash, not an ordinary failure")
        #expect(crashed.stderr.contains("zhengce: crashed while reading \(input.appendingPathComponent("b-crashes.txt").path)"))
        #expect(crashed.stderr.contains("--skip-existing"))
        let noted = try String(contentsOf: work.appendingPathComponent(journal), encoding: .utf8)
        #expect(noted == "b-crashes.txt\n")

        let resumed = try CommandRunner.run(arguments + ["--skip-existing"], limit: .seconds(120), environment: Self.crashOnB)
        #expect(resumed.status == 1, "one document failed")
        #expect(resumed.stderr.contains("b-crashes.txt: zhengce crashed reading it in an earlier run"))
        #expect(resumed.stderr.contains("1 failed"))
        #expect(!resumed.stderr.contains("crashed while reading"))
    }

    @Test func aFreshRunForgetsTheCrashesOfAnEarlierOne() throws {
        let input = try inputs(), work = try CommandRunner.temporaryFolder("crash-fresh")
        defer {
            try? FileManager.default.removeItem(at: input)
            try? FileManager.default.removeItem(at: work)
        }
        let output = work.appendingPathComponent("out.jsonl").path
        _ = try CommandRunner.run(
            ["extract", input.path, "--format", "jsonl", "-o", output, "--jobs", "1"],
            limit: .seconds(120), environment: Self.crashOnB)
        #expect(FileManager.default.fileExists(atPath: output + ".crashed.txt"))
        // The bug fixed (no crash marker), a run without --skip-existing reads everything again.
        let fresh = try CommandRunner.run(["extract", input.path, "--format", "jsonl", "-o", output, "--jobs", "1"], limit: .seconds(120))
        #expect(fresh.status == 0)
        #expect(fresh.stderr.contains("3 documents (3 extracted, 0 failed"))
        #expect(!FileManager.default.fileExists(atPath: output + ".crashed.txt"))
    }
}
