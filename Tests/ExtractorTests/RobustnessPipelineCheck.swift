import Extractor
import Foundation
import Segmenter
#if canImport(TestSupport)
import TestSupport  // ResultInvariants; the fuzz target compiles that file beside this one
#endif

/// Runs one input through the whole pipeline in every reading (format
/// guessed, plain, Markdown, HTML), the way `zhengce extract` would, and
/// lists every promise the outcome breaks: bytes → ``TextDocument`` →
/// ``DocumentExtractor`` → JSON.
///
/// Shared by the property tests and the fuzz target (through a symbolic link
/// in `Fuzz/Sources/FuzzPipeline`). Holds ICU iterators: one per thread.
final class PipelineCheck {
    /// The readings every input goes through: nil lets the extractor guess.
    static let formats: [DocumentFormat?] = [nil, .plain, .markdown, .html]

    private let extractor: DocumentExtractor
    private let segmenter: Segmenter

    init() throws {
        extractor = try DocumentExtractor()
        segmenter = try Segmenter()
    }

    /// Everything wrong with how `bytes`, named `path`, is read in each format; empty when all holds.
    func problems(bytes: [UInt8], path: String = "input") -> [String] {
        var problems: [String] = []
        for format in Self.formats {
            let label = format?.rawValue ?? "guessed"
            problems += self.problems(bytes: bytes, path: path, format: format).map { "[\(label)] \($0)" }
        }
        return problems
    }

    /// Everything wrong with how `bytes` is read in one format.
    func problems(bytes: [UInt8], path: String, format: DocumentFormat?) -> [String] {
        let document: TextDocument
        do {
            // The reading extraction does: PDF/DOCX/OFD read out, other binary
            // formats turned down, the rest decoded as text.
            document = try DocumentExtractor.read(bytes: bytes, path: path, format: format)
        } catch {
            // Unreadable: extraction must fail the same way, naming the file.
            do {
                _ = try extractor.extract(bytes: bytes, path: path, format: format)
                return ["reading refused the bytes (\(error)) but extraction succeeded"]
            } catch let failure {
                var problems: [String] = []
                if failure.path != path { problems.append("the error names \(failure.path), not \(path)") }
                if failure != error { problems.append("extraction says \(failure), reading \(error)") }
                return problems
            }
        }

        let result: ExtractionResult
        do {
            result = try extractor.extract(bytes: bytes, path: path, format: format)
        } catch {
            return ["decoded, but extraction failed: \(error)"]
        }
        var problems = ResultInvariants.violations(of: result, document: document)

        do {
            problems += ResultInvariants.violations(ofMapping: document, sentences: try segmenter.sentences(in: document.text))
        } catch {
            problems.append("segmenting failed: \(error)")
        }

        // A second run, through `explain`, gives the same result and sound rejections.
        let again: (result: ExtractionResult, rejections: [Rejection])
        do {
            again = try extractor.explain(document, source: result.source)
        } catch {
            return problems + ["the second run failed: \(error)"]
        }
        problems += ResultInvariants.violations(of: again.rejections, document: document)

        // The JSON is the product: it must encode, be the same both times, and read back.
        do {
            let json = try JSONFormat.encode(result, pretty: false)
            let secondJSON = try JSONFormat.encode(again.result, pretty: false)
            if json != secondJSON { problems.append("two runs differ:\n\(json)\n\(secondJSON)") }
            let decoded = try JSONDecoder().decode(ExtractionResult.self, from: Data(json.utf8))
            if decoded != result { problems.append("the JSON does not read back as the same result: \(json)") }
        } catch {
            problems.append("JSON encoding or decoding failed: \(error)")
        }
        return problems
    }
}
