import Foundation

/// Encodes `Encodable` values as JSON with object keys in the order the
/// value's `encode(to:)` writes them.
///
/// Foundation's `JSONEncoder` on Linux writes keys in hash order, different on
/// every run; datasets need byte-stable output (diffs, resumed runs, caches), and
/// people read `schemaVersion` and `source` first. Decimals are written exactly
/// as JSON numbers (never through `Double`); a key written twice keeps its first
/// place and its last value, so a wrapper can put its own keys among a wrapped
/// value's keys.
struct OrderedJSONEncoder {
    /// Indent nested values with two spaces and put each member on its own line.
    var pretty = false

    /// The JSON bytes of `value`.
    func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let node = try JSONNode.make(value, codingPath: [])
        var writer = JSONTextWriter(pretty: pretty)
        writer.write(node, depth: 0)
        return writer.bytes
    }
}

// MARK: - The tree a value encodes into

/// A JSON value being built. Containers are boxes so nested containers handed
/// out by the `Encoder` API can be filled after they are attached.
enum JSONNode {
    case null
    case bool(Bool)
    /// A number as its JSON text.
    case number(String)
    case string(String)
    case array(JSONArrayBox)
    case object(JSONObjectBox)
    /// A `superEncoder()`: whatever that encoder ends up holding.
    case deferred(JSONTreeEncoder)

    /// The node of a string, an integer, a Boolean or a finite decimal (or an
    /// optional one), found by comparing types; nil for anything else.
    ///
    /// Every field of every record passes through here. A dynamic cast asks
    /// the runtime, and the cast to `any BinaryInteger` looks up a conformance:
    /// hundreds of instructions for each value. Comparing `T` with the leaf
    /// types is a few; `unsafeBitCast` then only renames the value's type,
    /// which is the same type. The nodes are those ``make(_:codingPath:)``
    /// builds for these types.
    @inline(__always)
    static func leaf<T: Encodable>(_ value: T) -> JSONNode? {
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == Int.self { return .number(String(unsafeBitCast(value, to: Int.self))) }
        if T.self == Bool.self { return .bool(unsafeBitCast(value, to: Bool.self)) }
        if T.self == Decimal.self { return finite(unsafeBitCast(value, to: Decimal.self)) }
        if T.self == String?.self { return unsafeBitCast(value, to: String?.self).map { .string($0) } ?? .null }
        if T.self == Int?.self { return unsafeBitCast(value, to: Int?.self).map { .number(String($0)) } ?? .null }
        if T.self == Decimal?.self {
            guard let decimal = unsafeBitCast(value, to: Decimal?.self) else { return .null }
            return finite(decimal)
        }
        return nil
    }

    /// A finite decimal's node; nil for NaN, which ``make(_:codingPath:)`` reports.
    @inline(__always)
    private static func finite(_ value: Decimal) -> JSONNode? {
        value.isFinite ? .number(value.description) : nil
    }

    /// The node of an encodable value, with fast paths for the leaves.
    static func make<T: Encodable>(_ value: T, codingPath: [CodingKey]) throws -> JSONNode {
        if let leaf = leaf(value) { return leaf }
        switch value {
        case let string as String: return .string(string)
        case let bool as Bool: return .bool(bool)
        case let int as Int: return .number(String(int))
        case let integer as any BinaryInteger: return .number(String(describing: integer))
        case let decimal as Decimal: return try number(decimal, codingPath: codingPath)
        case let double as Double: return try number(double, codingPath: codingPath)
        case let float as Float: return try number(Double(float), codingPath: codingPath)
        case let url as URL: return .string(url.absoluteString)
        default:
            let encoder = JSONTreeEncoder(codingPath: codingPath)
            try value.encode(to: encoder)
            return encoder.root ?? .object(JSONObjectBox())
        }
    }

    static func number(_ value: Decimal, codingPath: [CodingKey]) throws -> JSONNode {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "Decimal NaN has no JSON form"))
        }
        return .number(value.description)
    }

    static func number(_ value: Double, codingPath: [CodingKey]) throws -> JSONNode {
        guard value.isFinite else {
            throw EncodingError.invalidValue(value, .init(codingPath: codingPath, debugDescription: "\(value) has no JSON form"))
        }
        if value == value.rounded(), abs(value) < 1e15 { return .number(String(Int64(value))) }
        return .number(String(describing: value))
    }
}

// The boxes below are filled and read by one encoder on one thread, never
// with overlapping accesses; the runtime's exclusivity bookkeeping on every
// access to their lists cost more than the appends themselves.

/// The members of a JSON array under construction.
final class JSONArrayBox {
    @exclusivity(unchecked) var items: [JSONNode] = []
}

/// The members of a JSON object under construction, in insertion order.
final class JSONObjectBox {
    @exclusivity(unchecked) var keys: [String] = []
    @exclusivity(unchecked) var values: [JSONNode] = []

    /// Adds a member, or replaces the value of a key already present (keeping its place).
    func set(_ key: String, _ value: JSONNode) {
        if let index = keys.firstIndex(of: key) {
            values[index] = value
        } else {
            keys.append(key)
            values.append(value)
        }
    }
}

// MARK: - The Encoder

/// An `Encoder` that builds a ``JSONNode`` tree.
final class JSONTreeEncoder: Encoder {
    let codingPath: [CodingKey]
    let userInfo: [CodingUserInfoKey: Any] = [:]
    /// What was encoded so far; nil until a container is asked for.
    var root: JSONNode?

    init(codingPath: [CodingKey]) { self.codingPath = codingPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: JSONObjectBox
        if case .object(let existing)? = root {
            box = existing
        } else {
            box = JSONObjectBox()
            root = .object(box)
        }
        return KeyedEncodingContainer(JSONKeyedContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> UnkeyedEncodingContainer {
        let box: JSONArrayBox
        if case .array(let existing)? = root {
            box = existing
        } else {
            box = JSONArrayBox()
            root = .array(box)
        }
        return JSONUnkeyedContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> SingleValueEncodingContainer {
        JSONSingleValueContainer(encoder: self)
    }
}

/// A key for positions in arrays, in coding paths only.
private struct IndexKey: CodingKey {
    var stringValue: String { "Index \(intValue ?? 0)" }
    var intValue: Int?
    init(_ index: Int) { intValue = index }
    init?(stringValue: String) { return nil }
    init?(intValue: Int) { self.intValue = intValue }
}

private struct JSONKeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONObjectBox
    let codingPath: [CodingKey]

    mutating func encodeNil(forKey key: Key) throws { box.set(key.stringValue, .null) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { box.set(key.stringValue, .bool(value)) }
    mutating func encode(_ value: String, forKey key: Key) throws { box.set(key.stringValue, .string(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { box.set(key.stringValue, .number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        // A leaf needs no coding path (building one allocates).
        if let leaf = JSONNode.leaf(value) { return box.set(key.stringValue, leaf) }
        box.set(key.stringValue, try JSONNode.make(value, codingPath: codingPath + [key]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBox()
        box.set(key.stringValue, .object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(box: nested, codingPath: codingPath + [key]))
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        box.set(key.stringValue, .array(nested))
        return JSONUnkeyedContainer(box: nested, codingPath: codingPath + [key])
    }

    mutating func superEncoder() -> Encoder { superEncoder(named: "super") }
    mutating func superEncoder(forKey key: Key) -> Encoder { superEncoder(named: key.stringValue) }

    private func superEncoder(named name: String) -> Encoder {
        let encoder = JSONTreeEncoder(codingPath: codingPath)
        box.set(name, .deferred(encoder))
        return encoder
    }
}

private struct JSONUnkeyedContainer: UnkeyedEncodingContainer {
    let box: JSONArrayBox
    let codingPath: [CodingKey]
    var count: Int { box.items.count }

    mutating func encodeNil() throws { box.items.append(.null) }
    mutating func encode(_ value: Bool) throws { box.items.append(.bool(value)) }
    mutating func encode(_ value: String) throws { box.items.append(.string(value)) }
    mutating func encode(_ value: Int) throws { box.items.append(.number(String(value))) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        if let leaf = JSONNode.leaf(value) { return box.items.append(leaf) }
        box.items.append(try JSONNode.make(value, codingPath: codingPath + [IndexKey(count)]))
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        let nested = JSONObjectBox()
        box.items.append(.object(nested))
        return KeyedEncodingContainer(JSONKeyedContainer<NestedKey>(box: nested, codingPath: codingPath + [IndexKey(count - 1)]))
    }

    mutating func nestedUnkeyedContainer() -> UnkeyedEncodingContainer {
        let nested = JSONArrayBox()
        box.items.append(.array(nested))
        return JSONUnkeyedContainer(box: nested, codingPath: codingPath + [IndexKey(count - 1)])
    }

    mutating func superEncoder() -> Encoder {
        let encoder = JSONTreeEncoder(codingPath: codingPath + [IndexKey(count)])
        box.items.append(.deferred(encoder))
        return encoder
    }
}

private struct JSONSingleValueContainer: SingleValueEncodingContainer {
    let encoder: JSONTreeEncoder
    var codingPath: [CodingKey] { encoder.codingPath }

    mutating func encodeNil() throws { encoder.root = .null }
    mutating func encode(_ value: Bool) throws { encoder.root = .bool(value) }
    mutating func encode(_ value: String) throws { encoder.root = .string(value) }
    mutating func encode(_ value: Int) throws { encoder.root = .number(String(value)) }
    mutating func encode<T: Encodable>(_ value: T) throws {
        encoder.root = try JSONNode.make(value, codingPath: codingPath)
    }
}

// MARK: - Writing the tree

/// Writes a ``JSONNode`` tree as UTF-8 JSON text: non-ASCII and `/` as is,
/// control characters escaped.
struct JSONTextWriter {
    let pretty: Bool
    private(set) var bytes: [UInt8] = []

    init(pretty: Bool) {
        self.pretty = pretty
        bytes.reserveCapacity(4096)
    }

    mutating func write(_ node: JSONNode, depth: Int) {
        switch node {
        case .null: bytes.append(contentsOf: "null".utf8)
        case .bool(let value): bytes.append(contentsOf: (value ? "true" : "false").utf8)
        case .number(let text): bytes.append(contentsOf: text.utf8)
        case .string(let text): writeString(text)
        case .deferred(let encoder): write(encoder.root ?? .object(JSONObjectBox()), depth: depth)
        case .array(let box):
            guard !box.items.isEmpty else { bytes.append(contentsOf: "[]".utf8); return }
            bytes.append(UInt8(ascii: "["))
            for (index, item) in box.items.enumerated() {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                write(item, depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "]"))
        case .object(let box):
            guard !box.keys.isEmpty else { bytes.append(contentsOf: "{}".utf8); return }
            bytes.append(UInt8(ascii: "{"))
            for index in box.keys.indices {
                if index > 0 { bytes.append(UInt8(ascii: ",")) }
                newline(depth + 1)
                writeString(box.keys[index])
                bytes.append(UInt8(ascii: ":"))
                if pretty { bytes.append(UInt8(ascii: " ")) }
                write(box.values[index], depth: depth + 1)
            }
            newline(depth)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    private mutating func newline(_ depth: Int) {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: depth * 2))
    }

    private static let hex = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        // Runs of bytes that need no escape are copied whole.
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices where utf8[index] < 0x20 || utf8[index] == UInt8(ascii: "\"") || utf8[index] == UInt8(ascii: "\\") {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                writeEscaped(utf8[index])
                start = index + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func writeEscaped(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
        case UInt8(ascii: "\\"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
        case UInt8(ascii: "\n"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
        case UInt8(ascii: "\r"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
        case UInt8(ascii: "\t"): bytes.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
        default:
            bytes.append(contentsOf: [
                UInt8(ascii: "\\"), UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0"),
                Self.hex[Int(byte >> 4)], Self.hex[Int(byte & 0xF)],
            ])
        }
    }
}
