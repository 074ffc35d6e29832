import ArgumentParser
import Extractor

/// The checks `check` and `eval` make before they start: the fixtures folder
/// they compare with, and the paths named, exist. A missing one is a usage
/// error (exit 2), worded the same way by both commands.
enum FixtureFolders {
    /// Throws the usage error for a fixtures folder (`--fixtures`, `--gold`) that is not a folder.
    static func require(_ path: String, option: String) throws {
        let problem: String
        switch InputFile.kind(of: path) {
        case .directory: return
        case .file: problem = "is a file, not a folder"
        case .problem(let reason): problem = reason == "no such file" ? "no such folder" : reason
        }
        throw ValidationError(
            """
            \(option) \(path): \(problem). check and eval compare with the fixtures of the zhengce \
            repository (Fixtures/expected, Fixtures/gold): run them from the repository's root, or \
            give \(option) FOLDER.
            """)
    }

    /// Throws the usage error for the first of `paths` that does not exist.
    static func requireExisting(_ paths: [String]) throws {
        for path in paths where !FileSystem.exists(path) {
            throw ValidationError("\(path): no such file or folder.")
        }
    }
}
