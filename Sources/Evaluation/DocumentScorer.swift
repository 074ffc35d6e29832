import Extractor

/// Scores one document's prediction against its gold annotation (spec §7).
///
/// Items (amounts, counts, percentages) are paired greedily in gold order: a
/// gold item takes the first unused predicted item with the same key (values
/// within 1e-6 relative, same `redacted`, same classifier for counts) whose
/// span overlaps its own (when both have spans). Paired items are then
/// compared on their agreement fields. Measures pair by `number`; their
/// departments, organisations and references compare as sets of normalised names.
public struct DocumentScorer: Sendable {
    /// Findings are worded like score.py's `--verbose` lines.
    public init() {}

    /// The score of one document; `prediction` nil when the document has none.
    public func score(gold: JSONObject, prediction: JSONObject?) -> DocumentScore {
        let predicted = prediction ?? JSONObject()
        var score = DocumentScore(predicted: prediction != nil)

        for group in ItemGroup.all {
            // A group added to the contract later is scored only where the gold file has it.
            if group.onlyWhereGoldHasIt, !gold.has(group.field.rawValue) { continue }
            let golds = objects(gold[group.field.rawValue]), predictions = objects(predicted[group.field.rawValue])
            let matching = ItemPairing.pair(gold: golds, predicted: predictions, sameKey: group.sameKey)
            score.tallies[group.field, default: Tally()] += Tally(matching)
            for (field, name, comparison) in group.agreements {
                var agreement = Agreement()
                for (goldIndex, predictedIndex) in matching.pairs {
                    let g = golds[goldIndex], p = predictions[predictedIndex]
                    // A field added later is compared only where the gold item has it.
                    if comparison.onlyWhereGoldHasIt, !g.has(name) { continue }
                    agreement.total += 1
                    if comparison.agrees(g[name], p[name]) {
                        agreement.right += 1
                    } else {
                        let detail = "\(text(g["text"])): gold \(text(g[name])), got \(text(p[name]))"
                        score.findings.append(Finding(field.rawValue, .wrong, detail))
                    }
                }
                score.agreements[field, default: Agreement()] += agreement
            }
            score.findings += matching.missed.map { Finding(group.field.rawValue, .missed, ItemPairing.describe(golds[$0])) }
            score.findings += matching.extra.map { Finding(group.field.rawValue, .extra, ItemPairing.describe(predictions[$0])) }
        }

        // A gold `"measures": null` marks a document whose measures are not scored.
        if let goldMeasures = gold["measures"], !goldMeasures.isNull {
            scoreMeasures(objects(goldMeasures), objects(predicted["measures"]), into: &score)
        } else {
            score.tallies[.measures, default: Tally()] += Tally()
            score.tallies[.responsibility, default: Tally()] += Tally()
            score.agreements[.measuresTitle, default: Agreement()] += Agreement()
            score.agreements[.measuresNumber, default: Agreement()] += Agreement()
        }

        scoreMetadata(gold["metadata"]?.objectValue ?? JSONObject(), predicted["metadata"]?.objectValue ?? JSONObject(), into: &score)

        for field in [FieldGroup.organizations, .references] {
            let goldNames = gold[field.rawValue]?.pythonListElements ?? []
            let predictedNames = names(predicted[field.rawValue])
            scoreSet(field, gold: goldNames, predicted: predictedNames, into: &score)
        }
        return score
    }

    // MARK: measures

    /// Scores the measures as ``ItemPairing/pairMeasures(gold:predicted:)`` pairs them.
    private func scoreMeasures(_ gold: [JSONObject], _ predicted: [JSONObject], into score: inout DocumentScore) {
        var found = Tally(), roles = Tally(), title = Agreement(), number = Agreement()
        var missed: [Finding] = [], extra: [Finding] = [], wrongTitles: [Finding] = [], wrongNumbers: [Finding] = []
        var rolesMissed: [Finding] = [], rolesExtra: [Finding] = []
        let pairing = ItemPairing.pairMeasures(gold: gold, predicted: predicted)
        var partner = [Int?](repeating: nil, count: gold.count)
        for (goldIndex, index) in pairing.pairs { partner[goldIndex] = index }
        for (goldIndex, g) in gold.enumerated() {
            guard let index = partner[goldIndex] else {
                found.falseNegatives += 1
                missed.append(Finding("measures", .missed, "measure \(plain(g["number"])) \(plain(g["title"]))"))
                for role in ["lead", "cooperating"] { roles.falseNegatives += (g[role]?.pythonListElements ?? []).count }
                continue
            }
            let p = predicted[index]
            found.truePositives += 1
            title.total += 1
            if ScoreRules.normalized(g["title"]) == ScoreRules.normalized(p["title"]) {
                title.right += 1
            } else {
                wrongTitles.append(
                    Finding(
                        "measures.title", .wrong,
                        "measure \(plain(g["number"])): gold \(text(g["title"])), got \(text(p["title"]))"))
            }
            number.total += 1
            if key(g["number"]) == key(p["number"]) {
                number.right += 1
            } else {
                wrongNumbers.append(
                    Finding(
                        "measures.number", .wrong,
                        "measure \(plain(g["title"])): gold \(text(g["number"])), got \(text(p["number"]))"))
            }
            for role in ["lead", "cooperating"] {
                let goldSet = Set((g[role]?.pythonListElements ?? []).map(ScoreRules.normalized))
                let predictedSet = Set((p[role]?.pythonListElements ?? []).map(ScoreRules.normalized))
                roles.truePositives += goldSet.intersection(predictedSet).count
                roles.falseNegatives += goldSet.subtracting(predictedSet).count
                roles.falsePositives += predictedSet.subtracting(goldSet).count
                for name in goldSet.subtracting(predictedSet).sorted(by: Optional.ascending) {
                    rolesMissed.append(
                        Finding("responsibility", .missed, "measure \(plain(g["number"])) \(role): \(name?.string ?? "None")"))
                }
                for name in predictedSet.subtracting(goldSet).sorted(by: Optional.ascending) {
                    rolesExtra.append(Finding("responsibility", .extra, "measure \(plain(g["number"])) \(role): \(name?.string ?? "None")"))
                }
            }
        }
        for p in pairing.extra.map({ predicted[$0] }) {
            found.falsePositives += 1
            extra.append(Finding("measures", .extra, "measure \(plain(p["number"])) \(plain(p["title"]))"))
        }
        score.tallies[.measures, default: Tally()] += found
        score.tallies[.responsibility, default: Tally()] += roles
        score.agreements[.measuresTitle, default: Agreement()] += title
        score.agreements[.measuresNumber, default: Agreement()] += number
        score.findings += missed + extra + wrongTitles + wrongNumbers + rolesMissed + rolesExtra
    }

    // MARK: metadata

    private static let metadataFields = ["title", "documentNumber", "issuers", "recipients", "date"]

    private func scoreMetadata(_ gold: JSONObject, _ predicted: JSONObject, into score: inout DocumentScore) {
        var agreement = Agreement()
        for field in Self.metadataFields {
            guard let g = gold[field], !g.isNull, g != .array([]), g != .string("") else { continue }
            let p = predicted[field]
            agreement.total += 1
            let agrees: Bool
            if case .array(let goldList) = g {
                let predictedList = p?.pythonListElements ?? []
                agrees = goldList.map(ScoreRules.normalized) == predictedList.map(ScoreRules.normalized)
            } else {
                agrees = ScoreRules.normalized(g) == ScoreRules.normalized(p)
            }
            if agrees {
                agreement.right += 1
            } else {
                score.findings.append(Finding("metadata", .wrong, "\(field): gold \(g.pythonRepr), got \(text(p))"))
            }
        }
        score.agreements[.metadata, default: Agreement()] += agreement
        scoreMoreMetadata(gold, predicted, into: &score)
    }

    private static let moreMetadataFields = ["docType", "policyType", "effectiveDate", "expiryDate", "region"]

    /// The metadata fields added to the contract later, scored where the gold
    /// file has them (null included: a document without an effective date is
    /// scored on saying so); a region compares by code and level.
    private func scoreMoreMetadata(_ gold: JSONObject, _ predicted: JSONObject, into score: inout DocumentScore) {
        var agreement = Agreement()
        for field in Self.moreMetadataFields where gold.has(field) {
            let g = gold[field] ?? .null, p = predicted[field] ?? .null
            let agrees: Bool
            if field == "region" {
                func codeAndLevel(_ value: JSONValue) -> [JSONValue]? {
                    guard case .object(let region) = value else { return nil }
                    return [region["code"] ?? .null, region["level"] ?? .null]
                }
                let a = codeAndLevel(g), b = codeAndLevel(p)
                agrees = a == nil ? b == nil : b.map { zip(a!, $0).allSatisfy { $0.pythonEquals($1) } } ?? false
            } else {
                agrees = ScoreRules.normalized(g) == ScoreRules.normalized(p)
            }
            agreement.total += 1
            if agrees {
                agreement.right += 1
            } else {
                score.findings.append(Finding("metadata.more", .wrong, "\(field): gold \(g.pythonRepr), got \(text(predicted[field]))"))
            }
        }
        score.agreements[.metadataMore, default: Agreement()] += agreement
    }

    // MARK: organisations and references

    private func scoreSet(_ field: FieldGroup, gold: [JSONValue], predicted: [JSONValue], into score: inout DocumentScore) {
        let goldSet = Set(gold.filter(\.isTruthy).compactMap(ScoreRules.normalized))
        let predictedSet = Set(predicted.filter(\.isTruthy).compactMap(ScoreRules.normalized))
        var tally = Tally()
        tally.truePositives = goldSet.intersection(predictedSet).count
        tally.falseNegatives = goldSet.subtracting(predictedSet).count
        tally.falsePositives = predictedSet.subtracting(goldSet).count
        score.tallies[field, default: Tally()] += tally
        score.findings += goldSet.subtracting(predictedSet).sorted().map { Finding(field.rawValue, .missed, $0.string) }
        score.findings += predictedSet.subtracting(goldSet).sorted().map { Finding(field.rawValue, .extra, $0.string) }
    }

    /// Names of predicted organisations or references: strings as they are,
    /// objects by `title` (or else `name`).
    private func names(_ value: JSONValue?) -> [JSONValue] {
        (value?.pythonListElements ?? []).compactMap { item in
            switch item {
            case .string: return item
            case .object(let object):
                if let title = object["title"], title.isTruthy { return title }
                return object["name"] ?? .null
            default: return nil
            }
        }
    }

    // MARK: helpers

    /// The elements of a list field; a non-object element reads as an empty object.
    private func objects(_ value: JSONValue?) -> [JSONObject] {
        guard case .array(let elements)? = value else { return [] }
        return elements.map { $0.objectValue ?? JSONObject() }
    }

    /// A measure number as a dictionary key: Python's `str(value)`, `None` when absent.
    private func key(_ value: JSONValue?) -> ExactText { ExactText(plain(value)) }

    /// Python's `str(value)` of a field, `None` when absent.
    private func plain(_ value: JSONValue?) -> String { (value ?? .null).pythonStr }

    /// Python's `repr(value)` of a field, `None` when absent.
    private func text(_ value: JSONValue?) -> String { (value ?? .null).pythonRepr }
}

/// What one document scored.
public struct DocumentScore: Sendable {
    /// Whether a prediction was found for it.
    public var predicted: Bool
    /// Counts per field group.
    public var tallies: [FieldGroup: Tally] = [:]
    /// Agreement counts per field.
    public var agreements: [AgreementField: Agreement] = [:]
    /// Misses, extras and disagreements, in report order.
    public var findings: [Finding] = []
}

/// How one list of quantities is paired and compared.
struct ItemGroup {
    /// How two values of an agreement field are compared.
    enum Comparison {
        /// Both true or both false (`approximate`).
        case flag
        /// The same list (`per`).
        case list
        /// Equal or contained, ignoring quotes (`subject`).
        case subject
        /// As ``subject``, compared only where the gold item has the field (`purpose`).
        case subjectWhereGoldHasIt

        /// Whether items whose gold lacks the field are left out.
        var onlyWhereGoldHasIt: Bool { self == .subjectWhereGoldHasIt }

        func agrees(_ gold: JSONValue?, _ predicted: JSONValue?) -> Bool {
            switch self {
            case .flag: (gold?.isTruthy ?? false) == (predicted?.isTruthy ?? false)
            case .subject, .subjectWhereGoldHasIt: ScoreRules.sameSubject(gold, predicted)
            case .list:
                { a, b in a.count == b.count && zip(a, b).allSatisfy { $0.pythonEquals($1) } }(
                    gold?.pythonListElements ?? [], predicted?.pythonListElements ?? [])
            }
        }
    }

    var field: FieldGroup
    var sameKey: @Sendable (JSONObject, JSONObject) -> Bool
    var agreements: [(AgreementField, String, Comparison)]
    /// Scored only in documents whose gold file has the group (one added to the contract later).
    var onlyWhereGoldHasIt = false

    static let all: [ItemGroup] = [
        ItemGroup(
            field: .amounts, sameKey: ItemPairing.sameAmount,
            agreements: [
                (.amountsApproximate, "approximate", .flag), (.amountsPer, "per", .list),
                (.amountsPurpose, "purpose", .subjectWhereGoldHasIt),
            ]),
        ItemGroup(
            field: .counts, sameKey: ItemPairing.sameCount,
            agreements: [(.countsApproximate, "approximate", .flag), (.countsSubject, "subject", .subject)]),
        ItemGroup(field: .percentages, sameKey: ItemPairing.sameAmount, agreements: []),
        ItemGroup(field: .deadlines, sameKey: ItemPairing.sameDeadline, agreements: [], onlyWhereGoldHasIt: true),
    ]
}

extension Tally {
    /// The counts of a pairing: pairs found, gold missed, predictions extra.
    init(_ matching: ItemPairing.Result) {
        self.init()
        truePositives = matching.pairs.count
        falseNegatives = matching.missed.count
        falsePositives = matching.extra.count
    }
}
