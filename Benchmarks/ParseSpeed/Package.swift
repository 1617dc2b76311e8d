// swift-tools-version: 6.2
// The parse-speed benchmark: a separate package, so the main build stays small.
// Run it with `Benchmarks/run-parse.sh` (a release build); see README.md.

import PackageDescription

let package = Package(
  name: "ParseSpeed",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "docproof", path: "../..")
  ],
  targets: [
    .executableTarget(
      name: "parse-speed",
      dependencies: [.product(name: "DocModel", package: "docproof")],
      path: "Sources/parse-speed",
      swiftSettings: [.swiftLanguageMode(.v6), .enableUpcomingFeature("ExistentialAny")]
    )
  ]
)
