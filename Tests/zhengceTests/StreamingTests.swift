import Extractor
import Foundation
import Testing
import TestSupport

/// `zhengce extract --stdin`: a mapper for Spark's RDD.pipe and Hadoop
/// Streaming. Exactly one JSON line out per line in, in order, flushed at once.
@Suite("Streaming", .serialized)
struct StreamingTests {
    static func line(_ object: [String: String]) throws -> String {
        String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    @Test func everyInputLineGivesOneOutputLine() throws {
        let corpus = Repository.corpus
        let gbFolder = try BatchFolder.make(copies: 0)
        defer { gbFolder.remove() }
        let gbBytes = try Data(contentsOf: gbFolder.root.appendingPathComponent(gbFolder.gb18030.id))
        let input =
            [
                try Self.line(["path": corpus[0].path]),
                "",
                try Self.line(["id": "inline", "text": "关于印发《办法》的通知\n给予20万元奖补。", "path": "inline.md"]),
                "{not json",
                try Self.line(["id": "gb", "base64": gbBytes.base64EncodedString(), "path": "gb.txt"]),
                try Self.line(["path": "/no/such/file.txt"]),
                "[1, 2]",
                try Self.line(["id": "nothing"]),
                try Self.line(["id": "both", "text": "a", "base64": "YQ=="]),
                try Self.line(["id": "fmt", "text": "<p>你好</p>", "format": "html"]),
                try Self.line(["id": "empty-text", "text": ""]),
            ].joined(separator: "\n") + "\n"
        let run = try CommandRunner.run(["extract", "--stdin", "--jobs", "2"], input: input)
        #expect(run.status == 1, "some lines failed")
        let records = try Output.records(run.stdout)
        #expect(run.stdout.split(separator: "\n", omittingEmptySubsequences: false).count == 12, "11 lines and the last newline")
        #expect(
            records.map(\.documentId) == [
                corpus[0].path, "<stdin line 2>", "inline", "<stdin line 4>", "gb",
                "/no/such/file.txt", "<stdin line 7>", "nothing", "both", "fmt", "empty-text",
            ])
        #expect(
            records.map { $0.failure?.kind } == [
                nil, .invalidInput, nil, .invalidInput, nil, .unreadable,
                .invalidInput, .invalidInput, .invalidInput, nil, .empty,
            ])
        #expect(records[2].result?.source.format == "markdown", "the path names the format")
        #expect(records[2].result?.source.path == "inline.md")
        #expect(records[9].result?.source.format == "html")

        // The same result as the batch run of the same file.
        let batch = try Output.record(try CommandRunner.run(["extract", corpus[0].path]).stdout)
        #expect(records[0].result == batch.result)
        // Bytes sent as base64 are decoded like a file: GB18030 detected.
        let gb = try #require(records[4].result)
        #expect(gb.source.encoding == "GB18030")
        let original = try Output.record(try CommandRunner.run(["extract", gbFolder.gb18030.original.path]).stdout)
        #expect(gb.amounts == original.result?.amounts && gb.source.characters == original.result?.source.characters)
    }

    @Test func allGoodLinesExitWithZero() throws {
        let input = try Repository.corpus.map { try Self.line(["path": $0.path]) }.joined(separator: "\n")
        let run = try CommandRunner.run(["extract", "--stdin"], input: input)
        #expect(run.status == 0)
        #expect(try Output.records(run.stdout).count == Repository.corpus.count, "a last line without newline counts")
    }

    /// A mapper must answer each line before the next arrives, or a pipe
    /// that waits for it would hang.
    @Test(.timeLimit(.minutes(1)))
    func eachLineIsFlushedAtOnce() throws {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = ["extract", "--stdin", "--quiet"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        for (number, file) in Repository.corpus.prefix(3).enumerated() {
            input.fileHandleForWriting.write(Data((try Self.line(["path": file.path]) + "\n").utf8))
            let line = try readLine(from: output.fileHandleForReading, seconds: 20)
            #expect(line.contains("\"documentId\":\"\(file.path)\""), "answer \(number + 1) came before stdin closed")
        }
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    /// Reads one line, failing after `seconds`.
    private func readLine(from handle: FileHandle, seconds: Double) throws -> String {
        final class Box: @unchecked Sendable { var bytes: [UInt8] = [] }
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            while true {
                let byte = handle.readData(ofLength: 1)
                if byte.isEmpty || byte[byte.startIndex] == UInt8(ascii: "\n") { break }
                box.bytes.append(byte[byte.startIndex])
            }
            done.signal()
        }
        thread.start()
        guard done.wait(timeout: .now() + seconds) == .success else {
            Issue.record("no line within \(seconds) s: output is not flushed per line")
            throw CancellationError()
        }
        return String(decoding: box.bytes, as: UTF8.self)
    }
}
