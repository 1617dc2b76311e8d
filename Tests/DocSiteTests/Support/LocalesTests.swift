import DocSite
import Testing

/// Locale folders are real language-region tags, not any `xx-yyyy` name.
@Suite struct LocalesTests {
  @Test(arguments: [
    "en-us", "sv-se", "zh-cn", "zh-tw", "sr-latn-rs", "sr-cyrl-rs", "pt-BR", "es-419", "nb-no",
  ])
  func realTags(_ name: String) {
    #expect(Locales.isLocaleName(name))
  }

  @Test(arguments: [
    "LTS-version", "Latest-version", "app-service", "key-vault", "en", "en-", "-us", "en-us-x",
    "xx-yy", "en-zz", "sr-xxxx-rs", "en-us-extra-part", "en_us",
  ])
  func foldersThatAreNotLocales(_ name: String) {
    #expect(!Locales.isLocaleName(name))
  }
}
