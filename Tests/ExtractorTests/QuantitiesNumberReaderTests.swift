import Foundation
import Testing
@testable import Extractor

/// One case of `Cases/quantities/numbers.json`.
struct NumberCase: Sendable, CustomTestStringConvertible {
    var text: String
    var value: Decimal?
    var redacted: Bool
    var malformed: Bool
    var none: Bool
    var length: Int?

    var testDescription: String { text }

    static let all: [NumberCase] = QuantityCase.caseObjects(QuantityCase.casesFolder.appendingPathComponent("numbers.json")).map { object in
        NumberCase(
            text: object["text"] as? String ?? "",
            value: (object["value"] as? String).flatMap { Decimal(string: $0) },
            redacted: object["redacted"] as? Bool ?? false, malformed: object["malformed"] as? Bool ?? false,
            none: object["none"] as? Bool ?? false, length: object["length"] as? Int)
    }
}

/// The number reader on its own: Arabic, full-width, Chinese, mixed, placeholders.
@Suite("Quantities: number reader")
struct QuantitiesNumberReaderTests {
    @Test(arguments: NumberCase.all)
    func reads(_ numberCase: NumberCase) {
        let scalars = Array(numberCase.text.unicodeScalars)
        let reading = NumberReader.read(scalars, at: 0)
        if numberCase.none {
            #expect(reading == nil)
            return
        }
        if numberCase.malformed {
            guard case .malformed(let range)? = reading else {
                Issue.record("expected a malformed run, got \(String(describing: reading))")
                return
            }
            #expect(range == 0..<scalars.count)
            return
        }
        guard case .number(let number)? = reading else {
            Issue.record("expected a number, got \(String(describing: reading))")
            return
        }
        #expect(number.range == 0..<(numberCase.length ?? scalars.count))
        #expect(number.redacted == numberCase.redacted)
        if numberCase.redacted {
            #expect(number.value == nil)
        } else {
            #expect(number.value == numberCase.value)
        }
    }

    /// Values are exact decimals, never rounded through binary floating point.
    @Test func valuesAreExact() throws {
        let scalars = Array("601.09".unicodeScalars)
        guard case .number(let number)? = NumberReader.read(scalars, at: 0) else {
            Issue.record("no number")
            return
        }
        let value = try #require(number.value)
        #expect(value * 10_000 == Decimal(string: "6010900"))
        #expect("\(value)" == "601.09")
    }

    @Test func bareOneIsMarked() {
        guard case .number(let one)? = NumberReader.read(Array("一批".unicodeScalars), at: 0),
            case .number(let eleven)? = NumberReader.read(Array("十一".unicodeScalars), at: 0)
        else {
            Issue.record("no number")
            return
        }
        #expect(one.isBareOne)
        #expect(!eleven.isBareOne)
    }
}
