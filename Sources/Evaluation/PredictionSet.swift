import Extractor
import Foundation

/// The extractor's output for a set of documents, found by document name.
///
/// A prediction is matched to a gold document by the base name of its
/// `source.path` (or `source.name`, `source`, `path`, `document`), or else by
/// the stem of the file it was read from: `out/NAME.txt.json` serves
/// `NAME.txt`. When several predictions claim a name, the later one wins for
/// its source name, the earlier one for a file stem.
public struct PredictionSet: Sendable {
    private var byName: [ExactText: JSONObject] = [:]
    private var byStem: [ExactText: JSONObject] = [:]
    /// How many predictions were added.
    public private(set) var count = 0

    /// No predictions yet.
    public init() {}

    /// Adds one prediction; `fileStem` is the stem of the file it came from, if any.
    public mutating func add(_ prediction: JSONObject, fileStem: String? = nil) {
        count += 1
        if let name = Self.sourceName(of: prediction), !name.isEmpty {
            byName[ExactText(name)] = prediction
            byStem[ExactText(FileNames.stem(name))] = prediction
        }
        if let fileStem, !fileStem.isEmpty, byStem[ExactText(fileStem)] == nil {
            byStem[ExactText(fileStem)] = prediction
        }
    }

    /// Adds every `*.json` file of a folder (not its subfolders), in name order.
    public mutating func add(folder: String) throws(EvaluationError) {
        for file in try FileNames.sortedEntries(of: folder) where file.hasSuffix(".json") {
            let path = folder + "/" + file
            if FileNames.isFolder(path) { continue }
            guard case .object(let prediction) = try FileNames.readJSON(path) else {
                throw .malformed(path: path, reason: "not a JSON object")
            }
            add(prediction, fileStem: FileNames.stem(file))
        }
    }

    /// Adds one prediction from a JSON file.
    public mutating func add(file path: String) throws(EvaluationError) {
        guard case .object(let prediction) = try FileNames.readJSON(path) else {
            throw .malformed(path: path, reason: "not a JSON object")
        }
        add(prediction, fileStem: FileNames.stem(FileNames.basename(path)))
    }

    /// Adds every line of a JSONL file (lines end at `\n`, `\r` or `\r\n`; blank lines are skipped).
    public mutating func add(jsonLines path: String) throws(EvaluationError) {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .unreadable(path: path, reason: "cannot read the file")
        }
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() {
            for piece in line.split(separator: 0x0D) {
                let text = String(decoding: piece, as: UTF8.self)
                guard text.unicodeScalars.contains(where: { !ScoreRules.whitespace.contains($0.value) }) else { continue }
                let place = "\(path):\(index + 1)"
                let value: JSONValue
                do {
                    value = try JSONValue.parse(text)
                } catch {
                    throw .malformed(path: place, reason: error.description)
                }
                guard case .object(let prediction) = value else { throw .malformed(path: place, reason: "not a JSON object") }
                add(prediction)
            }
        }
    }

    /// The prediction for a gold document name, or nil.
    public func prediction(for name: String) -> JSONObject? {
        if let named = byName[ExactText(name)], !named.entries.isEmpty { return named }
        return byStem[ExactText(FileNames.stem(name))]
    }

    /// The base name of the source file a prediction names, if any.
    static func sourceName(of prediction: JSONObject) -> String? {
        var source = prediction["source"]
        if case .object(let object)? = source {
            source = object["path"].flatMap { $0.isTruthy ? $0 : nil } ?? object["name"]
        }
        if !(source?.isTruthy ?? false) {
            source = prediction["path"].flatMap { $0.isTruthy ? $0 : nil } ?? prediction["document"]
        }
        guard case .string(let path)? = source else { return nil }
        return FileNames.basename(path)
    }
}
