import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A buffered writer on a file descriptor; used by the writer thread only.
final class OutputFile {
    let name: String
    private let descriptor: Int32
    private let ownsDescriptor: Bool
    private var buffer: [UInt8] = []
    /// Written out when the buffer grows past this; nil: only on ``flush()``.
    private let flushThreshold: Int?

    private init(descriptor: Int32, name: String, owns: Bool, flushThreshold: Int?) {
        self.descriptor = descriptor
        self.name = name
        self.ownsDescriptor = owns
        self.flushThreshold = flushThreshold
        buffer.reserveCapacity(min(flushThreshold ?? 1 << 16, 1 << 20))
    }

    /// Standard output.
    static func standardOutput() -> OutputFile {
        OutputFile(descriptor: STDOUT_FILENO, name: "standard output", owns: false, flushThreshold: 1 << 16)
    }

    /// Opens `path` for writing: emptied, or appended to.
    static func open(_ path: String, append: Bool, flushThreshold: Int? = 1 << 18) throws -> OutputFile {
        let flags = O_WRONLY | O_CREAT | (append ? O_APPEND : O_TRUNC)
        #if canImport(Darwin)
        let descriptor = Darwin.open(path, flags, 0o644)
        #else
        let descriptor = Glibc.open(path, flags, 0o644)
        #endif
        guard descriptor >= 0 else {
            throw BatchError.output("cannot open \(path) for writing: \(String(cString: strerror(errno)))")
        }
        return OutputFile(descriptor: descriptor, name: path, owns: true, flushThreshold: flushThreshold)
    }

    /// Adds bytes, writing the buffer out when it is full.
    func write<Bytes: Sequence<UInt8>>(_ bytes: Bytes) throws {
        buffer.append(contentsOf: bytes)
        if let flushThreshold, buffer.count >= flushThreshold { try flush() }
    }

    /// Adds text as UTF-8.
    func write(_ text: String) throws { try write(text.utf8) }

    /// Writes out everything buffered.
    func flush() throws {
        guard !buffer.isEmpty else { return }
        try FileSystem.writeAll(buffer, to: descriptor, name: name)
        buffer.removeAll(keepingCapacity: true)
    }

    /// Flushes and closes (standard output stays open).
    func close() throws {
        try flush()
        if ownsDescriptor {
            #if canImport(Darwin)
            _ = Darwin.close(descriptor)
            #else
            _ = Glibc.close(descriptor)
            #endif
        }
    }
}
