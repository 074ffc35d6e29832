import Foundation
import Testing

/// Runs the built `zhengce` executable end to end, as a user would.
public enum CommandRunner {
    /// What a run printed, how it ended, and whether it had to be stopped.
    public struct Outcome: Sendable {
        /// The exit status (a signal's number when it was killed).
        public var status: Int32
        /// What it printed on standard output.
        public var stdout: String
        /// What it printed on standard error.
        public var stderr: String
        /// Stopped for outliving its time limit.
        public var timedOut = false
        /// How long it ran.
        public var elapsed: Duration = .zero
    }

    /// The `zhengce` binary next to the test bundle (`.build/<config>/zhengce`).
    public static var executable: URL {
        let bundle = Bundle.main.bundleURL
        var folder = bundle.hasDirectoryPath ? bundle : bundle.deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("zhengce")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        let argument0 = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        return argument0.appendingPathComponent("zhengce")
    }

    /// Runs `zhengce arguments…`, feeding `input` on standard input.
    @discardableResult
    public static func run(
        _ arguments: [String], input: String? = nil, in directory: URL? = nil,
        limit: Duration? = nil, environment: [String: String] = [:]
    ) throws -> Outcome {
        try run(executable, arguments, input: input.map { Array($0.utf8) }, in: directory, limit: limit, environment: environment)
    }

    /// Runs `zhengce arguments…`, feeding `input` bytes (any bytes) on standard input.
    @discardableResult
    public static func run(
        _ arguments: [String], inputBytes input: [UInt8], in directory: URL? = nil,
        limit: Duration? = nil
    ) throws -> Outcome {
        try run(executable, arguments, input: input, in: directory, limit: limit)
    }

    /// Runs any program with `arguments`, `input` (or nothing) on standard
    /// input and `environment` added to this process's; past `limit` it is
    /// stopped, so a hang is a failed test rather than a stuck run.
    @discardableResult
    public static func run(
        _ program: URL, _ arguments: [String], input: [UInt8]? = nil, in directory: URL? = nil,
        limit: Duration? = nil, environment: [String: String] = [:]
    ) throws -> Outcome {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let directory { process.currentDirectoryURL = directory }
        // Input and output go through files, so neither a large output nor a
        // large input can ever block the child or this process.
        let folder = try temporaryFolder("run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        if let input {
            let inURL = folder.appendingPathComponent("stdin")
            try Data(input).write(to: inURL)
            process.standardInput = try FileHandle(forReadingFrom: inURL)
        } else {
            process.standardInput = FileHandle.nullDevice
        }
        let clock = ContinuousClock()
        let started = clock.now
        try process.run()
        var timedOut = false
        if let limit {
            while process.isRunning {
                if clock.now - started > limit {
                    timedOut = true
                    process.terminate()
                    break
                }
                Thread.sleep(forTimeInterval: 0.01)
            }
        }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
            timedOut: timedOut, elapsed: clock.now - started)
    }

    /// A new empty temporary folder.
    public static func temporaryFolder(_ name: String = "zhengce") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Short in failure messages: a 5 MB document's output would drown them.
extension CommandRunner.Outcome: CustomTestStringConvertible {
    /// The status, the time, the output size and the start of standard error, for a failed expectation's message.
    public var testDescription: String {
        "exit \(status) after \(elapsed)\(timedOut ? " (stopped)" : ""), \(stdout.utf8.count) bytes of output, stderr: \(stderr.prefix(300))"
    }
}
