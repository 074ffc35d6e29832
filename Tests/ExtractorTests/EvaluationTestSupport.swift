import Foundation
import Testing
import TestSupport
@testable import Extractor

/// The reference scorer, `../shared/eval/score.py` next to the repository. It is
/// not part of the repository, so tests that need it are skipped when it is absent.
enum ReferenceScorer {
    /// The script, if it exists on this machine.
    static let script: URL? = {
        let url = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/eval/score.py").standardizedFileURL
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    /// `python3` on the PATH, if any.
    static let python: URL? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { URL(fileURLWithPath: String($0)).appendingPathComponent("python3") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Whether both the script and Python are here.
    static var isAvailable: Bool { script != nil && python != nil }

    /// Why the agreement tests are skipped when they are.
    static let absence: Comment = "score.py not found at ../shared/eval/score.py (or no python3): it is not part of the repository"

    /// Runs `score.py --gold GOLD --pred PRED OPTIONS…` and returns what it printed.
    static func run(gold: URL, pred: URL, _ options: [String] = []) throws -> String {
        try runPython([script!.path, "--gold", gold.path, "--pred", pred.path] + options)
    }

    /// Runs `python3 ARGUMENTS…`, failing on a non-zero exit.
    static func runPython(_ arguments: [String], input: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = python!
        process.arguments = arguments
        let folder = try CommandRunner.temporaryFolder("python")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        let stdin = Pipe()
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close(); try err.close()
        let printed = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
        if process.terminationStatus != 0 {
            let message = String(decoding: try Data(contentsOf: errURL), as: UTF8.self)
            throw PythonFailure(message: message)
        }
        return printed
    }

    struct PythonFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "python3 failed: \(message)" }
    }
}

/// What `zhengce eval` prints for the same inputs, made through the library.
enum SwiftScorer {
    enum Mode { case table, verbose, json }

    static func card(gold: URL, pred: URL) throws -> Scorecard {
        var predictions = PredictionSet()
        if pred.pathExtension == "jsonl" { try predictions.add(jsonLines: pred.path) } else { try predictions.add(folder: pred.path) }
        return Scorecard(gold: try GoldSet(folder: gold.path), predictions: predictions)
    }

    static func run(gold: URL, pred: URL, _ mode: Mode) throws -> String {
        let card = try card(gold: gold, pred: pred)
        switch mode {
        case .table: return ScoreReport.table(card)
        case .verbose: return ScoreReport.findings(card) + ScoreReport.table(card)
        case .json: return ScoreReport.json(card)
        }
    }
}

/// Compares two printed reports line by line, naming the first lines that differ.
func expectSameReport(_ swift: String, _ python: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if swift == python { return }
    let a = swift.split(separator: "\n", omittingEmptySubsequences: false)
    let b = python.split(separator: "\n", omittingEmptySubsequences: false)
    var notes: [String] = []
    for index in 0..<max(a.count, b.count) where notes.count < 6 {
        let x = index < a.count ? String(a[index]) : "(none)", y = index < b.count ? String(b[index]) : "(none)"
        if x != y { notes.append("line \(index + 1):\n  zhengce: \(x)\n  score.py: \(y)") }
    }
    let message = "\(label): zhengce eval and score.py differ\n" + notes.joined(separator: "\n")
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// A reproducible random source (SplitMix64), so a failing seed can be rerun.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Temporary folders and files for synthetic gold and predictions.
enum Scratch {
    static func folder(_ name: String) throws -> URL { try CommandRunner.temporaryFolder(name) }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func write(_ object: JSONObject, to url: URL) throws {
        try write(JSONRendering.compact(.object(object)), to: url)
    }

    /// The repository's gold folder.
    static var gold: URL { Repository.root.appendingPathComponent("Fixtures/gold") }
}
