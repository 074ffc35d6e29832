import CLibFuzzer
import Formats
import Foundation

/// Runs libFuzzer over ``fuzzOneInput(_:_:)`` with this process's command line.
///
/// SwiftPM gives every executable its own `main`, so libFuzzer's is unused;
/// the driver takes the same flags (`-max_total_time`, `-max_len`, corpus
/// folders) and runs the same way.
@main
enum FuzzPipeline {
    static func main() {
        // PDFs are read by pdftotext, another program: the fuzzer does not run
        // it on every input that starts with %PDF- (they get converter-missing).
        setenv("ZHENGCE_PDFTOTEXT", "/nonexistent/pdftotext", 1)
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
    }
}

/// The checker, made on the first input and kept for the whole run (ICU
/// iterators are costly to open). libFuzzer calls from one thread.
nonisolated(unsafe) private var check: PipelineCheck?

/// libFuzzer's entry point: one input through the whole pipeline in every
/// format, then through the DOCX and OFD readers as a zip archive and as
/// each kind of XML part (libzip and libxml2, in the CZipXML room). A broken
/// promise is a finding like a crash: it is printed, and the process traps so
/// libFuzzer saves the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    if check == nil {
        do { check = try PipelineCheck() } catch { fatalError("cannot open ICU: \(error)") }
    }
    let bytes = size > 0 ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    var problems = check!.problems(bytes: bytes, path: "fuzz-input")
    problems += formatProblems(bytes)
    if !problems.isEmpty {
        FileHandle.standardError.write(Data(("zhengce fuzz: broken promise\n" + problems.prefix(20).joined(separator: "\n") + "\n").utf8))
        fatalError("broken promise")
    }
    return 0
}

/// Reads `bytes` as a DOCX/OFD archive and as XML parts; a reader may refuse
/// them with a ``FormatError`` but must neither crash nor make text that is
/// not its input's (every form feed is a page break, no NUL from XML).
private func formatProblems(_ bytes: [UInt8]) -> [String] {
    var problems: [String] = []
    // Small limits, so a zip bomb among the inputs is refused quickly.
    let limits = ArchiveLimits(partBytes: 1 << 20, totalBytes: 4 << 20)
    do {
        let read = try DocumentReader.readZip(bytes, fileExtension: "docx", limits: limits)
        if read.format == .ofd, !read.text.isEmpty, !read.text.hasSuffix("\u{0C}") {
            problems.append("an OFD's text does not end its last page")
        }
    } catch {
        if error.reason.isEmpty { problems.append("an archive error without a reason") }
    }
    for part in [DocumentReader.Part.wordprocessing, .ofdPage] {
        do {
            let text = try DocumentReader.readPart(bytes, as: part)
            if text.unicodeScalars.contains("\u{0}") { problems.append("\(part): a NUL in the text") }
        } catch {
            if error.kind != .damaged && error.kind != .tooLarge { problems.append("\(part): XML error of kind \(error.kind)") }
        }
    }
    return problems
}
