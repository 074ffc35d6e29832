import CZipXML

/// A zip archive in memory, read through libzip (the CZipXML room). Owns a
/// copy of the bytes, which libzip reads in place, and closes the archive in
/// `deinit`.
final class ZipArchive {
    /// Limits that keep a zip bomb from exhausting memory.
    struct Limits: Sendable {
        /// The most one part may inflate to.
        var partBytes: UInt64 = 256 << 20
        /// The most all parts read from one archive may inflate to together.
        var totalBytes: UInt64 = 512 << 20
        /// The most entries an archive may list.
        var entries: Int64 = 100_000
    }

    private let handle: OpaquePointer
    private let storage: UnsafeMutableBufferPointer<UInt8>
    private let limits: Limits
    private var inflated: UInt64 = 0
    /// What the archive holds, for messages (`a DOCX file`).
    let name: String

    /// Opens `bytes` as a zip archive; `name` says what it should be in errors.
    init(_ bytes: [UInt8], name: String, limits: Limits = Limits()) throws(FormatError) {
        let storage = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = storage.initialize(from: bytes)
        var status: Int32 = 0
        guard let handle = zx_archive_open(storage.baseAddress, bytes.count, &status) else {
            storage.deallocate()
            switch Int(status) {
            case ZX_FAILED: throw FormatError(.damaged, "\(name) could not be opened (out of memory)")
            default: throw FormatError(.damaged, "\(name) is cut off or damaged: its zip directory cannot be read")
            }
        }
        self.handle = handle
        self.storage = storage
        self.limits = limits
        self.name = name
        if zx_archive_count(handle) > limits.entries {
            throw FormatError(.tooLarge, "\(name) lists \(zx_archive_count(handle)) parts (at most \(limits.entries) are read)")
        }
    }

    deinit {
        zx_archive_close(handle)
        storage.deallocate()
    }

    /// The names of the parts, in directory order.
    var names: [String] {
        let count = zx_archive_count(handle)
        guard count > 0 else { return [] }
        return (0..<count).compactMap { index in zx_archive_name(handle, index).map { String(cString: $0) } }
    }

    /// Whether a part of this name (case aside) is in the archive.
    func contains(_ part: String) -> Bool { zx_archive_find(handle, part) >= 0 }

    /// The bytes of part `part`, inflated; nil when there is no such part.
    func read(_ part: String) throws(FormatError) -> [UInt8]? {
        let index = zx_archive_find(handle, part)
        guard index >= 0 else { return nil }
        let remaining = limits.totalBytes > inflated ? limits.totalBytes - inflated : 0
        let limit = min(limits.partBytes, remaining)
        var out: UnsafeMutablePointer<UInt8>?
        var length: UInt64 = 0
        let status = zx_archive_read(handle, index, limit, &out, &length)
        defer { zx_free(out) }
        switch Int(status) {
        case ZX_OK:
            inflated += length
            guard let out else { return [] }
            return Array(UnsafeBufferPointer(start: out, count: Int(length)))
        case ZX_ENCRYPTED:
            throw FormatError(.encrypted, "\(name) is encrypted (its part \(part) needs a password): save an unprotected copy first")
        case ZX_TOO_LARGE:
            let whole = limits.partBytes >> 20, total = limits.totalBytes >> 20
            throw FormatError(
                .tooLarge,
                "\(name)'s part \(part) inflates beyond the limits (\(whole) MiB a part, \(total) MiB in all): a zip bomb or not a document"
            )
        case ZX_FAILED:
            throw FormatError(.damaged, "\(name)'s part \(part) could not be read (out of memory)")
        default:
            throw FormatError(.damaged, "\(name) is damaged: its part \(part) is cut off or corrupt")
        }
    }
}
