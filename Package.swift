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
    .library(name: "DocSite", targets: ["DocSite"]),
    .library(name: "Checks", targets: ["Checks"]),
    .library(name: "Reporting", targets: ["Reporting"]),
    .library(name: "Transcripts", targets: ["Transcripts"]),
    .library(name: "Localization", targets: ["Localization"]),
    .library(name: "CommunicationIdentity", targets: ["CommunicationIdentity"]),
    .library(name: "IdentityEmulator", targets: ["IdentityEmulator"]),
    .executable(name: "access-tokens-quickstart", targets: ["access-tokens-quickstart"]),
    .executable(name: "sign-request-quickstart", targets: ["sign-request-quickstart"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    // Identity: client, emulator and reference implementation.
    .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
    .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
    .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
    .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
    .package(url: "https://github.com/apple/swift-http-types", from: "1.8.0"),
    .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
    .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
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
    // The executable's allocator (see its shim.h).
    .systemLibrary(
      name: "CJemalloc",
      pkgConfig: "jemalloc",
      providers: [.apt(["libjemalloc-dev"])]
    ),

    // Lets cmark-gfm parsers finish on several threads at once (see its inline_chars.c).
    .target(name: "CCmarkInlineChars"),

    // The one process-control call Swift's Glibc module lacks (prctl: child subreaper).
    .target(name: "CProcessControl"),

    // One file in, one `Page` out.
    .target(
      name: "DocModel",
      dependencies: ["CCmarkGFM", "CCmarkInlineChars", "CLibXML2", "Yams"],
      swiftSettings: strict
    ),

    // A tree in, a `Site` out: configuration, locales, pivot groups, include graph.
    .target(
      name: "DocSite",
      dependencies: ["DocModel", "Yams"],
      swiftSettings: strict
    ),

    // Rules over a site, one per file, and the check pipeline.
    .target(
      name: "Checks",
      dependencies: [
        "DocModel", "DocSite",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ],
      swiftSettings: strict
    ),

    // One reporter per output format: text, JSON, JUnit (libxml2), SARIF, GitHub.
    .target(
      name: "Reporting",
      dependencies: [
        "DocModel", "DocSite", "Checks", "CLibXML2",
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strict
    ),

    // Transcripts: normalization, matching, diffs (scenarios and golden files to come).
    .target(
      name: "Transcripts",
      dependencies: [
        "DocModel", "DocSite", "Checks", "IdentityEmulator", "CProcessControl",
        .product(name: "Subprocess", package: "swift-subprocess"),
      ],
      swiftSettings: strict
    ),

    // Localized copies against their source: mapping, staleness, structural parity,
    // the text table and the HTML dashboard.
    .target(
      name: "Localization",
      dependencies: [
        "DocModel", "DocSite", "Checks", "Transcripts",
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strict
    ),

    // `check --changed-since`: what the files changed since a git commit can affect.
    .target(
      name: "Incremental",
      dependencies: ["DocModel", "DocSite", "Transcripts"],
      swiftSettings: strict
    ),

    // A deterministic DocFX-like tree of N pages and the findings it must give, for
    // benchmarks and scale tests (`docproof generate-corpus`).
    .target(
      name: "CorpusGenerator",
      dependencies: ["Localization"],
      swiftSettings: strict
    ),

    // A client of the Azure Communication Services Identity REST API.
    .target(
      name: "CommunicationIdentity",
      dependencies: [
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
      ],
      swiftSettings: strict
    ),

    // A Hummingbird 2 server that implements the Identity REST API, with TLS.
    .target(
      name: "IdentityEmulator",
      dependencies: [
        "CommunicationIdentity",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "HummingbirdCore", package: "hummingbird"),
        .product(name: "HummingbirdTLS", package: "hummingbird"),
        .product(name: "JWTKit", package: "jwt-kit"),
        .product(name: "X509", package: "swift-certificates"),
        .product(name: "SwiftASN1", package: "swift-asn1"),
        .product(name: "Crypto", package: "swift-crypto"),
        .product(name: "CryptoExtras", package: "swift-crypto"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
        .product(name: "NIOHTTPTypesHTTP1", package: "swift-nio-extras"),
        .product(name: "HTTPTypes", package: "swift-http-types"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strict
    ),

    // The Swift reference implementation of the access tokens quickstart.
    .executableTarget(
      name: "access-tokens-quickstart",
      dependencies: ["CommunicationIdentity"],
      swiftSettings: strict
    ),
    // The reference implementation of the request-signing quickstart: Foundation and
    // swift-crypto's HMAC, no client library.
    .executableTarget(
      name: "sign-request-quickstart",
      dependencies: [.product(name: "Crypto", package: "swift-crypto")],
      swiftSettings: strict
    ),

    // The thin command-line front end.
    .executableTarget(
      name: "docproof",
      dependencies: [
        "DocModel", "DocSite", "Checks", "Reporting", "Transcripts", "Localization",
        "CorpusGenerator", "IdentityEmulator", "Incremental", "CJemalloc",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ],
      swiftSettings: strict
    ),

    // Helpers shared by the test targets: fixtures, golden files, running the binary.
    .target(
      name: "TestSupport",
      dependencies: ["CLibXML2", .product(name: "Subprocess", package: "swift-subprocess")],
      path: "Tests/TestSupport",
      swiftSettings: strict
    ),
    .testTarget(
      name: "DocModelTests",
      dependencies: ["DocModel", "TestSupport", "Yams"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "CommunicationIdentityTests",
      dependencies: ["CommunicationIdentity"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "IdentityEmulatorTests",
      dependencies: [
        "IdentityEmulator",
        "CommunicationIdentity",
        .product(name: "JWTKit", package: "jwt-kit"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "Subprocess", package: "swift-subprocess"),
      ],
      swiftSettings: strict
    ),
    .testTarget(
      name: "DocSiteTests",
      dependencies: ["DocSite", "DocModel", "TestSupport"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "ChecksTests",
      dependencies: [
        "Checks", "DocSite", "DocModel", "TestSupport",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strict
    ),
    .testTarget(
      name: "ReportingTests",
      dependencies: ["Reporting", "Checks", "DocModel", "TestSupport"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "TranscriptsTests",
      dependencies: ["Transcripts", "Checks", "DocModel", "DocSite", "TestSupport"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "LocalizationTests",
      dependencies: ["Localization", "Checks", "DocModel", "DocSite", "TestSupport"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "IncrementalTests",
      dependencies: [
        "Incremental", "Checks", "CorpusGenerator", "DocModel", "DocSite", "Localization",
        "TestSupport",
      ],
      swiftSettings: strict
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["TestSupport"],
      swiftSettings: strict
    ),
  ]
)
