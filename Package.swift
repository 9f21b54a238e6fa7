// swift-tools-version:6.0
// pnote: a linter and language server for Dutch prevention policy notes.
// No third-party packages: Foundation, Dispatch, XCTest and Swift Testing only.
import PackageDescription

// Release builds let each module inline the others' small functions (field and block
// accessors are read by every rule, across the model/rules boundary): 4.8% fewer
// instructions for `pnote check`. An unsafe flag only because SwiftPM lists every
// compiler flag it does not model as one; it changes no behaviour (README, Architecture).
let optimized: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

// The release `pnote` on Linux carries the Swift runtime and Foundation inside it
// (`-static-stdlib`): it runs on a machine without the Swift toolchain, starts in half the
// time, and calls the runtime (every retain and release) directly rather than through the
// shared libraries' tables: 5-7% less time for a large check. Cost: a 79 MB binary (ICU's
// data is most of it). The libraries Foundation needs are named here because only
// `--static-swift-stdlib` on the command line would name them; lld (shipped with the
// toolchain) links them in any order, without gold's warning about Foundation's `mktemp`.
let selfContained: [LinkerSetting] = [
    .unsafeFlags(["-static-stdlib", "-use-ld=lld", "-lswiftSynchronization", "-lCoreFoundation", "-l_FoundationICU",
                  "-l_FoundationCShims", "-l_FoundationCollections"], .when(platforms: [.linux], configuration: .release)),
]

let package = Package(
    name: "pnote",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "pnote", targets: ["pnote"]),
        .library(name: "PnoteRules", targets: ["PnoteRules"]),
    ],
    targets: [
        // Layer 1: text → lossless, line-oriented syntax tree. Never fails.
        .target(name: "PnoteSyntax", swiftSettings: optimized),
        // Layer 2: typed values, resolved blocks and references, domain data.
        .target(name: "PnoteModel", dependencies: ["PnoteSyntax"],
                resources: [.copy("Data")], swiftSettings: optimized),
        // Layer 3: rules, pure functions from the model to diagnostics.
        .target(name: "PnoteRules", dependencies: ["PnoteModel", "PnoteJSON"],
                exclude: ["RULES.md", "RULES.nl.md"], swiftSettings: optimized),
        // A small JSON value with an ordered writer; shared by outputs and the server.
        .target(name: "PnoteJSON", swiftSettings: optimized),
        // Layer 4: renderers (text, JSON).
        .target(name: "PnoteOutput", dependencies: ["PnoteRules", "PnoteJSON"], swiftSettings: optimized),
        // File system helpers shared by the CLI and the server: finding notes, the nearest
        // pnote.json, atomic writes.
        .target(name: "PnoteFiles", dependencies: ["PnoteRules"], swiftSettings: optimized),
        // Layer 4: the language server (JSON-RPC framing, typed LSP messages, documents).
        .target(name: "PnoteServer", dependencies: ["PnoteOutput", "PnoteRules", "PnoteJSON", "PnoteFiles"], swiftSettings: optimized),
        // Layer 5: command line (arguments, file IO, exit codes).
        .target(name: "PnoteCLI", dependencies: ["PnoteOutput", "PnoteServer", "PnoteFiles"], swiftSettings: optimized),
        .executableTarget(name: "pnote", dependencies: ["PnoteCLI"], linkerSettings: selfContained),
        .executableTarget(name: "pnote-bench", dependencies: ["PnoteCLI", "PnoteServer", "PnoteFiles"]),
        // Fuzz targets (libFuzzer with -DPNOTE_FUZZING; otherwise reproducers over files).
        .executableTarget(name: "pnote-fuzz-note", dependencies: ["PnoteRules", "PnoteOutput"]),
        .executableTarget(name: "pnote-fuzz-protocol", dependencies: ["PnoteServer", "PnoteJSON"]),

        .testTarget(name: "PnoteSyntaxTests", dependencies: ["PnoteSyntax", "PnoteTestSupport"]),
        .testTarget(name: "PnoteModelTests", dependencies: ["PnoteModel", "PnoteTestSupport"]),
        .testTarget(name: "PnoteRulesTests", dependencies: ["PnoteRules", "PnoteTestSupport"]),
        .testTarget(name: "PnoteOutputTests", dependencies: ["PnoteOutput", "PnoteTestSupport"]),
        .testTarget(name: "PnoteServerTests", dependencies: ["PnoteServer", "PnoteTestSupport"]),
        .testTarget(name: "PnoteCLITests", dependencies: ["PnoteCLI", "pnote-fuzz-note", "pnote-fuzz-protocol", "PnoteTestSupport"]),
        // Proofs in real editors and highlighters; each skips when its tool is absent.
        .testTarget(name: "PnoteEditorTests", dependencies: ["PnoteTestSupport"]),
        // Scratch folders for the tests above, removed when the test process exits, and
        // the seeded random source of their differential tests.
        .target(name: "PnoteTestSupport", path: "Tests/PnoteTestSupport"),
    ]
)
