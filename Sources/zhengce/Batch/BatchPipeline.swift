import Extractor
import Foundation

/// Runs a batch on all cores with flat memory.
///
/// One producer thread lists the inputs into a bounded queue; `jobs` worker
/// threads, each with its own ``DocumentProcessor``, read, extract and render
/// them; the calling thread writes the rendered records in input order through
/// a ``ReorderBuffer`` with a bounded window. At most `2 × jobs` queued inputs
/// and `8 × jobs` finished records are held at any time, whatever the size of
/// the batch; no result is kept after it is written.
struct BatchPipeline {
    var jobs: Int
    var sink: any RecordSink
    var progress: ProgressReporter
    /// Documents an earlier run crashed on (see ``CrashGuard``): recorded as errors, not read again.
    var crashedBefore: Set<String> = []
    /// The cue dictionary measures are tagged with (`--instruments`).
    var instruments: InstrumentDictionary = .bundled

    /// Hands one input to the pipeline: its document id, path, and content.
    typealias Enqueue = (_ documentId: String, _ path: String, _ content: WorkItem.Content) -> Void

    /// Runs `produce` on its own thread and processes everything it enqueues.
    /// Throws only when the output cannot be written.
    func run(_ produce: @escaping @Sendable (Enqueue) -> Void) throws {
        let queue = BoundedQueue<WorkItem>(capacity: jobs * 2)
        let results = ReorderBuffer<Completed>(window: jobs * 8)
        let finished = DispatchGroup()

        finished.enter()
        let producer = Thread {
            var count = 0
            produce { documentId, path, content in
                queue.put(WorkItem(index: count, documentId: documentId, path: path, content: content))
                count += 1
            }
            queue.close()
            results.finish(total: count)
            finished.leave()
        }
        producer.start()

        let sink = self.sink, crashedBefore = self.crashedBefore, instruments = self.instruments
        for _ in 0..<jobs {
            finished.enter()
            let worker = Thread {
                CrashGuard.enterWorker()
                let processor = Result { try DocumentProcessor(instruments: instruments) }
                while let item = queue.take() {
                    CrashGuard.working(on: item.crashReportName, path: item.path)
                    results.put(item.index, Self.process(item, processor: processor, sink: sink, crashedBefore: crashedBefore))
                    CrashGuard.working(on: nil, path: "")
                }
                CrashGuard.leaveWorker()
                finished.leave()
            }
            worker.stackSize = 16 << 20
            worker.start()
        }

        while let completed = results.take() {
            if case .failure(let error) = completed.outputError { throw error }
            try sink.write(completed.rendered)
            progress.completed(completed)
        }
        try sink.finish()
        finished.wait()
    }

    /// How a record counts: extracted, empty (recorded, not a failure), or failed.
    private static func status(of failure: DocumentFailure?) -> Completed.Status {
        guard let failure else { return .extracted }
        return failure.kind == .empty ? .empty : .failed
    }

    /// One input through a worker: skipped, or read, extracted and rendered.
    private static func process(
        _ item: WorkItem, processor: Result<DocumentProcessor, any Error>,
        sink: any RecordSink, crashedBefore: Set<String>
    ) -> Completed {
        if case .request = item.content {
            // Parsed by the processor; never skipped (--stdin has no --skip-existing).
        } else if sink.isDone(item.documentId) {
            return Completed(
                index: item.index, documentId: item.documentId, path: item.path, status: .skipped,
                failure: nil, bytes: 0, items: ItemTally(), rendered: .none)
        }
        let record: DocumentRecord, bytes: Int
        switch processor {
        case .success where crashedBefore.contains(item.documentId):
            let failure = DocumentFailure(
                path: item.path, kind: .internal,
                reason: "zhengce crashed reading it in an earlier run; skipped (a bug: please report it with the file)")
            (record, bytes) = (DocumentRecord(documentId: item.documentId, outcome: .failed(failure)), 0)
        case .success(let processor):
            (record, bytes) = processor.record(for: item)
        case .failure(let error):
            let failure = DocumentFailure(path: item.path, kind: .internal, reason: "cannot start the extractor: \(error)")
            (record, bytes) = (DocumentRecord(documentId: item.documentId, outcome: .failed(failure)), 0)
        }
        var completed = Completed(
            index: item.index, documentId: record.documentId, path: record.path,
            status: Self.status(of: record.failure), failure: record.failure,
            bytes: bytes, items: record.result.map(ItemTally.init) ?? ItemTally(),
            rendered: .none)
        do {
            completed.rendered = try sink.render(record)
        } catch {
            completed.outputError = .failure(BatchError.output("\(record.path): \(error)"))
        }
        return completed
    }
}
