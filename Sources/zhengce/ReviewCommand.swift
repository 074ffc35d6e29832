import ArgumentParser
import Evaluation
import Extractor
import Foundation
import Review
import Segmenter

/// `zhengce review`: a static HTML site to check extractions by eye.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "review",
        abstract: "Write HTML pages showing every item found in place in its document.",
        discussion: """
            Writes a static site into --output: index.html lists the documents with their metadata, \
            item counts, diagnostics and errors (sort by any column; filter by region, document type, \
            year or text); documents/NAME.html shows one document's original text with every item \
            highlighted by kind, measures as blocks with their lead and cooperating units, and a panel \
            with the values and rule of the item under the pointer; the near misses (what a negative \
            rule turned down, as `zhengce explain` lists them) can be switched on. The pages open from the disk: \
            nothing is fetched and no server is needed.

            With --gold, each page also marks the items the gold has and the extraction missed (at \
            the gold's place) and the extracted items the gold does not have, as `zhengce eval \
            --verbose` lists them.

            Examples:
              zhengce review Corpus -o site
              zhengce review docs/ --gold gold/ -o site && xdg-open site/index.html

            Exit status: 0 when every document has its page, 1 when some could not be read (they \
            are listed in the index with the reason), 2 on a usage error.
            """
    )

    @Argument(help: "Documents, or folders of documents.")
    var paths: [String]

    @Option(name: .shortAndLong, help: "The folder to write the site into (created if missing).")
    var output: String

    @Option(help: "A folder of NAME.gold.json files to compare with.")
    var gold: String?

    func validate() throws {
        if paths.isEmpty { throw ValidationError("Give at least one document or folder to review.") }
    }

    func run() throws {
        let goldSet = try gold.map { try GoldSet(folder: $0) }
        var site = try ReviewSite(folder: output)
        let extractor = try DocumentExtractor()
        var failures = 0
        for file in DocumentWalker.files(in: paths) {
            do {
                // Read as `extract` reads it (a PDF, DOCX or OFD as its text), once.
                let bytes = try InputFile.read(file.path)
                let document = try DocumentExtractor.read(bytes: bytes, path: file.path)
                let source = Source(
                    path: file.path, sha256: SHA256.hex(bytes), encoding: document.encoding,
                    format: document.container ?? document.format.rawValue,
                    characters: document.original.count, pageStarts: document.pageStarts)
                let (result, rejections) = try extractor.explain(document, source: source)
                let record = try result.jsonObject()
                let nearMisses = rejections.map { rejection in
                    JSONObject([
                        "text": .string(rejection.text),
                        "span": .object(JSONObject(["start": .integer(rejection.span.start), "end": .integer(rejection.span.end)])),
                        "rule": .string(rejection.rule), "reason": .string(rejection.reason),
                    ])
                }
                let name = URL(fileURLWithPath: file.path).lastPathComponent
                let annotation = goldSet?.documents.first { $0.name == name }?.annotation
                try site.add(
                    name: file.relativePath, original: document.original, record: record, gold: annotation,
                    nearMisses: nearMisses)
            } catch {
                failures += 1
                standardError("zhengce: \(error)")
                site.addFailure(name: file.relativePath, reason: "\(error)")
            }
        }
        try site.finish()
        standardError("zhengce: wrote \(output)/index.html")
        if failures > 0 { throw ExitCode(1) }
    }
}
