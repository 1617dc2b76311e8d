import DocModel
import Testing

@Suite struct QuoteDirectiveTests {
  @Test func alertsSectionsAndVideos() throws {
    let page = try fixture("alerts.md")
    #expect(page.alerts.map(\.type) == ["NOTE", "TIP", "IMPORTANT", "CAUTION", "WARNING"])
    #expect(page.alerts.map(\.line) == [3, 6, 9, 12, 15])
    #expect(page.sections.map(\.attributes) == ["class=\"nextstepaction\"", "class=\"checklist\""])
    #expect(page.videos.map(\.url) == ["https://learn.microsoft.com/Shows/x/player"])
    #expect(page.links.map(\.target) == ["next.md"], "the link inside a [!div] is a link")
  }

  @Test func textOnTheFirstLineIsAWarning() throws {
    let page = try fixture("alerts.md")
    #expect(page.findingLines(.invalidNoteSection) == [18])
    #expect(page.diagnostics.allSatisfy { $0.severity == .warning })
  }

  @Test func alertsOutsideQuotesAreText() {
    let page = parse("[!NOTE]\nNot in a quote.\n")
    #expect(page.alerts.isEmpty)
  }

  @Test func videoWithTitle() {
    let page = parse("> [!VIDEO https://www.youtube.com/embed/abc title=Intro]\n")
    #expect(page.videos.first?.url == "https://www.youtube.com/embed/abc")
    #expect(page.videos.first?.title == "Intro")
  }
}
