import ArgumentParser
import Evaluation
import Extractor
import Foundation
import Segmenter

/// `zhengce residue`: the numbers no item accounts for, grouped and counted over documents.
struct ResidueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "residue",
        abstract: "List the numbers no item covers and no rule turned down, by frequency.",
        discussion: """
            Extracts every document under PATH (files, or folders walked in byte order of paths, as `extract` walks them) and \
            collects each run of digits or Chinese numerals in its text that lies in no \
            amount, count, percentage, reference, organisation, diagnostic, section or \
            measure marker, and that no named negative rule turned down (`zhengce explain` \
            lists those as near misses). Runs are grouped by their shape (digits as 9, \
            Chinese digits as 七) with two characters on each side, and the groups are \
            counted over all documents: on documents without gold, the top of this list is \
            where the rules miss. A lone 一 is left out unless --keep-lone-one is given.

            Examples:
              zhengce residue ../shared/bulk
              zhengce residue docs/ --top 100 --examples 3
            """
    )

    @Argument(help: "Documents or folders of documents.")
    var paths: [String]

    @Option(help: "How many groups to list.")
    var top = 40

    @Option(help: "How many examples to show under each group.")
    var examples = 2

    @Flag(help: "Count a lone 一 as well.")
    var keepLoneOne = false

    func validate() throws {
        if top < 1 { throw ValidationError("--top must be ≥ 1.") }
        if examples < 0 { throw ValidationError("--examples must be ≥ 0.") }
    }

    func run() throws {
        let extractor = try DocumentExtractor()
        var tally = ResidueTally(examplesPerGroup: examples)
        var failed = 0
        // Walked as `extract` walks; the tables and predictions kept beside documents left out.
        for found in DocumentWalker.files(in: paths, excluding: ["*.tsv", "*.json", "*.jsonl"]) {
            let file = found.path
            do {
                let input = try DocumentInput(fileAt: file)
                let (result, rejections) = try extractor.explain(input.document, source: input.source)
                let residue = Residue(document: input.document, result: result, rejections: rejections, keepLoneOne: keepLoneOne)
                tally.add(residue, document: (file as NSString).lastPathComponent, original: input.document.original)
            } catch {
                failed += 1
                FileHandle.standardError.write(Data("zhengce residue: \(file): \(error)\n".utf8))
            }
        }
        print(tally.render(top: top), terminator: "")
        if failed > 0 { throw ExitCode(1) }
    }
}
