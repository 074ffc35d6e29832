import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What a batch does when zhengce itself crashes on a document (a bug: a
/// trap in a matcher, a stack overflow): it cannot go on, but it says which
/// document did it, and writes the document's id to a journal next to the
/// output, so that `--skip-existing` records that document as an error and
/// goes on with the others instead of crashing on it again.
///
/// Each worker keeps the document it is reading in a buffer of its own,
/// allocated up front, so the signal handler only reads memory and calls
/// `write(2)`, as a handler must. After writing, the handler puts back the
/// handler that was there before (Swift's backtracer, or the default) and
/// lets the fault happen again, so the crash ends the process as before.
enum CrashGuard {
    /// The signals of a crash.
    private static let signals: [Int32] = [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGFPE, SIGABRT]

    /// Installs the handlers, with the journal at `journalPath` (created by
    /// the first crash, appended to) or none.
    static func install(journalPath: String?) {
        // Opened by the handler, only when there is a crash to note.
        journal = journalPath.flatMap { strdup($0) }
        _ = pthread_key_create(&slotKey, nil)
        _ = pthread_key_create(&stackKey, nil)
        let previousActions = UnsafeMutablePointer<sigaction>.allocate(capacity: 64)
        previousActions.initialize(repeating: sigaction(), count: 64)
        self.previousActions = previousActions
        for signal in signals {
            var action = sigaction()
            #if canImport(Darwin)
            action.__sigaction_u.__sa_sigaction = handle
            #else
            action.__sigaction_handler.sa_sigaction = handle
            #endif
            action.sa_flags = SA_SIGINFO | SA_ONSTACK
            sigemptyset(&action.sa_mask)
            var previous = sigaction()
            sigaction(signal, &action, &previous)
            previousActions[Int(signal)] = previous
        }
        installed = true
    }

    /// Makes the calling thread a worker that reports its documents: its own
    /// buffer for the document's id and path, and its own stack for the
    /// handler (a stack overflow leaves none on the thread's stack).
    static func enterWorker() {
        guard installed else { return }
        let slot = UnsafeMutablePointer<UInt8>.allocate(capacity: slotCapacity)
        slot.initialize(repeating: 0, count: slotCapacity)
        pthread_setspecific(slotKey, slot)
        // A stack for the handler, unless the thread has one already (the
        // sanitizers give every thread theirs, and free it themselves).
        var current = stack_t()
        guard sigaltstack(nil, &current) == 0, current.ss_flags & Int32(SS_DISABLE) != 0 else { return }
        var stack = stack_t()
        stack.ss_sp = UnsafeMutableRawPointer.allocate(byteCount: alternateStackSize, alignment: 16)
        stack.ss_size = alternateStackSize
        stack.ss_flags = 0
        if sigaltstack(&stack, nil) == 0 { pthread_setspecific(stackKey, stack.ss_sp) }
    }

    /// Ends ``enterWorker()``: frees the thread's buffer and handler stack.
    static func leaveWorker() {
        guard installed else { return }
        if let slot = pthread_getspecific(slotKey) {
            pthread_setspecific(slotKey, nil)
            slot.deallocate()
        }
        if let stack = pthread_getspecific(stackKey) {
            var off = stack_t()
            off.ss_flags = Int32(SS_DISABLE)
            sigaltstack(&off, nil)
            pthread_setspecific(stackKey, nil)
            stack.deallocate()
        }
    }

    /// Notes that this worker starts on a document (nil: it is between documents).
    static func working(on documentId: String?, path: String) {
        guard installed, let raw = pthread_getspecific(slotKey) else { return }
        let slot = raw.assumingMemoryBound(to: UInt8.self)
        guard let documentId else {
            slot.pointee = 0
            return
        }
        // Layout: id bytes, NUL, path bytes, NUL; cut to fit.
        var offset = 0
        for part in [documentId, path.isEmpty ? documentId : path] {
            for byte in part.utf8 where offset < slotCapacity - 2 && byte != 0 {
                slot[offset] = byte
                offset += 1
            }
            slot[offset] = 0
            offset += 1
        }
    }

    /// Where the journal of a batch writing to `output` goes: beside a JSON
    /// lines file, inside an output folder; none for standard output.
    static func journalPath(output: String?, outputIsFolder: Bool) -> String? {
        guard let output else { return nil }
        return outputIsFolder ? (output as NSString).appendingPathComponent("zhengce-crashed.txt") : output + ".crashed.txt"
    }

    /// The document ids a journal holds, one per line.
    static func crashedDocuments(journalPath: String) -> Set<String> {
        guard let data = FileManager.default.contents(atPath: journalPath) else { return [] }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    // MARK: - State read by the handler

    private nonisolated(unsafe) static var journal: UnsafeMutablePointer<CChar>?
    private nonisolated(unsafe) static var slotKey = pthread_key_t()
    private nonisolated(unsafe) static var stackKey = pthread_key_t()
    /// The handlers found at install, by signal number.
    private nonisolated(unsafe) static var previousActions: UnsafeMutablePointer<sigaction>?
    private nonisolated(unsafe) static var installed = false
    private static let slotCapacity = 8192
    private static let alternateStackSize = 64 << 10

    /// The handler: says which document this thread was reading, notes it in
    /// the journal, and lets the crash go on as it would have.
    private static let handle: @convention(c) (Int32, UnsafeMutablePointer<siginfo_t>?, UnsafeMutableRawPointer?) -> Void = {
        signal, _, _ in
        let slot = pthread_getspecific(CrashGuard.slotKey)?.assumingMemoryBound(to: UInt8.self)
        if let slot, slot.pointee != 0 {
            let idLength = strlen(slot)
            let path = slot + idLength + 1
            CrashGuard.say("zhengce: crashed while reading ")
            _ = write(2, path, strlen(path))
            CrashGuard.say(" (signal ")
            CrashGuard.say(signalName(signal))
            CrashGuard.say("). This is a bug in zhengce: please report it with that file.\n")
            if let path = CrashGuard.journal {
                let file = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
                var newline = UInt8(ascii: "\n")
                _ = write(file, slot, idLength)
                _ = write(file, &newline, 1)
                close(file)
                CrashGuard.say(
                    "zhengce: run again with --skip-existing to go on: the documents already written are kept, and this one is recorded as an error.\n"
                )
            }
        }
        if let previous = CrashGuard.previousActions { sigaction(signal, previous + Int(signal), nil) }
        // A fault happens again on return, into the handler put back; a
        // raised signal (abort, a breakpoint) has to be raised again.
        if signal == SIGABRT || signal == SIGTRAP { raise(signal) }
    }

    /// Writes a static message to standard error (no allocation).
    private static func say(_ message: StaticString) {
        _ = write(2, message.utf8Start, message.utf8CodeUnitCount)
    }

    private static func signalName(_ signal: Int32) -> StaticString {
        switch signal {
        case SIGILL: "SIGILL"
        case SIGTRAP: "SIGTRAP"
        case SIGSEGV: "SIGSEGV"
        case SIGBUS: "SIGBUS"
        case SIGFPE: "SIGFPE"
        default: "SIGABRT"
        }
    }
}
