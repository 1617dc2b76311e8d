import DocModel
import Testing

/// The stable hash is FNV-1a's 64-bit variant: its published test vectors.
@Suite struct StableHashTests {
  @Test func fnv1aTestVectors() {
    #expect(StableHash.fnv1a("".utf8) == 0xcbf2_9ce4_8422_2325)
    #expect(StableHash.fnv1a("a".utf8) == 0xaf63_dc4c_8601_ec8c)
    #expect(StableHash.fnv1a("foobar".utf8) == 0x8594_4171_f739_67e8)
    // Hashing in two pieces is hashing the whole.
    #expect(
      StableHash.fnv1a("bar".utf8, from: StableHash.fnv1a("foo".utf8))
        == StableHash.fnv1a("foobar".utf8))
  }

  @Test func keysJoinTheirPartsByNewlines() {
    #expect(StableHash.key(["a", "b"]) == String(StableHash.fnv1a("a\nb".utf8), radix: 16))
    #expect(StableHash.key(["a", "b"]) != StableHash.key(["ab"]))
  }
}
