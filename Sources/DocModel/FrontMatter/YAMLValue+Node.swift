import Yams

extension YAMLValue {
  /// A Yams node as a value, typed as front matter's values are; aliases that would expand
  /// past `FrontMatterParser.maximumValues` values make it null.
  public init(_ node: Node) {
    var budget = FrontMatterParser.maximumValues
    self = (try? FrontMatterParser.convert(node, budget: &budget)) ?? .null
  }
}
