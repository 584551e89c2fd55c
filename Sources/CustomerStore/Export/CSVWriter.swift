/// RFC 4180 CSV, safe to open in a spreadsheet.
///
/// Fields with the delimiter, quotes or line breaks are quoted (quotes doubled). A cell a
/// spreadsheet would run as a formula — starting with `=`, `+`, `-`, `@`, TAB or CR — gets a
/// leading apostrophe, as OWASP recommends against CSV injection; plain numbers such as `-12.50`
/// are left alone so amounts stay numbers, and so are phone numbers such as `+49 341 261311`:
/// the export goes to diallers, and a cell without a letter can call no function, name no cell
/// and reach no other program.
public struct CSVWriter: Sendable {
    public var delimiter: Character
    public var lineEnding: String

    public init(delimiter: Character = ",", lineEnding: String = "\r\n") {
        self.delimiter = delimiter
        self.lineEnding = lineEnding
    }

    public func line(_ fields: [String?]) -> String {
        var bytes: [UInt8] = []
        appendLine(fields, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    public func field(_ raw: String) -> String {
        var bytes: [UInt8] = []
        appendField(raw, to: &bytes, delimiter: Array(String(delimiter).utf8))
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends one line's UTF-8 bytes to `out`: the same bytes as ``line(_:)``, without a
    /// `String` per field, for exports of a hundred thousand rows.
    public func appendLine(_ fields: [String?], to out: inout [UInt8]) {
        let delimiterBytes = Array(String(delimiter).utf8)
        for (index, field) in fields.enumerated() {
            if index > 0 { out.append(contentsOf: delimiterBytes) }
            appendField(field ?? "", to: &out, delimiter: delimiterBytes)
        }
        out.append(contentsOf: lineEnding.utf8)
    }

    /// One field: an apostrophe before a formula, quotes around a field with the delimiter,
    /// quotes or line breaks, every quote doubled. By UTF-8 byte: the delimiter, quote, CR and
    /// LF are ASCII and never occur inside a multi-byte character ("\r\n" is one `Character`
    /// in Swift but two bytes here, and each counts).
    private func appendField(_ raw: String, to out: inout [UInt8], delimiter: [UInt8]) {
        var raw = raw
        raw.withUTF8 { bytes in
            let formula = Self.looksLikeFormula(bytes)
            var needsQuotes = false
            if delimiter.count == 1 {
                let mark = delimiter[0]
                needsQuotes = bytes.contains { $0 == mark || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            } else {
                let marks = Set(String(decoding: delimiter, as: UTF8.self).unicodeScalars)
                needsQuotes =
                    bytes.contains { $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
                    || String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { marks.contains($0) }
            }
            if needsQuotes { out.append(0x22) }
            if formula { out.append(UInt8(ascii: "'")) }
            if needsQuotes {
                for byte in bytes {
                    out.append(byte)
                    if byte == 0x22 { out.append(0x22) }
                }
                out.append(0x22)
            } else {
                out.append(contentsOf: bytes)
            }
        }
    }

    static func looksLikeFormula(_ value: String) -> Bool {
        var value = value
        return value.withUTF8 { looksLikeFormula($0) }
    }

    /// Whether a spreadsheet would run the cell: it starts with `=`, `+`, `-`, `@`, TAB or CR,
    /// and is not a plain signed number such as `-12.50` (a number is data, not a formula) nor a
    /// phone number in international form such as `+49 341 261311`.
    static func looksLikeFormula(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first else { return false }
        switch first {
        case UInt8(ascii: "="), UInt8(ascii: "@"), 0x09, 0x0D:
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "+"):
            let rest = bytes.dropFirst()
            let number = rest.allSatisfy {
                isDigit($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: ",")
            }
            if !rest.isEmpty && number { return false }
            return !(first == UInt8(ascii: "+") && isPhoneNumber(rest))
        default:
            return false
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    /// What follows the `+` of a phone number: digits, spaces, `(`, `)`, `/`, `-` and `.`, at
    /// least one digit. Without a letter a spreadsheet can at worst compute a number from it.
    private static func isPhoneNumber(_ rest: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        guard rest.contains(where: isDigit) else { return false }
        return rest.allSatisfy { byte in
            isDigit(byte) || byte == UInt8(ascii: " ") || byte == UInt8(ascii: "(")
                || byte == UInt8(ascii: ")")
                || byte == UInt8(ascii: "/") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        }
    }
}
