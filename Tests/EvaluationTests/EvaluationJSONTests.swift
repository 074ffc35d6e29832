import Foundation
import Testing
@testable import Evaluation
import Extractor

/// The lossless JSON reader and the writers.
@Suite("Evaluation: JSON")
struct EvaluationJSONTests {
    @Test func numbersKeepTheirTextAndExactValue() throws {
        let value = try JSONValue.parse(#"[50000, 50000.0, 1E4, -0.5, 3.68e8, 12345678901234567890.123]"#)
        let numbers = value.arrayValue!.map { $0.numberValue! }
        #expect(numbers.map(\.text) == ["50000", "50000.0", "1E4", "-0.5", "3.68e8", "12345678901234567890.123"])
        #expect(numbers.map(\.isInteger) == [true, false, false, false, false, false])
        #expect(numbers[2].decimal == 10000)
        #expect(numbers[4].decimal == 368_000_000)
        #expect(numbers[5].decimal == Decimal(string: "12345678901234567890.123"))
    }

    @Test func objectsKeepKeyOrderAndALaterDuplicateReplacesTheValueInPlace() throws {
        let object = try JSONValue.parse(#"{"b": 1, "a": 2, "b": 3}"#).objectValue!
        #expect(object.keys == ["b", "a"])
        #expect(object["b"] == .integer(3))
    }

    @Test func stringEscapesAndSurrogatePairsAreDecoded() throws {
        let value = try JSONValue.parse(#""a\"b\\c\/d\n\t\u4e07\ud83d\ude00\ud800x""#)
        #expect(value.stringValue == "a\"b\\c/d\n\t万😀\u{FFFD}x")
    }

    @Test(arguments: ["", "01", "1.", ".5", "-", "1e", "[1,]", "{\"a\":1,}", "{'a': 1}", "\"tab\there\"", "nul", "[1] 2", "\"open", "NaN"])
    func malformedJSONIsRejected(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test func aByteOrderMarkIsSkipped() throws {
        #expect(try JSONValue.parse([0xEF, 0xBB, 0xBF] + Array("[]".utf8)) == .array([]))
    }

    @Test func renderingIsPythonsJsonDumps() throws {
        let value = try JSONValue.parse(#"{"a": [1, 2.50, {"b": null}], "c": {}, "d": [], "e": "万\n\"\u0001"}"#)
        #expect(JSONRendering.compact(value) == #"{"a": [1, 2.50, {"b": null}], "c": {}, "d": [], "e": "万\n\"\u0001"}"#)
        #expect(
            JSONRendering.indented(value) == """
                {
                  "a": [
                    1,
                    2.50,
                    {
                      "b": null
                    }
                  ],
                  "c": {},
                  "d": [],
                  "e": "万\\n\\"\\u0001"
                }
                """)
    }

    @Test func writtenJSONReadsBackTheSame() throws {
        let text = #"{"x": [true, false, null, -1.5e-3, "“引号”\\"], "y": {"z": "\u0000"}}"#
        let value = try JSONValue.parse(text)
        #expect(try JSONValue.parse(JSONRendering.compact(value)) == value)
        #expect(try JSONValue.parse(JSONRendering.indented(value)) == value)
    }

    @Test(arguments: [
        (0.0, "0.0"), (1.0, "1.0"), (0.5, "0.5"), (50000.0, "50000.0"), (0.0001, "0.0001"), (0.00001, "1e-05"),
        (1e16, "1e+16"), (9.1e15, "9100000000000000.0"), (1.5e-7, "1.5e-07"), (-2.5, "-2.5"), (123456789.125, "123456789.125"),
    ])
    func floatsPrintAsPythonRepr(value: Double, repr: String) {
        #expect(PythonFloat.repr(value) == repr)
    }

    @Test(arguments: [
        (0.00625, 4, "0.0063"),  // the binary value lies above the tie
        (0.125, 2, "0.12"), (0.375, 2, "0.38"),  // exact ties go to even
        (0.99995, 4, "1.0000"), (0.99985, 4, "0.9999"), (2.0 / 3, 4, "0.6667"), (1.0, 3, "1.000"), (0.0, 3, "0.000"),
    ])
    func roundingIsExactOnTheBinaryValue(value: Double, places: Int, text: String) {
        #expect(PythonFloat.fixed(value, places: places) == text)
    }

    @Test func pythonReprOfValues() throws {
        let value = try JSONValue.parse(#"{"min": 20000, "max": null, "f": 7.50, "ok": true, "per": ["人", "年"], "t": "it's"}"#)
        #expect(value.pythonRepr == #"{'min': 20000, 'max': None, 'f': 7.5, 'ok': True, 'per': ['人', '年'], 't': "it's"}"#)
        #expect(JSONValue.string("a\u{3000}b\n").pythonRepr == "'a\\u3000b\\n'")
    }

    @Test func pythonTruthAndEquality() throws {
        let falsy = try JSONValue.parse(#"[null, false, 0, 0.0, "", [], {}]"#).arrayValue!
        #expect(falsy.allSatisfy { !$0.isTruthy })
        let truthy = try JSONValue.parse(#"[true, 1, -0.5, "0", [0], {"a": null}]"#).arrayValue!
        #expect(truthy.allSatisfy { $0.isTruthy })
        #expect(JSONValue.integer(1).pythonEquals(.bool(true)))
        #expect(try JSONValue.parse("1.0").pythonEquals(.integer(1)))
        #expect(!JSONValue.string("1").pythonEquals(.integer(1)))
        #expect(JSONValue.string("人年").pythonListElements == [.string("人"), .string("年")])
    }
}
