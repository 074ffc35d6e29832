import Extractor

/// Precision, recall and F1 per field group and agreement per field,
/// micro-averaged over the documents: the figures of `zhengce eval`, the
/// same as score.py's on the same inputs.
public struct Scorecard: Sendable {
    /// Every gold document scored, in name order, with its own score.
    public var documents: [(name: String, score: DocumentScore)] = []
    /// Counts per field group, summed over documents.
    public var tallies: [FieldGroup: Tally] = [:]
    /// Agreement counts per field, summed over documents.
    public var agreements: [AgreementField: Agreement] = [:]
    /// Gold documents that had no prediction.
    public var missingDocuments: [String] = []

    /// Scores every gold document (or those whose name contains `only`) against its prediction.
    public init(gold: GoldSet, predictions: PredictionSet, only: String? = nil) {
        let scorer = DocumentScorer()
        for group in FieldGroup.allCases { tallies[group] = Tally() }
        for field in AgreementField.allCases { agreements[field] = Agreement() }
        for (name, annotation) in gold.documents {
            if let only, !only.isEmpty, !ExactText(name).contains(ExactText(only)) { continue }
            let prediction = predictions.prediction(for: name)
            if prediction == nil { missingDocuments.append(name) }
            let score = scorer.score(gold: annotation, prediction: prediction)
            for (group, tally) in score.tallies { tallies[group]! += tally }
            for (field, agreement) in score.agreements { agreements[field]! += agreement }
            documents.append((name, score))
        }
    }

    /// The figure of a group or agreement field as it is printed (rounded to 4
    /// places, as score.py's `--json` has it), or nil for an agreement with nothing compared.
    public func figure(_ name: RatchetFigure) -> Double? {
        switch name {
        case .f1(let group): PythonFloat.rounded(tallies[group]!.f1, places: 4)
        case .accuracy(let field): agreements[field]!.rate.map { PythonFloat.rounded($0, places: 4) }
        }
    }
}

/// A figure the ratchet can hold: a group's F1 or a field's agreement.
public enum RatchetFigure: Hashable, Sendable, CustomStringConvertible {
    case f1(FieldGroup)
    case accuracy(AgreementField)

    /// Every figure, groups first, in report order.
    public static var all: [RatchetFigure] {
        FieldGroup.allCases.map(RatchetFigure.f1) + AgreementField.allCases.map(RatchetFigure.accuracy)
    }

    /// The group or field name.
    public var field: String {
        switch self {
        case .f1(let group): group.rawValue
        case .accuracy(let field): field.rawValue
        }
    }

    /// `f1` or `accuracy`.
    public var measure: String {
        switch self {
        case .f1: "f1"
        case .accuracy: "accuracy"
        }
    }

    /// `counts f1`, `metadata accuracy`.
    public var description: String { "\(field) \(measure)" }
}
