import CICU

/// An ICU call that failed, with ICU's own error name (`U_ILLEGAL_CHAR_FOUND`).
///
/// ICU reports through `UErrorCode`: zero is success, negative values are
/// warnings (such as `U_USING_DEFAULT_WARNING` from a `"zh"` break iterator)
/// and also count as success; positive values are failures.
public struct ICUError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The raw `UErrorCode` value.
    public let code: Int32
    /// What was being done when ICU failed.
    public let operation: String

    /// What failed and ICU's name for the error: `opening a word break iterator failed: U_MISSING_RESOURCE_ERROR`.
    public var description: String {
        "\(operation) failed: \(String(cString: zc_error_name(code)))"
    }

    /// Throws when `code` is a failure; warnings pass.
    static func check(_ code: Int32, _ operation: @autoclosure () -> String) throws(ICUError) {
        if code > 0 { throw ICUError(code: code, operation: operation()) }
    }
}
