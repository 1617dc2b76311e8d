// swift-tools-version: 6.2
// The package manifest: see ARCHITECTURE.md for the map of targets and data flow.

import PackageDescription

let strict: [SwiftSetting] = [
  .swiftLanguageMode(.v6),
  .enableUpcomingFeature("ExistentialAny"),
]

// Linux only: docproof relies on /proc, prctl(2) and Glibc (the CI and the README's set-up
// are Debian's), so it declares no other platform.
let package = Package(
  name: "docproof",
  products: [
    .executable(name: "docproof", targets: ["docproof"]),
    .library(name: "DocModel", targets: ["DocModel"]),
    .library(name: "DocSite", targets: ["DocSite"]),
    .library(name: "Checks", targets: ["Checks"]),
    .library(name: "Reporting", targets: ["Reporting"]),
    .library(name: "Transcripts", targets: ["Transcripts"]),
    .library(name: "Localization", targets: ["Localization"]),
    .library(name: "CheckPipeline", targets: ["CheckPipeline"]),
    .library(name: "CommunicationIdentity", targets: ["CommunicationIdentity"]),
    .library(name: "IdentityEmulator", targets: ["IdentityEmulator"]),
    .executable(name: "access-tokens-quickstart", targets: ["access-tokens-quickstart"]),
    .executable(name: "sign-request-quickstart", targets: ["sign-request-quickstart"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.1"),
    .package(url: "https://github.com/apple/swift-system", from: "1.8.1"),
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
      dependencies: [
        "CCmarkGFM", "CCmarkInlineChars", "CLibXML2", "Yams",
        .product(name: "Algorithms", package: "swift-algorithms"),
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strict
    ),

    // A tree in, a `Site` out: configuration, locales, pivot groups, include graph.
    .target(
      name: "DocSite",
      dependencies: [
        "DocModel", "Yams", .product(name: "Algorithms", package: "swift-algorithms"),
        .product(name: "SystemPackage", package: "swift-system"),
      ],
      swiftSettings: strict
    ),

    // Runs programs and git: process groups, timeouts, bounded output, no orphans.
    .target(
      name: "ProcessRunner",
      dependencies: [
        "CProcessControl",
        .product(name: "Subprocess", package: "swift-subprocess"),
        .product(name: "SystemPackage", package: "swift-system"),
      ],
      swiftSettings: strict
    ),

    // Checks external URLs over HTTP, with a cache and per-host politeness.
    .target(
      name: "ExternalLinks",
      dependencies: [
        "DocSite",
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOHTTP1", package: "swift-nio"),
      ],
      swiftSettings: strict
    ),

    // The structural rules over a site, one per file.
    .target(
      name: "Checks",
      dependencies: ["DocModel", "DocSite", "ExternalLinks"],
      swiftSettings: strict
    ),

    // One reporter per output format: text, JSON, JUnit (libxml2), SARIF, GitHub.
    .target(
      name: "Reporting",
      dependencies: [
        "DocModel", "DocSite", "CLibXML2",
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strict
    ),

    // Transcripts: discovery, scenarios against the emulator, golden files, matching,
    // the docs' own programs, snippets and fixes.
    .target(
      name: "Transcripts",
      dependencies: [
        "DocModel", "DocSite", "IdentityEmulator", "ProcessRunner",
        .product(name: "Algorithms", package: "swift-algorithms"),
        .product(name: "Subprocess", package: "swift-subprocess"),
      ],
      swiftSettings: strict
    ),

    // Localized copies against their source: mapping, staleness, structural parity,
    // the text table and the HTML dashboard.
    .target(
      name: "Localization",
      dependencies: [
        "DocModel", "DocSite", "ProcessRunner",
        .product(name: "Crypto", package: "swift-crypto"),
      ],
      swiftSettings: strict
    ),

    // `check --changed-since`: what the files changed since a git commit can affect.
    .target(
      name: "Incremental",
      dependencies: [
        "DocModel", "DocSite", "ProcessRunner",
        .product(name: "Algorithms", package: "swift-algorithms"),
      ],
      swiftSettings: strict
    ),

    // A deterministic DocFX-like tree of N pages and the findings it must give, for
    // benchmarks and scale tests (`docproof generate-corpus`).
    .target(
      name: "CorpusGenerator",
      dependencies: ["DocModel"],
      swiftSettings: strict
    ),

    // `docproof check` as a library: options in, outcome out. Every stage (rules,
    // transcripts, programs, translations, snippets), --fix, and the one registry of rules.
    .target(
      name: "CheckPipeline",
      dependencies: [
        "DocModel", "DocSite", "Checks", "Transcripts", "Localization", "Incremental",
        "Reporting",
      ],
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
        "CheckPipeline", "CorpusGenerator", "IdentityEmulator", "Incremental", "ProcessRunner",
        "CJemalloc",
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
        "Checks", "CheckPipeline", "DocSite", "DocModel", "ExternalLinks", "TestSupport",
        .product(name: "Hummingbird", package: "hummingbird"),
        .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        .product(name: "Logging", package: "swift-log"),
      ],
      swiftSettings: strict
    ),
    .testTarget(
      name: "ReportingTests",
      dependencies: ["Reporting", "CheckPipeline", "DocModel", "TestSupport"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "TranscriptsTests",
      dependencies: [
        "Transcripts", "CheckPipeline", "Checks", "DocModel", "DocSite", "TestSupport",
      ],
      swiftSettings: strict
    ),
    .testTarget(
      name: "LocalizationTests",
      dependencies: [
        "Localization", "CheckPipeline", "DocModel", "DocSite", "Transcripts", "TestSupport",
      ],
      swiftSettings: strict
    ),
    .testTarget(
      name: "IncrementalTests",
      dependencies: [
        "Incremental", "CheckPipeline", "Checks", "CorpusGenerator", "DocModel", "DocSite",
        "Localization", "Transcripts", "TestSupport",
      ],
      swiftSettings: strict
    ),
    .testTarget(
      name: "ProcessRunnerTests",
      dependencies: ["ProcessRunner", "TestSupport"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "CheckPipelineTests",
      dependencies: ["CheckPipeline", "DocModel", "TestSupport"],
      swiftSettings: strict
    ),
    .testTarget(
      name: "EndToEndTests",
      dependencies: ["TestSupport"],
      swiftSettings: strict
    ),
  ]
)
