import Extractor
import Foundation

/// The output writers' stages: records of the workload written as JSON lines,
/// as pretty JSON (one file per document) and as CSV tables, each timed on its
/// own in memory (no disk), in MB of output per second. The streaming
/// `Encoder` and the reference tree encoder of before, and the CSV writer of
/// before (a string per row), are timed beside them on the same records.
enum OutputStages {
    static func run(_ documents: [(path: String, bytes: [UInt8])], megabytes: Double, figures: inout [Figure], sink: inout Int) {
        let extractor = try! DocumentExtractor()
        var records: [DocumentRecord] = []
        var input = 0
        for document in documents where Double(input) < megabytes * 1_000_000 {
            guard let result = try? extractor.extract(bytes: document.bytes, path: document.path) else { continue }
            records.append(DocumentRecord(documentId: "\(records.count)/" + document.path, outcome: .extracted(result)))
            input += document.bytes.count
        }

        func stage(_ label: String, _ write: (DocumentRecord) throws -> Int) {
            var output = 0
            var figure = measure(label, bytes: 0) {
                for record in records { output += (try? write(record)) ?? 0 }
            }
            figure.megabytesPerSecond = Double(output) / 1e6 / figure.seconds
            figure.stage += String(format: " [%.1f MB out of %.1f MB in]", Double(output) / 1e6, Double(input) / 1e6)
            figures.append(figure)
            sink &+= output
        }
        stage("JSON lines (MB/s of output)") { try JSONFormat.bytes($0, pretty: false).count + 1 }
        stage("JSON lines, streaming Encoder (before)") { try JSONFormat.encoderBytes($0, pretty: false).count + 1 }
        stage("JSON lines, reference tree encoder (before)") { try JSONFormat.referenceBytes($0, pretty: false).count + 1 }
        stage("JSON per document, pretty") { try JSONFormat.bytes($0, pretty: true).count + 1 }
        stage("JSON pretty, streaming Encoder (before)") { try JSONFormat.encoderBytes($0, pretty: true).count + 1 }
        stage("JSON pretty, reference tree encoder (before)") { try JSONFormat.referenceBytes($0, pretty: true).count + 1 }
        stage("CSV tables (MB/s of output)") { record in
            DatasetRows.csv(record).tables.values.reduce(0) { $0 + $1.count }
        }
        stage("CSV tables, a string per row (before)") { record in
            let rows = DatasetRows(record)
            var total = 0
            for table in DatasetTable.allCases {
                let tableRows = rows[table]
                guard !tableRows.isEmpty else { continue }
                total += tableRows.map { LegacyCSV.record($0) }.joined().utf8.count
            }
            return total
        }
    }
}

/// The CSV writer as it was before the byte writer, for the "before" figure.
enum LegacyCSV {
    static func record(_ fields: [String]) -> String {
        var line = ""
        line.reserveCapacity(fields.reduce(2) { $0 + $1.utf8.count + 1 })
        for (index, field) in fields.enumerated() {
            if index > 0 { line.append(",") }
            line.append(quoted(field))
        }
        line.append("\r\n")
        return line
    }

    static func quoted(_ field: String) -> String {
        var needsQuotes = false
        for byte in field.utf8
        where byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"")
            || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
        {
            needsQuotes = true
            break
        }
        guard needsQuotes else { return field }
        var out = "\""
        for character in field.unicodeScalars {
            if character == "\"" { out.append("\"\"") } else { out.unicodeScalars.append(character) }
        }
        out.append("\"")
        return out
    }
}
