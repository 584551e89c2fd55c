import Dashboard
import Testing

@Suite("Theme lookup, parents and loading")
struct ThemeTests {
    @Test("role fallback chain")
    func fallbackChain() {
        #expect(StyleRole.riskHigh.fallbackChain == ["risk.high", "risk", "default"])
        #expect(StyleRole("selection.risk.high").parent == "selection.risk")
        #expect(StyleRole.default.parent == nil)
        #expect(StyleRole.header.parent == .default)
        #expect(StyleRole.standardRoles.count == 32)
        #expect(Set(StyleRole.standardRoles).count == StyleRole.standardRoles.count)
    }

    @Test("lookup falls back field by field: risk.high → risk → default → plain")
    func fieldFallback() {
        let theme = Theme(
            name: "t",
            roles: [
                .default: RoleStyle(foreground: .ansi(.white), background: .ansi(.black)),
                "risk": RoleStyle(foreground: .ansi(.yellow), bold: true),
                .riskHigh: RoleStyle(foreground: .ansi(.red)),
            ])
        #expect(
            theme.style(for: .riskHigh)
                == Style(foreground: .ansi(.red), background: .ansi(.black), bold: true))
        #expect(
            theme.style(for: .riskLow)
                == Style(foreground: .ansi(.yellow), background: .ansi(.black), bold: true))
        #expect(
            theme.style(for: "unknown.role") == Style(foreground: .ansi(.white), background: .ansi(.black)))
        #expect(Theme(name: "empty", roles: [:]).style(for: .header) == .plain)
    }

    @Test("an explicit false overrides a parent role's true")
    func explicitFalse() {
        let theme = Theme(
            name: "t", roles: ["risk": RoleStyle(bold: true), .riskLow: RoleStyle(bold: false)])
        #expect(!theme.style(for: .riskLow).bold)
        #expect(theme.style(for: .riskMedium).bold)
    }

    @Test("a child theme overrides its parent field by field and inherits the rest")
    func parentTheme() throws {
        let parent = try Theme.parse(
            contents: "[roles]\nheader = { fg = \"cyan\", bold = true }\nmuted = { fg = 245 }\n",
            fileName: "p.toml")
        let child = try Theme.parse(
            contents: "name = \"c\"\nparent = \"p\"\n[roles]\nheader = { fg = \"blue\" }\n",
            fileName: "c.toml")
        let resolved = try ThemeCatalog(themes: [parent, child]).resolved(named: "c")
        #expect(resolved.style(for: .header) == Style(foreground: .ansi(.blue), bold: true))
        #expect(resolved.style(for: .muted).foreground == .indexed(245))
        #expect(resolved.name == "c")
    }

    @Test("parent \"default\" without a default file uses the built-in default")
    func builtInParent() throws {
        let child = try Theme.parse(
            contents: "parent = \"default\"\n[roles]\nbar = { fg = 1 }", fileName: "c.toml")
        let resolved = try ThemeCatalog(themes: [child]).resolved(named: "c")
        #expect(resolved.style(for: .bar).foreground == .indexed(1))
        #expect(resolved.style(for: .header) == Theme.builtInDefault.style(for: .header))
    }

    @Test("unknown parents and parent loops are errors naming the file and line of `parent`")
    func parentErrors() throws {
        let orphan = try Theme.parse(contents: "name = \"o\"\nparent = \"nope\"", fileName: "Themes/o.toml")
        #expect(throws: ThemeError.self) { try ThemeCatalog(themes: [orphan]).resolved(named: "o") }
        do {
            _ = try ThemeCatalog(themes: [orphan]).resolved(named: "o")
        } catch {
            #expect(error.description == "Themes/o.toml:2: key \"parent\": unknown parent theme \"nope\"")
        }
        let a = try Theme.parse(contents: "name = \"a\"\nparent = \"b\"", fileName: "a.toml")
        let b = try Theme.parse(contents: "name = \"b\"\n\nparent = \"a\"", fileName: "b.toml")
        do {
            _ = try ThemeCatalog(themes: [a, b]).resolved(named: "a")
            Issue.record("a loop must fail")
        } catch {
            #expect(error.description == "b.toml:3: key \"parent\": parent themes form a loop: a → b → a")
        }
        let selfish = try Theme.parse(contents: "name = \"s\"\nparent = \"s\"", fileName: "s.toml")
        #expect(throws: ThemeError.self) { try ThemeCatalog(themes: [selfish]).resolved(named: "s") }
    }

    @Test("the loader falls back to the default theme and reports why")
    func loaderFallback() {
        let broken = ThemeFile(
            fileName: "Themes/x.toml", contents: "[roles]\n\"risk.high\" = { fg = \"redd\" }")
        let loaded = ThemeLoader.load(named: "x", from: [broken])
        #expect(loaded.theme == Theme.builtInDefault)
        #expect(
            loaded.errors.map(\.description) == [
                "Themes/x.toml:2: role \"risk.high\": unknown colour \"redd\"",
                "no theme named \"x\"",
            ])
        let missing = ThemeLoader.load(named: "nope", from: [])
        #expect(missing.theme == Theme.builtInDefault)
        #expect(missing.errors.count == 1)
        // Another broken file does not hide why the theme asked for is missing (the status bar
        // shows the first error).
        let mine = ThemeFile(
            fileName: "themes/mine.toml", contents: "[roles]\n\"risk.high\" = { fg = \"redd\" }")
        let elsewhere = ThemeLoader.load(named: "nope", from: [mine])
        #expect(elsewhere.errors.first?.description == "no theme named \"nope\"")
        #expect(elsewhere.errors.count == 2)
    }

    @Test("a user theme file replaces a shipped one of the same name")
    func override() {
        let shipped = ThemeFile(fileName: "Themes/dusk.toml", contents: "[roles]\nbar = { fg = 1 }")
        let user = ThemeFile(
            fileName: "~/.config/clientele/themes/dusk.toml", contents: "[roles]\nbar = { fg = 2 }")
        let loaded = ThemeLoader.load(named: "dusk", from: [shipped, user])
        #expect(loaded.theme.style(for: .bar).foreground == .indexed(2))
        #expect(loaded.errors.isEmpty)
    }

    @Test("NO_COLOR: no colours, reverse selection, risk by attributes")
    func monochrome() {
        let mono = ThemeLoader.load(named: "default", from: [], noColor: true).theme
        for role in StyleRole.standardRoles + ["risk", "unknown"] {
            #expect(mono.style(for: role).foreground == .default, "\(role)")
            #expect(mono.style(for: role).background == .default, "\(role)")
        }
        #expect(mono.style(for: .selection).reverse)
        #expect(mono.style(for: .status).reverse)
        #expect(mono.style(for: .riskHigh).bold && mono.style(for: .riskHigh).underline)
        #expect(mono.style(for: .riskMedium).bold && !mono.style(for: .riskMedium).underline)
        #expect(!mono.style(for: .riskLow).bold && !mono.style(for: .riskLow).underline)
        #expect(Theme.builtInDefault.monochrome() == mono)
    }
}
