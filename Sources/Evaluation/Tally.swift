import Extractor

/// The field groups scored by precision, recall and F1, in report order.
public enum FieldGroup: String, CaseIterable, Sendable, Codable {
    case amounts, counts, percentages, measures, responsibility, organizations, references, deadlines
}

/// The fields scored by agreement on matched items (and metadata field by field), in report order.
public enum AgreementField: String, CaseIterable, Sendable, Codable {
    case amountsApproximate = "amounts.approximate"
    case amountsPer = "amounts.per"
    case amountsPurpose = "amounts.purpose"
    case countsApproximate = "counts.approximate"
    case countsSubject = "counts.subject"
    case measuresTitle = "measures.title"
    case measuresNumber = "measures.number"
    case metadata
    /// The metadata fields added to the contract later (docType, policyType,
    /// effectiveDate, expiryDate, region), scored where the gold file has them.
    case metadataMore = "metadata.more"
}

/// Matches, false positives and misses of one field group.
public struct Tally: Sendable, Equatable {
    /// Gold items found.
    public var truePositives = 0
    /// Predicted items with no gold counterpart.
    public var falsePositives = 0
    /// Gold items not found.
    public var falseNegatives = 0

    /// A tally of the given counts (none by default).
    public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives; self.falsePositives = falsePositives; self.falseNegatives = falseNegatives
    }

    /// Adds another tally's counts.
    public static func += (lhs: inout Tally, rhs: Tally) {
        lhs.truePositives += rhs.truePositives
        lhs.falsePositives += rhs.falsePositives
        lhs.falseNegatives += rhs.falseNegatives
    }

    // The figures are computed in binary floating point, in score.py's order
    // of operations, so that rounding them gives score.py's digits exactly.

    /// tp / (tp + fp); with nothing predicted, 1 if nothing was to be found, else 0.
    public var precision: Double {
        let predicted = truePositives + falsePositives
        if predicted > 0 { return Double(truePositives) / Double(predicted) }
        return falseNegatives == 0 ? 1 : 0
    }

    /// tp / (tp + fn); 1 when there was nothing to find.
    public var recall: Double {
        let relevant = truePositives + falseNegatives
        return relevant > 0 ? Double(truePositives) / Double(relevant) : 1
    }

    /// The harmonic mean of precision and recall (0 when both are 0).
    public var f1: Double {
        let p = precision, r = recall
        return p + r > 0 ? 2 * p * r / (p + r) : 0
    }
}

/// How many matched items (or metadata fields) agree with gold on one field.
public struct Agreement: Sendable, Equatable {
    /// Items that agree.
    public var right = 0
    /// Items compared.
    public var total = 0

    /// `right` of `total` items agree (none compared by default).
    public init(right: Int = 0, total: Int = 0) {
        self.right = right; self.total = total
    }

    /// Adds another agreement's counts.
    public static func += (lhs: inout Agreement, rhs: Agreement) {
        lhs.right += rhs.right
        lhs.total += rhs.total
    }

    /// right / total, or nil when nothing was compared.
    public var rate: Double? { total > 0 ? Double(right) / Double(total) : nil }
}

/// One line of the verbose report: a gold item missed, a predicted item with
/// no gold counterpart, or a matched item whose field disagrees.
public struct Finding: Sendable, Equatable {
    /// What kind of finding.
    public enum Kind: String, Sendable {
        case missed, extra, wrong
    }

    /// The group or agreement field: `amounts`, `counts.subject`, `metadata`…
    public var field: String
    /// Missed, extra or wrong.
    public var kind: Kind
    /// The item as score.py describes it: its text, start, and key values.
    public var detail: String

    /// A finding about `field`.
    public init(_ field: String, _ kind: Kind, _ detail: String) {
        self.field = field; self.kind = kind; self.detail = detail
    }

    /// The report line: `  amounts missed: '约6亿元'@1361 {…}`.
    public var line: String { "  \(field) \(kind.rawValue): \(detail)" }
}
