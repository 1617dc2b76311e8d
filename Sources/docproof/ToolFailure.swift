/// A failure that stops the tool: printed as one line on stderr, exit status 2.
struct ToolFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}
