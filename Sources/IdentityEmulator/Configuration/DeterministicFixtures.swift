/// The fixed values of deterministic mode.
///
/// These are test values, published in this source file: nothing they sign or authenticate
/// is secret.
enum DeterministicFixtures {
  /// The access key of the deterministic connection string: 64 bytes, 0x00 to 0x3F.
  static let accessKey: [UInt8] = Array(0..<64)

  /// The emulated resource's immutable id, which prefixes every identity id.
  static let resourceID = "00000000-0000-4000-8000-000000000000"

  /// The instant the fixed clock shows: 2023-10-18T15:35:25.8305618Z, so a token issued with
  /// the default lifetime expires at `2023-10-19T15:35:25.8305618+00:00`.
  static let clockTicks: Int64 = 1_697_643_325 * 10_000_000 + 8_305_618

  /// The RSA key (2048 bits) that signs tokens. PKCS #1 v1.5 signatures are deterministic,
  /// so the same claims always give the same token.
  static let signingKeyPEM = """
    -----BEGIN PRIVATE KEY-----
    MIIEvgIBADANBgkqhkiG9w0BAQEFAASCBKgwggSkAgEAAoIBAQCSCXzbCjAEl8AL
    ccL/8R79yh0/bCRhqYuDVTfpCO9Zu20cmJp9f9m5ZRbT0A+j9i3Rvx1bpxnah0ab
    yWoizqJGX/e7n+k78b/byvfPPDIDtjehDhbCGor+VZGqt88pcZVJcO8ior+dG6Hu
    /c0af0uOI8ZPYAUD4INmNrVr5VEZcJMXmd0YmZVnZ4/7zFFxf5o9yFs44b7TEpgR
    gJvnruiA6r/CL4Wd/C0PRCH74dvfIovaSP/WYLaMwgHmx7X/D0kefUcRBDLcyx9s
    lHhHfIiUV836LURIeaeFEXlhyee/yJ/j/zSzDDwbsRTaTmV/XVORTIRWa9zf1ShZ
    dLm7i7sTAgMBAAECggEAAk+OHzUpD1mLW2MAb+ZT1DY3gkJmzPjO0VQu30wZ5XSW
    xGYRw7ybKFjWJKHdLX3+uZvpjgK14QRU9LAaMtTMMorgM6LTIPSxUXwDsc7FB9QB
    S1YavBWJb37RID9qUsCOWSwlTIoAuC6wwERZ03qCKoycXbMqQSZzTdG9yyhEwT9F
    pAybMzGb3hI1A8n/o27u2//Q00GT/32A86BaoALyzsxV2lz3kP3+hkNg5cp9rGEp
    Y4jKAXBb/H5LDH4WIRVOO5oUuKbfryJn9EhZOUHFe8p6C832dzsIWtXvaD0yYMwk
    QTGiw42YJ0CJpsQzV/linrnU/AGClmL/cD/5ubeF0QKBgQDLgpkXXjxTSpPNn78S
    0mJldaDk0Kf6QWQO616ZlbVsktHJXZLJ3UC2wIUG+fLBu737bQDZnGQWaSvUvrEh
    b8M5vHhNQhAyWf48gqDyYiayeJckJYUpYub/ip9V+JBdHEU8Bg+i1GsqxpBjG367
    Vd0YWpsSVhV6hdskWoHVGUSTqQKBgQC3tAwREku3NME5GmHQaaZkMmMAI/23d+JE
    vCbiYl97/hvDnPEt0KPh4KsR1OiRp0KNyVGkz/3BQWNvXpy4zqJimXygQxSBX3nq
    4/OlGS2pSW6+f3xX0y6H6xGNxGqD+YqJTsfVtg4CEJNDkWyk7062IB3kF+ocRFrU
    iVaiDlgOWwKBgHYUvtNKQGJroTrr96fqHmGUUNizIOQZ0P6/HtKqhOwMfGEEREmQ
    cR4YspcLrAkw79jUtGuPTJucRmxYgNpPyMzVSFA7hr5QbS2a9dvti1p+kePNSWhs
    FHAtdKojYVBFOP7M3YGzEsNtFxYKPAxik7ivyc5n2GqRBEgho7eLw7iRAoGBALEv
    rGPa7cTr0WMumyHWhXMnVm4QSOvpagk6IZdBoy+JTWZDviyejTOU6+vrG9dBKORx
    RZpeMzdvxmTpMOjgBahsutQpX2HZoVJ6Q8r+mhgqh/KeLGTZgIwAo5HF3aclzgXa
    Qs1TJ/e93QzS+6OqXpU0LSCQIHLbS3Csdy8f/rb5AoGBAKCXiXP0Ghh0qY+ZlTgn
    tsqEwIV87T0RxAOxpPReSoN0h5FpdTAc6v1MipPd+lrQm9ZmLYK2H//cTEySDHOg
    5RaXemVXj/DuLLlG+2F6fXLKxCC2VEhw6awtIfJkfbRj17ybgWbF0v7UO1CCaJv3
    VaoNdBIMgvhsOFtonYPIdmZR
    -----END PRIVATE KEY-----
    """
}
