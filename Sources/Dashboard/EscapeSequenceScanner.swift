/// Splits text into terminal escape sequences, line breaks and plain scalars, following the
/// ECMA-48 syntax that terminals parse, so ``TextSanitizer`` can drop whole sequences.
///
/// The scanner only classifies; deciding what to do with each token is the sanitiser's job.
struct EscapeSequenceScanner {
    /// One piece of the input.
    enum Token: Equatable {
        /// A complete (or unterminated) escape sequence, to be removed whole.
        case sequence
        /// Any form of line break: `\n`, `\r\n`, lone `\r`, NEL, LINE/PARAGRAPH SEPARATOR.
        case lineBreak
        /// A scalar outside any sequence, with the scalar that follows it in the input.
        case scalar(Unicode.Scalar, following: Unicode.Scalar?)
    }

    private let scalars: [Unicode.Scalar]
    private var index = 0

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
    }

    /// The next token, or `nil` at the end of the input.
    mutating func next() -> Token? {
        guard let scalar = scalar(at: index) else { return nil }
        switch scalar.value {
        case 0x1B:
            return escape()
        case 0x9B:
            index += 1
            skipControlSequenceBody()
            return .sequence
        case 0x90, 0x98, 0x9D, 0x9E, 0x9F:
            index += 1
            skipControlString()
            return .sequence
        case 0x0D:
            index += 1
            if self.scalar(at: index) == "\n" { index += 1 }
            return .lineBreak
        case 0x0A, 0x85, 0x2028, 0x2029:
            index += 1
            return .lineBreak
        default:
            index += 1
            return .scalar(scalar, following: self.scalar(at: index))
        }
    }

    private func scalar(at position: Int) -> Unicode.Scalar? {
        position < scalars.count ? scalars[position] : nil
    }

    /// Handles an ESC at `index`; a lone ESC that starts no sequence is returned as a scalar.
    private mutating func escape() -> Token {
        let escapeScalar: Unicode.Scalar = "\u{1B}"
        guard let introducer = scalar(at: index + 1)?.value else {
            index += 1
            return .scalar(escapeScalar, following: nil)
        }
        switch introducer {
        case 0x5B:  // "[" CSI
            index += 2
            skipControlSequenceBody()
            return .sequence
        case 0x5D, 0x50, 0x58, 0x5E, 0x5F:  // "]" OSC, "P" DCS, "X" SOS, "^" PM, "_" APC
            index += 2
            skipControlString()
            return .sequence
        case 0x4E, 0x4F:  // "N" SS2, "O" SS3 shift the character that follows.
            index += 2
            if let shifted = scalar(at: index)?.value, (0x20...0x7E).contains(shifted) { index += 1 }
            return .sequence
        case 0x20...0x7E:
            return twoCharacterSequence()
        default:
            index += 1
            return .scalar(escapeScalar, following: scalar(at: index))
        }
    }

    /// `ESC` intermediates (0x20–0x2F)* final (0x30–0x7E), e.g. `ESC 7`, `ESC ( B`, `ESC # 8`.
    private mutating func twoCharacterSequence() -> Token {
        var position = index + 1
        while let value = scalar(at: position)?.value, (0x20...0x2F).contains(value) {
            position += 1
        }
        guard let final = scalar(at: position)?.value, (0x30...0x7E).contains(final) else {
            index += 1
            return .scalar("\u{1B}", following: scalar(at: index))
        }
        index = position + 1
        return .sequence
    }

    /// Skips CSI parameters and intermediates up to and including the final byte. A byte that
    /// cannot belong to a CSI ends the sequence there and is left for normal processing.
    private mutating func skipControlSequenceBody() {
        while let value = scalar(at: index)?.value {
            switch value {
            case 0x20...0x3F:
                index += 1
            case 0x40...0x7E:
                index += 1
                return
            default:
                return
            }
        }
    }

    /// Skips a control string (OSC, DCS, SOS, PM, APC) up to its terminator: BEL, ST (`ESC \`
    /// or U+009C), or CAN/SUB which cancel it. Another ESC ends the string and starts a new
    /// sequence; without any terminator the string runs to the end of the text.
    private mutating func skipControlString() {
        while let value = scalar(at: index)?.value {
            switch value {
            case 0x07, 0x9C, 0x18, 0x1A:
                index += 1
                return
            case 0x1B:
                if scalar(at: index + 1) == "\\" { index += 2 }
                return
            default:
                index += 1
            }
        }
    }
}
