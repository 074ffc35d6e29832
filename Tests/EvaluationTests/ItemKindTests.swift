import Foundation
import Testing
import TestSupport
@testable import Evaluation
@testable import Extractor

/// Every kind of item registered in ``ExtractionResult/itemKinds`` reaches every
/// output: the JSON result and its schema, the CSV tables, explain, the
/// fixture layout, and the measure each item lies in. A kind registered and
/// left out of one of them fails here, by name.
@Suite("Item kinds: one registration, every output")
struct ItemKindTests {
    /// A made-up notice with at least one item of every kind.
    static let sample = """
        某市人民政府办公室关于印发《某市促进示范产业发展若干措施》的通知

        各区人民政府，市政府各部门：

        为贯彻落实《某省促进示范产业发展条例》，现将有关措施通知如下。

        一、加大资金支持

        （一）设立专项资金。对新认定的示范企业给予50万元奖励，每年引进高层次人才100名，研发投入占比达到3%以上。（牵头单位：市财政局；配合单位：市科技局）

        （二）强化金融服务。鼓励银行为示范企业提供贷款，贴息比例不超过50%。（责任单位：市金融局）

        二、优化发展环境

        （三）提升服务水平。市发展改革委会同市市场监管局开展专项行动，2025年底前完成。

        某市人民政府办公室
        2024年3月1日

        """

    static func extracted() throws -> (result: ExtractionResult, rejections: [Rejection], original: [Unicode.Scalar]) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("item-kinds-\(UUID().uuidString).txt")
        try Data(sample.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let input = try DocumentInput(fileAt: file.path, recordedAs: "sample.txt")
        let (result, rejections) = try DocumentExtractor().explain(input.document, source: input.source)
        return (result, rejections, input.document.original)
    }

    static var kinds: [String] { ExtractionResult.itemKinds.map(\.key) }

    @Test(arguments: kinds)
    func theSampleHasOne(kind key: String) throws {
        let kind = ExtractionResult.itemKinds.first { $0.key == key }!
        #expect(kind.count(try Self.extracted().result) > 0, "add a sentence with a \(kind.singular) to the sample")
    }

    @Test(arguments: kinds)
    func jsonWritesAndReadsIt(kind key: String) throws {
        let kind = ExtractionResult.itemKinds.first { $0.key == key }!
        let result = try Self.extracted().result
        let json = try JSONValue.parse(try JSONFormat.encode(result, pretty: false))
        #expect(json[key]?.arrayValue?.count == kind.count(result), "\(key) not written")
        let decoded = try JSONFormat.decoder().decode(ExtractionResult.self, from: Data(try JSONFormat.encode(result, pretty: false).utf8))
        #expect(kind.count(decoded) == kind.count(result), "\(key) not read back")
        #expect(decoded == result)
    }

    @Test(arguments: kinds)
    func theSchemaRequiresIt(kind key: String) throws {
        let schema = try JSONValue.parse(String(contentsOf: Repository.root.appendingPathComponent("docs/schema.json"), encoding: .utf8))
        let result = schema["$defs"]?["result"]
        #expect(result?["properties"]?[key] != nil, "docs/schema.json has no \(key)")
        #expect(result?["required"]?.arrayValue?.contains(.string(key)) == true, "docs/schema.json does not require \(key)")
    }

    @Test(arguments: kinds)
    func theCSVTablesHaveIt(kind key: String) throws {
        let kind = ExtractionResult.itemKinds.first { $0.key == key }!
        let result = try Self.extracted().result
        let rows = DatasetRows(DocumentRecord(documentId: "sample.txt", outcome: .extracted(result)))
        let table = try #require(kind.tables.first, "\(key) has no CSV table")
        #expect(rows[table].count == kind.count(result), "\(key): \(rows[table].count) rows")
        #expect(table.carriesPage)
        #expect(DatasetTable.allCases.contains(table))
        let documents = Dictionary(uniqueKeysWithValues: zip(DatasetTable.documents.columns, rows[.documents][0]))
        #expect(documents[kind.singular + "_count"] == String(kind.count(result)))
    }

    @Test(arguments: kinds)
    func explainShowsIt(kind key: String) throws {
        let kind = ExtractionResult.itemKinds.first { $0.key == key }!
        let (result, rejections, original) = try Self.extracted()
        for item in kind.items(result) { #expect(item is ExplainableItem, "\(key) has no explanation") }
        let entries = Explanation.entries(result, rejections: rejections, original: original)
        #expect(entries.contains { $0.kind == kind.singular && !$0.rule.isEmpty }, "explain lists no \(kind.singular)")
    }

    @Test(arguments: kinds)
    func fixturesOrderIt(kind key: String) throws {
        let result = try Self.extracted().result
        #expect(FixtureFormat.contractOrder.contains(key))
        let rendered = FixtureFormat.render(try result.jsonObject())
        #expect(rendered.contains("\n  \"\(key)\": "), "a fixture has no \(key) line")
    }

    @Test func itemsInsideAMeasureCarryItsNumber() throws {
        let result = try Self.extracted().result
        var bound = 0
        for kind in ExtractionResult.itemKinds {
            for case let item as any MeasureBoundItem in kind.items(result) {
                let inside = result.measures.filter { $0.span.contains(item.span) }
                if let innermost = inside.max(by: { $0.span.start < $1.span.start }) {
                    #expect(item.measure == innermost.number, "\(kind.key) at \(item.span.start)")
                    bound += 1
                }
            }
        }
        #expect(bound > 0)
    }
}
