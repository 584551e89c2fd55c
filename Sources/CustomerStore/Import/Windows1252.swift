/// Windows-1252, the encoding Excel and older German ERP exports use when they are not UTF-8.
///
/// 0xA0–0xFF equal Latin-1; 0x80–0x9F hold typographic characters (€, „, “, –, …) written out by
/// hand below, so 0x80 becomes € and never a C1 control. The five bytes the code page leaves
/// undefined become U+FFFD, which the importer then refuses with a located error.
enum Windows1252 {
    static func scalar(_ byte: UInt8) -> Unicode.Scalar {
        if byte < 0x80 || byte >= 0xA0 { return Unicode.Scalar(byte) }
        return Unicode.Scalar(high[Int(byte - 0x80)]) ?? replacement
    }

    static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// 0x80...0x9F; 0xFFFD marks the undefined 0x81, 0x8D, 0x8F, 0x90 and 0x9D.
    private static let high: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]
}
