// zhengce-bench: throughput of each stage of the extraction, single-threaded
// and on all cores, and peak memory, on the corpus replicated to a target size.
//
//   swift run -c release zhengce-bench [--megabytes 50] [--corpus Corpus] [--threads N] [--json]
//   zhengce-bench --output-only --megabytes 10     the output writers alone: JSON lines, pretty
//                                                 JSON, CSV tables (MB/s of output), new and before
//   zhengce-bench --whole-only --megabytes 1      whole extraction on one thread only
//                                                 (for callgrind: instructions per byte)
//   zhengce-bench --linearity [--megabytes 1] [--only KIND]
//                                                 one-line documents of numerals (and of structure
//                                                 words), N and 10×N MB: the time ratio
//                                                 (--single: one run at N MB only, for callgrind)
//
// See Benchmarks/README.md for the figures and how to reproduce them.
import Dispatch
import Extractor
import Foundation
import Segmenter

struct Options {
    var megabytes = 50.0
    var corpus = "Corpus"
    var json = false
    var threads = ProcessInfo.processInfo.activeProcessorCount
    var wholeOnly = false
    var linearity = false
    var only: String?
    var single = false
    var megabytesGiven = false
    var noOutput = false
    var outputOnly = false

    init(_ arguments: [String]) {
        var iterator = arguments.dropFirst().makeIterator()
        while let argument = iterator.next() {
            switch argument {
            case "--megabytes": megabytes = Double(iterator.next() ?? "") ?? megabytes; megabytesGiven = true
            case "--corpus": corpus = iterator.next() ?? corpus
            case "--threads": threads = Int(iterator.next() ?? "") ?? threads
            case "--json": json = true
            case "--whole-only": wholeOnly = true
            case "--linearity": linearity = true
            case "--only": only = iterator.next()
            case "--single": single = true
            case "--no-output": noOutput = true
            case "--output-only": outputOnly = true
            case "-h", "--help":
                print(
                    "usage: zhengce-bench [--megabytes N] [--corpus DIR] [--threads N] [--json] [--no-output | --output-only | --whole-only | --linearity [--only KIND] [--single]]"
                )
                exit(0)
            default:
                FileHandle.standardError.write(Data("zhengce-bench: unknown argument \(argument)\n".utf8))
                exit(2)
            }
        }
    }
}

/// One measured stage.
struct Figure: Codable {
    var stage: String
    var seconds: Double
    var megabytesPerSecond: Double
}

/// The corpus files' bytes, repeated until they reach the target size.
func workload(_ options: Options) -> [(path: String, bytes: [UInt8])] {
    let folder = URL(fileURLWithPath: options.corpus)
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    let files = names.compactMap { name -> (String, [UInt8])? in
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else { return nil }
        return (name, Array(data))
    }
    guard !files.isEmpty else {
        FileHandle.standardError.write(Data("zhengce-bench: no documents in \(options.corpus)\n".utf8))
        exit(2)
    }
    var result: [(String, [UInt8])] = []
    var size = 0
    let target = Int(options.megabytes * 1_000_000)
    while size < target {
        for file in files {
            result.append(file)
            size += file.1.count
        }
    }
    return result
}

func measure(_ stage: String, bytes: Int, _ body: () throws -> Void) rethrows -> Figure {
    let clock = ContinuousClock()
    let elapsed = try clock.measure(body)
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    return Figure(stage: stage, seconds: seconds, megabytesPerSecond: Double(bytes) / 1_000_000 / seconds)
}

/// `text` followed by spaces up to `width` characters (`%-44@` does not pad on Linux).
func padded(_ text: String, _ width: Int) -> String {
    text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
}

/// Peak resident memory of this process in MB (VmHWM).
func peakMemoryMB() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1024
    }
    return 0
}

let options = Options(CommandLine.arguments)
if options.linearity {
    Linearity.run(megabytes: options.megabytesGiven ? options.megabytes : 1, only: options.only, single: options.single)
    exit(0)
}
let documents = workload(options)
let totalBytes = documents.reduce(0) { $0 + $1.bytes.count }
var figures: [Figure] = []
var sink = 0  // keeps results alive so no stage is optimised away

if options.wholeOnly {
    // Nothing but the whole extraction on this thread: under callgrind, the
    // instructions of a run at 2 MB minus those at 1 MB, divided by the extra
    // bytes, are the instructions per byte, whatever the machine's load.
    let extractor = try DocumentExtractor()
    let figure = measure("whole extraction, 1 thread", bytes: totalBytes) {
        for document in documents { sink &+= ((try? extractor.extract(bytes: document.bytes, path: document.path))?.counts.count) ?? 0 }
    }
    print(String(format: "zhengce-bench: %d bytes, %d documents (checksum %d)", totalBytes, documents.count, sink))
    print("  " + padded(figure.stage, 44) + String(format: " %8.2f s %9.1f MB/s", figure.seconds, figure.megabytesPerSecond))
    exit(0)
}

if options.outputOnly {
    // The output writers alone (MB/s of output; under callgrind, instructions per output byte).
    OutputStages.run(documents, megabytes: options.megabytes, figures: &figures, sink: &sink)
    print(String(format: "zhengce-bench: output writers (checksum %d)", sink))
    for figure in figures {
        print("  " + padded(figure.stage, 44) + String(format: " %8.2f s %9.1f MB/s", figure.seconds, figure.megabytesPerSecond))
    }
    exit(0)
}

// Stage by stage, one core.
figures.append(
    measure("hash (SHA-256 of the bytes, source.sha256)", bytes: totalBytes) {
        for document in documents { sink &+= SHA256.hex(document.bytes).utf8.count }
    })
var texts: [String] = []
figures.append(
    measure("decode", bytes: totalBytes) {
        texts = documents.map { (try? TextDecoder.decode($0.bytes).text) ?? "" }
    })
var read: [TextDocument] = []
figures.append(
    measure("normalise (markup + repairs + offset map)", bytes: totalBytes) {
        read = zip(texts, documents).map { TextDocument(text: $0, path: $1.path) }
    })
let segmenter = try Segmenter()
var contexts: [ExtractionContext] = []
// Sentences and words are not part of the extraction (no matcher needs
// them): timed for scale, and for `zhengce segment`.
figures.append(
    measure("sentences (ICU; not in the extraction)", bytes: totalBytes) {
        for document in read { sink &+= (try? segmenter.sentences(in: document.text).count) ?? 0 }
    })
contexts = read.map { ExtractionContext(document: $0) }
figures.append(
    measure("words (ICU dictionary; not in the extraction)", bytes: totalBytes) {
        for document in read.prefix(max(1, read.count / 10)) { sink &+= (try? segmenter.words(in: document.text).count) ?? 0 }
    })
// The word breaker ran on a tenth of the text: scale its figure.
figures[figures.count - 1].megabytesPerSecond /= 10
figures[figures.count - 1].seconds *= 10
let quantities = QuantityMatcher()
figures.append(
    measure("amounts, counts, percentages", bytes: totalBytes) {
        for context in contexts { sink &+= quantities.match(context).amounts.count }
    })
let structure = StructureReader()
var shapes: [StructureMatches] = []
figures.append(
    measure("metadata, sections, measures", bytes: totalBytes) {
        shapes = contexts.map { structure.read($0) }
    })
let references = ReferenceMatcher()
figures.append(
    measure("references", bytes: totalBytes) {
        for context in contexts { sink &+= references.match(context).count }
    })
let organizations = OrganizationMatcher()
figures.append(
    measure("organisations", bytes: totalBytes) {
        for (context, shape) in zip(contexts, shapes) { sink &+= organizations.match(context, measures: shape.measures).count }
    })

// Each matcher family on all cores: a family that does not scale shares something it should not.
if options.threads > 1 {
    let threads = options.threads
    /// `makeBody` runs once on each worker: each thread its own matcher, as
    /// in a batch (a matcher shared by threads shares its word lists'
    /// reference counts, and the threads then wait on each other's caches).
    func parallel(_ label: String, _ makeBody: @escaping @Sendable () -> (ExtractionContext) -> Int) {
        let shared = contexts
        figures.append(
            measure("\(label), \(threads) threads", bytes: totalBytes) {
                DispatchQueue.concurrentPerform(iterations: threads) { worker in
                    let body = makeBody()
                    var local = 0
                    for index in stride(from: worker, to: shared.count, by: threads) { local &+= body(shared[index]) }
                    _ = local
                }
            })
    }
    parallel("amounts, counts, percentages") {
        let matcher = QuantityMatcher(); return { matcher.match($0).amounts.count }
    }
    parallel("metadata, sections, measures") {
        let reader = StructureReader(); return { reader.read($0).measures.count }
    }
    parallel("references") {
        let matcher = ReferenceMatcher(); return { matcher.match($0).count }
    }
    parallel("organisations") {
        let matcher = OrganizationMatcher(); return { matcher.match($0, measures: []).count }
    }
}
texts = []; read = []; contexts = []; shapes = []

// Whole extraction from bytes, one core.
let extractor = try DocumentExtractor()
figures.append(
    measure("whole extraction, 1 thread", bytes: totalBytes) {
        for document in documents { sink &+= ((try? extractor.extract(bytes: document.bytes, path: document.path))?.counts.count) ?? 0 }
    })

// Whole extraction on all cores: each thread its own extractor.
let threads = max(1, options.threads)
figures.append(
    measure("whole extraction, \(threads) threads", bytes: totalBytes) {
        let counter = Counter()
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            guard let extractor = try? DocumentExtractor() else { return }
            var local = 0
            for index in stride(from: worker, to: documents.count, by: threads) {
                local &+= ((try? extractor.extract(bytes: documents[index].bytes, path: documents[index].path))?.counts.count) ?? 0
            }
            counter.add(local)
        }
        sink &+= counter.value
    })

// Writing the records: JSON lines, pretty JSON, CSV tables (MB/s of output).
if !options.noOutput {
    OutputStages.run(documents, megabytes: min(options.megabytes, 10), figures: &figures, sink: &sink)
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var total = 0
    func add(_ value: Int) { lock.lock(); total &+= value; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return total }
}

let peak = peakMemoryMB()
if options.json {
    struct Report: Codable { var megabytes: Double; var documents: Int; var figures: [Figure]; var peakMemoryMB: Double }
    let report = Report(megabytes: Double(totalBytes) / 1e6, documents: documents.count, figures: figures, peakMemoryMB: peak)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    print(String(decoding: try encoder.encode(report), as: UTF8.self))
} else {
    print(String(format: "zhengce-bench: %.1f MB, %d documents (checksum %d)", Double(totalBytes) / 1e6, documents.count, sink))
    for figure in figures {
        print("  " + padded(figure.stage, 44) + String(format: " %8.2f s %9.1f MB/s", figure.seconds, figure.megabytesPerSecond))
    }
    print(String(format: "  peak memory (this process, corpus held in memory): %.0f MB", peak))
}
