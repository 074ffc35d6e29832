import Evaluation
import Extractor

/// A document's extraction against its gold annotation, as `zhengce eval
/// --verbose` sees it: the findings it lists, and item by item which predicted
/// items are extras and which gold items were missed (those keep the gold's
/// span, so the page can show them in place).
public struct GoldComparison: Sendable {
    /// The findings of the scorer for this document, in report order.
    public var findings: [Finding]
    /// Gold items no predicted item pairs with, with their spans.
    public var missed: [ReviewItem] = []
    /// Verdicts of predicted items by item id.
    public var verdicts: [String: ReviewItem.Verdict] = [:]
    /// For a paired item, by id: the gold's values where they differ from the
    /// item's (`subject`, `per`…), which the panel shows beside its own.
    public var goldDifferences: [String: [(key: String, value: String)]] = [:]

    /// The lists paired item by item, with the scorer's own pairing and keys.
    static let pairedLists: [(field: String, sameKey: @Sendable (JSONObject, JSONObject) -> Bool)] = [
        ("amounts", ItemPairing.sameAmount),
        ("counts", ItemPairing.sameCount),
        ("percentages", ItemPairing.sameAmount),
        // Spec §7: deadlines match on `date`, with overlapping spans.
        ("deadlines", { gold, predicted in gold["date"] == predicted["date"] }),
    ]

    /// Compares `record` with `gold`; `length` is the original text's length in code points.
    public init(record: JSONObject, gold: JSONObject, length: Int) {
        findings = DocumentScorer().score(gold: gold, prediction: record).findings
        for (field, sameKey) in Self.pairedLists {
            let golds = Self.objects(gold[field]), predicted = Self.objects(record[field])
            let result = ItemPairing.pair(gold: golds, predicted: predicted, sameKey: sameKey)
            // The pairing returns objects; find their places (equal objects take places in order).
            var used = Set<Int>()
            func place(of object: JSONObject, in list: [JSONObject]) -> Int? {
                guard let index = list.indices.first(where: { !used.contains($0) && list[$0] == object }) else { return nil }
                used.insert(index)
                return index
            }
            for pair in result.pairs {
                guard let index = place(of: pair.predicted, in: predicted) else { continue }
                verdicts["\(field)-\(index)"] = .matched
                let differences = pair.gold.entries.filter { entry in
                    !["text", "start", "end", "span", "spans"].contains(entry.key) && pair.predicted[entry.key] != entry.value
                        && !(entry.value.isNull && pair.predicted[entry.key] == nil)
                }
                if !differences.isEmpty { goldDifferences["\(field)-\(index)"] = differences.map { ($0.key, HTML.plain($0.value)) } }
            }
            for object in result.extra {
                if let index = place(of: object, in: predicted) { verdicts["\(field)-\(index)"] = .extra }
            }
            used = []
            for object in result.missed {
                guard let index = place(of: object, in: golds) else { continue }
                missed.append(ReviewItem(id: "gold-\(field)-\(index)", kind: field,
                                         spans: ItemCatalog.spans(of: object, length: length), object: object, verdict: .missed))
            }
        }
        // Measures pair as the reference scorer pairs them: the same number first,
        // else the same normalised title among those still unpaired.
        if let goldMeasures = gold["measures"], !goldMeasures.isNull {
            let predicted = Self.objects(record["measures"])
            var byNumber: [String: Int] = [:], used = Set<Int>(), unpaired: [JSONObject] = []
            for (index, measure) in predicted.enumerated() where byNumber[HTML.plain(measure["number"])] == nil {
                byNumber[HTML.plain(measure["number"])] = index
            }
            for measure in Self.objects(goldMeasures) {
                if let index = byNumber[HTML.plain(measure["number"])], !used.contains(index) { used.insert(index) } else { unpaired.append(measure) }
            }
            for measure in unpaired {
                let title = ScoreRules.normalized(measure["title"])
                if let index = predicted.indices.first(where: { !used.contains($0) && ScoreRules.normalized(predicted[$0]["title"]) == title }) {
                    used.insert(index)
                }
            }
            for index in predicted.indices { verdicts["measures-\(index)"] = used.contains(index) ? .matched : .extra }
        }
    }

    private static func objects(_ value: JSONValue?) -> [JSONObject] {
        guard case .array(let elements)? = value else { return [] }
        return elements.map { $0.objectValue ?? JSONObject() }
    }
}
