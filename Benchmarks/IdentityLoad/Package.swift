// swift-tools-version: 6.2
// The Identity load check and soak: a separate package, so the main build stays small.

import PackageDescription

let settings: [SwiftSetting] = [
  .swiftLanguageMode(.v6), .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
  name: "IdentityLoad",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "docproof", path: "../.."),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
    .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
    .package(url: "https://github.com/apple/swift-nio", from: "2.101.3"),
    .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
    .package(url: "https://github.com/swiftlang/swift-subprocess", from: "1.0.2"),
  ],
  targets: [
    .executableTarget(
      name: "identity-load",
      dependencies: [
        .product(name: "CommunicationIdentity", package: "docproof"),
        .product(name: "IdentityEmulator", package: "docproof"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "JWTKit", package: "jwt-kit"),
      ],
      path: "Sources/IdentityLoad",
      swiftSettings: settings
    ),
    // `identity-soak`: a `docproof emulator` process under 200 connections of mixed and
    // adversarial requests; consistency, status codes and memory checked (see README.md).
    .executableTarget(
      name: "identity-soak",
      dependencies: [
        .product(name: "CommunicationIdentity", package: "docproof"),
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
        .product(name: "AsyncHTTPClient", package: "async-http-client"),
        .product(name: "NIOCore", package: "swift-nio"),
        .product(name: "NIOPosix", package: "swift-nio"),
        .product(name: "NIOSSL", package: "swift-nio-ssl"),
        .product(name: "Subprocess", package: "swift-subprocess"),
      ],
      path: "Sources/IdentitySoak",
      swiftSettings: settings
    ),
  ]
)
