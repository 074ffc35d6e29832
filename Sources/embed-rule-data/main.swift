// embed-rule-data FOLDER OUTPUT.swift
//
// Writes a Swift file holding the bytes of every file under FOLDER, keyed by
// its path relative to FOLDER (`quantities/classifiers.txt`). Run by the
// EmbedRuleData build-tool plugin on every build; its output is never
// committed. Each file becomes one string literal (a `StaticString`: its
// bytes sit in the binary as they are, with no work at start-up); a file that
// is not UTF-8 text stops the build with its name.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 3 else {
    FileHandle.standardError.write(Data("usage: embed-rule-data FOLDER OUTPUT.swift\n".utf8))
    exit(2)
}
let folder = URL(fileURLWithPath: arguments[1]).standardizedFileURL
let output = URL(fileURLWithPath: arguments[2])

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("embed-rule-data: error: \(message)\n".utf8))
    exit(1)
}

/// `text` as the inside of a Swift string literal.
func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\\": out += "\\\\"
        case "\"": out += "\\\""
        case "\n": out += "\\n"
        case "\r": out += "\\r"
        case "\t": out += "\\t"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value)
                || scalar.value == 0x2028 || scalar.value == 0x2029 {
                out += "\\u{" + String(scalar.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out
}

guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
    fail("cannot list \(folder.path)")
}
var entries: [(key: String, literal: String)] = []
for case let url as URL in walker {
    guard (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true else { continue }
    let path = url.standardizedFileURL.path
    let key = String(path.dropFirst(folder.path.count + 1))
    guard let data = FileManager.default.contents(atPath: path) else { fail("cannot read \(path)") }
    guard let text = String(data: data, encoding: .utf8) else { fail("\(path) is not UTF-8 text") }
    entries.append((key, escaped(text)))
}
entries.sort { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }

var source = """
// Generated at build time by the EmbedRuleData plugin (Sources/embed-rule-data)
// from the files of the target's Resources/ folder. Do not edit or commit.

/// The bytes of every file of `Resources/`, keyed by the path under it.
enum EmbeddedRuleData {
    static let files: [String: StaticString] = [

"""
for entry in entries {
    source += "        \"\(escaped(entry.key))\": \"\(entry.literal)\",\n"
}
source += entries.isEmpty ? "        :\n    ]\n}\n" : "    ]\n}\n"

do {
    try Data(source.utf8).write(to: output, options: .atomic)
} catch {
    fail("cannot write \(output.path): \(error)")
}
