import DocModel

/// In-page silencing of findings with HTML comments:
///
/// - `<!-- docproof-disable-next-line RULE [RULE...] -->`: the line after the comment;
/// - `<!-- docproof-disable RULE -->` ... `<!-- docproof-enable RULE -->`: the lines between
///   (to the end of the file when never enabled again).
///
/// Without a rule id, a comment applies to every rule.
struct Suppressions {
  private struct Range {
    var rules: Set<RuleID>?
    var first: Int
    var last: Int
  }

  private var ranges: [String: [Range]] = [:]

  /// The suppressions of the files at `paths` (those with findings: the comments of the
  /// others never matter).
  init(files: [String: Page], paths: some Sequence<String>) {
    for path in Set(paths) {
      guard let page = files[path] else { continue }
      var list: [Range] = []
      var open: [(rules: Set<RuleID>?, line: Int)] = []
      for comment in page.comments {
        let words = comment.text.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "\n" })
        guard let directive = words.first else { continue }
        let ids = words.dropFirst().map { RuleID(String($0)) }
        let rules: Set<RuleID>? = ids.isEmpty ? nil : Set(ids)
        switch directive {
        case "docproof-disable-next-line":
          list.append(Range(rules: rules, first: comment.endLine + 1, last: comment.endLine + 1))
        case "docproof-disable":
          open.append((rules, comment.endLine + 1))
        case "docproof-enable":
          var remaining: [(rules: Set<RuleID>?, line: Int)] = []
          for region in open {
            if rules == nil || region.rules == rules {
              list.append(Range(rules: region.rules, first: region.line, last: comment.line))
            } else if let enabled = rules, var disabled = region.rules {
              // Re-enable only the named rules; the others stay off.
              list.append(
                Range(rules: disabled.intersection(enabled), first: region.line, last: comment.line)
              )
              disabled.subtract(enabled)
              if !disabled.isEmpty { remaining.append((disabled, comment.line)) }
            } else {
              remaining.append(region)
            }
          }
          open = remaining
        default:
          continue
        }
      }
      for region in open {
        list.append(Range(rules: region.rules, first: region.line, last: Int.max))
      }
      if !list.isEmpty { ranges[path] = list }
    }
  }

  /// Whether a finding is silenced by a comment in its file.
  func silences(_ diagnostic: Diagnostic) -> Bool {
    guard let list = ranges[diagnostic.path] else { return false }
    return list.contains { range in
      (range.first...range.last).contains(diagnostic.line)
        && (range.rules?.contains(diagnostic.rule) ?? true)
    }
  }
}
