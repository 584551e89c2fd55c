import Foundation
import Scoring

/// Looks at the first bytes of a file before the importer reads it as CSV, so a file that is
/// not CSV text at all (a folder, a database, an executable, a workbook, JSON) is named for
/// what it is. Read as CSV, such a file failed on its first stray byte with "a quote inside an
/// unquoted field", or a folder with "no header line".
enum FileSniffer {
    /// How much of the file is looked at: enough for every magic number and a fair count of
    /// NUL bytes, little enough to cost nothing next to the import.
    static let sampleSize = 8192

    /// What the source is when it is not CSV text, or nil when it may be (the reader decides).
    /// Only regular files are read here: a pipe's bytes would be gone for the reader.
    static func kind(of source: ImportSource, encoding: ImportEncoding?) -> ImportFileKind? {
        switch source {
        case .bytes(let bytes):
            return kind(ofSample: Array(bytes.prefix(sampleSize)), encoding: encoding)
        case .file(let path):
            var info = stat()
            guard stat(path, &info) == 0 else { return nil }
            let type = info.st_mode & S_IFMT
            if type == S_IFDIR { return .folder }
            guard type == S_IFREG, let handle = fopen(path, "rb") else { return nil }
            defer { fclose(handle) }
            var sample = [UInt8](repeating: 0, count: sampleSize)
            let count = sample.withUnsafeMutableBytes { fread($0.baseAddress, 1, sampleSize, handle) }
            return kind(ofSample: Array(sample.prefix(count)), encoding: encoding)
        }
    }

    /// The decision on the first bytes: magic numbers first, then NUL bytes (binary, or UTF-16
    /// the decoder cannot recognise), then JSON's opening bracket. A text file with a stray NUL
    /// is left to the reader, which refuses that cell with its line and column.
    static func kind(ofSample bytes: [UInt8], encoding: ImportEncoding?) -> ImportFileKind? {
        func starts(_ magic: [UInt8]) -> Bool { bytes.starts(with: magic) }
        let nuls = bytes.count { $0 == 0 }
        if starts(Array("SQLite format 3\0".utf8)) { return .sqliteDatabase }
        // ELF, Mach-O (both byte orders, 32 and 64 bit); "MZ" (Windows) only with NUL bytes,
        // since a header may well begin with those two letters.
        let executables: [[UInt8]] = [
            [0x7F, 0x45, 0x4C, 0x46], [0xFE, 0xED, 0xFA, 0xCE], [0xFE, 0xED, 0xFA, 0xCF],
            [0xCE, 0xFA, 0xED, 0xFE], [0xCF, 0xFA, 0xED, 0xFE],
        ]
        if executables.contains(where: starts) || (starts([0x4D, 0x5A]) && nuls > 0) { return .executable }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) {
            // An .xlsx workbook is a zip whose entries live under "xl/".
            return contains(bytes, Array("xl/".utf8)) ? .excelWorkbook : .zipArchive
        }
        // The compound file of .xls workbooks (and other old Office files).
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .excelWorkbook }
        if starts([0x1F, 0x8B]) { return .gzip }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        // Text the decoder reads as UTF-16 (a byte-order mark, a forced encoding, or ASCII
        // every other byte) has NUL bytes by nature.
        if TextDecoder.decodesAsUTF16(bytes, forced: encoding) { return nil }
        if nuls > 0 {
            // UTF-16: NUL bytes in (nearly) only one of the two positions.
            let even = stride(from: 0, to: bytes.count, by: 2).count { bytes[$0] == 0 }
            let odd = nuls - even
            let half = bytes.count / 2
            if half >= 8 && max(even, odd) * 5 >= half * 2 && min(even, odd) * 20 <= max(even, odd) {
                return .utf16
            }
            if nuls >= 8 || nuls * 10 >= bytes.count { return .binary }
            return nil
        }
        return looksLikeJSON(bytes) ? .json : nil
    }

    /// An object or an array of values after optional whitespace (and a UTF-8 BOM): `{` then
    /// `"` or `}`, or `[` then `{`, `[`, `"`, `]` or a digit. A CSV header never starts so.
    private static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        func nextSignificant() -> UInt8? {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
            defer { index += 1 }
            return index < bytes.count ? bytes[index] : nil
        }
        switch nextSignificant() {
        case UInt8(ascii: "{"):
            guard let next = nextSignificant() else { return false }
            return next == UInt8(ascii: "\"") || next == UInt8(ascii: "}")
        case UInt8(ascii: "["):
            guard let next = nextSignificant() else { return false }
            return Array("{[\"]0123456789".utf8).contains(next)
        default:
            return false
        }
    }

    private static func contains(_ bytes: [UInt8], _ needle: [UInt8]) -> Bool {
        guard bytes.count >= needle.count else { return false }
        return (0...(bytes.count - needle.count)).contains {
            bytes[$0..<($0 + needle.count)].elementsEqual(needle)
        }
    }
}
