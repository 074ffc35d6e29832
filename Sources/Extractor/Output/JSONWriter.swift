import Foundation

/// Writes JSON bytes straight into one buffer, member by member, for the
/// types of the output contract (``JSONMembers``): no `Encoder`, no
/// containers, no tree.
///
/// The bytes are those of the reference encoder (``OrderedJSONEncoder``):
/// keys in contract order, two-space indents and `": "` when pretty, `[]` and
/// `{}` for empty containers, strings escaped alike, decimals as their
/// `description`. A NaN decimal marks the writer failed: the caller then
/// encodes through the reference, which reports it.
struct JSONWriter {
    /// Indent nested values with two spaces and put each member on its own line.
    let pretty: Bool
    private(set) var out: JSONBytes
    /// Depth of the innermost open container (0: none).
    private var depth = 0
    /// Bit `d` set when the container at depth `d` has a member already.
    private var nonEmpty: UInt64 = 0
    /// A value could not be written as the reference writes it (a NaN).
    private(set) var failed = false

    init(pretty: Bool, capacity: Int = 1 << 14) {
        self.pretty = pretty
        out = JSONBytes(capacity: capacity)
    }

    /// Frees the buffer; the owner calls it once.
    func deallocate() { out.deallocate() }

    /// The bytes written, copied out.
    func bytes() -> [UInt8] { out.array() }

    // MARK: Containers

    @inline(__always)
    mutating func beginObject() { open(UInt8(ascii: "{")) }
    @inline(__always)
    mutating func endObject() { close(UInt8(ascii: "}")) }
    @inline(__always)
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    @inline(__always)
    mutating func endArray() { close(UInt8(ascii: "]")) }

    @inline(__always)
    private mutating func open(_ bracket: UInt8) {
        out.append(bracket)
        depth += 1
        precondition(depth < 64, "JSON nested too deep")
        nonEmpty &= ~(1 << UInt64(depth))
    }

    @inline(__always)
    private mutating func close(_ bracket: UInt8) {
        if nonEmpty & (1 << UInt64(depth)) != 0 { newline(depth - 1) }
        depth -= 1
        out.append(bracket)
    }

    /// The separator before a member or an element of the innermost container.
    @inline(__always)
    private mutating func separate() {
        let bit: UInt64 = 1 << UInt64(depth)
        if nonEmpty & bit != 0 { out.append(UInt8(ascii: ",")) } else { nonEmpty |= bit }
        newline(depth)
    }

    @inline(__always)
    private mutating func newline(_ depth: Int) {
        guard pretty else { return }
        out.reserve(1 + depth * 2)
        out.append(UInt8(ascii: "\n"))
        for _ in 0..<(depth * 2) { out.append(UInt8(ascii: " ")) }
    }

    /// Starts the member `key` of the innermost object (a plain ASCII key: no escape needed).
    @inline(__always)
    mutating func key(_ key: StaticString) {
        separate()
        out.reserve(key.utf8CodeUnitCount + 4)
        out.append(UInt8(ascii: "\""))
        out.append(key)
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(UInt8(ascii: " ")) }
    }

    /// Starts the member `key` of the innermost object, a key known only at run time (escaped as any string).
    mutating func key(named key: String) {
        separate()
        value(key)
        out.append(UInt8(ascii: ":"))
        if pretty { out.append(UInt8(ascii: " ")) }
    }

    /// Starts the next element of the innermost array.
    @inline(__always)
    mutating func element() { separate() }

    // MARK: Values

    mutating func null() { out.append("null") }

    mutating func value(_ value: Bool) { out.append(value ? "true" : "false") }

    mutating func value(_ value: Int) { IntegerDigits.write(value, to: &out) }

    /// A JSON string: non-ASCII and `/` as they are, `"`, `\` and control characters escaped.
    mutating func value(_ text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ JSONStream.writeString($0, to: &out) }) == nil {
            var text = text
            text.withUTF8 { JSONStream.writeString($0, to: &out) }
        }
    }

    /// A finite decimal as its `description`; a NaN fails the writer.
    mutating func value(_ value: Decimal) {
        guard value.isFinite else {
            failed = true
            return null()
        }
        if !DecimalDigits.write(value, to: &out) {
            var text = value.description
            text.withUTF8 { out.append($0) }
        }
    }

    // MARK: Members

    mutating func member(_ key: StaticString, _ value: String) { self.key(key); self.value(value) }
    mutating func member(_ key: StaticString, _ value: Int) { self.key(key); self.value(value) }
    mutating func member(_ key: StaticString, _ value: Bool) { self.key(key); self.value(value) }

    /// An optional member written as `null` when absent (as `encode` writes it).
    mutating func member(_ key: StaticString, _ value: String?) {
        self.key(key)
        if let value { self.value(value) } else { null() }
    }

    /// An optional member written as `null` when absent (as `encode` writes it).
    mutating func member(_ key: StaticString, _ value: Int?) {
        self.key(key)
        if let value { self.value(value) } else { null() }
    }

    /// An optional member written as `null` when absent (as `encode` writes it).
    mutating func member(_ key: StaticString, _ value: Decimal?) {
        self.key(key)
        if let value { self.value(value) } else { null() }
    }

    mutating func member(_ key: StaticString, _ values: [String]) {
        self.key(key)
        beginArray()
        for value in values {
            element()
            self.value(value)
        }
        endArray()
    }

    mutating func member(_ key: StaticString, _ values: [Int]) {
        self.key(key)
        beginArray()
        for value in values {
            element()
            self.value(value)
        }
        endArray()
    }

    mutating func member<Value: JSONMembers>(_ key: StaticString, _ value: Value) {
        self.key(key)
        object(value)
    }

    /// An optional object written as `null` when absent (as `encode` writes it).
    mutating func member<Value: JSONMembers>(_ key: StaticString, _ value: Value?) {
        self.key(key)
        if let value { object(value) } else { null() }
    }

    mutating func member<Value: JSONMembers>(_ key: StaticString, _ values: [Value]) {
        self.key(key)
        beginArray()
        for value in values {
            element()
            object(value)
        }
        endArray()
    }

    /// A value as an object of its members.
    @inline(__always)
    mutating func object<Value: JSONMembers>(_ value: Value) {
        beginObject()
        value.writeJSONMembers(to: &self)
        endObject()
    }
}

/// A type of the output contract that writes itself as a JSON object through
/// a ``JSONWriter``: its members in the order its `encode(to:)` writes them,
/// alike in bytes (`StreamingJSONTests` compares the two on whole corpora).
protocol JSONMembers {
    /// Writes the members into the object the writer has open.
    func writeJSONMembers(to writer: inout JSONWriter)
}

extension JSONWriter {
    /// The JSON bytes of `value` as an object, or nil when it holds what only
    /// the reference encoder writes (a NaN, which it reports).
    static func bytes<Value: JSONMembers>(_ value: Value, pretty: Bool) -> [UInt8]? {
        var writer = JSONWriter(pretty: pretty)
        defer { writer.deallocate() }
        writer.object(value)
        return writer.failed ? nil : writer.bytes()
    }
}
