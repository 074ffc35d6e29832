import Extractor
import Foundation
import Segmenter

/// One line of `zhengce extract --stdin`: a JSON object naming a document.
///
/// - `{"path": "a/b.txt"}`: read that file.
/// - `{"id": "x", "text": "…"}`: extract this text (UTF-8 in the JSON line).
/// - `{"id": "x", "base64": "…"}`: extract these bytes, decoded as a file
///   would be (GB18030, UTF-16 and BOMs detected the same way).
///
/// `id` becomes the record's `documentId` (default: `path`). With `text` or
/// `base64`, `path` only names the document (`source.path`, default: `id`)
/// and its extension hints the format; `format` (`plain`, `markdown`, `html`)
/// overrides the guess.
struct StreamRequest {
    var documentId: String
    var path: String
    var content: WorkItem.Content

    /// Reads line `number` (from 1); a line that is not a valid request becomes
    /// an `invalid-input` failure, so every line still gets its output line.
    static func parse(_ line: String, number: Int) -> StreamRequest {
        let fallback = "<stdin line \(number)>"
        func invalid(_ reason: String, id: String? = nil, path: String? = nil) -> StreamRequest {
            let name = path ?? id ?? fallback
            return StreamRequest(
                documentId: id ?? name, path: name,
                content: .failure(DocumentFailure(path: name, kind: .invalidInput, reason: reason)))
        }
        let object: [String: Any]
        do {
            guard let parsed = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                return invalid("line \(number) is not a JSON object")
            }
            object = parsed
        } catch {
            return invalid(line.allSatisfy(\.isWhitespace) ? "line \(number) is empty" : "line \(number) is not valid JSON")
        }
        for key in ["id", "path", "text", "base64", "format"] where object[key] != nil && !(object[key] is String) {
            return invalid("\"\(key)\" must be a string")
        }
        let id = object["id"] as? String, path = object["path"] as? String
        let text = object["text"] as? String, base64 = object["base64"] as? String
        var format: DocumentFormat?
        if let name = object["format"] as? String {
            guard let known = DocumentFormat(rawValue: name) else {
                return invalid("unknown format \"\(name)\" (plain, markdown or html)", id: id, path: path)
            }
            format = known
        }
        switch (text, base64) {
        case (let text?, nil):
            let name = path ?? id ?? fallback
            return StreamRequest(documentId: id ?? name, path: name, content: .bytes(Array(text.utf8), format: format))
        case (nil, let encoded?):
            let name = path ?? id ?? fallback
            guard let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
                return invalid("\"base64\" is not valid base64", id: id, path: name)
            }
            return StreamRequest(documentId: id ?? name, path: name, content: .bytes(Array(data), format: format))
        case (nil, nil):
            guard let path else { return invalid("needs \"path\", \"text\" or \"base64\"", id: id) }
            return StreamRequest(documentId: id ?? path, path: path, content: .file(format: format))
        case (.some, .some):
            return invalid("give \"text\" or \"base64\", not both", id: id, path: path)
        }
    }
}
