import Extractor

/// Why gold, predictions, fixtures or a ratchet could not be read or written.
public enum EvaluationError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A file or folder could not be read or written.
    case unreadable(path: String, reason: String)
    /// A file is not the JSON it should be.
    case malformed(path: String, reason: String)

    /// The path and the reason.
    public var description: String {
        switch self {
        case .unreadable(let path, let reason), .malformed(let path, let reason): "\(path): \(reason)"
        }
    }
}
