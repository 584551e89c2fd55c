import Dashboard
import Testing

/// Widgets drawn into small buffers and compared with literal lines.
@Suite("Widgets")
struct WidgetTests {
    @Test("A table lines up CJK, umlauts and ASCII by display columns and cuts with an ellipsis")
    func tableAlignment() {
        var buffer = ScreenBuffer(width: 30, height: 5)
        let table = Table(
            columns: [
                TableColumn("Name", minWidth: 10, grow: 1, priority: 0),
                TableColumn("Risk", minWidth: 8, alignment: .right, priority: 1),
            ],
            rows: [
                [Span("Jürgen Müller"), Span("87% high")], [Span("山田太郎"), Span("45% med")],
                [Span.data("Evil\u{1B}[31mRed\r\u{202E}x"), Span("1% low")],
                [Span("東京精密商事株式会社グループ"), Span("–")],
            ],
            selected: 1, offset: 0)
        table.render(into: &buffer, area: buffer.area)
        expectLines(
            buffer,
            [
                "Name                      Risk",
                "Jürgen Müller         87% high",
                "山田太郎               45% med",
                "EvilRed x               1% low",
                "東京精密商事株式会社…        –",
            ])
        #expect(buffer.cell(x: 0, y: 2)?.role == .selection)
        #expect(buffer.cell(x: 0, y: 1)?.role == .default)
    }

    @Test("Columns are dropped by priority when the table is narrow, spare width goes to growing ones")
    func columnWidths() {
        let columns = [
            TableColumn("a", minWidth: 10, grow: 1, priority: 0), TableColumn("b", minWidth: 8, priority: 2),
            TableColumn("c", minWidth: 6, priority: 1),
        ]
        #expect(Table.widths(of: columns, in: 40) == [24, 8, 6])
        #expect(Table.widths(of: columns, in: 20) == [13, 0, 6])
        #expect(Table.widths(of: columns, in: 5) == [5, 0, 0])
    }

    @Test("Bars are drawn to an eighth of a column and carry their count")
    func barChart() {
        var buffer = ScreenBuffer(width: 24, height: 3)
        BarChart(
            bars: [
                BarChart.Bar(label: "high", value: 153, role: .riskHigh),
                BarChart.Bar(label: "medium", value: 29, role: .riskMedium),
                BarChart.Bar(label: "low", value: 0, role: .riskLow),
            ], selected: 0
        ).render(into: &buffer, area: buffer.area)
        expectLines(
            buffer, ["high     ██████████ 153", "medium   █▉          29", "low                   0"])
        #expect(buffer.cell(x: 0, y: 0)?.role == .selection)
        #expect(buffer.cell(x: 0, y: 1)?.role == .riskMedium)
        #expect(BarChart.bar(value: 1, maximum: 16, width: 2) == "▏")
    }

    @Test("Sparklines use the eight block characters, zero the lowest")
    func sparkline() {
        #expect(Sparkline.text([0, 1, 2, 3, 4, 5, 6, 7]) == "▁▂▃▄▅▆▇█")
        #expect(Sparkline.text([0, 0, 0]) == "▁▁▁")
        #expect(Sparkline.text([1, 100]) == "▂█")
        #expect(Sparkline.text([]) == "")
    }

    @Test("A bar line keeps its right part and cuts the left")
    func statusBar() {
        var buffer = ScreenBuffer(width: 20, height: 1)
        buffer.bar(
            buffer.area, y: 0, left: [Span("a long left text here")], right: [Span("1/9")], role: .status)
        expectLines(buffer, ["a long left text 1/9"])
        #expect(buffer.cell(x: 19, y: 0)?.role == .default)
        #expect(buffer.cell(x: 17, y: 0)?.role == .default)
    }
}
