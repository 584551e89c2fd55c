import Dashboard
import Testing

@testable import Terminal

@Suite("Which cells a frame writes")
struct FramePlanTests {
    @Test("The first frame repaints every cell")
    func firstFrame() {
        let next = ScreenBuffer(lines: ["ab", "cd"])
        let plan = FramePlan.make(previous: nil, next: next)
        #expect(plan.fullRepaint)
        #expect(plan.runs.map(\.text) == ["ab", "cd"])
    }

    @Test("An unchanged frame writes nothing")
    func unchanged() {
        let frame = ScreenBuffer(lines: ["Müller 東京", "😀"])
        let plan = FramePlan.make(previous: frame, next: frame)
        #expect(!plan.fullRepaint)
        #expect(plan.runs.isEmpty)
    }

    @Test("One changed cell is one run at its place")
    func oneCell() {
        let old = ScreenBuffer(lines: ["hello", "world"])
        let new = ScreenBuffer(lines: ["hello", "wOrld"])
        let plan = FramePlan.make(previous: old, next: new)
        #expect(!plan.fullRepaint)
        #expect(plan.runs == [CellRun(x: 1, y: 1, text: "O", width: 1, role: .default)])
    }

    @Test("A role change alone is redrawn")
    func roleOnly() {
        let old = ScreenBuffer(lines: ["row"])
        var new = old
        new.setRole(.selection, in: Rect(x: 0, y: 0, width: 3, height: 1))
        let plan = FramePlan.make(previous: old, next: new)
        #expect(plan.runs == [CellRun(x: 0, y: 0, text: "row", width: 3, role: .selection)])
    }

    @Test("A wide character is written whole even when only its right half changed")
    func wideHalf() {
        let old = ScreenBuffer(lines: ["東京"])
        var new = old
        new.setRole(.selection, in: Rect(x: 1, y: 0, width: 1, height: 1))
        let plan = FramePlan.make(previous: old, next: new)
        #expect(plan.runs.first?.x == 0)
        #expect(plan.runs.first?.text == "東")
    }

    @Test("A size change (resize) repaints everything")
    func resized() {
        let old = ScreenBuffer(width: 4, height: 2)
        let new = ScreenBuffer(width: 5, height: 2)
        let plan = FramePlan.make(previous: old, next: new)
        #expect(plan.fullRepaint)
        #expect(plan.runs.reduce(0) { $0 + $1.width } == 10)
    }
}
