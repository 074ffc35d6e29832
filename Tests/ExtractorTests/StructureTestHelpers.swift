import Foundation
import Segmenter
@testable import Extractor

/// Runs the whole extractor on a document written in a test.
enum StructureHarness {
    static func extract(_ text: String, format: DocumentFormat = .plain) throws -> ExtractionResult {
        let document = TextDocument(text: text, format: format)
        let source = Source(path: "test", sha256: "", encoding: "UTF-8", format: format.rawValue, characters: document.original.count)
        return try DocumentExtractor().extract(document, source: source)
    }

    /// A context over `text`, for the matchers that need no sentences.
    static func context(_ text: String, format: DocumentFormat = .plain) -> ExtractionContext {
        ExtractionContext(document: TextDocument(text: text, format: format))
    }

    /// The cases of `Cases/structure/<name>.json`.
    static func cases<T: Decodable>(_ name: String, as type: T.Type) -> T {
        guard let url = Bundle.module.url(forResource: name, withExtension: "json", subdirectory: "Cases/structure"),
            let data = try? Data(contentsOf: url)
        else {
            fatalError("missing test cases Cases/structure/\(name).json")
        }
        do {
            return try JSONDecoder().decode(T.self, from: data)
        } catch {
            fatalError("bad test cases Cases/structure/\(name).json: \(error)")
        }
    }
}

/// A case file: a description and its cases.
struct CaseFile<Case: Decodable & Sendable>: Decodable {
    var about: String
    var cases: [Case]
}
