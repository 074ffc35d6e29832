import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The one place zhengce looks at its input files on disk: what a path is
/// (one `stat(2)`, so a FIFO is never opened: reading one would block
/// forever), and the bytes of a regular file. The walker of `zhengce extract`
/// and every command that reads a document (`eval`, `check`, `explain`,
/// `residue`, `review`, `text`) go through it, so a file that cannot be read
/// is named with the same reason everywhere.
public enum InputFile {
    /// What a path is, following symbolic links.
    public enum Kind: Equatable, Sendable {
        /// A regular file of this many bytes.
        case file(size: Int)
        /// A folder, identified by device and inode (to spot folders seen twice).
        case directory(FolderIdentity)
        /// Something that cannot be read as a document, and why.
        case problem(reason: String)
    }

    /// A folder's identity: the same for every path (symlink or not) that reaches it.
    public struct FolderIdentity: Hashable, Sendable {
        /// The device the folder is on.
        public var device: UInt64
        /// Its inode on that device.
        public var inode: UInt64
    }

    /// Looks at `path`, following symbolic links.
    public static func kind(of path: String) -> Kind {
        var info = stat()
        if stat(path, &info) != 0 { return .problem(reason: reason(errno, path: path)) }
        return kind(info)
    }

    /// The bytes of the regular file at `path`, or the reason it cannot be
    /// read: missing, a folder, a FIFO or device, no permission, larger than
    /// ``DocumentExtractor/maximumBytes``.
    public static func read(_ path: String) throws(ExtractionError) -> [UInt8] {
        switch kind(of: path) {
        case .problem(let reason): throw .unreadable(path: path, reason: reason)
        case .directory: throw .unreadable(path: path, reason: "is a directory")
        case .file: break
        }
        // O_NONBLOCK: should the path have become a FIFO since, opening it does not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            throw .unreadable(path: path, reason: code == EACCES ? "permission denied" : reason(code, path: path))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .unreadable(path: path, reason: reason(errno, path: path)) }
        switch kind(info) {
        case .problem(let reason): throw .unreadable(path: path, reason: reason)
        case .directory: throw .unreadable(path: path, reason: "is a directory")
        case .file(let size):
            if size > DocumentExtractor.maximumBytes { throw .unreadable(path: path, reason: DocumentExtractor.tooLarge(size)) }
            return try readAll(descriptor, size: size, path: path)
        }
    }

    /// Everything left to read from `descriptor`, `size` bytes expected (a file that grows meanwhile is read to its end).
    private static func readAll(_ descriptor: Int32, size: Int, path: String) throws(ExtractionError) -> [UInt8] {
        // One byte more than expected, so the end is seen without growing the buffer.
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard bytes.count < DocumentExtractor.maximumBytes + 1 else { break }
                bytes.append(contentsOf: repeatElement(0, count: max(4096, bytes.count)))
            }
            let got = bytes.withUnsafeMutableBufferPointer { buffer in
                systemRead(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: path, reason: reason(errno, path: path))
            }
            if got == 0 { break }
            count += got
        }
        bytes.removeSubrange(count...)
        if count > DocumentExtractor.maximumBytes { throw .unreadable(path: path, reason: DocumentExtractor.tooLarge(count)) }
        return bytes
    }

    private static func kind(_ info: stat) -> Kind {
        switch info.st_mode & S_IFMT {
        case S_IFREG: .file(size: Int(info.st_size))
        case S_IFDIR: .directory(FolderIdentity(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)))
        case S_IFIFO: .problem(reason: "not a regular file (a FIFO)")
        case S_IFSOCK: .problem(reason: "not a regular file (a socket)")
        case S_IFCHR, S_IFBLK: .problem(reason: "not a regular file (a device)")
        default: .problem(reason: "not a regular file")
        }
    }

    /// The reason for a failed `stat` or `open` of `path` with error `code`.
    private static func reason(_ code: Int32, path: String) -> String {
        var link = stat()
        // stat follows links: a link to nowhere is ENOENT, a loop ELOOP.
        if code == ENOENT, lstat(path, &link) == 0 { return "broken symbolic link" }
        if code == ELOOP { return "symbolic link loop (too many levels of symbolic links)" }
        return code == ENOENT ? "no such file" : String(cString: strerror(code))
    }
}

/// `read(2)`, under a name that `InputFile.read` does not hide.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
