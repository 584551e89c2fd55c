import Foundation
import GRDB
import Testing
import TmuxTesting

/// Demo stores built once for the whole suite (by the real binary), so each scenario only
/// starts the dashboard: a scored 300-customer book, and a copy with hostile text in it.
final class DashboardStores: Sendable {
    let folder: String
    let demo: String
    let hostile: String

    static let asOf = "2025-06-30"
    static let shared = Result { try DashboardStores() }

    /// Names and notes that try to steer the terminal: CSI colour and clear-screen, an OSC
    /// title, carriage return, backspace, a bidi override.
    static let hostileNames = [
        "Evil\u{1B}[31mRed\u{1B}[0m Zzhostile", "Carriage\rReturn Zzhostile", "Back\u{8}space Zzhostile",
        "Bidi\u{202E}lanoitan Zzhostile", "Title\u{1B}]0;pwned\u{7} Zzhostile",
    ]

    private init() throws {
        let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("clientele-ui-XXXXXX")
        var bytes = Array(template.utf8CString)
        guard let created = mkdtemp(&bytes) else { throw CocoaError(.fileWriteUnknown) }
        folder = String(cString: created)
        demo = (folder as NSString).appendingPathComponent("demo.sqlite")
        hostile = (folder as NSString).appendingPathComponent("hostile.sqlite")
        let environment = ["HOME": folder, "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"]
        for path in [demo, hostile] {
            let made = try Spawn.run(
                [Clientele.binary, "demo", "--db", path, "--customers", "300", "--as-of", Self.asOf],
                environment: environment)
            guard made.status == 0 else { throw SpawnError(description: "demo failed: \(made.errors)") }
        }
        let queue = try DatabaseQueue(path: hostile)
        try queue.write { db in
            for (index, name) in Self.hostileNames.enumerated() {
                let id = 10_000 + index
                try db.execute(
                    sql: """
                        INSERT INTO customers (id, name, sort_name, company, created_at, updated_at)
                        VALUES (?, ?, ?, ?, 0, 0)
                        """,
                    arguments: [id, name, "zz\(index)", "Firma\u{1B}[2J\u{8}\r GmbH"])
                try db.execute(
                    sql: """
                        INSERT INTO interactions (customer_id, occurred_at, channel, direction, kind, note, created_at)
                        VALUES (?, 1750000000, 'call', 'outbound', 'sales', ?, 0)
                        """,
                    arguments: [id, "Note\u{1B}[2J cleared?\r\u{8}\u{202E}reversed\u{1B}]52;c;aGk=\u{7} end"])
            }
        }
        try queue.close()
        for path in [demo, hostile] {
            let scored = try Spawn.run(
                [Clientele.binary, "score", "--db", path, "--as-of", Self.asOf, "--quiet"],
                environment: environment)
            guard scored.status == 0 else { throw SpawnError(description: "score failed: \(scored.errors)") }
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }
}

/// The dashboard driven for real: the `clientele` binary in a private tmux server.
@Suite("Dashboard in tmux", .serialized)
struct DashboardEndToEndTests {
    private func stores() throws -> DashboardStores { try DashboardStores.shared.get() }

    private func start(
        _ store: String? = nil, arguments: [String] = [], environment: [String: String] = [:],
        width: Int = 100,
        height: Int = 30, waitFor text: String = "Segments"
    ) throws -> TmuxSession {
        let path = try store ?? stores().demo
        let command = [Clientele.binary, "--db", path, "--as-of", DashboardStores.asOf] + arguments
        var base = ["HOME": try stores().folder, "XDG_CONFIG_HOME": try stores().folder + "/config"]
        for (key, value) in environment { base[key] = value }
        let tmux = try TmuxSession(command: command, environment: base, width: width, height: height)
        #expect(tmux.waitFor(text), "the dashboard did not show \(text):\n\(tmux.lastCapture)")
        return tmux
    }

    /// The list's page and count for the current query have both arrived: "1/26 rows".
    static func hasLoadedRows(_ screen: String) -> Bool {
        screen.range(of: #" 1/[0-9,]+ rows"#, options: .regularExpression) != nil
    }

    private func quit(_ tmux: TmuxSession, expecting code: Int32 = 0) throws {
        // q goes back one screen at a time and quits on the overview.
        for _ in 0..<4 {
            try tmux.sendKeys("q")
            if tmux.waitForFormat("#{pane_dead}", toBe: "1", timeout: .milliseconds(400)) { break }
        }
        #expect(tmux.exitStatus() == code)
        #expect(tmux.waitForFormat("#{alternate_on}", toBe: "0"), "terminal not given back")
    }

    @Test("Open, move, sort, search muller, open a detail, come back, resize, too small, quit")
    func mainJourney() throws {
        let tmux = try start()
        #expect(tmux.waitFor("Most urgent"))
        #expect(tmux.waitFor("Revenue at risk"))

        try tmux.sendKeys("c")
        #expect(tmux.waitFor("1/300 rows"), "list did not open:\n\(tmux.lastCapture)")
        try tmux.sendKeys("j", "j", "Down")
        #expect(tmux.waitFor("4/300 rows"), "selection did not move:\n\(tmux.lastCapture)")
        try tmux.sendKeys("G")
        #expect(tmux.waitFor("300/300 rows"), "End did not reach the last row:\n\(tmux.lastCapture)")
        try tmux.sendKeys("g")
        #expect(tmux.waitFor("1/300 rows"))

        try tmux.sendKeys("s")
        #expect(tmux.waitFor("Value ▼"), "s did not sort by the next column:\n\(tmux.lastCapture)")
        try tmux.sendKeys("r")
        #expect(tmux.waitFor("Value ▲"), "r did not reverse:\n\(tmux.lastCapture)")
        try tmux.sendText(":sort name")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("Name ▲"), ":sort name did not apply:\n\(tmux.lastCapture)")

        try tmux.sendText("/muller")
        #expect(
            tmux.waitUntil { screen in
                screen.contains("Müller") && screen.contains("filter /muller") && Self.hasLoadedRows(screen)
            }, "search did not find Müller:\n\(tmux.lastCapture)")
        // Matches may come from the company, email or city too; most rows show the name itself.
        let rows = tmux.lastCapture.split(separator: "\n").dropFirst(2).dropLast().filter { !$0.isEmpty }
        #expect(rows.filter { $0.contains("Mü") }.count * 2 > rows.count, "\(tmux.lastCapture)")

        try tmux.sendKeys("Enter", "Enter")
        #expect(tmux.waitFor("Touchpoints"), "detail did not open:\n\(tmux.lastCapture)")
        #expect(tmux.waitFor("Why at risk"))
        #expect(tmux.waitFor("Bindings"))
        try tmux.sendKeys("Escape")
        #expect(
            tmux.waitUntil { $0.contains("Name ▲") && !$0.contains("Touchpoints") },
            "Esc did not come back to the list:\n\(tmux.lastCapture)")

        try tmux.resize(width: 60, height: 16)
        #expect(tmux.waitUntil { $0.contains("Name") && $0.contains("rows") && $0.contains("Müller") })
        try tmux.resize(width: 200, height: 60)
        #expect(tmux.waitUntil { $0.contains("Next action") && $0.contains("Segment") })
        try tmux.resize(width: 30, height: 8)
        // One refresh can reach tmux in more than one write: wait for the whole notice.
        #expect(
            tmux.waitUntil { $0.contains("terminal too small") && $0.contains("50×12") },
            "\(tmux.lastCapture)")
        try tmux.resize(width: 100, height: 30)
        #expect(tmux.waitFor("Name ▲"))

        try quit(tmux)
    }

    /// The name shown in the list's selected-or-first row: the first cell, without the company.
    private static func firstRowName(_ screen: String) -> String? {
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count > 2 else { return nil }
        let cell = lines[2].components(separatedBy: "  ").first ?? ""
        let name = cell.components(separatedBy: " · ").first?.trimmingCharacters(in: .whitespaces) ?? ""
        return name.isEmpty ? nil : name
    }

    @Test("Esc and q typed in one go (Alt-q to the terminal) close the help and quit")
    func escapeThenQuitAtOnce() throws {
        let tmux = try start()
        try tmux.sendKeys("?")
        #expect(tmux.waitFor("Keys and commands"), "help did not open:\n\(tmux.lastCapture)")
        try tmux.sendKeys("Escape", "q")
        #expect(
            tmux.waitForFormat("#{pane_dead}", toBe: "1"), "Esc q did not quit:\n\(tmux.lastCapture)")
        #expect(tmux.exitStatus() == 0)
    }

    @Test("G, then g and Enter in one go: the detail of the first row opens, not of the last")
    func enterWhileTheFirstPageIsOnItsWay() throws {
        let tmux = try start()
        try tmux.sendKeys("c")
        #expect(tmux.waitFor("1/300 rows"), "list did not open:\n\(tmux.lastCapture)")
        let first = Self.firstRowName(tmux.lastCapture)
        try tmux.sendKeys("G")
        #expect(tmux.waitFor("300/300 rows"), "G did not reach the last row:\n\(tmux.lastCapture)")
        // g asks for the first page again; Enter arrives before that page does.
        try tmux.sendKeys("g", "Enter")
        #expect(tmux.waitFor("Touchpoints"), "detail did not open:\n\(tmux.lastCapture)")
        let header = tmux.lastCapture.split(separator: "\n").first.map(String.init) ?? ""
        if let first {
            #expect(
                header.hasSuffix("› " + first) || header.contains("› " + first + " "), "\(tmux.lastCapture)")
        } else {
            Issue.record("no first row in:\n\(tmux.lastCapture)")
        }
        try tmux.sendKeys("Escape")
        #expect(
            tmux.waitFor("1/300 rows"), "the list's selection is not on the first row:\n\(tmux.lastCapture)")
        try quit(tmux)
    }

    @Test("Opened four weeks after its scoring, the overview and the detail say how old the scores are")
    func staleScores() throws {
        let path = try stores().demo
        let environment = ["HOME": try stores().folder, "XDG_CONFIG_HOME": try stores().folder + "/config"]
        let tmux = try TmuxSession(
            command: [Clientele.binary, "--db", path, "--as-of", "2025-07-28"], environment: environment,
            width: 120, height: 40)
        #expect(
            tmux.waitFor("scores of 2025-06-30 · 28 days old — run clientele score"),
            "no scoring day on the overview:\n\(tmux.lastCapture)")
        try tmux.sendKeys("c")
        #expect(tmux.waitFor("1/300 rows"), "list did not open:\n\(tmux.lastCapture)")
        try tmux.sendKeys("Enter")
        #expect(
            tmux.waitFor("scores of 2025-06-30 · 28 days old"),
            "no scoring day on the detail:\n\(tmux.lastCapture)")
        try quit(tmux)
    }

    @Test("Search by customer number and by phone number, as a caller gives it")
    func numberSearch() throws {
        let path = try stores().demo
        let queue = try DatabaseQueue(path: path)
        let (name, phone) = try queue.read { db -> (String, String) in
            let row = try Row.fetchOne(
                db, sql: "SELECT name, phone FROM customers WHERE external_id = 'K-0000100'")
            return (row?["name"] ?? "", row?["phone"] ?? "")
        }
        try queue.close()
        let tmux = try start()
        try tmux.sendText("/K-0000100")
        #expect(
            tmux.waitUntil { $0.contains(name) && $0.contains("1/1 rows") },
            "customer number not found:\n\(tmux.lastCapture)")
        try tmux.sendKeys("C-u")
        // As said on the phone: without spaces, with the country code.
        try tmux.sendText(phone.filter { $0 != " " })
        #expect(
            tmux.waitUntil { $0.contains(name) && $0.contains(" 1/") },
            "phone \(phone) not found:\n\(tmux.lastCapture)")
        try tmux.sendKeys("Enter")
        try quit(tmux)
    }

    /// Why `shown`, the start of a list row, is a wrong cut of the cell `full`; nil when it is
    /// the whole text, or ends in "…" after a whole word or after a word cut far from any space.
    static func badCut(_ shown: String, of full: String) -> String? {
        if shown.hasPrefix(full) { return nil }
        let characters = Array(full)
        var kept = 0
        while kept < characters.count, shown.hasPrefix(String(characters[...kept])) { kept += 1 }
        guard shown.dropFirst(kept).hasPrefix("…") else { return "cut without a mark: \(shown)" }
        guard kept > 0, characters[kept - 1].isLetter, characters[kept].isLetter else { return nil }
        // Inside a word: only when the last whole word ended more than 3 columns back.
        let lastSpace = characters[..<kept].lastIndex(where: \.isWhitespace) ?? 0
        return kept - lastSpace - 1 > 3 ? nil : "a half word where a whole one fitted: \(shown)"
    }

    @Test("A long company in the list is cut after a whole word or marked with …, at every width, EN and DE")
    func longCompanyInTheList() throws {
        let scratch = try stores().folder + "/long-company.sqlite"
        try? FileManager.default.removeItem(atPath: scratch)
        let name = "Hannah Dvořák"
        let company = "Müller Vertriebsgesellschaft für Industriebedarf mbH & Co. KG"
        let source = try DatabaseQueue(path: try stores().demo)
        try source.writeWithoutTransaction { db in try db.execute(sql: "VACUUM INTO ?", arguments: [scratch])
        }
        try source.close()
        let copy = try DatabaseQueue(path: scratch)
        try copy.write { db in
            try db.execute(
                sql: "UPDATE customers SET name = ?, company = ? WHERE id = 7", arguments: [name, company])
        }
        try copy.close()
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let full = name + " · " + company
        for width in [80, 100, 120, 160, 200] {
            for language in ["en", "de"] {
                let tmux = try start(
                    scratch, arguments: ["--lang", language], width: width, height: 16,
                    waitFor: language == "de" ? "Segmente" : "Segments")
                try tmux.sendText("/vertriebsgesellschaft")
                #expect(
                    tmux.waitUntil { $0.contains("Hannah") && $0.contains(" 1/1 ") },
                    "\(width) \(language): not found:\n\(tmux.lastCapture)")
                let lines = tmux.lastCapture.split(separator: "\n", omittingEmptySubsequences: false)
                let row = lines.count > 2 ? String(lines[2]) : ""
                if let problem = Self.badCut(row, of: full) {
                    Issue.record("\(width) columns, \(language): \(problem)")
                }
                // Esc ends the search; wait for it, or the first q would arrive as Alt-q.
                try tmux.sendKeys("Escape")
                #expect(tmux.waitFor("/300 "), "\(width) \(language): search not left:\n\(tmux.lastCapture)")
                try quit(tmux)
            }
        }
    }

    @Test("Ctrl-C leaves at once with exit code 130 and a sane terminal")
    func interrupt() throws {
        let tmux = try start()
        try tmux.sendKeys("c")
        #expect(tmux.waitFor("/300 rows"))
        try tmux.sendKeys("C-c")
        #expect(tmux.exitStatus() == 130)
        #expect(tmux.waitForFormat("#{alternate_on}", toBe: "0"), "terminal not given back")
    }

    @Test("Names and notes with escape sequences, CR, BS and U+202E reach the screen as plain text")
    func hostileText() throws {
        let tmux = try start(try stores().hostile)
        try tmux.sendText("/zzhostile")
        #expect(
            tmux.waitUntil { $0.contains("EvilRed") && $0.contains("1/5 rows") },
            "hostile customers not found:\n\(tmux.lastCapture)")
        try expectClean(tmux)
        try tmux.sendKeys("Enter", "Enter")
        #expect(tmux.waitFor("Touchpoints"))
        #expect(tmux.waitFor("cleared?"), "the note is not shown:\n\(tmux.lastCapture)")
        try expectClean(tmux)
        #expect(try tmux.display("#{pane_title}") != "pwned", "an OSC sequence set the title")
        try quit(tmux)
    }

    /// No control character other than the SGR sequences tmux itself writes for colours.
    private func expectClean(_ tmux: TmuxSession) throws {
        let plain = try tmux.capture()
        #expect(!plain.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" }, "control bytes:\n\(plain)")
        #expect(
            !plain.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) }, "bidi override on screen"
        )
        #expect(!plain.contains("[31m") && !plain.contains("]0;"), "escape payload leaked:\n\(plain)")
        let styled = try tmux.captureWithEscapes()
        var scalars = styled.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            if scalar == "\u{1B}" {
                #expect(scalars.next() == "[", "non-CSI escape on screen")
                var final: Unicode.Scalar?
                while let next = scalars.next() {
                    if (0x40...0x7E).contains(next.value) {
                        final = next
                        break
                    }
                }
                #expect(final == "m", "a non-SGR sequence on screen")
            } else {
                #expect(
                    scalar.value >= 0x20 || scalar == "\n", "raw control U+\(String(scalar.value, radix: 16))"
                )
            }
        }
    }

    @Test("German from --lang de: words, dates and amounts")
    func german() throws {
        let tmux = try start(arguments: ["--lang", "de"], waitFor: "Übersicht")
        #expect(tmux.waitFor("30.06.2025"))
        #expect(tmux.waitFor("Umsatz in Gefahr"))
        #expect(tmux.waitUntil { $0.contains(" €") }, "amounts not in German form:\n\(tmux.lastCapture)")
        try quit(tmux)
    }

    @Test("A broken user theme shows its error in the status bar and the default theme is used")
    func brokenTheme() throws {
        let config = try stores().folder + "/broken-config"
        let themes = config + "/clientele/themes"
        try FileManager.default.createDirectory(atPath: themes, withIntermediateDirectories: true)
        try "name = \"dusk\"\n[roles]\nheader = { fg = \"redd\" }\n".write(
            toFile: themes + "/dusk.toml", atomically: true, encoding: .utf8)
        let tmux = try start(arguments: ["--theme", "dusk"], environment: ["XDG_CONFIG_HOME": config])
        #expect(tmux.waitFor("dusk.toml:3: role \"header\""), "no theme error shown:\n\(tmux.lastCapture)")
        try tmux.sendText(":theme light")
        try tmux.sendKeys("Enter")
        #expect(
            tmux.waitUntil { $0.contains(" theme light") && !$0.contains(":theme") }, "\(tmux.lastCapture)")
        try tmux.sendText(":theme nosuch")
        try tmux.sendKeys("Enter")
        #expect(
            tmux.waitFor("no theme named \"nosuch\""),
            "\(tmux.lastCapture)")
        try quit(tmux)
    }

    @Test("NO_COLOR: no colour codes at all, the band word still there")
    func noColor() throws {
        let tmux = try start(environment: ["NO_COLOR": "1"])
        try tmux.sendKeys("c")
        #expect(tmux.waitFor("/300 rows"))
        let styled = try tmux.captureWithEscapes()
        #expect(!styled.contains("38;5;") && !styled.contains("48;5;"), "colour despite NO_COLOR")
        #expect(styled.contains("high"))
        try quit(tmux)
    }

    @Test("Long errors are read from their start at 120 columns; an owner nobody has changes no filter")
    func longErrorsAndUnknownOwner() throws {
        let tmux = try start(width: 120, height: 40)
        try tmux.sendKeys("c")
        #expect(tmux.waitFor("1/300 rows"), "list did not open:\n\(tmux.lastCapture)")
        try tmux.sendText(":filter segment lost")
        try tmux.sendKeys("Enter")
        #expect(
            tmux.waitUntil { $0.contains("filter Lost") && Self.hasLoadedRows($0) }, "\(tmux.lastCapture)")
        let lostRows = tmux.lastCapture.firstMatch(of: /1\/([0-9]+) rows/).map { String($0.1) }
        try tmux.sendText(":filter owner Leyla")
        try tmux.sendKeys("Enter")
        #expect(
            tmux.waitFor("no customer has the owner \"Leyla\""),
            "message lost its start:\n\(tmux.lastCapture)")
        // The segment filter from before stays, with its rows; the unknown owner is not applied.
        #expect(
            tmux.waitUntil { screen in
                Self.hasLoadedRows(screen) && !screen.contains("No customers match")
                    && screen.firstMatch(of: /1\/([0-9]+) rows/).map { String($0.1) } == lostRows
            }, "the unknown owner emptied the list:\n\(tmux.lastCapture)")
        let header = tmux.lastCapture.split(separator: "\n").first ?? ""
        #expect(header.contains("filter Lost") && !header.contains("Leyla"), "\(tmux.lastCapture)")
        try tmux.sendText(":bogus")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("unknown command: bogus"), "\(tmux.lastCapture)")
        try quit(tmux)
    }

    @Test(
        "German words the screen shows work in :filter and :sort; a wrong one is named with the words taken")
    func germanCommandWords() throws {
        let tmux = try start(arguments: ["--lang", "de"], width: 120, height: 30, waitFor: "Übersicht")
        try tmux.sendKeys("c")
        #expect(tmux.waitFor("1/300"), "list did not open:\n\(tmux.lastCapture)")
        try tmux.sendText(":filter band hoch")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("Filter Risiko hoch"), "\(tmux.lastCapture)")
        try tmux.sendText(":filter type beziehungsorientiert")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("Risiko hoch, beziehungsorientiert"), "\(tmux.lastCapture)")
        try tmux.sendText(":sort wert")
        try tmux.sendKeys("Enter")
        #expect(tmux.waitFor("Sortierung Wert ▼"), "\(tmux.lastCapture)")
        try tmux.sendText(":filter band hochh")
        try tmux.sendKeys("Enter")
        #expect(
            tmux.waitFor("kein Risikoband „hochh“; eines von: niedrig, mittel, hoch"), "\(tmux.lastCapture)")
        try quit(tmux)
    }

    @Test("Help at 120 columns: a long line continues under its column, nothing is cut mid-word")
    func helpFlows() throws {
        let tmux = try start(width: 120, height: 40)
        try tmux.sendKeys("c")
        #expect(tmux.waitFor("1/300 rows"), "list did not open:\n\(tmux.lastCapture)")
        try tmux.sendKeys("?")
        #expect(tmux.waitFor("Commands (after :)"), "\(tmux.lastCapture)")
        let lines = tmux.lastCapture.split(separator: "\n").map(String.init)
        // The filter's help ends "owner NAME, type TYPE": the last word is whole, on this line or the next.
        guard let filter = lines.firstIndex(where: { $0.contains(":filter FIELD VALUE") }) else {
            Issue.record("no :filter line:\n\(tmux.lastCapture)")
            return
        }
        let flowed = lines[filter...].prefix(2).joined(separator: " ")
        #expect(flowed.contains("TYPE"), "the help was cut:\n\(tmux.lastCapture)")
        #expect(tmux.lastCapture.contains("customer number, phone"), "\(tmux.lastCapture)")
        #expect(tmux.lastCapture.contains("done, skip or snooze"), "\(tmux.lastCapture)")
        try quit(tmux)
    }
}
