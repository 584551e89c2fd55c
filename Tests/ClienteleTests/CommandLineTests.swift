import Foundation
import GRDB
import Testing

/// The command line, run end to end as a user runs it: the real binary, real store files.
@Suite("clientele on the command line", .serialized)
struct CommandLineTests {
    @Test("--help works for the program and every subcommand")
    func help() throws {
        let top = try Clientele.run(["--help"])
        #expect(top.status == 0)
        for subcommand in ["dashboard", "demo", "stats", "bench"] {
            #expect(top.standardOutput.contains(subcommand))
            let sub = try Clientele.run([subcommand, "--help"])
            #expect(sub.status == 0, "\(subcommand) --help failed")
            #expect(sub.standardOutput.contains("USAGE: clientele \(subcommand)"))
        }
    }

    /// The lines of a help text between its overview and USAGE: the command's discussion.
    private static func discussion(_ help: String) -> [Substring] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let usage = lines.firstIndex(where: { $0.hasPrefix("USAGE:") }),
            let blank = lines[..<usage].firstIndex(where: \.isEmpty)
        else { return [] }
        return Array(lines[(blank + 1)..<usage])
    }

    /// The names listed under SUBCOMMANDS (continuation lines are indented deeper).
    private static func subcommands(_ help: String) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: "SUBCOMMANDS:") else { return [] }
        return lines[(start + 1)...].prefix { !$0.isEmpty }.compactMap { line in
            guard line.hasPrefix("  "), !line.hasPrefix("   ") else { return nil }
            return line.split(separator: " ").first.map(String.init)
        }.filter { $0 != "help" }
    }

    @Test(
        "Help flows to the terminal's width (COLUMNS, else 80): no paragraph broken by hand, examples whole")
    func helpFlowsToTheWidth() throws {
        var pending: [[String]] = [[]]
        var commands = 0
        while let command = pending.popLast() {
            commands += 1
            let wide = try Clientele.run(command + ["--help"], environment: ["COLUMNS": "1000"])
            let narrow = try Clientele.run(command + ["--help"])
            #expect(wide.status == 0 && narrow.status == 0, "\(command)")
            let wideLines = Self.discussion(wide.standardOutput)
            // At 1000 columns every paragraph fits on one line: two prose lines in a row mean a
            // line break written into the text, which at 80 columns left a one-word line.
            for (line, next) in zip(wideLines, wideLines.dropFirst())
            where !line.isEmpty && !line.hasPrefix(" ") && !next.isEmpty && !next.hasPrefix(" ") {
                Issue.record(
                    "clientele \(command.joined(separator: " ")) --help breaks a paragraph:\n\(line)\n\(next)"
                )
            }
            // Examples (indented) fit in 80 columns, so the default width shows each one whole.
            for example in wideLines where example.hasPrefix("  ") {
                #expect(
                    Self.discussion(narrow.standardOutput).contains(example),
                    "clientele \(command.joined(separator: " ")) --help at 80 columns breaks: \(example)")
            }
            pending += Self.subcommands(wide.standardOutput).map { command + [$0] }
        }
        #expect(commands > 20, "only \(commands) commands found")
    }

    @Test("bench ui reports as many keys as it was asked to press (the closing Esc made it one more)")
    func benchUIKeys() throws {
        let scratch = try Scratch()
        let path = scratch.file("bench.sqlite")
        let environment = scratch.environment
        #expect(
            try Clientele.run(
                ["demo", "--db", path, "--customers", "200", "--as-of", "2025-06-30"],
                environment: environment
            ).status == 0)
        #expect(
            try Clientele.run(
                ["score", "--db", path, "--as-of", "2025-06-30", "--quiet"], environment: environment
            )
            .status == 0)
        for keys in [1, 37] {
            let bench = try Clientele.run(
                [
                    "bench", "ui", "--db", path, "--keys", "\(keys)", "--start", "list", "--width", "100",
                    "--height", "30", "--as-of", "2025-06-30",
                ], environment: environment)
            #expect(bench.status == 0, "\(bench.standardError)")
            let object =
                try JSONSerialization.jsonObject(with: Data(bench.standardOutput.utf8)) as? [String: Any]
            #expect(object?["keys"] as? Int == keys, "\(bench.standardOutput)")
        }
    }

    @Test("demo builds a store that stats then describes, in text and JSON")
    func demoThenStats() throws {
        let scratch = try Scratch()
        let path = scratch.file("book.sqlite")
        let demo = try Clientele.run(
            ["demo", "--db", path, "--customers", "250", "--seed", "3", "--as-of", "2025-03-14"],
            environment: scratch.environment)
        #expect(demo.status == 0, "\(demo.standardError)")
        #expect(demo.standardOutput.contains("250 customers"))
        #expect(demo.standardError.isEmpty, "no progress bar when stderr is not a terminal")

        // `show` speaks the language asked for, labels included.
        let shown = try Clientele.run(
            ["show", "1", "--db", path, "--lang", "de"], environment: scratch.environment)
        #expect(shown.status == 0, "\(shown.standardError)")
        #expect(shown.standardOutput.contains("  Betreuer     "), "\(shown.standardOutput)")
        #expect(!shown.standardOutput.contains("owner"))

        let stats = try Clientele.run(["stats", "--db", path], environment: scratch.environment)
        #expect(stats.status == 0)
        #expect(stats.standardOutput.contains(path))
        #expect(stats.standardOutput.contains("customers"))
        #expect(stats.standardOutput.contains("250"))

        let json = try Clientele.run(["stats", "--db", path, "--json"], environment: scratch.environment)
        #expect(json.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [String: Any]
        let rows = object?["rows"] as? [String: Int]
        #expect(rows?["customers"] == 250)
        #expect((rows?["orders"] ?? 0) > 250 * 10)
        #expect(object?["path"] as? String == path)
        #expect(object?["schemaVersion"] as? Int == object?["knownSchemaVersion"] as? Int)

        let queue = try DatabaseQueue(path: path)
        let customers = try queue.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM customers") }
        #expect(customers == 250)
    }

    @Test("stats finds the store through CLIENTELE_DB")
    func environmentVariable() throws {
        let scratch = try Scratch()
        let path = scratch.file("env.sqlite")
        #expect(try Clientele.run(["demo", "--db", path, "--customers", "20"]).status == 0)
        var environment = scratch.environment
        environment["CLIENTELE_DB"] = path
        let stats = try Clientele.run(["stats", "--json"], environment: environment)
        #expect(stats.status == 0)
        #expect(stats.standardOutput.contains("\"source\": \"CLIENTELE_DB\""))
    }

    @Test("--db before the command works as after it; anything else before a command is still refused")
    func storeOptionFirst() throws {
        let scratch = try Scratch()
        let path = scratch.file("first.sqlite")
        #expect(try Clientele.run(["demo", "--db", path, "--customers", "20"]).status == 0)
        for arguments in [["--db", path, "stats", "--json"], ["--db=\(path)", "stats", "--json"]] {
            let stats = try Clientele.run(arguments, environment: scratch.environment)
            #expect(stats.status == 0, "\(arguments): \(stats.standardError)")
            let object =
                try JSONSerialization.jsonObject(with: Data(stats.standardOutput.utf8)) as? [String: Any]
            #expect(object?["path"] as? String == path)
        }
        let typo = try Clientele.run(["--db", path, "stast"], environment: scratch.environment)
        #expect(typo.status == 64)
        #expect(typo.standardOutput.isEmpty)
    }

    @Test("Bad --db paths give one clear sentence and a non-zero exit code, and create nothing")
    func badPaths() throws {
        let scratch = try Scratch()
        let textFile = scratch.file("kunden.csv")
        try Data("Name;Ort\nMüller;Köln\n".utf8).write(to: URL(fileURLWithPath: textFile))
        let cases: [([String], String)] = [
            (
                ["stats", "--db", "/nonexistent/folder/x.sqlite"],
                "there is no store at /nonexistent/folder/x.sqlite"
            ),
            (
                ["demo", "--db", "/nonexistent/folder/x.sqlite", "--customers", "5"],
                "the folder /nonexistent/folder does not exist"
            ),
            (["stats", "--db", scratch.path], "is a folder, not a store file"),
            (["stats", "--db", textFile], "is not an SQLite database"),
            (["demo", "--db", textFile, "--customers", "5"], "is not an SQLite database"),
        ]
        for (arguments, message) in cases {
            let result = try Clientele.run(arguments, environment: scratch.environment)
            #expect(result.status == 1, "\(arguments) exited \(result.status)")
            #expect(result.standardError.contains(message), "\(arguments): \(result.standardError)")
            let lines = result.standardError.split(separator: "\n")
            #expect(lines.count == 1, "\(arguments): expected one line, got \(result.standardError)")
            #expect(!result.standardError.contains("Fatal error"))
        }
        #expect(!FileManager.default.fileExists(atPath: "/nonexistent/folder"))
        #expect(try String(contentsOfFile: textFile, encoding: .utf8) == "Name;Ort\nMüller;Köln\n")
    }

    @Test("Usage mistakes are reported with the usage exit code")
    func usageMistakes() throws {
        for arguments in [
            ["demo", "--customers", "0"], ["demo", "--as-of", "31.12.2024"], ["stats", "--bogus"],
        ] {
            let result = try Clientele.run(arguments)
            #expect(result.status == 64, "\(arguments) exited \(result.status)")
            #expect(result.standardError.contains("Error:"))
        }
        // A word that is no command says so and lists the commands (not the dashboard's usage).
        let unknown = try Clientele.run(["bogus"])
        #expect(unknown.status == 64)
        #expect(
            unknown.standardError.hasPrefix(
                "Error: unknown command 'bogus'. Commands: dashboard, init, demo"),
            "\(unknown.standardError)")
        #expect(try Clientele.run(["help"]).status == 0)
    }

    @Test("demo refuses to overwrite a store with customers unless --replace")
    func demoRefusesToOverwrite() throws {
        let scratch = try Scratch()
        let path = scratch.file("real.sqlite")
        #expect(try Clientele.run(["demo", "--db", path, "--customers", "30", "--seed", "1"]).status == 0)
        let again = try Clientele.run(["demo", "--db", path, "--customers", "40"])
        #expect(again.status == 1)
        #expect(again.standardError.contains("already holds 30 customers; use --replace"))
        let replaced = try Clientele.run(["demo", "--db", path, "--customers", "40", "--replace"])
        #expect(replaced.status == 0)
        let stats = try Clientele.run(["stats", "--db", path, "--json"])
        #expect(stats.standardOutput.contains("\"customers\": 40"))
    }

    @Test("demo without --db writes demo.sqlite in the private data folder, never the real store")
    func demoDefaultLocation() throws {
        let scratch = try Scratch()
        let result = try Clientele.run(["demo", "--customers", "15"], environment: scratch.environment)
        #expect(result.status == 0, "\(result.standardError)")
        let demoPath = scratch.file("data/clientele/demo.sqlite")
        #expect(FileManager.default.fileExists(atPath: demoPath))
        #expect(!FileManager.default.fileExists(atPath: scratch.file("data/clientele/clientele.sqlite")))
        var info = stat()
        stat(scratch.file("data/clientele"), &info)
        #expect(info.st_mode & 0o777 == 0o700)
        stat(demoPath, &info)
        #expect(info.st_mode & 0o777 == 0o600)
    }

    @Test(
        "init creates an empty private store in the data folder, refuses an existing file, and import fills it"
    )
    func initThenImport() throws {
        let scratch = try Scratch()
        let missing = try Clientele.run(["stats"], environment: scratch.environment)
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("clientele init"), "\(missing.standardError)")

        let created = try Clientele.run(["init"], environment: scratch.environment)
        #expect(created.status == 0, "\(created.standardError)")
        let path = scratch.file("data/clientele/clientele.sqlite")
        #expect(created.standardOutput.contains("Created an empty store at \(path)"))
        var info = stat()
        stat(scratch.file("data/clientele"), &info)
        #expect(info.st_mode & 0o777 == 0o700)
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o600)
        let stats = try Clientele.run(["stats", "--json"], environment: scratch.environment)
        #expect(stats.status == 0, "\(stats.standardError)")
        #expect(stats.standardOutput.contains("\"customers\": 0"), "\(stats.standardOutput)")

        let again = try Clientele.run(["init"], environment: scratch.environment)
        #expect(again.status == 1)
        #expect(again.standardError.contains("there is already a file at \(path)"))

        let customers = scratch.file("kunden.csv")
        try Data("customer_id,name\nK-1,Jürgen Müller\nK-2,Anna Köhler\n".utf8).write(
            to: URL(fileURLWithPath: customers))
        let imported = try Clientele.run(
            ["import", "customers", customers], environment: scratch.environment)
        #expect(imported.status == 0, "\(imported.standardError)")
        let after = try Clientele.run(["stats", "--json"], environment: scratch.environment)
        #expect(after.standardOutput.contains("\"customers\": 2"), "\(after.standardOutput)")
    }

    @Test("Without a terminal the dashboard refuses in one sentence, exit code 2, no escape codes")
    func dashboardNeedsATerminal() throws {
        let scratch = try Scratch()
        for (term, message) in [
            ("xterm-256color", "the dashboard needs a terminal;"), ("dumb", "TERM is unset or dumb"),
            ("no-such-terminal", "does not know the terminal type \"no-such-terminal\""),
        ] {
            var environment = scratch.environment
            environment["TERM"] = term
            for arguments in [[], ["--demo"], ["dashboard"]] {
                let result = try Clientele.run(arguments, environment: environment)
                #expect(result.status == 2, "\(term) \(arguments)")
                #expect(result.standardError.contains(message), "\(term): \(result.standardError)")
                #expect(result.standardError.split(separator: "\n").count == 1)
                #expect(result.standardOutput.isEmpty)
                #expect(!result.standardError.contains("\u{1B}"))
            }
        }
        // Refusing comes first: no demo store was built for a pipe.
        #expect(!FileManager.default.fileExists(atPath: scratch.file("data/clientele/demo.sqlite")))
    }
}
