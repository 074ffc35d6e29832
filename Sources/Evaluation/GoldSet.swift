import Extractor

/// The hand annotations: one `NAME.gold.json` per document, keyed by its
/// `document` field (the source file's name).
public struct GoldSet: Sendable {
    /// Annotations by document name, sorted by name.
    public private(set) var documents: [(name: String, annotation: JSONObject)] = []

    /// Reads every `*.gold.json` in `folder` (not its subfolders).
    public init(folder: String) throws(EvaluationError) {
        var byName: [ExactText: (String, JSONObject)] = [:]
        for file in try FileNames.sortedEntries(of: folder) where file.hasSuffix(".gold.json") {
            let path = folder + "/" + file
            guard case .object(let annotation) = try FileNames.readJSON(path) else {
                throw .malformed(path: path, reason: "not a JSON object")
            }
            guard case .string(let name)? = annotation["document"] else {
                throw .malformed(path: path, reason: "no \"document\" name")
            }
            byName[ExactText(name)] = (name, annotation)
        }
        documents = byName.sorted { $0.key < $1.key }.map { (name: $0.value.0, annotation: $0.value.1) }
    }

    /// Annotations given directly, e.g. in tests.
    public init(documents: [(name: String, annotation: JSONObject)]) {
        self.documents = documents.sorted { ExactText($0.name) < ExactText($1.name) }
    }
}
