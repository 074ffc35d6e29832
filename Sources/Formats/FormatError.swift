/// Why a file in a binary format gave no text (spec §9). Each kind is written
/// as the `error.kind` of the document's record and a row of `errors.csv`.
public struct FormatError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The kinds of failure, with the names the output uses.
    public enum Kind: String, Sendable, CaseIterable {
        /// A format zhengce does not read (`.doc`, `.wps`, an image, a spreadsheet…).
        case unsupportedFormat = "unsupported-format"
        /// A PDF or OFD with no text in it: scanned pages, images only.
        case noTextLayer = "no-text-layer"
        /// Encrypted: a password is needed to read the text.
        case encrypted
        /// Cut off or corrupt: the archive, XML or PDF cannot be read.
        case damaged
        /// The program that reads the format is not installed (poppler's `pdftotext`).
        case converterMissing = "converter-missing"
        /// A part inflates beyond the limits (a zip bomb, or a part far larger than any document).
        case tooLarge = "too-large"
    }

    /// What kind of failure, as the output names it.
    public var kind: Kind
    /// What happened and what to do, in a sentence, without the path.
    public var reason: String

    /// A failure of `kind`; `reason` says what happened and what to do.
    public init(_ kind: Kind, _ reason: String) {
        self.kind = kind
        self.reason = reason
    }

    /// The kind and the reason: `encrypted: the PDF needs a password…`.
    public var description: String { "\(kind.rawValue): \(reason)" }
}
