import Testing
import Transcripts

/// Jaro and Jaro-Winkler as smetrics computes them (Innovation Engine's comparison).
@Suite struct SimilarityTests {
  func jaro(_ a: String, _ b: String) -> Double { Similarity.jaro(Array(a.utf8), Array(b.utf8)) }
  func winkler(_ a: String, _ b: String) -> Double {
    Similarity.jaroWinkler(Array(a.utf8), Array(b.utf8))
  }

  @Test func textbookValues() {
    #expect(abs(jaro("MARTHA", "MARHTA") - 0.944444) < 1e-5)
    #expect(abs(winkler("MARTHA", "MARHTA") - 0.961111) < 1e-5)
    #expect(abs(jaro("DWAYNE", "DUANE") - 0.822222) < 1e-5)
    #expect(abs(winkler("DWAYNE", "DUANE") - 0.84) < 1e-5)
    #expect(abs(jaro("DIXON", "DICKSONX") - 0.766667) < 1e-5)
    #expect(abs(winkler("DIXON", "DICKSONX") - 0.813333) < 1e-5)
  }

  @Test func edges() {
    #expect(jaro("", "") == 1)
    #expect(jaro("", "a") == 0 && jaro("a", "") == 0)
    #expect(jaro("abc", "xyz") == 0)
    #expect(winkler("same", "same") == 1)
    // Below the boost threshold the prefix does not count.
    #expect(winkler("ab", "ax") == jaro("ab", "ax"))
  }

  @Test func canonicalJSONSortsKeysAndRefusesWhatIsNotAnObject() {
    #expect(
      Similarity.canonicalJSON("{ \"b\": 1, \"a\": [true, null] }") == #"{"a":[true,null],"b":1}"#)
    #expect(Similarity.canonicalJSON("[1, 2]") == nil)
    #expect(Similarity.canonicalJSON("{ not json") == nil)
  }

  @Test func expectations() {
    let output = "Cluster myAKS is Running in eastus\n"
    #expect(
      ResultExpectation.similarity(0.8).evaluate(
        expected: "Cluster myAKS is Running in westus\n", output: output, json: false
      ).passes)
    #expect(
      !ResultExpectation.similarity(0.99).evaluate(
        expected: "Deleted\n", output: output, json: false
      ).passes)
    #expect(
      ResultExpectation.regex(".*Running.*").evaluate(expected: "", output: output, json: false)
        .passes)
    #expect(
      !ResultExpectation.regex("^Stopped").evaluate(expected: "", output: output, json: false)
        .passes)
    let json = ResultExpectation.similarity(0.9)
    #expect(
      json.evaluate(expected: #"{"a": 1, "b": "x"}"#, output: #"{"b":"x","a":1}"#, json: true) == (
        true, 1
      ))
    #expect(json.evaluate(expected: #"{"a": 1}"#, output: "not json", json: true) == (false, 0))
  }
}
