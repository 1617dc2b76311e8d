import DocModel
import Yams

/// A `zone-pivot-groups.yml` file: the pivot groups a locale's pages may name.
public struct PivotGroups: Sendable, Hashable {
  public struct Pivot: Sendable, Hashable {
    public var id: String
    public var title: String
    public var line: Int
  }

  public struct Group: Sendable, Hashable {
    public var id: String
    public var title: String
    public var prompt: String
    public var pivots: [Pivot]
    public var line: Int
  }

  /// The file, relative to the root.
  public var path: String
  /// The groups in file order (with duplicates, as written).
  public var groups: [Group]
  /// Problems in the file: not YAML, not the expected shape, duplicated ids.
  public var diagnostics: [Diagnostic]

  /// The first group with an id.
  public func group(_ id: String) -> Group? { groups.first { $0.id == id } }

  /// Reads the file's text; problems become findings, never errors.
  public static func parse(_ text: String, path: String) -> PivotGroups {
    var result = PivotGroups(path: path, groups: [], diagnostics: [])
    func invalid(_ line: Int, _ message: RuleMessage) {
      result.diagnostics.append(message.at(path, line: line))
    }
    let node: Node
    do {
      guard let composed = try Yams.compose(yaml: text) else {
        invalid(1, ZonePivotGroupsInvalid.empty)
        return result
      }
      node = composed
    } catch let YamlError.duplicatedKeysInMapping(duplicates, context) {
      invalid(context.mark.line, ZonePivotGroupsInvalid.repeatedKeys(duplicates))
      return result
    } catch let YamlError.scanner(_, problem, mark, _), let YamlError.parser(_, problem, mark, _),
      let YamlError.composer(_, problem, mark, _)
    {
      invalid(mark.line, ZonePivotGroupsInvalid.notYAML(problem))
      return result
    } catch {
      invalid(1, ZonePivotGroupsInvalid.notYAML("\(error)"))
      return result
    }
    guard case .mapping(let top) = node else {
      invalid(node.mark?.line ?? 1, ZonePivotGroupsInvalid.notAMapping)
      return result
    }
    guard let groupsNode = top["groups"], case .sequence(let groupList) = groupsNode else {
      invalid(node.mark?.line ?? 1, ZonePivotGroupsInvalid.noGroupsList)
      return result
    }
    var seenGroups: [String: Int] = [:]
    for groupNode in groupList {
      let line = groupNode.mark?.line ?? 1
      guard case .mapping(let fields) = groupNode, let id = fields["id"]?.string, !id.isEmpty
      else {
        invalid(line, ZonePivotGroupsInvalid.groupWithoutID)
        continue
      }
      var group = Group(
        id: id, title: fields["title"]?.string ?? "", prompt: fields["prompt"]?.string ?? "",
        pivots: [], line: line)
      if let first = seenGroups[id] {
        result.diagnostics.append(
          DuplicatePivotGroups.definedAgain(id, firstLine: first).at(path, line: line))
      } else {
        seenGroups[id] = line
      }
      var seenPivots: [String: Int] = [:]
      if let pivotsNode = fields["pivots"], case .sequence(let pivotList) = pivotsNode {
        for pivotNode in pivotList {
          let pivotLine = pivotNode.mark?.line ?? line
          guard case .mapping(let pivotFields) = pivotNode, let pivotId = pivotFields["id"]?.string,
            !pivotId.isEmpty
          else {
            invalid(pivotLine, ZonePivotGroupsInvalid.pivotWithoutID(group: id))
            continue
          }
          if let first = seenPivots[pivotId] {
            result.diagnostics.append(
              DuplicatePivotIds.appearsTwice(pivotId, group: id, firstLine: first).at(
                path, line: pivotLine))
          } else {
            seenPivots[pivotId] = pivotLine
          }
          group.pivots.append(
            Pivot(id: pivotId, title: pivotFields["title"]?.string ?? "", line: pivotLine))
        }
      } else {
        invalid(line, ZonePivotGroupsInvalid.noPivotsList(group: id))
      }
      result.groups.append(group)
    }
    return result
  }
}
