import Testing
@testable import Extractor

/// The table-driven cases of `Cases/structure/`: document numbers, dates,
/// responsibility notes and unit lists, negatives included.
@Suite("Structure cases")
struct StructureCaseTests {
    struct ValueCase: Decodable, Sendable, CustomTestStringConvertible {
        var input: String
        var expected: String?
        var testDescription: String { input }
    }

    struct NoteCase: Decodable, Sendable, CustomTestStringConvertible {
        var body: String
        var lead: [String]?
        var cooperating: [String]?
        var testDescription: String { body }
    }

    struct UnitCase: Decodable, Sendable, CustomTestStringConvertible {
        var input: String
        var units: [String]
        var testDescription: String { input }
    }

    static let numbers = StructureHarness.cases("document-numbers", as: CaseFile<ValueCase>.self).cases
    static let dates = StructureHarness.cases("dates", as: CaseFile<ValueCase>.self).cases
    static let notes = StructureHarness.cases("responsibility-notes", as: CaseFile<NoteCase>.self).cases
    static let units = StructureHarness.cases("unit-lists", as: CaseFile<UnitCase>.self).cases

    @Test(arguments: numbers)
    func documentNumber(_ item: ValueCase) {
        #expect(DocumentNumber.find(in: Array(item.input.unicodeScalars))?.number == item.expected)
    }

    @Test(arguments: dates)
    func date(_ item: ValueCase) {
        #expect(DateReader.isoDate(item.input) == item.expected)
    }

    @Test func dateLineHoldsADateAndNothingElse() {
        #expect(DateReader.lineDate(" 二〇二〇年九月十五日 ") == "2020-09-15")
        #expect(DateReader.lineDate("（2020年9月15日）") == "2020-09-15")
        #expect(DateReader.lineDate("2020年9月15日召开会议") == nil)
    }

    @Test(arguments: notes)
    func responsibilityNote(_ item: NoteCase) {
        let context = StructureHarness.context(item.body)
        let text = context.text.scalars
        let note = ResponsibilityNoteReader(text: text).note(in: 0..<text.count)
        guard let lead = item.lead else {
            #expect(note == nil)
            return
        }
        #expect(note?.lead.map { WrittenText.of($0, in: context.document) } == lead)
        #expect(note?.cooperating.map { WrittenText.of($0, in: context.document) } == (item.cooperating ?? []))
    }

    @Test(arguments: units)
    func unitList(_ item: UnitCase) {
        let text = Array(item.input.unicodeScalars)
        let units = UnitList.split(0..<text.count, in: text).map { String(String.UnicodeScalarView(text[$0])) }
        #expect(units == item.units)
    }
}
