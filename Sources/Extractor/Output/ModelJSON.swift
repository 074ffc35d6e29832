import Foundation

// The members of each type of the output contract, for ``JSONWriter``: the
// keys and values each type's `encode(to:)` writes, in the same order (an
// optional that `encode` writes is `null` when absent; one that
// `encodeIfPresent` or a synthesized conformance writes is left out).
// A field added to a model's `encode(to:)` is added here too:
// `StreamingJSONTests` compares the two writers on every corpus and on
// results with every field filled, and fails until both agree.

extension DocumentRecord: JSONMembers {
    /// `schemaVersion`, `documentId`, then the result's own fields (or `source` and `error`).
    func writeJSONMembers(to writer: inout JSONWriter) {
        switch outcome {
        case .extracted(let result):
            // The result writes schemaVersion again: its value, in the first place.
            writer.member("schemaVersion", result.schemaVersion)
            writer.member("documentId", documentId)
            result.writeJSONMembers(to: &writer, schemaVersion: false)
        case .failed(let failure):
            writer.member("schemaVersion", ExtractionResult.currentSchemaVersion)
            writer.member("documentId", documentId)
            writer.key("source")
            writer.beginObject()
            writer.member("path", failure.path)
            if let sha256 = failure.sha256 { writer.member("sha256", sha256) }
            writer.endObject()
            writer.key("error")
            writer.beginObject()
            writer.member("kind", failure.kind.rawValue)
            writer.member("reason", failure.reason)
            writer.endObject()
        }
    }
}

extension ExtractionResult: JSONMembers {
    func writeJSONMembers(to writer: inout JSONWriter) { writeJSONMembers(to: &writer, schemaVersion: true) }

    /// The result's members; the item lists through their kinds' registration
    /// (``ItemKind``), each item with its `page` when the text has pages.
    func writeJSONMembers(to writer: inout JSONWriter, schemaVersion: Bool) {
        if schemaVersion { writer.member("schemaVersion", self.schemaVersion) }
        writer.member("source", source)
        writer.member("genre", genre)
        writer.member("metadata", metadata)
        for kind in Self.itemKinds { kind.writeJSON(self, &writer) }
        writer.member("diagnostics", diagnostics)
    }

    /// Writes `items` under `key`, each with its `page` when the text has pages (spec §9).
    func writeJSON<Item: ExtractedItem & JSONMembers>(_ items: [Item], key: String, to writer: inout JSONWriter) {
        writer.key(named: key)
        writer.beginArray()
        for item in items {
            writer.element()
            writer.beginObject()
            item.writeJSONMembers(to: &writer)
            if source.pageStarts != nil { writer.member("page", item.firstSpan.flatMap { source.page(at: $0.start) }) }
            writer.endObject()
        }
        writer.endArray()
    }
}

extension Source: JSONMembers {
    func writeJSONMembers(to writer: inout JSONWriter) {
        writer.member("path", path); writer.member("sha256", sha256)
        writer.member("encoding", encoding); writer.member("format", format)
        writer.member("characters", characters)
        if let pageStarts { writer.member("pageStarts", pageStarts) }
    }
}

extension Metadata: JSONMembers {
    func writeJSONMembers(to writer: inout JSONWriter) {
        writer.member("title", title); writer.member("documentNumber", documentNumber)
        writer.member("issuers", issuers); writer.member("recipients", recipients)
        writer.member("date", date); writer.member("docType", docType)
        writer.member("policyType", policyType); writer.member("effectiveDate", effectiveDate)
        writer.member("expiryDate", expiryDate); writer.member("region", region)
    }
}

extension Region: JSONMembers {
    func writeJSONMembers(to writer: inout JSONWriter) {
        writer.member("code", code); writer.member("name", name); writer.member("level", level)
        writer.member("rule", rule)
    }
}

extension Span: JSONMembers {
    func writeJSONMembers(to writer: inout JSONWriter) {
        writer.member("start", start); writer.member("end", end)
    }
}

extension Section: JSONMembers {
    func writeJSONMembers(to writer: inout JSONWriter) {
        writer.member("level", level); writer.member("marker", marker); writer.member("title", title)
        writer.member("span", span); writer.member("rule", rule)
    }
}

extension Measure: JSONMembers {
    func writeJSONMembers(to writer: inout JSONWriter) {
        writer.member("number", number); writer.member("kind", kind.rawValue)
        writer.member("title", title); writer.member("span", span)
        writer.member("lead", lead); writer.member("cooperating", cooperating)
        writer.member("instruments", instruments); writer.member("rule", rule)
    }
}

extension InstrumentTag: JSONMembers {
    func writeJSONMembers(to writer: inout JSONWriter) {
        writer.member("type", type); writer.member("tool", tool); writer.member("cue", cue)
        writer.member("span", span); writer.member("rule", rule)
    }
}

extension Amount: JSONMembers {
    func writeJSONMembers(to writer: inout JSONWriter) {
        writer.member("text", text); writer.member("span", span)
        writer.member("min", min); writer.member("max", max)
        writer.member("approximate", approximate); writer.member("redacted", redacted)
        writer.member("per", per); writer.member("purpose", purpose)
        writer.member("measure", measure); writer.member("rule", rule)
    }
}

extension Count: JSONMembers {
    func writeJSONMembers(to writer: inout JSONWriter) {
        writer.member("text", text); writer.member("span", span)
        writer.member("min", min); writer.member("max", max)
        writer.member("approximate", approximate); writer.member("redacted", redacted)
        writer.member("classifier", classifier); writer.member("subject", subject)
        writer.member("measure", measure); writer.member("rule", rule)
    }
}

extension Percentage: JSONMembers {
    func writeJSONMembers(to writer: inout JSONWriter) {
        writer.member("text", text); writer.member("span", span)
        writer.member("min", min); writer.member("max", max)
        writer.member("approximate", approximate); writer.member("redacted", redacted)
        writer.member("points", points); writer.member("measure", measure); writer.member("rule", rule)
    }
}

extension Deadline: JSONMembers {
    func writeJSONMembers(to writer: inout JSONWriter) {
        writer.member("text", text); writer.member("span", span); writer.member("date", date)
        writer.member("measure", measure); writer.member("rule", rule)
    }
}

extension Reference: JSONMembers {
    func writeJSONMembers(to writer: inout JSONWriter) {
        writer.member("title", title); writer.member("action", action)
        writer.member("spans", spans); writer.member("rule", rule)
    }
}

extension Organization: JSONMembers {
    func writeJSONMembers(to writer: inout JSONWriter) {
        writer.member("name", name); writer.member("kind", kind.rawValue); writer.member("mentions", mentions)
        writer.member("spans", spans); writer.member("rule", rule)
    }
}

extension Diagnostic: JSONMembers {
    func writeJSONMembers(to writer: inout JSONWriter) {
        writer.member("severity", severity.rawValue); writer.member("message", message)
        if let span { writer.member("span", span) }
        writer.member("rule", rule)
    }
}
