/// Mapping colours down to what the terminal supports: 24-bit → xterm-256 → 16 → 8 → none.
///
/// "Nearest" is the smallest squared RGB distance (deterministic; ties go to the lower index).
/// RGB goes to the 6×6×6 cube or the 24-step grey ramp of xterm-256 (the user-definable
/// indices 0–15 are not used as targets at that depth); 256-colour and RGB colours go to the
/// nearest of xterm's default 16 or 8 palette colours; named ANSI colours stay named (the user's
/// palette decides how they look) and bright ones become their normal colour at depth 8.
extension TerminalColor {
    /// This colour as a terminal with `depth` can show it.
    public func downsampled(to depth: ColorDepth) -> TerminalColor {
        switch (self, depth) {
        case (.default, _), (_, .none):
            return .default
        case (_, .trueColor):
            return self
        case (.ansi(let color), .ansi8):
            return .ansi(ANSIColor(rawValue: color.rawValue % 8) ?? color)
        case (.ansi, _):
            return self
        case (.indexed, .indexed256):
            return self
        case (.indexed(let index), .ansi16) where index < 16:
            return .ansi(ANSIColor(rawValue: Int(index)) ?? .white)
        case (.indexed(let index), .ansi8) where index < 16:
            return .ansi(ANSIColor(rawValue: Int(index) % 8) ?? .white)
        case (.indexed(let index), _):
            let rgb = ColorPalette.rgb(ofIndex: index)
            return .ansi(ColorPalette.nearestANSI(to: rgb, count: depth == .ansi8 ? 8 : 16))
        case (.rgb(let red, let green, let blue), .indexed256):
            return .indexed(ColorPalette.nearestIndex256(to: RGB(red, green, blue)))
        case (.rgb(let red, let green, let blue), _):
            return .ansi(ColorPalette.nearestANSI(to: RGB(red, green, blue), count: depth == .ansi8 ? 8 : 16))
        }
    }
}

/// An RGB triple for distance computations.
struct RGB: Hashable, Sendable {
    var red: Int
    var green: Int
    var blue: Int

    init(_ red: UInt8, _ green: UInt8, _ blue: UInt8) {
        self.init(red: Int(red), green: Int(green), blue: Int(blue))
    }

    init(red: Int, green: Int, blue: Int) {
        self.red = red
        self.green = green
        self.blue = blue
    }

    func distance(to other: RGB) -> Int {
        let dr = red - other.red
        let dg = green - other.green
        let db = blue - other.blue
        return dr * dr + dg * dg + db * db
    }
}

/// xterm's default palette and nearest-colour searches over it.
enum ColorPalette {
    /// xterm's default values for the 16 ANSI colours.
    static let ansi: [RGB] = [
        RGB(red: 0, green: 0, blue: 0), RGB(red: 205, green: 0, blue: 0),
        RGB(red: 0, green: 205, blue: 0), RGB(red: 205, green: 205, blue: 0),
        RGB(red: 0, green: 0, blue: 238), RGB(red: 205, green: 0, blue: 205),
        RGB(red: 0, green: 205, blue: 205), RGB(red: 229, green: 229, blue: 229),
        RGB(red: 127, green: 127, blue: 127), RGB(red: 255, green: 0, blue: 0),
        RGB(red: 0, green: 255, blue: 0), RGB(red: 255, green: 255, blue: 0),
        RGB(red: 92, green: 92, blue: 255), RGB(red: 255, green: 0, blue: 255),
        RGB(red: 0, green: 255, blue: 255), RGB(red: 255, green: 255, blue: 255),
    ]

    /// The channel levels of the 6×6×6 cube (indices 16–231).
    static let cubeLevels = [0, 95, 135, 175, 215, 255]

    /// The RGB value xterm shows for a 256-colour index.
    static func rgb(ofIndex index: UInt8) -> RGB {
        let value = Int(index)
        switch value {
        case 0..<16:
            return ansi[value]
        case 16..<232:
            let cube = value - 16
            return RGB(
                red: cubeLevels[cube / 36], green: cubeLevels[(cube / 6) % 6], blue: cubeLevels[cube % 6])
        default:
            let grey = 8 + 10 * (value - 232)
            return RGB(red: grey, green: grey, blue: grey)
        }
    }

    /// The nearest cube or grey-ramp index (16–255) to `color`.
    static func nearestIndex256(to color: RGB) -> UInt8 {
        func nearestLevel(_ channel: Int) -> Int {
            var best = 0
            for (level, value) in cubeLevels.enumerated()
            where abs(value - channel) < abs(cubeLevels[best] - channel) {
                best = level
            }
            return best
        }
        let cubeIndex =
            16 + 36 * nearestLevel(color.red) + 6 * nearestLevel(color.green)
            + nearestLevel(color.blue)
        let average = (color.red + color.green + color.blue) / 3
        let greyStep = min(23, max(0, (average - 8 + 5) / 10))
        let greyIndex = 232 + greyStep
        let cubeDistance = rgb(ofIndex: UInt8(cubeIndex)).distance(to: color)
        let greyDistance = rgb(ofIndex: UInt8(greyIndex)).distance(to: color)
        return UInt8(greyDistance < cubeDistance ? greyIndex : cubeIndex)
    }

    /// The nearest of the first `count` (8 or 16) ANSI colours to `color`.
    static func nearestANSI(to color: RGB, count: Int) -> ANSIColor {
        var best = 0
        for index in 1..<min(count, ansi.count)
        where ansi[index].distance(to: color) < ansi[best].distance(to: color) {
            best = index
        }
        return ANSIColor(rawValue: best) ?? .white
    }
}
