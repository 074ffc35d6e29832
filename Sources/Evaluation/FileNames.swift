import Extractor
import Foundation

/// File-name helpers that behave like Python's `os.path`, so documents are
/// matched to gold exactly as score.py matches them.
enum FileNames {
    /// `os.path.basename`: the part after the last `/`.
    static func basename(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    /// `os.path.splitext(path)[0]`: without the last extension; a name made of
    /// dots up to its last dot (`.bashrc`) has none.
    static func stem(_ path: String) -> String {
        let scalars = Array(path.unicodeScalars)
        guard let dot = scalars.lastIndex(of: "."), dot > (scalars.lastIndex(of: "/") ?? -1) else { return path }
        let nameStart = (scalars.lastIndex(of: "/") ?? -1) + 1
        guard scalars[nameStart..<dot].contains(where: { $0 != "." }) else { return path }
        return String(String.UnicodeScalarView(scalars[..<dot]))
    }

    /// The entries of a folder sorted by code point, as Python's `sorted(os.listdir())`.
    static func sortedEntries(of folder: String) throws(EvaluationError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: folder)
                .sorted { ExactText($0) < ExactText($1) }
        } catch {
            throw .unreadable(path: folder, reason: "cannot list the folder")
        }
    }

    /// Whether `path` is a folder.
    static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Reads and parses a JSON file.
    static func readJSON(_ path: String) throws(EvaluationError) -> JSONValue {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: isFolder(path) ? "is a folder" : "cannot read the file")
        }
        do {
            return try JSONValue.parse(data)
        } catch {
            throw .malformed(path: path, reason: error.description)
        }
    }
}
