#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Which tree a command works on when the user names none.
public enum TreeDiscovery {
  /// The working folder (`folder`) when it is a Learn repository (it holds
  /// `.openpublishing.publish.config.json` or `docfx.json`) or a tree with its own
  /// `docproof.yml`, else its `docs` folder.
  public static func defaultRoot(in folder: String = ".") throws(SiteError) -> String {
    func exists(_ name: String, directory: Bool) -> Bool {
      var status = stat()
      let path = folder == "." ? name : folder + "/" + name
      guard stat(path, &status) == 0 else { return false }
      return directory ? (status.st_mode & S_IFMT) == S_IFDIR : (status.st_mode & S_IFMT) == S_IFREG
    }
    if (LearnRepository.markerFiles + [Configuration.fileName]).contains(where: {
      exists($0, directory: false)
    }) {
      return folder
    }
    if exists("docs", directory: true) { return folder == "." ? "docs" : folder + "/docs" }
    throw .nothingToCheck(folder: FileTree.realPath(folder) ?? folder)
  }
}
