import Foundation
import Testing
@testable import Extractor

/// The encoder's fast paths for leaves write what its general path writes.
@Suite("JSON leaves")
struct JSONLeafTests {
    private struct Optionals: Encodable {
        var text: String?
        var number: Int?
        var value: Decimal?
        enum CodingKeys: String, CodingKey { case text, number, value }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(text, forKey: .text)
            try c.encode(number, forKey: .number)
            try c.encode(value, forKey: .value)
        }
    }

    @Test func optionalsAreValuesOrNull() throws {
        #expect(
            try JSONFormat.encode(Optionals(text: "市", number: 3, value: Decimal(string: "2.50")), pretty: false)
                == "{\"text\":\"市\",\"number\":3,\"value\":2.5}")
        #expect(try JSONFormat.encode(Optionals(), pretty: false) == "{\"text\":null,\"number\":null,\"value\":null}")
        #expect(try JSONFormat.encode([String?.none, "x"], pretty: false) == "[null,\"x\"]")
    }

    @Test func aDecimalThatIsNoNumberIsAnError() {
        #expect(throws: EncodingError.self) { try JSONFormat.encode(Optionals(value: Decimal.nan), pretty: false) }
        #expect(throws: EncodingError.self) { try JSONFormat.encode([Decimal.nan], pretty: false) }
    }

    @Test func escapesAtEveryPosition() throws {
        let text = "\"a\\b\u{0}c\u{1F}é\n市\u{7F}/\""
        #expect(try JSONFormat.encode([text], pretty: false) == "[\"\\\"a\\\\b\\u0000c\\u001fé\\n市\u{7F}/\\\"\"]")
    }
}
