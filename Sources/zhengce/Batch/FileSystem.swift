import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Small file-system helpers the batch writers share.
enum FileSystem {
    /// Creates `path` and its parents; fine when they exist (also when another
    /// thread creates them at the same moment).
    static func makeFolder(_ path: String) throws {
        if path.isEmpty || path == "/" || path == "." { return }
        var info = stat()
        if stat(path, &info) == 0 {
            if info.st_mode & S_IFMT == S_IFDIR { return }
            throw BatchError.output("\(path) exists and is not a folder")
        }
        try makeFolder((path as NSString).deletingLastPathComponent)
        if mkdir(path, 0o755) != 0 && errno != EEXIST {
            throw BatchError.output("cannot create folder \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Writes `bytes` to `path` atomically: a temporary file next to it, then
    /// `rename(2)`, so the file is either absent or complete.
    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + "." + (path as NSString).lastPathComponent + ".partial"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw BatchError.output("cannot write \(temporary): \(String(cString: strerror(errno)))")
        }
        do {
            try writeAll(bytes, to: descriptor, name: temporary)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw BatchError.output("cannot rename \(temporary) to \(path): \(reason)")
        }
    }

    /// Writes every byte, retrying short writes and interrupted calls.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, name: String) throws {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBufferPointer { buffer in
                write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw BatchError.output("cannot write \(name): \(String(cString: strerror(errno)))")
            }
            offset += written
        }
    }

    /// Whether a file (or anything) exists at `path`, without following a final symlink.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The names in a folder, or why it cannot be listed.
    static func names(in folder: String) -> Result<[String], BatchError> {
        guard let directory = opendir(folder) else {
            return .failure(.input("cannot list folder: \(String(cString: strerror(errno)))"))
        }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return .success(names)
    }

    /// `a` and `b` joined with one slash; `.` alone adds nothing.
    static func join(_ a: String, _ b: String) -> String {
        if a.isEmpty || a == "." { return b }
        return a.hasSuffix("/") ? a + b : a + "/" + b
    }
}

/// What stops a batch run as a whole (as opposed to one document's failure).
enum BatchError: Error, CustomStringConvertible {
    /// The output cannot be written.
    case output(String)
    /// An input cannot be walked or read.
    case input(String)

    var description: String {
        switch self {
        case .output(let message), .input(let message): message
        }
    }
}
