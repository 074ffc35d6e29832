import TextTools

extension WordList {
    /// The entries of the bundled rule file `quantities/<name>.txt`.
    init(resource name: String) {
        self.init(RuleData.list("quantities/" + name))
    }
}

extension WordTable {
    /// Reads the bundled rule file `quantities/<name>.txt`, whose lines are
    /// `word value…`; `parse` turns the columns after the word into a value.
    init(resource name: String, parse: ([String]) -> Value?) {
        self.init(lines: RuleData.list("quantities/" + name), name: "quantities/\(name).txt", parse: parse)
    }
}
