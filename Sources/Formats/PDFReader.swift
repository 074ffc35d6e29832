#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a PDF's text layer through poppler's `pdftotext` (Debian's
/// `poppler-utils`), run as a separate program: poppler is GPL, so it is run,
/// never linked. The text comes in reading order, UTF-8, with a form feed
/// after every page.
///
/// `ZHENGCE_PDFTOTEXT` names another `pdftotext` (a path); when none is
/// found, a PDF is a `converter-missing` error that says how to install it.
enum PDFReader {
    /// How long one PDF may take.
    static let timeoutSeconds = 300
    /// The most text kept from one PDF (the extractor reads at most 1 GiB).
    static let outputLimit = 1 << 30

    static let installHint = "install poppler-utils (scripts/setup.sh does; or apt-get install poppler-utils)"

    static func read(_ bytes: [UInt8], environment: [String: String]) throws(FormatError) -> String {
        let name = environment["ZHENGCE_PDFTOTEXT"].flatMap { $0.isEmpty ? nil : $0 } ?? "pdftotext"
        guard let program = Subprocess.find(name, path: environment["PATH"]) else {
            throw FormatError(.converterMissing, "reading PDF needs poppler's pdftotext, which is not installed: \(installHint)")
        }
        let file = try TemporaryFile(bytes)
        defer { file.remove() }
        let output: Subprocess.Output
        do {
            output = try Subprocess.run(
                program, ["-enc", "UTF-8", "-eol", "unix", file.path, "-"],
                timeoutSeconds: timeoutSeconds, outputLimit: outputLimit)
        } catch {
            throw FormatError(
                .converterMissing, "\(program) could not be started (\(String(cString: strerror(Self.code(error))))): \(installHint)")
        }
        if output.timedOut { throw FormatError(.damaged, "pdftotext took longer than \(timeoutSeconds) s on it and was stopped") }
        let messages = String(decoding: output.stderr, as: UTF8.self)
        if output.status != 0 {
            if messages.contains("password") || messages.contains("ncrypt") || output.status == 3 {
                throw FormatError(.encrypted, "the PDF is encrypted and needs a password to open: save an unprotected copy first")
            }
            let detail = Self.firstLine(messages) ?? "exit status \(output.status)"
            throw FormatError(.damaged, "the PDF cannot be read: pdftotext says \"\(detail)\"")
        }
        let text = String(decoding: output.stdout, as: UTF8.self)
        if !text.unicodeScalars.contains(where: { !$0.properties.isWhitespace }) {
            let pages = text.unicodeScalars.filter { $0 == "\u{0C}" }.count
            throw FormatError(
                .noTextLayer,
                "the PDF has no text layer (\(pages) page\(pages == 1 ? "" : "s") of images, as a scan): run OCR on it first (e.g. ocrmypdf)"
            )
        }
        return text
    }

    private static func code(_ error: Subprocess.Failure) -> Int32 {
        switch error {
        case .cannotStart(let code): code
        }
    }

    private static func firstLine(_ text: String) -> String? {
        text.split(separator: "\n").first.map { String($0.prefix(200)) }
    }
}

/// A file of the bytes in the temporary folder, for a program that reads a path.
struct TemporaryFile {
    let path: String

    init(_ bytes: [UInt8]) throws(FormatError) {
        let folder = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((folder + "/zhengce-XXXXXX.pdf").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemps($0.baseAddress!, 4) }
        guard fd >= 0 else {
            throw FormatError(.damaged, "could not write a temporary copy for pdftotext in \(folder): \(String(cString: strerror(errno)))")
        }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var written = 0
        let ok = bytes.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let count = write(fd, raw.baseAddress! + written, raw.count - written)
                if count < 0 { if errno == EINTR { continue }; return false }
                written += count
            }
            return true
        }
        close(fd)
        if !ok {
            unlink(path)
            throw FormatError(.damaged, "could not write a temporary copy for pdftotext in \(folder)")
        }
    }

    func remove() { unlink(path) }
}
