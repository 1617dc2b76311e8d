/// Orders names as people read them: runs of digits by their value (`page-2` before
/// `page-10`), the rest by their characters.
public enum NaturalOrder {
  public static func less(_ left: String, _ right: String) -> Bool {
    var a = Array(left.unicodeScalars)[...]
    var b = Array(right.unicodeScalars)[...]
    while let x = a.first, let y = b.first {
      if x.properties.numericType == .decimal, y.properties.numericType == .decimal,
        x.isASCII, y.isASCII
      {
        let digitsA = a.prefix { $0.isASCII && $0.properties.numericType == .decimal }
        let digitsB = b.prefix { $0.isASCII && $0.properties.numericType == .decimal }
        let trimmedA = digitsA.drop { $0 == "0" }
        let trimmedB = digitsB.drop { $0 == "0" }
        if trimmedA.count != trimmedB.count { return trimmedA.count < trimmedB.count }
        if !trimmedA.elementsEqual(trimmedB) { return trimmedA.lexicographicallyPrecedes(trimmedB) }
        // Equal values: fewer leading zeros first, then go on.
        if digitsA.count != digitsB.count { return digitsA.count < digitsB.count }
        a = a.dropFirst(digitsA.count)
        b = b.dropFirst(digitsB.count)
        continue
      }
      if x != y { return x.value < y.value }
      a = a.dropFirst()
      b = b.dropFirst()
    }
    return a.isEmpty && !b.isEmpty
  }
}
