import Extractor
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads what an interrupted run left behind, for `--skip-existing`.
enum ResumeReader {
    /// Feeds a file to `body` in chunks, so a large output never has to fit in memory.
    static func forEachChunk(of path: String, _ body: (ArraySlice<UInt8>) throws -> Void) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw BatchError.output("cannot read \(path) to resume it")
        }
        defer { try? handle.close() }
        while true {
            let data = try handle.read(upToCount: 1 << 20) ?? Data()
            if data.isEmpty { return }
            try body(Array(data)[...])
        }
    }

    /// The first `count` bytes of a file (fewer if it is shorter; none if unreadable).
    static func prefix(of path: String, count: Int) -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else { return [] }
        defer { try? handle.close() }
        return Array((try? handle.read(upToCount: count)) ?? Data())
    }

    /// The documents of a JSONL output: the `documentId` of every complete line.
    /// A last line cut short (no line end) is removed from the file, so new
    /// records can be appended after the intact ones.
    static func jsonLines(at path: String) throws -> Set<String> {
        var done = Set<String>()
        var line: [UInt8] = []
        var offset = 0, intactEnd = 0, lineNumber = 0
        try forEachChunk(of: path) { chunk in
            for byte in chunk {
                offset += 1
                guard byte == UInt8(ascii: "\n") else { line.append(byte); continue }
                lineNumber += 1
                defer { line.removeAll(keepingCapacity: true) }
                if line.allSatisfy({ $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\r") }) { intactEnd = offset; continue }
                guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                    let id = object["documentId"] as? String
                else {
                    throw BatchError.output("\(path):\(lineNumber) is not a zhengce record; cannot resume this file")
                }
                done.insert(id)
                intactEnd = offset
            }
        }
        if intactEnd < offset { try truncate(path, to: intactEnd) }
        return done
    }

    /// Cuts a file to its first `length` bytes.
    static func truncate(_ path: String, to length: Int) throws {
        #if canImport(Darwin)
        let status = Darwin.truncate(path, off_t(length))
        #else
        let status = Glibc.truncate(path, off_t(length))
        #endif
        guard status == 0 else {
            throw BatchError.output("cannot truncate \(path): \(String(cString: strerror(errno)))")
        }
    }
}
