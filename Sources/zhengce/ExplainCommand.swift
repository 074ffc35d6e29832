import ArgumentParser
import Evaluation
import Extractor
import Segmenter

/// `zhengce explain`: which rule made each item, and what the negative rules turned down.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Show every item found with the rule that made it, and the near misses.",
        discussion: """
            Lists, in text order, every item extracted from FILE (sections, measures, amounts, \
            counts, percentages, each mention of a reference or organisation, diagnostics) with \
            its span, the name of the rule that produced it and its values, then the text around \
            it. Near misses, text a negative rule turned down (一次性 is not a count), are listed \
            as "rejected" with that rule and its reason.

            Examples:
              zhengce explain Corpus/001_3844e15ad01e42f4.txt
              zhengce explain Corpus/001_3844e15ad01e42f4.txt --at 3262

            Offsets are code points into the original file, as in the output's spans.
            """
    )

    @Argument(help: "The document to explain.")
    var file: String

    @Option(help: "Only items and near misses whose span contains this code-point offset or lies within --window of it.")
    var at: Int?

    @Option(help: "How near to --at an item must be, in code points.")
    var window = 10

    @Option(name: .customLong("as"), help: "Read the file as plain, markdown or html instead of guessing.")
    var format: DocumentFormat?

    func validate() throws {
        if let at, at < 0 { throw ValidationError("--at must be an offset ≥ 0.") }
        if window < 0 { throw ValidationError("--window must be ≥ 0.") }
    }

    func run() throws {
        let input = try DocumentInput(fileAt: file, format: format)
        let (result, rejections) = try DocumentExtractor().explain(input.document, source: input.source)
        let original = input.document.original
        var entries = Explanation.entries(result, rejections: rejections, original: original)
        let items = entries.filter { $0.kind != "rejected" }.count
        var heading =
            "\(file): \(items) item\(items == 1 ? "" : "s"), \(entries.count - items) near miss\(entries.count - items == 1 ? "" : "es")"
        if let at {
            entries = Explanation.entries(entries, near: at, window: window)
            heading += "; \(entries.count) within \(window) of offset \(at)"
            if at < original.count { heading += " — " + DocumentInput.context(of: Span(start: at, end: at), in: original) }
        }
        print(heading)
        print(Explanation.render(entries, original: original), terminator: "")
    }
}
