import Foundation

/// The one way results are written as JSON, so files, lines and fixtures agree.
///
/// Keys come in contract order (the order each type's `encode(to:)` writes
/// them), non-ASCII and `/` are written as is, decimals exactly: the same value
/// always gives the same bytes.
public enum JSONFormat {
    /// A value as JSON text: indented (two spaces) for a file, one line for JSONL.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool) throws -> String {
        String(decoding: try bytes(value, pretty: pretty), as: UTF8.self)
    }

    /// A value as UTF-8 JSON bytes, as ``encode(_:pretty:)`` writes it,
    /// straight into one buffer: a record, a result or another type of the
    /// output contract through its members (``JSONWriter``, the item lists
    /// through their kinds' registration), any other value as its
    /// `encode(to:)` goes (``StreamingJSONEncoder``).
    public static func bytes<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        if let members = value as? any JSONMembers, let bytes = JSONWriter.bytes(members, pretty: pretty) { return bytes }
        return try StreamingJSONEncoder(pretty: pretty).encode(value)
    }

    /// The same bytes as ``bytes(_:pretty:)``, through the value's own
    /// `encode(to:)` into the streaming `Encoder` even for the types of the
    /// output contract (the writer before ``JSONWriter``): for benchmarks.
    public static func encoderBytes<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        try StreamingJSONEncoder(pretty: pretty).encode(value)
    }

    /// The same bytes as ``bytes(_:pretty:)``, through the reference encoder,
    /// which builds a tree of the value first: slower; for tests and benchmarks.
    public static func referenceBytes<T: Encodable>(_ value: T, pretty: Bool) throws -> [UInt8] {
        try OrderedJSONEncoder(pretty: pretty).encode(value)
    }

    /// A Foundation encoder for callers that need one; keys sorted, so its
    /// output is stable too (but not in contract order: prefer ``encode(_:pretty:)``).
    public static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty
            ? [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
            : [.withoutEscapingSlashes, .sortedKeys]
        return encoder
    }

    /// A decoder for records written by ``encode(_:pretty:)``.
    public static func decoder() -> JSONDecoder { JSONDecoder() }
}
