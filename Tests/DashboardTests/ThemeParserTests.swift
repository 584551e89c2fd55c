import Dashboard
import Testing

@Suite("Theme parser")
struct ThemeParserTests {
    let file = "themes/x.toml"

    private func parse(_ contents: String) throws(ThemeError) -> Theme {
        try Theme.parse(contents: contents, fileName: file)
    }

    /// Parses `contents` expecting an error, and returns its description.
    private func failure(_ contents: String) -> ThemeError? {
        do {
            _ = try parse(contents)
            return nil
        } catch {
            return error
        }
    }

    @Test("a complete small theme")
    func parsesTheme() throws {
        let theme = try parse(
            """
            # A comment line
            name = "dusk"   # trailing comment
            parent = 'default'
            description = "Warm # not a comment"

            [roles]
            base = { fg = "white", bg = "default" }
            header = { fg = "bright-white", bg = 24, bold = true, }
            "risk.high" = { fg = "#ff5f5f", bold = true, underline = true }
            "tier.a" = { fg = "208", italic = true, dim = false, reverse = false }
            empty = {}
            """)
        #expect(theme.name == "dusk")
        #expect(theme.parentName == "default")
        #expect(theme.source == ThemeSource(fileName: file, parentLine: 3))
        #expect(theme.roles[.default] == RoleStyle(foreground: .ansi(.white), background: .default))
        #expect(
            theme.roles[.header]
                == RoleStyle(foreground: .ansi(.brightWhite), background: .indexed(24), bold: true))
        #expect(
            theme.roles[.riskHigh]
                == RoleStyle(foreground: .rgb(red: 255, green: 95, blue: 95), bold: true, underline: true))
        #expect(
            theme.roles[.tierA]
                == RoleStyle(foreground: .indexed(208), dim: false, italic: true, reverse: false))
        #expect(theme.roles["empty"] == RoleStyle())
    }

    @Test("name defaults to the file name; CRLF, BOM and blank input are fine")
    func defaults() throws {
        let theme = try Theme.parse(
            contents: "\u{FEFF}[roles]\r\nheader = { bold = true }\r\n", fileName: "a/b/dusk.toml")
        #expect(theme.name == "dusk")
        #expect(theme.roles[.header] == RoleStyle(bold: true))
        #expect(try Theme.parse(contents: "", fileName: "empty.toml").roles.isEmpty)
    }

    @Test("the documented error format: file, line, role, problem")
    func documentedFormat() {
        let contents =
            "name = \"x\"\n\n[roles]\n# c\nheader = { bold = true }\n\n\"risk.high\" = { fg = \"redd\" }\n"
        #expect(
            failure(contents)?.description == #"themes/x.toml:7: role "risk.high": unknown colour "redd""#)
        #expect(
            failure(contents)
                == ThemeError(
                    fileName: file, line: 7, subject: .role("risk.high"), problem: .unknownColor("redd")))
    }

    @Test(
        "every kind of error names the file, line and key",
        arguments: [
            (
                "[roles]\nheader = { fg = 300 }",
                #"2: role "header": colour index 300 is outside 0–255"#
            ),
            (
                "[roles]\nheader = { fg = \"256\" }",
                #"2: role "header": colour index 256 is outside 0–255"#
            ),
            (
                "[roles]\nheader = { fg = -1 }",
                #"2: role "header": colour index -1 is outside 0–255"#
            ),
            (
                "[roles]\nheader = { fg = true }",
                ##"2: role "header": "fg" must be a colour name, 0–255 or "#rrggbb", not true"##
            ),
            (
                "[roles]\nheader = { fgg = \"red\" }",
                #"2: role "header": unknown attribute "fgg" "#
                    + "(known: fg, bg, bold, dim, italic, underline, reverse)"
            ),
            (
                "[roles]\nheader = { bold = \"yes\" }",
                #"2: role "header": "bold" must be true or false, not "yes""#
            ),
            (
                "[roles]\nheader = { bold = true, bold = false }",
                #"2: role "header": attribute "bold" given twice"#
            ),
            ("[roles]\nheader = {}\n\nheader = {}", #"4: role "header": defined twice"#),
            ("[roles]\nbase = {}\ndefault = {}", #"3: role "default": defined twice"#),
            (
                "[roles]\nheader = \"red\"",
                #"2: role "header": "header" must be an inline table like { fg = "red", bold = true }"#
            ),
            (
                "[roles]\nrisk.high = { bold = true }",
                #"2: role "risk.high": @rule"#
            ),
            (
                "[roles]\n\"Risk\" = {}",
                #"2: role "Risk": @rule"#
            ),
            (
                "[roles]\n\"risk..high\" = {}",
                #"2: role "risk..high": @rule"#
            ),
            (
                "[roles]\nheader = { fg = red }",
                #"2: role "header": expected a value, found red (text needs quotes: "red")"#
            ),
            (
                "[roles]\nheader = { fg = \"red\" ",
                #"2: role "header": unterminated inline table (missing "}" on this line)"#
            ),
            (
                "[roles]\nheader = { fg = \"red }",
                #"2: role "header": unterminated string (missing closing ")"#
            ),
            (
                "[roles]\nheader = { fg = \"red\" bold = true }",
                #"2: role "header": expected "," or "}" after the value of "fg""#
            ),
            (
                "[roles]\nheader = { x = { y = 1 } }",
                #"2: role "header": nested tables are not supported ("x")"#
            ),
            (
                "[roles]\nheader { bold = true }",
                #"2: role "header": expected "=" after the key"#
            ),
            (
                "[roles]\nheader = { bold = true } extra",
                #"2: role "header": unexpected text after the value"#
            ),
            (
                "[roles]\nheader = { fg = \"\\q\" }",
                #"2: role "header": unsupported escape "\q" in string"#
            ),
            ("name = \"a\"\nname = \"b\"", #"2: key "name": given twice"#),
            ("parent = \"a\"\nparent = \"b\"", #"2: key "parent": given twice"#),
            (
                "colour = \"red\"",
                #"1: key "colour": unknown key "#
                    + "(known: name, parent, description, and the [roles] table)"
            ),
            ("name = 3", #"1: key "name": "name" must be a string"#),
            ("[colors]", #"1: unknown table [colors] (the only table is [roles])"#),
            ("[roles]\n[roles]", #"2: table [roles] defined twice"#),
            ("[[roles]]", #"1: arrays of tables are not supported"#),
            ("[roles", #"1: expected "]" after the table name"#),
            ("= 3", #"1: expected a key, found "=""#),
        ])
    func errors(contents: String, expected: String) {
        let rule =
            #"role names are lowercase letters, digits, "-" and "." "#
            + #"(quote dotted names: "risk.high")"#
        let message = expected.hasSuffix("@rule") ? expected.dropLast(5) + rule : expected
        #expect(failure(contents)?.description == "themes/x.toml:" + message)
    }

    @Test("string escapes")
    func escapes() throws {
        let theme = try parse("name = \"a\\\"b\\\\c\\u00fc\"")
        #expect(theme.name == "a\"b\\cü")
    }
}
