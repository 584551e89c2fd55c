import Scoring

/// One record of a CSV file with the physical line it starts on (1-based), so errors can point
/// at the line a person sees in an editor even when quoted fields contain line breaks.
public struct CSVRecord: Sendable, Equatable {
    public var line: Int
    public var fields: [String]
}

/// A problem in the file's shape: where, and what.
public struct CSVShapeError: Error, Equatable, Sendable {
    public var line: Int
    public var column: Int
    public var problem: ImportProblem

    /// The English sentence.
    public var message: String { problem.english }
}

/// An RFC 4180 reader over UTF-8 bytes: quoted fields with doubled quotes and line breaks,
/// CRLF or LF, a UTF-8 byte-order mark ignored, trailing empty lines ignored. It reads from a
/// byte buffer in one pass; the importer feeds it a whole file or a chunk at a time.
public struct CSVReader: Sendable {
    public let delimiter: UInt8

    public init(delimiter: UInt8 = UInt8(ascii: ",")) {
        self.delimiter = delimiter
    }

    /// All records of `bytes`. Empty lines are skipped; an unclosed quote is an error at the line
    /// where the quoted field began.
    public func records(_ bytes: [UInt8]) throws(CSVShapeError) -> [CSVRecord] {
        try records(bytes, firstLine: 1).records
    }

    /// The records of one piece of a longer file that begins at physical line `firstLine` and
    /// ends at a record boundary, and the line the next piece begins on (the streaming importer).
    public func records(_ bytes: [UInt8], firstLine: Int) throws(CSVShapeError) -> (
        records: [CSVRecord], nextLine: Int
    ) {
        var records: [CSVRecord] = []
        var index = firstLine == 1 && bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var line = firstLine
        var fields: [String] = []
        var field: [UInt8] = []
        var recordLine = firstLine
        var inQuotes = false
        var quoteLine = 0
        var quoteColumn = 0
        var fieldWasQuoted = false
        var column = 1

        func endField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
            fieldWasQuoted = false
        }
        func endRecord() {
            endField()
            if !(fields.count == 1 && fields[0].isEmpty) {
                records.append(CSVRecord(line: recordLine, fields: fields))
            }
            fields.removeAll(keepingCapacity: true)
        }

        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
                        field.append(byte)
                        index += 2
                        continue
                    }
                    inQuotes = false
                } else {
                    if byte == UInt8(ascii: "\n") { line += 1 }
                    field.append(byte)
                }
                index += 1
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                if field.isEmpty && !fieldWasQuoted {
                    inQuotes = true
                    fieldWasQuoted = true
                    quoteLine = line
                    quoteColumn = column
                } else {
                    throw CSVShapeError(
                        line: line, column: column,
                        problem: .quoteInUnquotedField)
                }
            case delimiter:
                endField()
                column += 1
            case UInt8(ascii: "\r"):
                if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n") { index += 1 }
                endRecord()
                line += 1
                recordLine = line
                column = 1
            case UInt8(ascii: "\n"):
                endRecord()
                line += 1
                recordLine = line
                column = 1
            default:
                if fieldWasQuoted {
                    throw CSVShapeError(
                        line: line, column: column, problem: .textAfterClosingQuote)
                }
                field.append(byte)
            }
            index += 1
        }
        if inQuotes {
            throw CSVShapeError(
                line: quoteLine, column: quoteColumn, problem: .quoteNeverClosed)
        }
        if !field.isEmpty || !fields.isEmpty || fieldWasQuoted { endRecord() }
        return (records, line)
    }
}
