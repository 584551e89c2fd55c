// swift-tools-version:6.1
// Clientele: a terminal customer-retention dashboard over a local SQLite store.
// Dependencies point one way (see docs/ARCHITECTURE.md):
//   Scoring <- CustomerStore <- DemoData
//   Scoring <- Dashboard <- Terminal
//   clientele (the executable) sees everything.
import PackageDescription

let grdb = Target.Dependency.product(name: "GRDB", package: "GRDB.swift")
let grdbSQLite = Target.Dependency.product(name: "GRDBSQLite", package: "GRDB.swift")
let argumentParser = Target.Dependency.product(name: "ArgumentParser", package: "swift-argument-parser")

let package = Package(
    name: "Clientele",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "clientele", targets: ["clientele"])
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // The model: pure Swift, Foundation only, no I/O, no clock, no randomness.
        .target(name: "Scoring"),
        // The SQLite store: schema, migrations, named queries and writes. The only SQL.
        .target(name: "CustomerStore", dependencies: ["Scoring", "CSQLiteTuning", grdb, grdbSQLite]),
        // The one SQLite setting Swift cannot make (a variadic C call), for the store alone.
        .target(name: "CSQLiteTuning", linkerSettings: [.linkedLibrary("sqlite3")]),
        // Deterministic synthetic customer books for demos, tests and benchmarks.
        .target(name: "DemoData", dependencies: ["CustomerStore"]),
        // The UI as pure logic: state, messages, update, views into a cell buffer.
        .target(name: "Dashboard", dependencies: ["Scoring"]),
        // ncurses, and nothing else: the only code that talks to the terminal.
        .systemLibrary(name: "CNCursesW", path: "Sources/CNCursesW"),
        .target(name: "Terminal", dependencies: ["Dashboard", "CNCursesW"]),
        // The executable: command line, and the loop wiring store, model, UI and terminal.
        .executableTarget(
            name: "clientele",
            dependencies: ["Scoring", "CustomerStore", "DemoData", "Dashboard", "Terminal", argumentParser]
        ),

        .testTarget(name: "ScoringTests", dependencies: ["Scoring"], exclude: ["Fixtures"]),
        .testTarget(name: "CustomerStoreTests", dependencies: ["CustomerStore", grdb]),
        .testTarget(name: "DemoDataTests", dependencies: ["DemoData", "CustomerStore", grdb]),
        .testTarget(name: "DashboardTests", dependencies: ["Dashboard"]),
        // A small full-screen program that exercises the backend alone, for TerminalTests in tmux.
        .executableTarget(
            name: "termdemo", dependencies: ["Dashboard", "Terminal"], path: "Tests/TerminalFixture"),
        // Drives real programs in a private tmux server (posix_spawn, polling with deadlines);
        // shared by the backend's and the application's end-to-end tests.
        .target(name: "TmuxTesting", path: "Tests/TmuxTesting"),
        .testTarget(name: "TerminalTests", dependencies: ["Terminal", "Dashboard", "TmuxTesting"]),
        // End-to-end: runs the real `clientele` binary against real store files.
        .testTarget(name: "ClienteleTests", dependencies: ["CustomerStore", "Scoring", "TmuxTesting", grdb]),
    ],
    swiftLanguageModes: [.v6]
)
