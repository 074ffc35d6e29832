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

    /// Compares `record` with `gold`; `length` is the original text's length in code points.
    public init(record: JSONObject, gold: JSONObject, length: Int) {
        findings = DocumentScorer().score(gold: gold, prediction: record).findings
        // The scorer's own pairing: the quantity lists and deadlines item by
        // item, the measures by number and then by title.
        for list in ItemPairing.pairLists(gold: gold, prediction: record) {
            let field = list.field
            for (goldIndex, index) in list.result.pairs {
                verdicts["\(field)-\(index)"] = .matched
                // Measures show their own panel; the values that differ are the findings'.
                guard field != "measures" else { continue }
                let goldItem = list.gold[goldIndex], predicted = list.predicted[index]
                let differences = goldItem.entries.filter { entry in
                    !["text", "start", "end", "span", "spans"].contains(entry.key) && predicted[entry.key] != entry.value
                        && !(entry.value.isNull && predicted[entry.key] == nil)
                }
                if !differences.isEmpty { goldDifferences["\(field)-\(index)"] = differences.map { ($0.key, HTML.plain($0.value)) } }
            }
            for index in list.result.extra { verdicts["\(field)-\(index)"] = .extra }
            // A missed measure has no span to show it at; its finding names it.
            guard field != "measures" else { continue }
            for goldIndex in list.result.missed {
                let object = list.gold[goldIndex]
                missed.append(
                    ReviewItem(
                        id: "gold-\(field)-\(goldIndex)", kind: field,
                        spans: ItemCatalog.spans(of: object, length: length), object: object, verdict: .missed))
            }
        }
    }
}
