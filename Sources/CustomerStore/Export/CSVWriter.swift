/// RFC 4180 CSV, safe to open in a spreadsheet.
///
/// Fields with the delimiter, quotes or line breaks are quoted (quotes doubled). A cell a
/// spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`, TAB or CR — gets a
/// leading apostrophe, as OWASP recommends against CSV injection; plain numbers such as `-12.50`
/// are left alone so amounts stay numbers.
public struct CSVWriter: Sendable {
    public var delimiter: Character
    public var lineEnding: String

    public init(delimiter: Character = ",", lineEnding: String = "\r\n") {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
    }

    public func line(_ fields: [String?]) -> String {
        fields.map { field($0 ?? "") }.joined(separator: String(delimiter)) + lineEnding
    }

    public func field(_ raw: String) -> String {
        var value = raw
        if Self.looksLikeFormula(value) { value = "'" + value }
        // By scalar: "\r\n" is one Character in Swift and equals neither "\r" nor "\n".
        let delimiterScalars = Set(String(delimiter).unicodeScalars)
        let needsQuotes = value.unicodeScalars.contains {
            delimiterScalars.contains($0) || $0 == "\"" || $0 == "\n" || $0 == "\r"
        }
        return needsQuotes ? "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : value
    }

    static func looksLikeFormula(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else {
            return false
        }
        // A signed number is data, not a formula.
        if first == "-" || first == "+" {
            let rest = value.dropFirst()
            if !rest.isEmpty && rest.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == ",") }) {
                return false
            }
        }
        return true
    }
}
