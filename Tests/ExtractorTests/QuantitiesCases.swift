import Foundation
import Testing
@testable import Extractor
import Segmenter
import TestSupport

/// One expected value of a case file: not checked, null, or a value.
enum Expected<Value: Sendable & Equatable>: Sendable, Equatable {
    case unchecked
    case null
    case value(Value)

    func check(_ actual: Value?, _ field: String, _ context: String) {
        switch self {
        case .unchecked: break
        case .null: #expect(actual == nil, "\(field) should be null: \(context)")
        case .value(let value): #expect(actual == value, "\(field): \(context)")
        }
    }
}

/// An item a quantity case expects at one mark.
struct ExpectedQuantity: Sendable {
    var kind: String
    var min: Expected<Decimal>
    var max: Expected<Decimal>
    var approximate: Bool?
    var redacted: Bool?
    var points: Bool?
    var per: [String]?
    var classifier: String?
    var subject: Expected<String>
    var purpose: Expected<String>
    var rule: String?
}

/// One case of `Cases/quantities/*.json` (see the README there).
struct QuantityCase: Sendable, CustomTestStringConvertible {
    var file: String
    var text: String
    var expected: [ExpectedQuantity]
    var rejected: [String]

    var testDescription: String { "\(file): \(text.replacingOccurrences(of: "\n", with: "⏎"))" }

    /// Every case of every quantity case file, in file order.
    static let all: [QuantityCase] = {
        let folder = casesFolder
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".json") && $0 != "numbers.json" }.sorted()
        return names.flatMap { name in
            caseObjects(folder.appendingPathComponent(name)).map { QuantityCase(file: name, object: $0) }
        }
    }()

    static var casesFolder: URL {
        Bundle.module.url(forResource: "Cases", withExtension: nil)!.appendingPathComponent("quantities")
    }

    static func caseObjects(_ url: URL) -> [[String: Any]] {
        guard let data = try? Data(contentsOf: url),
            let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
            let cases = root["cases"] as? [[String: Any]]
        else {
            fatalError("unreadable case file \(url.lastPathComponent)")
        }
        return cases
    }

    init(file: String, object: [String: Any]) {
        self.file = file
        text = object["text"] as? String ?? ""
        rejected = object["rejected"] as? [String] ?? []
        expected = (object["expect"] as? [[String: Any]] ?? []).map { item in
            ExpectedQuantity(
                kind: item["kind"] as? String ?? "?",
                min: Self.decimal(item, "min"), max: Self.decimal(item, "max"),
                approximate: item["approximate"] as? Bool, redacted: item["redacted"] as? Bool,
                points: item["points"] as? Bool, per: item["per"] as? [String],
                classifier: item["classifier"] as? String,
                subject: Self.string(item, "subject"), purpose: Self.string(item, "purpose"),
                rule: item["rule"] as? String)
        }
    }

    /// A string field: unchecked when absent, null when null.
    static func string(_ item: [String: Any], _ key: String) -> Expected<String> {
        guard item.keys.contains(key) else { return .unchecked }
        return (item[key] as? String).map { .value($0) } ?? .null
    }

    /// A decimal given as a JSON string (exact) or number.
    static func decimal(_ item: [String: Any], _ key: String) -> Expected<Decimal> {
        guard let value = item[key] else { return .unchecked }
        if value is NSNull { return .null }
        if let string = value as? String, let decimal = Decimal(string: string) { return .value(decimal) }
        if let number = value as? NSNumber, let decimal = Decimal(string: number.stringValue) { return .value(decimal) }
        Issue.record("bad \(key) in a case: \(value)")
        return .unchecked
    }
}

/// Runs the quantity matcher on `text` with near misses collected.
func matchQuantities(_ text: String) -> QuantityMatches {
    let document = TextDocument(text: text, format: .plain)
    let context = ExtractionContext(document: document, collectsRejections: true)
    return QuantityMatcher().match(context)
}
