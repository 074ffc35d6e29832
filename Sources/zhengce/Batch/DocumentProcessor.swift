import Extractor
import Foundation
import Segmenter

/// Turns one input into its record, on a worker thread. Owns a
/// ``DocumentExtractor`` (ICU iterators are not thread-safe): one per worker.
final class DocumentProcessor {
    private let extractor: DocumentExtractor

    /// For tests of crash handling only: a worker traps on any document whose
    /// path contains this text, as a bug in a matcher would.
    private static let crashMarker = ProcessInfo.processInfo.environment["ZHENGCE_TEST_CRASH_ON"].flatMap { $0.isEmpty ? nil : $0 }

    init(instruments: InstrumentDictionary = .bundled) throws {
        extractor = try DocumentExtractor(instruments: instruments)
    }

    /// The record of `item`; never throws: every failure is a record.
    func record(for item: WorkItem) -> (record: DocumentRecord, bytes: Int) {
        var item = item
        if case .request(let line, let number) = item.content {
            let request = StreamRequest.parse(line, number: number)
            item.documentId = request.documentId
            item.path = request.path
            item.content = request.content
        }
        switch item.content {
        case .failure(let failure):
            return (DocumentRecord(documentId: item.documentId, outcome: .failed(failure)), 0)
        case .file(let format):
            let bytes: [UInt8]
            do {
                bytes = try InputFile.read(item.path)
            } catch {
                return (DocumentRecord(documentId: item.documentId, outcome: .failed(DocumentFailure(error))), 0)
            }
            return (extract(bytes, item: item, format: format), bytes.count)
        case .bytes(let bytes, let format):
            return (extract(bytes, item: item, format: format), bytes.count)
        case .request:
            preconditionFailure("requests are parsed above")
        }
    }

    private func extract(_ bytes: [UInt8], item: WorkItem, format: DocumentFormat?) -> DocumentRecord {
        if let marker = Self.crashMarker, item.path.contains(marker) {
            fatalError("ZHENGCE_TEST_CRASH_ON: crashing on \(item.path) as asked")
        }
        do {
            let result = try extractor.extract(bytes: bytes, path: item.path, format: format)
            return DocumentRecord(documentId: item.documentId, outcome: .extracted(result))
        } catch {
            return DocumentRecord(
                documentId: item.documentId,
                outcome: .failed(DocumentFailure(error, sha256: SHA256.hex(bytes))))
        }
    }
}
