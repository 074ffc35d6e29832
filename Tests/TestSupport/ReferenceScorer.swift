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
        let outcome = try CommandRunner.run(python!, arguments, input: input.map { Array($0.utf8) }, in: directory)
        if outcome.status != 0 { throw PythonFailure(message: outcome.stderr) }
        return outcome.stdout
    }

    /// Python ended with a non-zero status.
    public struct PythonFailure: Error, CustomStringConvertible {
        /// What python3 printed on standard error, or why it could not run.
        public var message: String
        /// The failure as a test prints it.
        public var description: String { "python3 failed: \(message)" }
    }
}
