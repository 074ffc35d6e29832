import Foundation
import TestSupport
@testable import Evaluation
import Extractor

/// Synthetic predictions made from gold annotations with deliberate damage:
/// items dropped, duplicated and reordered, values changed, flags flipped,
/// spans moved or removed, numbers written as strings or floats, subjects
/// quoted or shortened, measures renumbered, metadata blanked, names padded.
/// Scored by zhengce and by score.py, they exercise misses, extras and
/// every agreement figure.
struct Perturbation {
    private var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    private mutating func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
    private mutating func pick<T>(_ choices: [T]) -> T { choices.randomElement(using: &random)! }

    /// One prediction file per gold document (some documents get none).
    mutating func predictions(from gold: GoldSet) -> [(file: String, prediction: JSONObject)] {
        var out: [(String, JSONObject)] = []
        for (name, annotation) in gold.documents {
            if chance(0.12) { continue }
            var prediction = annotation
            prediction["document"] = nil
            prediction["notes"] = nil
            switch Int.random(in: 0..<10, using: &random) {
            case 0: prediction["path"] = .string("elsewhere/" + name)
            case 1: prediction["source"] = .string(name)
            case 2: prediction["document"] = .string(name)
            case 3: break  // found by the prediction file's stem only
            default: prediction["source"] = .object(JSONObject(["path": .string("Corpus/" + name), "sha256": .string("0")]))
            }
            for group in ["amounts", "counts", "percentages"] {
                prediction[group] = .array(items(prediction[group]?.arrayValue ?? []))
            }
            if let measures = prediction["measures"]?.arrayValue { prediction["measures"] = .array(self.measures(measures)) }
            if let metadata = prediction["metadata"]?.objectValue { prediction["metadata"] = .object(self.metadata(metadata)) }
            prediction["organizations"] = .array(names(prediction["organizations"]?.arrayValue ?? [], key: "name", extra: "某某局"))
            prediction["references"] = .array(names(prediction["references"]?.arrayValue ?? [], key: "title", extra: "关于某事的通知"))
            let file = chance(0.5) ? name + ".json" : FileNames.stem(name) + ".json"
            out.append((file, prediction))
        }
        return out
    }

    private mutating func items(_ gold: [JSONValue]) -> [JSONValue] {
        var out: [JSONValue] = []
        for value in gold {
            guard var item = value.objectValue else { continue }
            if chance(0.1) { continue }
            if let start = item["start"], let end = item["end"], chance(0.6) {
                item["start"] = nil; item["end"] = nil
                item["span"] = chance(0.8) ? .object(JSONObject(["start": start, "end": end])) : .array([start, end])
            }
            switch Int.random(in: 0..<40, using: &random) {
            case 0, 1: item["max"] = scaled(item["max"], by: 10)
            case 2, 3: item["approximate"] = .bool(!(item["approximate"]?.isTruthy ?? false))
            case 4: item["per"] = .array((item["per"]?.arrayValue ?? []) + [.string("年")])
            case 5: item["per"] = .string("人")
            case 6, 7:
                let subject = item["subject"]?.stringValue ?? "人才"
                item["subject"] = pick([
                    .null, .string("“\(subject)”"), .string("x"), .string(String(subject.prefix(2))),
                    .string(subject + "队伍"), .string(""),
                ])
            case 8: item["min"] = scaled(item["min"], by: Decimal(string: "1.0000005")!)
            case 9: item["min"] = scaled(item["min"], by: Decimal(string: "1.000002")!)
            case 10: item["min"] = item["min"].flatMap { $0.numberValue.map { .string($0.text) } } ?? .string("abc")
            case 11:
                item["min"] =
                    item["min"].flatMap { $0.numberValue.map { .number(JSONNumber(text: $0.text + ($0.isInteger ? ".0" : "0"))) } }
                    ?? .bool(true)
            case 12: item["redacted"] = pick([.integer(1), .string("no"), .integer(0), .null])
            case 13: item["classifier"] = pick([.null, .string(""), .string("人次")])
            case 14: item["span"] = .object(JSONObject(["start": .integer(0), "end": .integer(1)]))
            case 15: item["span"] = nil; item["start"] = nil; item["end"] = nil
            case 16: item["text"] = .string("it's “q” \"x\"\u{3000}\n\t\u{200B}")
            case 17: item["max"] = .null
            default: break
            }
            out.append(.object(item))
        }
        if !out.isEmpty && chance(0.5) { out.append(pick(out)) }
        if chance(0.3) { out.shuffle(using: &random) }
        return out
    }

    private mutating func measures(_ gold: [JSONValue]) -> [JSONValue] {
        var out: [JSONValue] = []
        for value in gold {
            guard var measure = value.objectValue else { continue }
            if chance(0.1) { continue }
            if chance(0.1), let title = measure["title"]?.stringValue { measure["title"] = .string(title + "。 ") }
            if chance(0.1) { measure["title"] = .string("x") }
            if chance(0.2), let lead = measure["lead"]?.arrayValue { measure["lead"] = .array(Array(lead.dropFirst())) }
            if chance(0.2) { measure["cooperating"] = .array((measure["cooperating"]?.arrayValue ?? []) + [.string("某局")]) }
            if chance(0.05), let number = measure["number"]?.stringValue, let integer = Int(number) {
                measure["number"] = .integer(integer)
            }
            out.append(.object(measure))
        }
        if chance(0.3) {
            out.append(.object(JSONObject(["number": .string("99"), "title": .string("多出的"), "lead": .array([.string("甲局")])])))
        }
        if chance(0.2), let first = out.first { out.append(first) }
        return out
    }

    private mutating func metadata(_ gold: JSONObject) -> JSONObject {
        var out = gold
        for key in gold.keys where chance(0.3) {
            out[key] = pick([.null, .string(""), .string("别的"), .array([]), .string(" \(gold[key]?.pythonStr ?? "")，")])
        }
        return out
    }

    private mutating func names(_ gold: [JSONValue], key: String, extra: String) -> [JSONValue] {
        var out: [JSONValue] = []
        for value in gold where !chance(0.2) {
            let name = value.pythonStr
            out.append(
                pick([
                    value, .object(JSONObject([key: value])), .object(JSONObject(["title": .string(""), "name": value])),
                    .string(" \(name)，"), .null,
                ]))
        }
        if chance(0.7) { out.append(.string(extra)) }
        return out
    }

    private func scaled(_ value: JSONValue?, by factor: Decimal) -> JSONValue? {
        guard let number = value?.numberValue?.decimal else { return value }
        return .decimal(number * factor)
    }
}
