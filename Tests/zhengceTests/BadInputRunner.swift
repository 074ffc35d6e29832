import Foundation
import Testing
import TestSupport

/// Runs the built `zhengce` like ``CommandRunner``, but stops it when it
/// outlives a time limit, so a hang is a failed test rather than a stuck run.
enum BadInputRunner {
    /// What a run printed, how it ended, and whether it had to be stopped.
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
        var timedOut: Bool
        var elapsed: Duration
    }

    /// Runs `zhengce arguments…` in `directory` for at most `limit`, with
    /// `input` (or nothing) on standard input.
    static func run(_ arguments: [String], in directory: URL? = nil, input: [UInt8]? = nil, limit: Duration) throws -> Outcome {
        let process = Process()
        process.executableURL = CommandRunner.executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let folder = try CommandRunner.temporaryFolder("bad-input-run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
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
        while process.isRunning {
            if clock.now - started > limit {
                timedOut = true
                process.terminate()
                break
            }
            Thread.sleep(forTimeInterval: 0.01)
        }
        process.waitUntilExit()
        let elapsed = clock.now - started
        try out.close()
        try err.close()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self),
                       timedOut: timedOut, elapsed: elapsed)
    }
}

/// Short in failure messages: a 5 MB document's output would drown them.
extension BadInputRunner.Outcome: CustomTestStringConvertible {
    var testDescription: String {
        "exit \(status) after \(elapsed)\(timedOut ? " (stopped)" : ""), \(stdout.utf8.count) bytes of output, stderr: \(stderr.prefix(300))"
    }
}
