// swift-tools-version: 6.2
// libFuzzer targets for docproof: a separate package, so the main build is unaffected.
// Build and run them with `Fuzz/run.sh TARGET SECONDS` (see Fuzz/README.md).

import PackageDescription

let package = Package(
  name: "DocproofFuzz",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "docproof", path: "..")
  ],
  targets: [
    // `LLVMFuzzerTestOneInput` over `PageParser.parse(bytes:path:)` and `Page.dumpJSON()`.
    // libFuzzer brings `main`, so the target is compiled as a library (no top-level code).
    .executableTarget(
      name: "page-parser",
      dependencies: [.product(name: "DocModel", package: "docproof")],
      path: "Sources/page-parser",
      swiftSettings: [
        .swiftLanguageMode(.v6),
        .enableUpcomingFeature("ExistentialAny"),
        .unsafeFlags(["-parse-as-library"]),
      ]
    )
  ]
)
