import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Tells the user on standard error how a batch goes: a progress bar while it
/// runs (only on a terminal), failures and warnings as they come, and a
/// one-line summary at the end.
final class ProgressReporter: @unchecked Sendable {
    /// Counts of a finished run.
    struct Summary {
        var documents = 0, extracted = 0, empty = 0, failed = 0, skipped = 0, bytes = 0
        var items = ItemTally()
        var seconds = 0.0
    }

    private let lock = NSLock()
    /// Whether a progress bar is drawn.
    let showsBar: Bool
    private let quiet: Bool
    private let started = DispatchTime.now().uptimeNanoseconds
    private var summary = Summary()
    private var total: (documents: Int, bytes: Int)?
    private var lastDraw: UInt64 = 0
    private var barShown = false

    /// - Parameters:
    ///   - showsBar: draw a progress bar (stderr is a terminal and stdout is not).
    ///   - quiet: say nothing at all, not even failures and the summary.
    init(showsBar: Bool, quiet: Bool) {
        self.showsBar = showsBar && !quiet
        self.quiet = quiet
    }

    /// Whether standard error is a terminal a bar can be drawn on.
    static var standardErrorIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }
    /// Whether standard output is a terminal (then output and bar would mix).
    static var standardOutputIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }

    /// The number of documents and bytes to expect, once counted.
    func setTotal(documents: Int, bytes: Int) {
        lock.withLock { total = (documents, bytes) }
    }

    /// Records a finished document; failures are reported at once.
    func completed(_ item: Completed) {
        lock.withLock {
            summary.documents += 1
            summary.bytes += item.bytes
            summary.items += item.items
            switch item.status {
            case .extracted: summary.extracted += 1
            case .skipped: summary.skipped += 1
            case .empty:
                summary.empty += 1
                if let failure = item.failure { say("zhengce: warning: \(failure.path): \(failure.reason), nothing to extract") }
            case .failed:
                summary.failed += 1
                if let failure = item.failure { say("zhengce: \(failure.path): \(failure.reason)") }
            }
            let now = DispatchTime.now().uptimeNanoseconds
            if showsBar, now - lastDraw > 100_000_000 {
                lastDraw = now
                drawBar(now: now)
            }
        }
    }

    /// Reports something doubtful that is not a document's failure.
    func warn(_ message: String) {
        lock.withLock { say("zhengce: warning: \(message)") }
    }

    /// Clears the bar, prints the summary line, and returns the counts.
    @discardableResult
    func finish() -> Summary {
        lock.withLock {
            summary.seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
            clearBar()
            if !quiet { write(Self.describe(summary) + "\n") }
            return summary
        }
    }

    /// The summary line: documents, outcomes, size, time, rate and items.
    static func describe(_ summary: Summary) -> String {
        let rate = summary.seconds > 0 ? Double(summary.documents - summary.skipped) / summary.seconds : 0
        let items = summary.items
        let empty = summary.empty > 0 ? "\(summary.empty) empty, " : ""
        return "zhengce: \(counted(summary.documents, "document")) (\(summary.extracted) extracted, \(empty)"
            + "\(summary.failed) failed, \(summary.skipped) skipped), \(megabytes(summary.bytes)) MB in "
            + "\(String(format: "%.1f", summary.seconds)) s (\(String(format: "%.1f", rate)) documents/s); "
            + "\(counted(items.total, "item")): " + items.byKind.map { counted($0.count, $0.noun) }.joined(separator: ", ")
    }

    /// `1 document`, `0 documents`, `2 documents`.
    static func counted(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    // MARK: - Drawing (lock held)

    private func say(_ line: String) {
        guard !quiet else { return }
        clearBar()
        write(line + "\n")
        if showsBar { drawBar(now: DispatchTime.now().uptimeNanoseconds) }
    }

    private func drawBar(now: UInt64) {
        let seconds = Double(now - started) / 1e9
        let rate = seconds > 0 ? Double(summary.documents - summary.skipped) / seconds : 0
        var head = "\(summary.documents)"
        var percent: Double?
        var eta = ""
        if let total {
            head += "/\(total.documents)"
            let fraction =
                total.bytes > 0
                ? Double(summary.bytes) / Double(total.bytes)
                : Double(summary.documents) / Double(max(total.documents, 1))
            percent = min(fraction, 1)
            if let percent, percent > 0, seconds > 0.5 {
                eta = "  ETA " + Self.clock(seconds / percent - seconds)
            }
        }
        head += " docs"
        var tail = "  \(Self.megabytes(summary.bytes))"
        if let total { tail += "/\(Self.megabytes(total.bytes))" }
        tail += " MB  \(String(format: "%.1f", rate)) docs/s" + eta
        if summary.failed > 0 { tail += "  \(summary.failed) failed" }
        var line = head
        let width = Self.terminalWidth() - 1
        if let percent {
            let barWidth = max(0, min(40, width - head.count - tail.count - 9))
            if barWidth >= 10 {
                let filled = Int(percent * Double(barWidth))
                line += " [" + String(repeating: "#", count: filled) + String(repeating: ".", count: barWidth - filled) + "]"
            }
            line += String(format: " %3.0f%%", percent * 100)
        }
        line += tail
        write("\r" + String(line.prefix(width)) + "\u{1B}[K")
        barShown = true
    }

    private func clearBar() {
        guard barShown else { return }
        write("\r\u{1B}[K")
        barShown = false
    }

    private func write(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    private static func megabytes(_ bytes: Int) -> String { String(format: "%.1f", Double(bytes) / 1_000_000) }

    private static func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return whole >= 3600
            ? String(format: "%d:%02d:%02d", whole / 3600, whole / 60 % 60, whole % 60)
            : String(format: "%d:%02d", whole / 60, whole % 60)
    }

    private static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(STDERR_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 20 { return Int(size.ws_col) }
        return 80
    }
}
