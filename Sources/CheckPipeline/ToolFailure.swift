/// A failure that stops the tool: printed as one line on stderr, exit status 2.
public struct ToolFailure: Error, CustomStringConvertible, Sendable {
  public var description: String
  public init(_ description: String) { self.description = description }
}
