import Foundation

/// The one way results are written as JSON, so files, lines and fixtures agree.
public enum JSONFormat {
    /// An encoder for results: keys in contract order, non-ASCII as is.
    public static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .withoutEscapingSlashes] : [.withoutEscapingSlashes]
        return encoder
    }

    /// A result as JSON text: indented for a file, one line for JSONL.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool) throws -> String {
        String(decoding: try encoder(pretty: pretty).encode(value), as: UTF8.self)
    }
}
