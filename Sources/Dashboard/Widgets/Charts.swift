/// Horizontal bars with a label and the count written out, so a bar never carries meaning by
/// length or colour alone.
public struct BarChart: Sendable {
    public struct Bar: Hashable, Sendable {
        public var label: String
        public var value: Int
        /// The value as written next to the bar ("1,234").
        public var valueText: String
        public var role: StyleRole

        public init(label: String, value: Int, valueText: String? = nil, role: StyleRole) {
            self.label = label
            self.value = value
            self.valueText = valueText ?? "\(value)"
            self.role = role
        }
    }

    public var bars: [Bar]
    public var selected: Int?

    public init(bars: [Bar], selected: Int?) {
        self.bars = bars
        self.selected = selected
    }

    /// Eighth blocks for the bar's ragged end.
    static let partials: [Character] = ["▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A bar of `value / maximum` of `width` columns, to an eighth of a column.
    public static func bar(value: Int, maximum: Int, width: Int) -> String {
        guard maximum > 0, width > 0, value > 0 else { return "" }
        let eighths = max(1, Int((Double(value) / Double(maximum) * Double(width * 8)).rounded()))
        var text = String(repeating: "█", count: eighths / 8)
        if eighths % 8 > 0 { text.append(partials[eighths % 8 - 1]) }
        return text
    }

    public func render(into buffer: inout ScreenBuffer, area: Rect) {
        guard !area.isEmpty else { return }
        let labelWidth = min(max(8, bars.map { DisplayWidth.width(of: $0.label) }.max() ?? 0), area.width / 2)
        let values = bars.map(\.valueText)
        let valueWidth = values.map { DisplayWidth.width(of: $0) }.max() ?? 0
        let barWidth = max(0, area.width - labelWidth - valueWidth - 3)
        let maximum = bars.map(\.value).max() ?? 0
        for (index, bar) in bars.enumerated() where index < area.height {
            let y = area.y + index
            let isSelected = index == selected
            let labelRole: StyleRole = isSelected ? .selection : bar.role
            buffer.write(
                Layout.fit(bar.label, labelWidth), x: area.x, y: y, role: labelRole, maxWidth: labelWidth)
            let shape = Self.bar(value: bar.value, maximum: maximum, width: barWidth)
            let x = area.x + labelWidth + 1
            buffer.write(Layout.fit(shape, barWidth), x: x, y: y, role: .bar, maxWidth: barWidth)
            buffer.write(
                Layout.fit(values[index], valueWidth, .right), x: x + barWidth + 1, y: y, role: .default,
                maxWidth: valueWidth)
        }
    }
}

/// A one-line chart of small numbers in Unicode block characters: ▁▂▃▄▅▆▇█.
public enum Sparkline {
    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// One character per value; 0 is the lowest block, the largest value the full block.
    public static func text(_ values: [Int]) -> String {
        let maximum = values.max() ?? 0
        return String(
            values.map { value in
                guard maximum > 0, value > 0 else { return levels[0] }
                let level = Int((Double(value) / Double(maximum) * 7).rounded(.up))
                return levels[min(7, max(1, level))]
            })
    }
}
