import Foundation
import Formats

/// One record of a dataset: the result of one input document, or why there is
/// none. Every input of a batch gives exactly one record, so nothing is lost.
///
/// As JSON it is the ``ExtractionResult`` with a `documentId` after
/// `schemaVersion`; a failure is `{schemaVersion, documentId, source: {path,
/// sha256?}, error: {kind, reason}}` (see `docs/schema.json`).
public struct DocumentRecord: Hashable, Sendable {
    /// What became of the document.
    public enum Outcome: Hashable, Sendable {
        /// Extracted.
        case extracted(ExtractionResult)
        /// Not extracted, and why.
        case failed(DocumentFailure)
    }

    /// The key that joins this document's rows across tables (see ``DocumentID``).
    public var documentId: String
    /// The result or the failure.
    public var outcome: Outcome

    /// A record of `outcome` under `documentId`.
    public init(documentId: String, outcome: Outcome) {
        self.documentId = documentId
        self.outcome = outcome
    }

    /// The path of the input, as the user gave it (or the name a streamed input carried).
    public var path: String {
        switch outcome {
        case .extracted(let result): result.source.path
        case .failed(let failure): failure.path
        }
    }

    /// The result, when there is one.
    public var result: ExtractionResult? {
        if case .extracted(let result) = outcome { return result }
        return nil
    }

    /// The failure, when there is one.
    public var failure: DocumentFailure? {
        if case .failed(let failure) = outcome { return failure }
        return nil
    }
}

/// Why a document has no result.
public struct DocumentFailure: Hashable, Sendable {
    /// The kinds of failure, as written in the `error.kind` field.
    public enum Kind: String, Codable, Hashable, Sendable, CaseIterable {
        /// The file could not be read: missing, a folder, no permission, a symlink loop.
        case unreadable
        /// The bytes are not text in a supported encoding (binary, invalid).
        case undecodable
        /// The file has no bytes: nothing to extract. Not a failure of the
        /// run (a batch with empty files still exits 0), but recorded.
        case empty
        /// A streamed input line that is not a valid request.
        case invalidInput = "invalid-input"
        /// The extractor itself failed (an ICU error).
        case `internal`
        /// A binary format zhengce does not read: `.doc`/`.wps` (save as DOCX or PDF first), images, spreadsheets.
        case unsupportedFormat = "unsupported-format"
        /// A PDF or OFD with no text layer (scanned pages).
        case noTextLayer = "no-text-layer"
        /// A PDF, DOCX or OFD that needs a password.
        case encrypted
        /// A PDF, DOCX or OFD that is cut off or corrupt.
        case damaged
        /// The program that reads the format is missing (poppler's `pdftotext` for PDF).
        case converterMissing = "converter-missing"
        /// An archive that inflates beyond the limits (a zip bomb).
        case tooLarge = "too-large"
    }

    /// The path of the input as given, or the name a streamed input carried.
    public var path: String
    /// SHA-256 of the bytes, when they could be read.
    public var sha256: String?
    /// What kind of failure.
    public var kind: Kind
    /// The reason, in a few words (`empty file`, `permission denied`).
    public var reason: String

    /// A failure of the input at `path`.
    public init(path: String, sha256: String? = nil, kind: Kind, reason: String) {
        self.path = path; self.sha256 = sha256; self.kind = kind; self.reason = reason
    }

    /// The failure an ``ExtractionError`` describes.
    public init(_ error: ExtractionError, sha256: String? = nil) {
        switch error {
        case .unreadable(let path, let reason): self.init(path: path, sha256: sha256, kind: .unreadable, reason: reason)
        case .undecodable(let path, let reason):
            self.init(path: path, sha256: sha256, kind: reason == .empty ? .empty : .undecodable, reason: reason.description)
        case .icu(let path, let reason): self.init(path: path, sha256: sha256, kind: .internal, reason: reason)
        case .format(let path, let reason):
            self.init(path: path, sha256: sha256, kind: Kind(reason.kind), reason: reason.reason)
        }
    }
}

extension DocumentFailure.Kind {
    /// The record's kind for a format reader's failure: one case each, so a
    /// new reader failure cannot pass unnoticed as another kind.
    init(_ kind: FormatError.Kind) {
        switch kind {
        case .unsupportedFormat: self = .unsupportedFormat
        case .noTextLayer: self = .noTextLayer
        case .encrypted: self = .encrypted
        case .damaged: self = .damaged
        case .converterMissing: self = .converterMissing
        case .tooLarge: self = .tooLarge
        }
    }
}

extension DocumentRecord: Codable {
    private enum CodingKeys: String, CodingKey { case schemaVersion, documentId, source, error }
    private enum SourceKeys: String, CodingKey { case path, sha256 }
    private enum ErrorKeys: String, CodingKey { case kind, reason }

    /// Writes `schemaVersion`, `documentId`, then the result's own fields (or `source` and `error`).
    public func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ExtractionResult.currentSchemaVersion, forKey: .schemaVersion)
        try container.encode(documentId, forKey: .documentId)
        switch outcome {
        case .extracted(let result):
            // The result's keys join this object; schemaVersion keeps its first place.
            try result.encode(to: encoder)
        case .failed(let failure):
            var source = container.nestedContainer(keyedBy: SourceKeys.self, forKey: .source)
            try source.encode(failure.path, forKey: .path)
            try source.encodeIfPresent(failure.sha256, forKey: .sha256)
            var error = container.nestedContainer(keyedBy: ErrorKeys.self, forKey: .error)
            try error.encode(failure.kind, forKey: .kind)
            try error.encode(failure.reason, forKey: .reason)
        }
    }

    /// Reads a record written by ``encode(to:)``.
    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        documentId = try container.decode(String.self, forKey: .documentId)
        if container.contains(.error) {
            let source = try container.nestedContainer(keyedBy: SourceKeys.self, forKey: .source)
            let error = try container.nestedContainer(keyedBy: ErrorKeys.self, forKey: .error)
            outcome = .failed(
                DocumentFailure(
                    path: try source.decode(String.self, forKey: .path),
                    sha256: try source.decodeIfPresent(String.self, forKey: .sha256),
                    kind: try error.decode(DocumentFailure.Kind.self, forKey: .kind),
                    reason: try error.decode(String.self, forKey: .reason)))
        } else {
            outcome = .extracted(try ExtractionResult(from: decoder))
        }
    }
}
