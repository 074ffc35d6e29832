import Extractor
import Foundation
import Testing
import TestSupport

/// Every record `zhengce extract` writes validates against docs/schema.json
/// (JSON Schema 2020-12, checked by Python's jsonschema), and records that
/// break the contract do not.
@Suite("Output schema", .serialized)
struct SchemaTests {
    static let schema = Repository.root.appendingPathComponent("docs/schema.json")

    /// Validates each line of a JSONL file (argv[2]) against the schema (argv[1]);
    /// also checks what a schema cannot say: spans inside the text, start <= end.
    /// Prints one line per invalid record and exits 1 if there is any.
    static let validator = #"""
        import json, sys
        try:
            import jsonschema
        except ImportError:
            print("python3 has no jsonschema: run scripts/setup.sh (pip install jsonschema)")
            sys.exit(3)
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        validator = jsonschema.Draft202012Validator(schema)
        bad = 0
        count = 0
        def spans(node):
            if isinstance(node, dict):
                if set(node) == {"start", "end"}:
                    yield node
                for value in node.values():
                    yield from spans(value)
            elif isinstance(node, list):
                for value in node:
                    yield from spans(value)
        for number, line in enumerate(open(sys.argv[2], encoding="utf-8"), 1):
            if not line.strip():
                continue
            count += 1
            record = json.loads(line)
            problems = [e.message for e in validator.iter_errors(record)]
            if "error" not in record and not problems:
                length = record["source"]["characters"]
                problems += [f"span {s} outside 0..{length}" for s in spans(record) if not 0 <= s["start"] <= s["end"] <= length]
            if problems:
                bad += 1
                print(f"line {number} ({record.get('documentId')}): {problems[0]}")
        print(f"{count} records, {bad} invalid")
        sys.exit(1 if bad else 0)
        """#

    /// Validates JSON lines; returns the validator's outcome.
    static func validate(_ jsonLines: String) throws -> CommandRunner.Outcome {
        let folder = try CommandRunner.temporaryFolder("schema")
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("records.jsonl")
        try Data(jsonLines.utf8).write(to: file)
        return try Output.python(validator, [schema.path, file.path])
    }

    @Test func corpusOutputValidates() throws {
        let run = try CommandRunner.run(["extract", Repository.root.appendingPathComponent("Corpus").path, "--format", "jsonl"])
        #expect(run.status == 0)
        let check = try Self.validate(run.stdout)
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("\(Repository.corpus.count) records, 0 invalid"))
    }

    @Test func jsonFilesAndErrorRecordsValidate() throws {
        let folder = try BatchFolder.make(copies: 5)
        defer { folder.remove() }
        let out = try CommandRunner.temporaryFolder("schema-json")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try CommandRunner.run(["extract", folder.root.path, "-o", out.path]).status == 1)
        var lines: [String] = []
        for record in folder.expected {
            let text = try String(contentsOf: out.appendingPathComponent(record.id + ".json"), encoding: .utf8)
            let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
        }
        let stdinErrors = try CommandRunner.run(["extract", "--stdin"], input: "\nnot json\n{\"id\":\"e\",\"text\":\"\"}\n")
        lines += stdinErrors.stdout.split(separator: "\n").map(String.init)
        let check = try Self.validate(lines.joined(separator: "\n") + "\n")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("\(folder.expected.count + 3) records, 0 invalid"))
    }

    @Test func filledResultsValidate() throws {
        let check = try Self.validate(try Self.filledRecords().map { try JSONFormat.encode($0, pretty: false) }.joined(separator: "\n"))
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("3 records, 0 invalid"))
    }

    @Test(arguments: [
        ("an unknown field", #""genre":"normative""#, #""genre":"normative","extra":1"#),
        ("no documentId", #""documentId":"filled.txt","#, ""),
        ("a string amount", #""min":20000,"#, #""min":"20000","#),
        ("an unknown genre", #""genre":"normative""#, #""genre":"poem""#),
        ("a bad date", #""date":"2020-09-15""#, #""date":"2020年9月15日""#),
        ("a span past the end", #""end":37}"#, #""end":3700}"#),
        ("a measure number in Chinese", #""number":"3.1""#, #""number":"三.1""#),
        ("an unknown error kind", #""kind":"undecodable""#, #""kind":"weird""#),
        ("an error without reason", #","reason":"empty file""#, ""),
    ])
    func brokenRecordsDoNotValidate(what: String, original: String, broken: String) throws {
        let lines = try Self.filledRecords().map { try JSONFormat.encode($0, pretty: false) }
        let line = try #require(lines.first { $0.contains(original) }, "\(what): the sample has \(original)")
        let check = try Self.validate(line.replacingOccurrences(of: original, with: broken))
        #expect(check.status == 1, "\(what) must be rejected: \(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("1 records, 1 invalid"))
    }

    /// A result with every list filled, and an error record.
    static func filledRecords() throws -> [DocumentRecord] {
        let source = Source(
            path: "in/filled.txt", sha256: String(repeating: "0f", count: 32), encoding: "UTF-8",
            format: "plain", characters: 200)
        let result = ExtractionResult(
            source: source, genre: "normative",
            metadata: Metadata(
                title: "关于印发的通知", documentNumber: "石党办发〔2020〕32号", issuers: ["市委办公室"],
                recipients: ["各县区党委、人民政府"], date: "2020-09-15"),
            sections: [Section(level: 2, marker: "（一）", title: "目标", span: Span(start: 0, end: 6), rule: "section")],
            measures: [
                Measure(
                    number: "3.1", title: "实施工程", span: Span(start: 10, end: 120), lead: ["市人社局"],
                    cooperating: ["市财政局"], rule: "measure")
            ],
            amounts: [
                Amount(
                    text: "2—5万元", span: Span(start: 30, end: 37), min: 20000, max: 50000, per: ["人"],
                    measure: "3.1", rule: "amount"),
                Amount(text: "x万元", span: Span(start: 40, end: 43), min: nil, max: nil, redacted: true, rule: "amount"),
            ],
            counts: [
                Count(
                    text: "500名以上", span: Span(start: 50, end: 56), min: 500, max: nil, classifier: "名",
                    subject: "高层次人才", measure: "3.1", rule: "count")
            ],
            percentages: [
                Percentage(
                    text: "46.5%", span: Span(start: 60, end: 65), min: Decimal(string: "46.5"),
                    max: Decimal(string: "46.5"), rule: "percentage")
            ],
            references: [Reference(title: "办法", action: "印发", spans: [Span(start: 3, end: 7)], rule: "reference")],
            organizations: [
                Organization(
                    name: "市人社局", kind: .serviceCentre, mentions: 1,
                    spans: [Span(start: 100, end: 104)], rule: "organization")
            ],
            diagnostics: [
                Diagnostic(severity: .note, message: "unclear", span: nil, rule: "diagnostic"),
                Diagnostic(severity: .warning, message: "unit", span: Span(start: 30, end: 31), rule: "diagnostic"),
            ])
        return [
            DocumentRecord(documentId: "filled.txt", outcome: .extracted(result)),
            DocumentRecord(
                documentId: "empty.txt",
                outcome: .failed(
                    DocumentFailure(
                        path: "in/empty.txt", kind: .empty, reason: "empty file"))),
            DocumentRecord(
                documentId: "binary.txt",
                outcome: .failed(
                    DocumentFailure(
                        path: "in/binary.txt", kind: .undecodable, reason: "not a text file"))),
        ]
    }
}
