// swift-tools-version: 6.2
// The Identity load check: a separate package, so the main build stays small.

import PackageDescription

let package = Package(
  name: "IdentityLoad",
  platforms: [.macOS(.v15)],
  dependencies: [
    .package(name: "docproof", path: "../.."),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/vapor/jwt-kit", from: "5.8.0"),
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
      swiftSettings: [.swiftLanguageMode(.v6), .enableUpcomingFeature("ExistentialAny")]
    )
  ]
)
