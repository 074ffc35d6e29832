import ArgumentParser
import Evaluation
import Extractor
import Foundation

/// `zhengce eval`: precision, recall and F1 against gold annotations.
struct EvalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval",
        abstract: "Score extractions against hand-annotated gold files.",
        discussion: """
            Compares predictions with the NAME.gold.json files of --gold and prints precision, \
            recall and F1 per field group (amounts, counts, percentages, measures, responsibility, \
            organizations, references), micro-averaged over the documents, and the agreement of \
            matched items (amounts.approximate, amounts.per, counts.approximate, counts.subject, \
            measures.title, metadata). The figures, the matching and the printed layout are those \
            of the reference scorer score.py.

            Each PATH is one of:
              a document or a folder of documents   extracted here, then scored
              a folder holding .json files          predictions (zhengce extract -o)
              a .json file                          one prediction
              a .jsonl file                         predictions, one per line
            A prediction is matched to its gold file by the name of its source.path, or else by \
            its own file name (NAME.txt.json serves NAME.txt).

            Examples:
              zhengce eval --gold Fixtures/gold Corpus/
              zhengce eval --gold Fixtures/gold out/ --verbose
              zhengce eval --gold Fixtures/gold Corpus/ --ratchet Fixtures/ratchet.json

            With --ratchet, any figure below its minimum in the ratchet file is reported and the \
            exit status is 1; --update-ratchet then raises the minimums to the figures measured \
            now where those are higher (it never lowers one).

            The gold of the zhengce repository is Fixtures/gold: run eval from the repository's \
            root, or give --gold the folder of your own gold files.

            Exit status: 0 when scored (and no figure fell below the ratchet), 1 on a ratchet \
            drop or a document that could not be read, 2 on a usage error (such as a --gold \
            folder that does not exist).
            """
    )

    @Option(help: "The folder of NAME.gold.json files.")
    var gold: String

    @Argument(help: "Documents, folders of documents, or predictions (.json, .jsonl, a folder of .json).")
    var paths: [String]

    @Flag(name: .shortAndLong, help: "List every miss, false positive and disagreement, with its text.")
    var verbose = false

    @Flag(help: "Print the figures as one JSON object (with --verbose, also the findings).")
    var json = false

    @Option(help: "Score only the gold documents whose name contains this.")
    var doc: String?

    @Option(help: "A ratchet file of minimum figures; a figure below its minimum fails the run.")
    var ratchet: String?

    @Flag(help: "Raise the ratchet's minimums to the figures measured now, where higher.")
    var updateRatchet = false

    func validate() throws {
        if updateRatchet && ratchet == nil { throw ValidationError("--update-ratchet needs --ratchet FILE.") }
        if paths.isEmpty { throw ValidationError("Give at least one PATH to score.") }
        try FixtureFolders.require(gold, option: "--gold")
        try FixtureFolders.requireExisting(paths)
    }

    func run() throws {
        let goldSet = try GoldSet(folder: gold)
        var failures = 0
        let predictions = try loadPredictions(failures: &failures)
        if predictions.count == 0 { standardError("zhengce: no documents or predictions found in \(paths.joined(separator: " "))") }
        let card = Scorecard(gold: goldSet, predictions: predictions, only: doc)

        if json {
            print(ScoreReport.json(card, findings: verbose), terminator: "")
        } else {
            if verbose { print(ScoreReport.findings(card), terminator: "") }
            print(ScoreReport.table(card), terminator: "")
        }

        var dropped = false
        if let ratchet {
            // --update-ratchet may start a new ratchet file.
            let starting = updateRatchet && !FileManager.default.fileExists(atPath: ratchet)
            var minimums = starting ? Ratchet() : try Ratchet(file: ratchet)
            for drop in minimums.drops(in: card) {
                dropped = true
                standardError("zhengce: \(drop.description)")
            }
            if updateRatchet {
                let rises = minimums.raise(to: card)
                if rises.isEmpty {
                    standardError("zhengce: the ratchet is up to date")
                } else {
                    try minimums.write(to: ratchet)
                    for rise in rises { standardError("zhengce: raised \(rise.description)") }
                }
            }
        }
        if dropped || failures > 0 { throw ExitCode(1) }
    }

    /// Reads or extracts every PATH; documents that cannot be read are reported and counted.
    private func loadPredictions(failures: inout Int) throws -> PredictionSet {
        var predictions = PredictionSet()
        var extractor: DocumentExtractor?
        for path in paths {
            let lowered = path.lowercased()
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: path, isDirectory: &isFolder)
            if exists && !isFolder.boolValue && lowered.hasSuffix(".jsonl") {
                try predictions.add(jsonLines: path)
            } else if exists && !isFolder.boolValue && lowered.hasSuffix(".json") {
                try predictions.add(file: path)
            } else if exists && isFolder.boolValue && Self.holdsPredictions(path) {
                try predictions.add(folder: path)
            } else {
                if extractor == nil { extractor = try DocumentExtractor() }
                for file in DocumentWalker.files(in: [path]) {
                    do {
                        predictions.add(try extractor!.extractJSON(try DocumentInput(fileAt: file.path)))
                    } catch {
                        failures += 1
                        standardError("zhengce: \(error)")
                    }
                }
            }
        }
        return predictions
    }

    /// Whether a folder holds prediction files (`*.json` at its top level) rather than documents.
    private static func holdsPredictions(_ folder: String) -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.contains { $0.lowercased().hasSuffix(".json") }
    }
}

/// Writes one line to standard error.
func standardError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}
