import Foundation
import Testing
import TestSupport
@testable import Evaluation
import Extractor

/// What `zhengce eval` prints for the same inputs, made through the library.
enum SwiftScorer {
    enum Mode { case table, verbose, json }

    static func card(gold: URL, pred: URL) throws -> Scorecard {
        var predictions = PredictionSet()
        if pred.pathExtension == "jsonl" { try predictions.add(jsonLines: pred.path) } else { try predictions.add(folder: pred.path) }
        return Scorecard(gold: try GoldSet(folder: gold.path), predictions: predictions)
    }

    static func run(gold: URL, pred: URL, _ mode: Mode) throws -> String {
        let card = try card(gold: gold, pred: pred)
        switch mode {
        case .table: return ScoreReport.table(card)
        case .verbose: return ScoreReport.findings(card) + ScoreReport.table(card)
        case .json: return ScoreReport.json(card)
        }
    }
}

/// Compares two printed reports line by line, naming the first lines that differ.
func expectSameReport(_ swift: String, _ python: String, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
    if swift == python { return }
    let a = swift.split(separator: "\n", omittingEmptySubsequences: false)
    let b = python.split(separator: "\n", omittingEmptySubsequences: false)
    var notes: [String] = []
    for index in 0..<max(a.count, b.count) where notes.count < 6 {
        let x = index < a.count ? String(a[index]) : "(none)", y = index < b.count ? String(b[index]) : "(none)"
        if x != y { notes.append("line \(index + 1):\n  zhengce: \(x)\n  score.py: \(y)") }
    }
    let message = "\(label): zhengce eval and score.py differ\n" + notes.joined(separator: "\n")
    Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
}

/// Temporary folders and files for synthetic gold and predictions.
enum Scratch {
    static func folder(_ name: String) throws -> URL { try CommandRunner.temporaryFolder(name) }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    static func write(_ object: JSONObject, to url: URL) throws {
        try write(JSONRendering.compact(.object(object)), to: url)
    }

    /// The repository's gold folder.
    static var gold: URL { Repository.root.appendingPathComponent("Fixtures/gold") }
}
