import Dashboard
import Foundation
import Testing

/// Reads the theme files shipped in `Themes/`, found relative to this source file.
enum ShippedThemes {
    static let names = ["default", "light", "high-contrast", "mono"]

    static var directory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Themes")
    }

    static func file(_ name: String) throws -> ThemeFile {
        let url = directory.appendingPathComponent(name + ".toml")
        return ThemeFile(
            fileName: "Themes/\(name).toml", contents: try String(contentsOf: url, encoding: .utf8))
    }

    static func allFiles() throws -> [ThemeFile] {
        try names.map(file)
    }
}

@Suite("Shipped themes")
struct ShippedThemesTests {
    @Test(
        "each shipped theme parses, resolves and defines every standard role", arguments: ShippedThemes.names)
    func parsesAndDefinesAllRoles(name: String) throws {
        let file = try ShippedThemes.file(name)
        let parsed = try Theme.parse(contents: file.contents, fileName: file.fileName)
        #expect(parsed.name == name)
        for role in StyleRole.standardRoles {
            #expect(parsed.roles[role] != nil, "\(name) lacks \(role)")
        }
        let loaded = ThemeLoader.load(named: name, from: try ShippedThemes.allFiles())
        #expect(loaded.errors.isEmpty, "\(loaded.errors.map(\.description))")
        #expect(loaded.theme.name == name)
    }

    @Test("default.toml is exactly the built-in default theme")
    func defaultMatchesBuiltIn() throws {
        let file = try ShippedThemes.file("default")
        let parsed = try Theme.parse(contents: file.contents, fileName: file.fileName)
        #expect(parsed.roles == Theme.builtInDefault.roles)
        for role in Set(parsed.roles.keys).symmetricDifference(Theme.builtInDefault.roles.keys) {
            Issue.record("differs in \(role)")
        }
        for (role, entry) in parsed.roles where Theme.builtInDefault.roles[role] != entry {
            Issue.record(
                "\(role): file \(entry) vs built-in \(String(describing: Theme.builtInDefault.roles[role]))")
        }
    }

    @Test("mono.toml uses no colour; selection is reverse video, risk bold and underlined")
    func monoHasNoColour() throws {
        let file = try ShippedThemes.file("mono")
        let mono = try Theme.parse(contents: file.contents, fileName: file.fileName)
        #expect(mono.parentName == nil)
        for role in StyleRole.standardRoles {
            let style = mono.style(for: role)
            #expect(style.foreground == .default && style.background == .default, "\(role)")
        }
        #expect(mono.style(for: .selection).reverse)
        #expect(mono.style(for: .riskHigh).bold && mono.style(for: .riskHigh).underline)
        #expect(mono.style(for: .riskMedium).bold)
        #expect(mono.style(for: .riskLow) != mono.style(for: .riskHigh))
    }

    @Test("risk bands never differ by colour alone in any shipped theme", arguments: ShippedThemes.names)
    func riskNotByColourAlone(name: String) throws {
        let theme = ThemeLoader.load(named: name, from: try ShippedThemes.allFiles()).theme
        let bands = [StyleRole.riskLow, .riskMedium, .riskHigh].map { theme.style(for: $0) }
        for first in 0..<bands.count {
            for second in (first + 1)..<bands.count {
                var a = bands[first]
                var b = bands[second]
                (a.foreground, a.background, b.foreground, b.background) = (
                    .default, .default, .default, .default
                )
                #expect(a != b, "\(name): risk bands \(first) and \(second) differ only by colour")
            }
        }
    }

    @Test("light and high-contrast inherit from default but override its colours")
    func parentsApplied() throws {
        let files = try ShippedThemes.allFiles()
        let light = ThemeLoader.load(named: "light", from: files).theme
        #expect(light.style(for: .selection).background == .ansi(.blue))
        #expect(light.style(for: .statusHint).background == .indexed(253), "bg from status")
        let highContrast = ThemeLoader.load(named: "high-contrast", from: files).theme
        #expect(highContrast.style(for: .riskHigh).underline)
    }

    @Test("every shipped theme downsamples to 8 colours and to none", arguments: ShippedThemes.names)
    func downsampling(name: String) throws {
        let theme = ThemeLoader.load(named: name, from: try ShippedThemes.allFiles()).theme
        for role in StyleRole.standardRoles {
            let style = theme.style(for: role, depth: .ansi8)
            for color in [style.foreground, style.background] {
                switch color {
                case .default: break
                case .ansi(let named): #expect(named.rawValue < 8)
                default: Issue.record("\(name) \(role): \(color) at depth 8")
                }
            }
            #expect(theme.style(for: role, depth: .none).foreground == .default)
        }
    }
}
