// swift-tools-version: 6.2
// The package manifest: see ARCHITECTURE.md for the map of targets and data flow.

import PackageDescription

let strict: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
  name: "docproof",
  platforms: [.macOS(.v15)],
  products: [
    .executable(name: "docproof", targets: ["docproof"]),
    .library(name: "DocModel", targets: ["DocModel"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
  ],
  targets: [
    // System libraries, found through pkg-config (Debian: libcmark-gfm-dev,
    // libcmark-gfm-extensions-dev, libxml2-dev).
    .systemLibrary(
      name: "CCmarkGFM",
      pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
    ),
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),

    // One file in, one `Page` out.
    .target(
      name: "DocModel",
      dependencies: ["CCmarkGFM", "CLibXML2", "Yams"],
      swiftSettings: strict
    ),

    // The thin command-line front end.
    .executableTarget(
      name: "docproof",
      dependencies: [
        "DocModel",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict
    ),

    // Helpers shared by the test targets: fixtures, golden files, running the binary.
    .target(
      name: "TestSupport",
      dependencies: [.product(name: "Subprocess", package: "swift-subprocess")],
      path: "Tests/TestSupport",
      swiftSettings: strict
    ),
    .testTarget(
      name: "DocModelTests",
      dependencies: ["DocModel", "TestSupport"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["TestSupport"],
      swiftSettings: strict
    ),
  ]
)
