import Extractor
import Foundation
import Segmenter
import Testing
import TestSupport

/// Broken and hostile files through the built `zhengce`, as a batch run meets
/// them: each gives a sound result (one JSON record passing every check of
/// ``ResultInvariants``) or exit status 1 with an error record and a line on
/// standard error naming the file and the reason, within a time limit, and
/// never takes the rest of the run down with it.
@Suite("Bad input, end to end")
struct BadInputTests {
    /// Seconds a debug build may take on one file: catches hangs and quadratic paths.
    static let limit: Duration = .seconds(20)

    /// What a bad file must give.
    enum Expected: Sendable {
        /// A result; `check` lists what else is wrong with it.
        case result(check: @Sendable (ExtractionResult) -> [String] = { _ in [] })
        /// Exit status 1 and a reason containing this text.
        case error(String)
        /// Either a sound result or a clear error: the input is doubtful, and both answers are honest.
        case resultOrError
    }

    /// One bad file: its name (the extension picks the format) and how to write it.
    struct BadFile: CustomTestStringConvertible, Sendable {
        var name: String
        var expected: Expected
        /// A larger limit for the multi-megabyte files, which a debug build reads at a few MB/s.
        var limit: Duration = BadInputTests.limit
        var bytes: @Sendable () -> [UInt8]
        var testDescription: String { name }
    }

    static let files: [BadFile] = [
        BadFile(name: "picture.txt", expected: .error("a PNG image is not a document")) { pngBytes() },
        BadFile(name: "invalid-utf8.txt", expected: .error("cannot decode")) {
            Array("给予50万元".utf8) + [0xFF, 0xFE, 0xFF, 0xC3] + Array("奖补".utf8)
        },
        BadFile(name: "truncated-gb18030.txt", expected: .resultOrError) {
            // "关于给予人才50万元奖补" in GB18030, repeated, cut inside its last character.
            let text: [UInt8] = [
                0xB9, 0xD8, 0xD3, 0xDA, 0xB8, 0xF8, 0xD3, 0xE8, 0xC8, 0xCB, 0xB2, 0xC5, 0x35, 0x30, 0xCD, 0xF2,
                0xD4, 0xAA, 0xBD, 0xB1, 0xB2, 0xB9, 0xA1, 0xA3,
            ]
            return Array(Array(repeating: text, count: 20).joined().dropLast())
        },
        BadFile(name: "nul-bytes.txt", expected: .resultOrError) {
            Array(Array(repeating: Array("给予50万元\u{0}奖补。".utf8), count: 20).joined())
        },
        BadFile(name: "only-nul.txt", expected: .error("not a text file")) { [UInt8](repeating: 0, count: 4096) },
        BadFile(name: "odd-utf16.txt", expected: .resultOrError) {
            [0xFF, 0xFE] + Array("给予50万元".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }) + [0x41]
        },
        BadFile(name: "lone-surrogate-utf16.txt", expected: .resultOrError) { [0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00] },
        BadFile(name: "bom-only.txt", expected: .resultOrError) { [0xEF, 0xBB, 0xBF] },
        BadFile(name: "control-characters.txt", expected: .error("not a text file")) { (0..<2000).map { UInt8(1 + $0 % 8) } },
        BadFile(name: "single-line-5mb.txt", expected: .result(), limit: .seconds(90)) {
            Array(
                String(
                    repeating: "我市坚持把人才作为创新之要、发展之源，突出政策引领，以改革创新实现人社事业大突破，多措并举推动人才工作，给予50万元奖补，",
                    count: 28_000
                ).utf8)
        },
        BadFile(name: "nested-divs.html", expected: .result()) {
            Array((String(repeating: "<div>", count: 100_000) + "给予50万元" + String(repeating: "</div>", count: 100_000)).utf8)
        },
        BadFile(name: "long-number.txt", expected: .result(check: noValues)) {
            Array(("给予" + String(repeating: "9", count: 10_000) + "万元").utf8)
        },
        BadFile(name: "long-numerals.txt", expected: .result(check: noValues)) {
            Array(("给予" + String(repeating: "万", count: 10_000) + "元").utf8)
        },
        BadFile(name: "long-chinese-digits.txt", expected: .result(check: noValues)) {
            Array(("引进" + String(repeating: "九", count: 10_000) + "名").utf8)
        },
        BadFile(name: "unclosed-links.md", expected: .result()) { Array(String(repeating: "[a](b", count: 40_000).utf8) },
        BadFile(name: "astral.txt", expected: .result()) { Array(String(repeating: "𠀀人才给予5万元。\n", count: 20_000).utf8) },
    ]

    @Test("a bad file gives a sound result or a clear error, in bounded time", arguments: files)
    func badFile(_ file: BadFile) throws {
        let folder = try CommandRunner.temporaryFolder("bad-input")
        defer { try? FileManager.default.removeItem(at: folder) }
        let bytes = file.bytes()
        let path = folder.appendingPathComponent(file.name).path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(bytes)))
        let run = try CommandRunner.run(["extract", path, "--format", "jsonl"], limit: file.limit)
        let timedOut = run.timedOut  // (not `run` in #expect: it would print megabytes of output)
        #expect(!timedOut, "\(file.name): still running after \(file.limit)")
        switch file.expected {
        case .result(let check):
            let status = run.status
            #expect(status == 0, "\(file.name): exit \(status): \(run.stderr.prefix(500))")
            let problems = Self.resultProblems(run, bytes: bytes, path: path, check: check)
            #expect(problems.isEmpty, "\(file.name): \(problems.prefix(5))")
        case .error(let reason):
            #expect(run.status == 1, "\(file.name): exit \(run.status)")
            Self.expectClearError(run, path: path, reason: reason)
        case .resultOrError:
            if run.status == 0 {
                let problems = Self.resultProblems(run, bytes: bytes, path: path, check: { _ in [] })
                #expect(problems.isEmpty, "\(file.name): \(problems.prefix(5))")
            } else {
                #expect(run.status == 1, "\(file.name): exit \(run.status): \(run.stderr)")
                Self.expectClearError(run, path: path, reason: "")
            }
        }
    }

    @Test("files that cannot be read are named with the reason")
    func unreadableKinds() throws {
        let folder = try CommandRunner.temporaryFolder("bad-input")
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        let loop = folder.appendingPathComponent("loop.txt").path
        try manager.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        let broken = folder.appendingPathComponent("broken.txt").path
        try manager.createSymbolicLink(atPath: broken, withDestinationPath: folder.appendingPathComponent("nowhere.txt").path)
        let pipe = folder.appendingPathComponent("pipe.txt").path
        #expect(mkfifo(pipe, 0o644) == 0)
        let directory = folder.appendingPathComponent("folder.txt").path
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: false)

        for (path, reason) in [
            (loop, "too many levels of symbolic links"), (broken, "broken symbolic link"),
            (pipe, "not a regular file"),
        ] {
            let run = try CommandRunner.run(["extract", path, "--format", "jsonl"], limit: Self.limit)
            let timedOut = run.timedOut
            #expect(!timedOut, "\(path): still running after \(Self.limit)")
            #expect(run.status == 1, "\(path): exit \(run.status)")
            Self.expectClearError(run, path: path, reason: reason)
        }
        // A folder given to a one-file command is refused by name.
        let text = try CommandRunner.run(["text", directory], limit: Self.limit)
        #expect(text.status != 0)
        #expect(text.stderr.contains(directory) && text.stderr.contains("is a directory"), "\(text.stderr)")
    }

    @Test(
        "an unreadable file is named with the reason",
        .enabled(if: getuid() != 0, "running as root, which reads a chmod 000 file anyway: nothing to test"))
    func permissionDenied() throws {
        let folder = try CommandRunner.temporaryFolder("bad-input")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("secret.txt").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("给予50万元".utf8), attributes: [.posixPermissions: 0]))
        let run = try CommandRunner.run(["extract", path, "--format", "jsonl"], limit: Self.limit)
        #expect(run.status == 1)
        Self.expectClearError(run, path: path, reason: "permission denied")
    }

    @Test("a file too large to read is refused before it is read")
    func hugeFile() throws {
        let folder = try CommandRunner.temporaryFolder("bad-input")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("huge.txt").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("给予50万元".utf8)))
        // Sparse: 1 GiB and a byte on paper, nothing on disk.
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(DocumentExtractor.maximumBytes) + 1)
        try handle.close()
        let run = try CommandRunner.run(["extract", path, "--format", "jsonl"], limit: Self.limit)
        let elapsed = run.elapsed
        #expect(elapsed < .seconds(5), "read the file instead of refusing it")
        #expect(run.status == 1)
        Self.expectClearError(run, path: path, reason: "too large")
    }

    @Test("one bad file never takes the rest of a batch down")
    func batchGoesOn() throws {
        let folder = try CommandRunner.temporaryFolder("bad-input-batch")
        defer { try? FileManager.default.removeItem(at: folder) }
        let manager = FileManager.default
        let good = ["a-good.txt": "给予50万元奖补。", "m-good.md": "# 标题\n\n引进人才500名以上。", "z-good.html": "<p>占比46.5%</p>"]
        for (name, text) in good {
            #expect(manager.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data(text.utf8)))
        }
        // A folder named like a document is walked (it is empty), and is no document itself.
        var bad = ["b-empty.txt", "c-picture.txt", "d-invalid.txt", "e-loop.txt", "f-pipe.txt"]
        #expect(manager.createFile(atPath: folder.appendingPathComponent("b-empty.txt").path, contents: Data()))
        #expect(manager.createFile(atPath: folder.appendingPathComponent("c-picture.txt").path, contents: Data(Self.pngBytes())))
        #expect(
            manager.createFile(atPath: folder.appendingPathComponent("d-invalid.txt").path, contents: Data([0xE4, 0xBA, 0xBA, 0xFF, 0xFF])))
        let loop = folder.appendingPathComponent("e-loop.txt").path
        try manager.createSymbolicLink(atPath: loop, withDestinationPath: loop)
        #expect(mkfifo(folder.appendingPathComponent("f-pipe.txt").path, 0o644) == 0)
        try manager.createDirectory(at: folder.appendingPathComponent("g-folder.txt"), withIntermediateDirectories: false)
        bad.sort()

        let run = try CommandRunner.run(["extract", folder.path, "--format", "jsonl"], limit: Self.limit)
        let timedOut = run.timedOut
        #expect(!timedOut, "still running after \(Self.limit)")
        #expect(run.status == 1, "exit \(run.status): \(run.stderr)")
        // Exactly one record per input: a result for each good file, an error record for each bad one.
        let lines = run.stdout.split(separator: "\n")
        let results = lines.compactMap { try? JSONDecoder().decode(ExtractionResult.self, from: Data($0.utf8)) }
        let failures = lines.compactMap { try? JSONDecoder().decode(ErrorRecord.self, from: Data($0.utf8)) }
        #expect(lines.count == good.count + bad.count, "stdout: \(run.stdout.prefix(500))")
        #expect(
            results.map { URL(fileURLWithPath: $0.source.path).lastPathComponent }.sorted() == good.keys.sorted(),
            "stdout: \(run.stdout.prefix(500))")
        #expect(failures.map(\.documentId).sorted() == bad, "stdout: \(run.stdout.prefix(500))")
        let complaints = run.stderr.split(separator: "\n").map(String.init)
        for name in bad {
            #expect(complaints.contains { $0.contains(name) }, "\(name) not reported: \(run.stderr)")
        }
    }

    @Test("every hostile line of a --stdin stream gets exactly one record")
    func hostileStream() throws {
        let lines: [String] = [
            "not json", "", "[1,2]", "{\"id\":1,\"text\":2}", "{\"id\":\"no-content\"}", "{\"id\":\"b\",\"base64\":\"!!!\"}",
            "{\"id\":\"binary\",\"base64\":\"iVBORw0KGgoAAAANSUhEUg==\"}", "{\"id\":\"format\",\"text\":\"x\",\"format\":\"pdf\"}",
            String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000),
            "{\"id\":\"deep\",\"text\":" + String(repeating: "{\"a\":", count: 50_000) + "1" + String(repeating: "}", count: 50_000) + "}",
            "{\"path\":\"/no/such/file.txt\"}", "{\"id\":\"good\",\"text\":\"给予50万元\"}",
            "{\"id\":\"long\",\"text\":\"给予" + String(repeating: "9", count: 10_000) + "万元\"}",
        ]
        let input = Array((lines.joined(separator: "\n") + "\n").utf8) + [0xFF, 0xFE, 0x00, 0x0A]
        let run = try CommandRunner.run(["extract", "--stdin"], inputBytes: input, limit: Self.limit)
        let timedOut = run.timedOut
        #expect(!timedOut, "still running after \(Self.limit)")
        #expect(run.status == 1, "a stream with failures ends with status 1")
        let records = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(records.count == lines.count + 1, "\(records.count) records for \(lines.count + 1) lines")
        let results = records.compactMap { try? JSONDecoder().decode(ExtractionResult.self, from: Data($0.utf8)) }
        let failures = records.compactMap { try? JSONDecoder().decode(ErrorRecord.self, from: Data($0.utf8)) }
        #expect(results.count == 2 && failures.count == lines.count - 1, "\(results.count) results, \(failures.count) errors")
        #expect(results.allSatisfy { Self.noValues($0).isEmpty || $0.source.path == "good" })
    }

    // MARK: - Helpers

    /// A real PNG: signature, an IHDR chunk, and compressed-looking bytes.
    static func pngBytes() -> [UInt8] {
        var bytes: [UInt8] = [
            0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A,
            0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x00,
            0x08, 0x06, 0x00, 0x00, 0x00, 0x5C, 0x72, 0xA8, 0x66, 0x00, 0x00, 0x04, 0x00, 0x49, 0x44, 0x41, 0x54,
        ]
        var state: UInt32 = 12345
        for _ in 0..<1024 {
            state = state &* 1_103_515_245 &+ 12345
            bytes.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        bytes += [0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82]
        return bytes
    }

    /// No amount, count or percentage has a value: for numbers no value can hold.
    @Sendable static func noValues(_ result: ExtractionResult) -> [String] {
        let values =
            result.amounts.flatMap { [$0.min, $0.max] } + result.counts.flatMap { [$0.min, $0.max] }
            + result.percentages.flatMap { [$0.min, $0.max] }
        return values.compactMap { $0 }.map { "a value \($0) from a number too long to hold" }
    }

    /// What is wrong with a run that should have printed one sound record.
    static func resultProblems(
        _ run: CommandRunner.Outcome, bytes: [UInt8], path: String,
        check: (ExtractionResult) -> [String]
    ) -> [String] {
        let lines = run.stdout.split(separator: "\n")
        guard lines.count == 1 else { return ["\(lines.count) lines of output, not one"] }
        let result: ExtractionResult
        do {
            result = try JSONDecoder().decode(ExtractionResult.self, from: Data(lines[0].utf8))
        } catch {
            return ["the output is no result: \(error)"]
        }
        guard let document = try? TextDocument(bytes: bytes, path: path) else {
            return ["a result for bytes the library cannot decode"]
        }
        var problems = ResultInvariants.violations(of: result, document: document) + check(result)
        if result.source.path != path { problems.append("source.path \(result.source.path)") }
        return problems
    }

    /// The record `extract` writes for a document it could not read.
    struct ErrorRecord: Decodable {
        struct Source: Decodable { var path: String }
        struct Failure: Decodable { var kind: String; var reason: String }
        var documentId: String
        var source: Source
        var error: Failure
    }

    /// One error record naming the file and the reason on standard output,
    /// and a line `zhengce: PATH: REASON` on standard error.
    static func expectClearError(
        _ run: CommandRunner.Outcome, path: String, reason: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let lines = run.stdout.split(separator: "\n")
        #expect(lines.count == 1, "\(lines.count) records: \(run.stdout.prefix(300))", sourceLocation: sourceLocation)
        if let line = lines.first {
            do {
                let record = try JSONDecoder().decode(ErrorRecord.self, from: Data(line.utf8))
                #expect(record.source.path == path, "record for \(record.source.path)", sourceLocation: sourceLocation)
                #expect(!record.error.kind.isEmpty && !record.error.reason.isEmpty, "no reason given", sourceLocation: sourceLocation)
                if !reason.isEmpty {
                    #expect(
                        record.error.reason.contains(reason), "\(record.error.reason) does not say \(reason)",
                        sourceLocation: sourceLocation)
                }
            } catch {
                Issue.record("no error record: \(line.prefix(300)): \(error)", sourceLocation: sourceLocation)
            }
        }
        let complaint = run.stderr.split(separator: "\n").first { $0.hasPrefix("zhengce: \(path): ") }.map(String.init)
        #expect(complaint != nil, "stderr does not name the file: \(run.stderr)", sourceLocation: sourceLocation)
        if let complaint, !reason.isEmpty {
            #expect(complaint.contains(reason), "\(complaint) does not say \(reason)", sourceLocation: sourceLocation)
        }
    }
}
