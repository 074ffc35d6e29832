import CLibFuzzer
import Foundation

/// Runs libFuzzer over ``fuzzOneInput(_:_:)`` with this process's command line.
///
/// SwiftPM gives every executable its own `main`, so libFuzzer's is unused;
/// the driver takes the same flags (`-max_total_time`, `-max_len`, corpus
/// folders) and runs the same way.
@main
enum FuzzPipeline {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
    }
}

/// The checker, made on the first input and kept for the whole run (ICU
/// iterators are costly to open). libFuzzer calls from one thread.
nonisolated(unsafe) private var check: PipelineCheck?

/// libFuzzer's entry point: one input through the whole pipeline in every
/// format. A broken promise is a finding like a crash: it is printed, and the
/// process traps so libFuzzer saves the input.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    if check == nil {
        do { check = try PipelineCheck() } catch { fatalError("cannot open ICU: \(error)") }
    }
    let bytes = size > 0 ? Array(UnsafeBufferPointer(start: data, count: size)) : []
    let problems = check!.problems(bytes: bytes, path: "fuzz-input")
    if !problems.isEmpty {
        FileHandle.standardError.write(Data(("zhengce fuzz: broken promise\n" + problems.prefix(20).joined(separator: "\n") + "\n").utf8))
        fatalError("broken promise")
    }
    return 0
}
