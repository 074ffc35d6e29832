import Foundation

/// The one way results are written as JSON, so files, lines and fixtures agree.
public enum JSONFormat {
    /// An encoder for results: keys sorted, non-ASCII as is.
    ///
    /// Foundation's encoder on Linux writes an object's keys in hash order,
    /// which changes from run to run; sorting them makes the same input give
    /// the same bytes every time, so outputs can be diffed and cached.
    public static func encoder(pretty: Bool) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    /// A result as JSON text: indented for a file, one line for JSONL.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool) throws -> String {
        String(decoding: try encoder(pretty: pretty).encode(value), as: UTF8.self)
    }
}
