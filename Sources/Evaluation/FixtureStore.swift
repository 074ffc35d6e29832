import Extractor
import Foundation

/// The blessed outputs in `Fixtures/expected/`: one `NAME.json` per document,
/// the extraction result whose `source.path` names the document relative to
/// the repository root. Checking re-extracts each document and compares.
public struct FixtureStore: Sendable {
    /// The fixtures folder.
    public let folder: String
    /// The folder `source.path` is relative to.
    public let root: String

    /// A store over `folder`; `root` defaults to the nearest folder above it
    /// that holds `Package.swift`, else the current folder.
    public init(folder: String, root: String? = nil) {
        self.folder = folder
        self.root = root ?? Self.repositoryRoot(above: folder) ?? FileManager.default.currentDirectoryPath
    }

    /// The nearest folder at or above `path` that holds `Package.swift`.
    public static func repositoryRoot(above path: String) -> String? {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url.path }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { return nil }
            url = parent
        }
    }

    /// Paths of every fixture (`*.json` under the folder), sorted.
    public func fixtures() throws(EvaluationError) -> [String] {
        guard FileNames.isFolder(folder) else { throw .unreadable(path: folder, reason: "no such folder") }
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var found: [String] = []
        while let relative = enumerator?.nextObject() as? String {
            if relative.hasSuffix(".json") { found.append(relative) }
        }
        return found.sorted { ExactText($0) < ExactText($1) }.map { folder + "/" + $0 }
    }

    /// The fixture file of a document found at `relativePath` under a folder
    /// the user named (`NAME.txt` → `folder/NAME.txt.json`, as `extract -o` names outputs).
    public func fixturePath(forDocumentAt relativePath: String) -> String { folder + "/" + relativePath + ".json" }

    /// A document's path as fixtures record it: relative to the root when under it.
    public func recordedPath(of document: String) -> String {
        let absolute = URL(fileURLWithPath: document).standardizedFileURL.path
        let base = URL(fileURLWithPath: root).standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }

    /// Reads a fixture and the document path it records.
    public func load(_ fixture: String) throws(EvaluationError) -> (expected: JSONObject, source: String) {
        guard case .object(let expected) = try FileNames.readJSON(fixture) else {
            throw .malformed(path: fixture, reason: "not a JSON object")
        }
        guard case .string(let source)? = expected["source"]?["path"] else {
            throw .malformed(path: fixture, reason: "no source.path")
        }
        return (expected, source)
    }

    /// Re-extracts the document a fixture records and compares it with the fixture.
    public func check(_ fixture: String, with extractor: DocumentExtractor) -> FixtureCheck {
        var check = FixtureCheck(fixture: fixture)
        do {
            let (expected, source) = try load(fixture)
            check.source = source
            try compare(expected: expected, source: source, into: &check, with: extractor)
        } catch {
            check.problem = "\(error)"
        }
        return check
    }

    /// Extracts a document that may have no fixture yet, and compares it with
    /// the fixture at `fixture` when there is one.
    public func check(document: String, fixture: String, with extractor: DocumentExtractor) -> FixtureCheck {
        var check = FixtureCheck(fixture: fixture)
        check.source = recordedPath(of: document)
        do {
            if FileManager.default.fileExists(atPath: fixture) {
                let (expected, source) = try load(fixture)
                check.source = source
                try compare(expected: expected, source: source, into: &check, with: extractor)
            } else {
                check.isNew = true
                try compare(expected: nil, source: check.source!, into: &check, with: extractor)
            }
        } catch {
            check.problem = "\(error)"
        }
        return check
    }

    private func compare(
        expected: JSONObject?, source: String, into check: inout FixtureCheck,
        with extractor: DocumentExtractor
    ) throws {
        let path = source.hasPrefix("/") ? source : root + "/" + source
        let input = try DocumentInput(fileAt: path, recordedAs: source)
        let actual = try extractor.extractJSON(input)
        check.actual = actual
        check.original = input.document.original
        if let expected {
            check.differences = JSONDiff.differences(expected: .object(expected), actual: .object(actual))
        }
    }

    /// Writes a result as a fixture file, making folders as needed.
    public func write(_ result: JSONObject, to fixture: String) throws(EvaluationError) {
        do {
            try FileManager.default.createDirectory(
                atPath: (fixture as NSString).deletingLastPathComponent,
                withIntermediateDirectories: true)
            try Data(FixtureFormat.render(result).utf8).write(to: URL(fileURLWithPath: fixture), options: .atomic)
        } catch {
            throw .unreadable(path: fixture, reason: "cannot write: \(error.localizedDescription)")
        }
    }
}

/// The outcome of checking one fixture.
public struct FixtureCheck: Sendable {
    /// The fixture file.
    public var fixture: String
    /// The document it records, relative to the root.
    public var source: String?
    /// Differences from today's output, in order.
    public var differences: [FixtureDifference] = []
    /// True when the document has no fixture yet.
    public var isNew = false
    /// Why the check could not be made (unreadable fixture or document).
    public var problem: String?
    /// Today's output, when it could be made.
    public var actual: JSONObject?
    /// The document's original text, for showing differences in context.
    public var original: [Unicode.Scalar]?

    /// Whether the fixture matches today's output.
    public var passed: Bool { problem == nil && !isNew && differences.isEmpty }

    /// The report: a heading, then one line per difference.
    public var report: String {
        let name = source.map { "\(fixture) (\($0))" } ?? fixture
        if let problem { return "\(name): cannot check: \(problem)\n" }
        if isNew { return "\(name): no fixture yet\n" }
        if differences.isEmpty { return "" }
        let count = differences.count == 1 ? "1 difference" : "\(differences.count) differences"
        return "\(name): \(count)\n" + differences.map { "  " + $0.line(original: original) + "\n" }.joined()
    }
}
