/// The encodings `--encoding` accepts; without it the importer detects one (see `TextDecoder`).
public enum ImportEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16 = "utf-16"
    case windows1252 = "windows-1252"
}

/// Turns a file's bytes, chunk by chunk, into UTF-8 bytes for `CSVReader`.
///
/// Detection: a UTF-8 BOM, or a UTF-16 BOM (LE or BE), or a BOM-less UTF-16 file recognised by
/// its zero bytes; otherwise UTF-8 where valid, and Windows-1252 for each byte that is not part
/// of a valid UTF-8 sequence (so a Windows-1252 file and a mostly-UTF-8 file with a stray
/// Windows-1252 byte both come out right). A BOM never reaches the output. Bytes that mean
/// nothing in the chosen encoding become U+FFFD, which the importer refuses with a located error.
struct TextDecoder {
    private enum Mode { case utf8Fallback, utf8Strict, utf16LE, utf16BE, windows1252 }

    private let forced: ImportEncoding?
    private var mode: Mode?
    private var carry: [UInt8] = []

    init(forced: ImportEncoding?) {
        self.forced = forced
    }

    /// Appends the decoded form of `chunk` to `out`; bytes of an incomplete character wait for
    /// the next chunk unless `final`.
    mutating func decode(_ chunk: [UInt8], final: Bool, into out: inout [UInt8]) {
        var bytes = carry
        bytes.append(contentsOf: chunk)
        carry.removeAll(keepingCapacity: true)
        var start = 0
        if mode == nil {
            if bytes.count < 4 && !final {
                carry = bytes
                return
            }
            (mode, start) = Self.detect(bytes, forced: forced)
        }
        let consumed: Int
        switch mode ?? .utf8Fallback {
        case .utf8Fallback: consumed = Self.utf8(bytes, from: start, strict: false, final: final, into: &out)
        case .utf8Strict: consumed = Self.utf8(bytes, from: start, strict: true, final: final, into: &out)
        case .utf16LE: consumed = Self.utf16(bytes, from: start, bigEndian: false, final: final, into: &out)
        case .utf16BE: consumed = Self.utf16(bytes, from: start, bigEndian: true, final: final, into: &out)
        case .windows1252:
            for byte in bytes[start...] { Self.append(Windows1252.scalar(byte), to: &out) }
            consumed = bytes.count
        }
        if consumed < bytes.count { carry = Array(bytes[consumed...]) }
    }

    /// Whether these first bytes of a file are read as UTF-16 (the sniffer leaves their NUL
    /// bytes alone).
    static func decodesAsUTF16(_ bytes: [UInt8], forced: ImportEncoding?) -> Bool {
        switch detect(bytes, forced: forced).0 {
        case .utf16LE, .utf16BE: true
        case .utf8Fallback, .utf8Strict, .windows1252: false
        }
    }

    private static func detect(_ bytes: [UInt8], forced: ImportEncoding?) -> (Mode, Int) {
        let bomLE = bytes.starts(with: [0xFF, 0xFE])
        let bomBE = bytes.starts(with: [0xFE, 0xFF])
        switch forced {
        case .windows1252: return (.windows1252, 0)
        case .utf8: return (.utf8Strict, bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0)
        case .utf16:
            if bomBE { return (.utf16BE, 2) }
            if bomLE { return (.utf16LE, 2) }
            return (bytes.count >= 2 && bytes[0] == 0 && bytes[1] != 0 ? .utf16BE : .utf16LE, 0)
        case nil:
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return (.utf8Fallback, 3) }
            if bomLE { return (.utf16LE, 2) }
            if bomBE { return (.utf16BE, 2) }
            // BOM-less UTF-16 of ASCII text: every other byte is zero.
            if bytes.count >= 4 && bytes[1] == 0 && bytes[3] == 0 && bytes[0] != 0 && bytes[2] != 0 {
                return (.utf16LE, 0)
            }
            if bytes.count >= 4 && bytes[0] == 0 && bytes[2] == 0 && bytes[1] != 0 && bytes[3] != 0 {
                return (.utf16BE, 0)
            }
            return (.utf8Fallback, 0)
        }
    }

    /// Copies valid UTF-8 through; returns how many bytes were consumed (an incomplete sequence
    /// at the end waits for more unless `final`).
    private static func utf8(
        _ bytes: [UInt8], from start: Int, strict: Bool, final: Bool, into out: inout [UInt8]
    ) -> Int {
        out.reserveCapacity(out.count + bytes.count - start)
        var index = start
        var runStart = start
        let count = bytes.count
        while index < count {
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length = sequenceLength(bytes, at: index)
            if length > 0 {
                index += length
                continue
            }
            if length == 0 && !final {
                out.append(contentsOf: bytes[runStart..<index])
                return index
            }
            out.append(contentsOf: bytes[runStart..<index])
            append(strict ? Windows1252.replacement : Windows1252.scalar(lead), to: &out)
            index += 1
            runStart = index
        }
        out.append(contentsOf: bytes[runStart..<count])
        return count
    }

    /// The length of a valid UTF-8 sequence at `index`, 0 if it may be valid but is cut off by
    /// the end of the buffer, -1 if invalid (overlong forms and surrogates are invalid).
    private static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
        let lead = bytes[index]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0:
            length = 3
            low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED:
            length = 3
            high = 0x9F
        case 0xF0:
            length = 4
            low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4:
            length = 4
            high = 0x8F
        default: return -1
        }
        for offset in 1..<length {
            guard index + offset < bytes.count else { return 0 }
            let byte = bytes[index + offset]
            let (min, max): (UInt8, UInt8) = offset == 1 ? (low, high) : (0x80, 0xBF)
            guard byte >= min && byte <= max else { return -1 }
        }
        return length
    }

    private static func utf16(
        _ bytes: [UInt8], from start: Int, bigEndian: Bool, final: Bool, into out: inout [UInt8]
    ) -> Int {
        var index = start
        func unit(_ at: Int) -> UInt32 {
            bigEndian
                ? UInt32(bytes[at]) << 8 | UInt32(bytes[at + 1])
                : UInt32(bytes[at + 1]) << 8 | UInt32(bytes[at])
        }
        while index + 1 < bytes.count {
            let first = unit(index)
            if (0xD800...0xDBFF).contains(first) {
                guard index + 3 < bytes.count else {
                    if !final { return index }
                    append(Windows1252.replacement, to: &out)
                    index += 2
                    continue
                }
                let second = unit(index + 2)
                if (0xDC00...0xDFFF).contains(second) {
                    let value = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                    append(Unicode.Scalar(value) ?? Windows1252.replacement, to: &out)
                    index += 4
                    continue
                }
            }
            append(Unicode.Scalar(first) ?? Windows1252.replacement, to: &out)
            index += 2
        }
        if index < bytes.count && final {
            append(Windows1252.replacement, to: &out)
            return bytes.count
        }
        return index
    }

    static func append(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        if let encoded = UTF8.encode(scalar) { out.append(contentsOf: encoded) }
    }
}
