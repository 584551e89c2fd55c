import Dashboard
import Testing

/// Compares a rendered buffer with the expected lines (trailing spaces trimmed), and prints the
/// actual lines as a literal on failure so a deliberate change is easy to review and paste.
func expectLines(
    _ buffer: ScreenBuffer, _ expected: [String], sourceLocation: SourceLocation = #_sourceLocation
) {
    let actual = buffer.trimmedLines
    let literal = actual.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\\\"") + "\"," }
        .joined(separator: "\n")
    #expect(actual == expected, "actual:\n\(literal)", sourceLocation: sourceLocation)
}
