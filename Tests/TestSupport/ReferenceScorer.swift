import Foundation

/// The reference scorer, `../shared/eval/score.py` next to the repository, and
/// the `python3` that runs it. Neither is part of the repository, so tests that
/// need them are skipped (with ``absence`` as the reason) where they are missing.
public enum ReferenceScorer {
    /// The script, if it exists on this machine.
    public static let script: URL? = {
        let url = Repository.root.deletingLastPathComponent().appendingPathComponent("shared/eval/score.py").standardizedFileURL
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    /// `python3` on the PATH, if any.
    public static let python: URL? = {
        let folders = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        return folders.map { URL(fileURLWithPath: String($0)).appendingPathComponent("python3") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }()

    /// Whether both the script and Python are here.
    public static var isAvailable: Bool { script != nil && python != nil }

    /// Why the agreement tests are skipped when they are.
    public static let absence = "score.py not found at ../shared/eval/score.py (or no python3): it is not part of the repository"

    /// Runs `score.py --gold GOLD --pred PRED OPTIONS…` and returns what it printed.
    public static func run(gold: URL, pred: URL, _ options: [String] = []) throws -> String {
        try runPython([script!.path, "--gold", gold.path, "--pred", pred.path] + options)
    }

    /// Runs `score.py ARGUMENTS…` in `directory` and returns what it printed.
    public static func run(_ arguments: [String], in directory: URL) throws -> String {
        try runPython([script!.path] + arguments, in: directory)
    }

    /// Runs `python3 ARGUMENTS…`, failing on a non-zero exit.
    public static func runPython(_ arguments: [String], input: String? = nil, in directory: URL? = nil) throws -> String {
        let process = Process()
        process.executableURL = python!
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
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
        try out.close()
        try err.close()
        let printed = String(decoding: try Data(contentsOf: outURL), as: UTF8.self)
        if process.terminationStatus != 0 {
            throw PythonFailure(message: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
        }
        return printed
    }

    /// Python ended with a non-zero status.
    public struct PythonFailure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { "python3 failed: \(message)" }
    }
}
