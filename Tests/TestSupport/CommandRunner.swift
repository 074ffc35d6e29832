import Foundation

/// Runs the built `zhengce` executable end to end, as a user would.
public enum CommandRunner {
    /// What a run printed and how it ended.
    public struct Outcome: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
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
    public static func run(_ arguments: [String], input: String? = nil, in directory: URL? = nil) throws -> Outcome {
        try run(executable, arguments, input: input, in: directory)
    }

    /// Runs any program with `arguments`, feeding `input` on standard input.
    @discardableResult
    public static func run(_ program: URL, _ arguments: [String], input: String? = nil, in directory: URL? = nil) throws -> Outcome {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        // Output goes to files, so a large output can never block the child.
        let folder = try temporaryFolder("run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("stdout"), errURL = folder.appendingPathComponent("stderr")
        FileManager.default.createFile(atPath: outURL.path, contents: nil)
        FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        process.standardOutput = out
        process.standardError = err
        let inputPipe = Pipe()
        process.standardInput = inputPipe
        try process.run()
        if let input { inputPipe.fileHandleForWriting.write(Data(input.utf8)) }
        try inputPipe.fileHandleForWriting.close()
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
                       stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// A new empty temporary folder.
    public static func temporaryFolder(_ name: String = "zhengce") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
