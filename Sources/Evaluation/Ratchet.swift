import Extractor
import Foundation

/// Minimum figures that only ever go up: per field group a minimum F1, per
/// agreement field a minimum accuracy, kept in one JSON file
/// (`Fixtures/ratchet.json`). A figure below its minimum is a regression.
public struct Ratchet: Sendable, Equatable {
    /// The version of the file's layout.
    public static let schemaVersion = 1

    /// Minimums by figure; a figure without one is not checked.
    public var minimums: [RatchetFigure: Decimal] = [:]

    /// What the file says about itself (which gold, how to raise); kept when rewritten.
    public var about =
        "Minimum F1 per field group and accuracy per agreement field on Fixtures/gold. "
        + "They only go up: raise them with `zhengce eval --gold Fixtures/gold Corpus --ratchet Fixtures/ratchet.json --update-ratchet`; "
        + "never lower one to make a change pass."

    /// No minimums.
    public init() {}

    /// Reads a ratchet file: `{"minimum": {"amounts": {"f1": 0.8}, "metadata": {"accuracy": 0.6}, …}}`.
    public init(file path: String) throws(EvaluationError) {
        let file = try FileNames.readJSON(path)
        guard case .object(let minimum)? = file["minimum"] else {
            throw .malformed(path: path, reason: "no \"minimum\" object")
        }
        if case .string(let about)? = file["about"] { self.about = about }
        for figure in RatchetFigure.all {
            guard let value = minimum[figure.field]?[figure.measure] else { continue }
            guard let number = value.numberValue?.decimal else {
                throw .malformed(path: path, reason: "\(figure) is not a number")
            }
            minimums[figure] = number
        }
    }

    /// A figure that fell below its minimum.
    public struct Drop: Sendable, Equatable, CustomStringConvertible {
        /// Which figure.
        public var figure: RatchetFigure
        /// Its minimum in the ratchet.
        public var minimum: Decimal
        /// The measured figure; nil when nothing was compared.
        public var measured: Decimal?

        /// What fell, to what, and its minimum.
        public var description: String {
            "\(figure) fell below the ratchet: \(measured.map { "\($0)" } ?? "nothing compared"), minimum \(minimum)"
        }
    }

    /// A minimum that went up.
    public struct Rise: Sendable, Equatable, CustomStringConvertible {
        /// Which figure.
        public var figure: RatchetFigure
        /// The old minimum; nil when the figure had none.
        public var from: Decimal?
        /// The new minimum.
        public var to: Decimal

        /// The figure, from and to.
        public var description: String { "\(figure): \(from.map { "\($0)" } ?? "none") → \(to)" }
    }

    /// The figures of `card` below their minimum (an accuracy with nothing compared counts as 0).
    public func drops(in card: Scorecard) -> [Drop] {
        RatchetFigure.all.compactMap { figure in
            guard let minimum = minimums[figure] else { return nil }
            let measured = Self.measured(figure, in: card)
            return (measured ?? 0) < minimum ? Drop(figure: figure, minimum: minimum, measured: measured) : nil
        }
    }

    /// Raises every minimum to the measured figure where that is higher, and
    /// gives a figure without a minimum its measured value (0 when nothing was
    /// compared); never lowers one.
    public mutating func raise(to card: Scorecard) -> [Rise] {
        var rises: [Rise] = []
        for figure in RatchetFigure.all {
            let old = minimums[figure]
            let measured = Self.measured(figure, in: card)
            guard let new = old == nil ? measured ?? 0 : measured, old == nil || new > old! else { continue }
            minimums[figure] = new
            rises.append(Rise(figure: figure, from: old, to: new))
        }
        return rises
    }

    /// The file's text: every figure that has a minimum, in report order, one per line.
    public var fileText: String {
        let lines = RatchetFigure.all.compactMap { figure in
            minimums[figure].map { "    " + JSONRendering.quoted(figure.field) + ": {" + JSONRendering.quoted(figure.measure) + ": \($0)}" }
        }
        return "{\n  \"schemaVersion\": \(Self.schemaVersion),\n  \"about\": \(JSONRendering.quoted(about)),\n"
            + "  \"minimum\": {\n" + lines.joined(separator: ",\n") + "\n  }\n}\n"
    }

    /// Writes ``fileText`` to `path`.
    public func write(to path: String) throws(EvaluationError) {
        do {
            try Data(fileText.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw .unreadable(path: path, reason: "cannot write: \(error.localizedDescription)")
        }
    }

    /// A figure of the card as an exact decimal of four places, as printed.
    static func measured(_ figure: RatchetFigure, in card: Scorecard) -> Decimal? {
        card.figure(figure).flatMap { Decimal(string: PythonFloat.fixed($0, places: 4), locale: Locale(identifier: "en_US_POSIX")) }
    }
}
