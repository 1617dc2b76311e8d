/// DocFX's moniker range expressions (`>=netcore-3.0 || azure-cli-lts`).
public enum MonikerRange {
  /// The moniker names a range expression names, in order: `||` separates alternatives,
  /// spaces separate conditions, `<`, `<=`, `>`, `>=` and `=` compare.
  public static func names(_ expression: String) -> [String] {
    expression.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "|" }).compactMap { token in
      let name = token.drop { "<>=".contains($0) }
      return name.isEmpty ? nil : String(name)
    }
  }
}
