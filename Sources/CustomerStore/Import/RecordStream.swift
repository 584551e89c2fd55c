import Foundation
import Scoring

/// Where an import reads from: a file (streamed in chunks) or bytes already in memory (tests).
public enum ImportSource: Sendable {
    case file(String)
    case bytes([UInt8])
}

/// A file read as batches of CSV records, with memory bounded by the chunk size rather than
/// the file size: raw chunk → `TextDecoder` → UTF-8 bytes cut at the last record boundary
/// outside quotes → `CSVReader`. Line numbers stay physical across chunks. The delimiter comes
/// from `--delimiter`, a first line `sep=;` (Excel's hint), or the header line.
struct RecordStream {
    /// A record longer than this without an end is refused (most likely an unclosed quote).
    static let maxRecordBytes = 8 << 20

    private let source: ImportSource
    private let file: UnsafeMutablePointer<FILE>?
    private let chunkSize: Int
    private var offset = 0
    private var decoder: TextDecoder
    private var pending: [UInt8] = []
    private var scanned = 0
    private var inQuotes = false
    private var nextLine = 1
    private var finished = false
    private var started = false
    private(set) var delimiter: UInt8
    private let fixedDelimiter: Bool
    /// Raw bytes consumed so far and the source's size, for progress.
    private(set) var bytesRead = 0
    let totalBytes: Int

    init(
        source: ImportSource, encoding: ImportEncoding?, delimiter: UInt8?, chunkSize: Int = 1 << 20
    ) throws(ImportError) {
        self.source = source
        self.chunkSize = chunkSize
        decoder = TextDecoder(forced: encoding)
        self.delimiter = delimiter ?? UInt8(ascii: ",")
        fixedDelimiter = delimiter != nil
        switch source {
        case .file(let path):
            guard let handle = fopen(path, "rb") else {
                throw ImportError.unreadable(file: path, reason: String(cString: strerror(errno)))
            }
            file = handle
            var info = stat()
            totalBytes = fstat(fileno(handle), &info) == 0 ? Int(info.st_size) : 0
        case .bytes(let bytes):
            file = nil
            totalBytes = bytes.count
        }
    }

    func close() {
        if let file { fclose(file) }
    }

    private mutating func readChunk() -> [UInt8]? {
        switch source {
        case .bytes(let bytes):
            guard offset < bytes.count else { return nil }
            let end = min(bytes.count, offset + chunkSize)
            defer { offset = end }
            bytesRead = end
            return Array(bytes[offset..<end])
        case .file:
            guard let file else { return nil }
            var buffer = [UInt8](repeating: 0, count: chunkSize)
            let count = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, chunkSize, file) }
            guard count > 0 else { return nil }
            bytesRead += count
            if count < chunkSize { buffer.removeLast(chunkSize - count) }
            return buffer
        }
    }

    /// The next batch of records, or nil at the end of the file.
    mutating func next() throws(CSVShapeError) -> [CSVRecord]? {
        while !finished {
            if let cut = boundary() {
                return try emit(upTo: cut)
            }
            if pending.count > Self.maxRecordBytes {
                _ = try emit(upTo: pending.count)
                throw CSVShapeError(
                    line: nextLine, column: 1, problem: .recordTooLong)
            }
            if let chunk = readChunk() {
                decoder.decode(chunk, final: false, into: &pending)
            } else {
                decoder.decode([], final: true, into: &pending)
                finished = true
                prepareStart()
                return pending.isEmpty ? nil : try emit(upTo: pending.count)
            }
            prepareStart()
        }
        return nil
    }

    /// On the first line: a `sep=X` line sets the delimiter and is skipped; otherwise the
    /// delimiter is detected from the header (once a whole header line is buffered).
    private mutating func prepareStart() {
        guard !started,
            let lineEnd = pending.firstIndex(where: { $0 == 10 || $0 == 13 })
                ?? (finished ? pending.count : nil)
        else { return }
        started = true
        let first = Array(pending[..<lineEnd])
        let text = String(decoding: first, as: UTF8.self).lowercased()
        if text.hasPrefix("sep="), first.count == 5 {
            if !fixedDelimiter { delimiter = first[4] }
            var end = lineEnd
            if end < pending.count && pending[end] == 13 { end += 1 }
            if end < pending.count && pending[end] == 10 { end += 1 }
            pending.removeFirst(end)
            nextLine = 2
            scanned = 0
            return
        }
        if !fixedDelimiter { delimiter = Self.detectDelimiter(pending) }
    }

    /// The index just after the last complete record in `pending`, scanning only new bytes.
    private mutating func boundary() -> Int? {
        guard started else { return nil }
        var cut: Int?
        var index = scanned
        let count = pending.count
        while index < count {
            let byte = pending[index]
            if byte == UInt8(ascii: "\"") {
                inQuotes.toggle()
            } else if !inQuotes {
                if byte == 10 {
                    cut = index + 1
                } else if byte == 13 {
                    // A CR at the very end may be the first half of a CRLF split across chunks.
                    guard index + 1 < count else { break }
                    if pending[index + 1] != 10 { cut = index + 1 }
                }
            }
            index += 1
        }
        scanned = index
        return cut
    }

    private mutating func emit(upTo cut: Int) throws(CSVShapeError) -> [CSVRecord] {
        let piece = Array(pending[..<cut])
        pending.removeFirst(cut)
        scanned -= cut
        let result = try CSVReader(delimiter: delimiter).records(piece, firstLine: nextLine)
        nextLine = result.nextLine
        return result.records
    }

    /// `,`, `;` or TAB: whichever appears most in the header line outside quotes.
    static func detectDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var inQuotes = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() }
            if !inQuotes && (byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")) { break }
            if !inQuotes, counts[byte] != nil { counts[byte, default: 0] += 1 }
        }
        return counts.max { $0.value < $1.value || ($0.value == $1.value && $0.key > $1.key) }?.key
            ?? UInt8(ascii: ",")
    }
}
