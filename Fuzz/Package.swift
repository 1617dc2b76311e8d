// swift-tools-version: 6.2
// libFuzzer targets for docproof: a separate package, so the main build is unaffected.
// Build and run them with `Fuzz/run.sh TARGET SECONDS` (see Fuzz/README.md).

import PackageDescription

let package = Package(
  name: "DocproofFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "docproof", path: ".."),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
  ],
  targets: [
    // `LLVMFuzzerTestOneInput` over `PageParser.parse(bytes:path:)` and `Page.dumpJSON()`.
    // libFuzzer brings `main`, so each target is compiled as a library (no top-level code).
    fuzzTarget("page-parser", "DocModel"),
    // `FrontMatterParser.parse(_:path:)`: libyaml and Yams under the front matter rules.
    fuzzTarget("front-matter", "DocModel"),
    // `Normalizer.normalize(_:)` and `placeholders(in:)`: idempotence and clean lines.
    fuzzTarget("normalization", "Transcripts"),
    // `ConnectionString.init(_:)`: errors with messages, round trips through `stringValue`.
    fuzzTarget("connection-string", "CommunicationIdentity"),
    // The emulator's gate (`RequestAdmission`, SPI): accepted requests are signed correctly.
    fuzzTarget(
      "emulator-auth", "IdentityEmulator",
      extra: [.product(name: "Crypto", package: "swift-crypto")]),
  ]
)

/// A libFuzzer target in `Sources/NAME`, over one library of the root package.
func fuzzTarget(
  _ name: String, _ library: String, extra: [Target.Dependency] = []
) -> Target {
  .executableTarget(
    name: name,
    dependencies: [.product(name: library, package: "docproof")] + extra,
    path: "Sources/\(name)",
    swiftSettings: [
      .swiftLanguageMode(.v6),
      .enableUpcomingFeature("ExistentialAny"),
      .unsafeFlags(["-parse-as-library"]),
    ]
  )
}
