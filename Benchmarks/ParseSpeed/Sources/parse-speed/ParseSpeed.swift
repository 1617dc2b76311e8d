import DocModel

#if canImport(Glibc)
  import Glibc
#endif

/// Times `PageParser.parse(bytes:path:)` on generated pages of several sizes and checks the
/// two promises: a 1 MB page parses in under the budget (median), and parse time grows
/// linearly with size (per-MB medians within `maxRatio` of each other).
///
/// Usage: `parse-speed [--sizes 1,2,4,8,16] [--iterations 11] [--warmup 2]
/// [--budget-ms 50] [--max-ratio 2.0] [--dump-page MB] [--file PATH ...]`. Exits 1 when a
/// check fails, 2 on a usage error.
@main
struct ParseSpeed {
  /// The settings, from the command line.
  struct Options {
    var sizes: [Int] = [1, 2, 4, 8, 16]
    var iterations = 11
    var warmup = 2
    var budgetMilliseconds = 50.0
    var maxRatio = 2.0
    var dumpPage: Int?
    /// Files to time instead of generated pages (no checks).
    var files: [String] = []
  }

  /// The timings of one page size.
  struct Measurement {
    var megabytes: Int
    var bytes: Int
    var seconds: [Double]

    var sorted: [Double] { seconds.sorted() }
    var minimum: Double { sorted.first ?? 0 }
    var median: Double { Self.percentile(sorted, 0.5) }
    var p90: Double { Self.percentile(sorted, 0.9) }
    var megabytesPerSecond: Double { Double(bytes) / 1_048_576 / median }
    /// Median milliseconds per MiB.
    var millisecondsPerMegabyte: Double { median * 1000 / (Double(bytes) / 1_048_576) }

    /// The nearest-rank percentile of sorted values.
    static func percentile(_ sorted: [Double], _ fraction: Double) -> Double {
      guard !sorted.isEmpty else { return 0 }
      let rank = Int((fraction * Double(sorted.count)).rounded(.up))
      return sorted[min(max(rank, 1), sorted.count) - 1]
    }
  }

  static func main() {
    let options: Options
    do {
      options = try parseOptions(Array(CommandLine.arguments.dropFirst()))
    } catch {
      printError("parse-speed: \(error.message)")
      exit(2)
    }
    if let megabytes = options.dumpPage {
      let page = PageGenerator.page(bytes: megabytes * 1_048_576)
      writeAll(page, to: 1)
      exit(0)
    }

    if !options.files.isEmpty {
      timeFiles(options)
      exit(0)
    }

    say("parse-speed: PageParser.parse(bytes:path:) on generated DocFX pages")
    say(
      "iterations: \(options.iterations) after \(options.warmup) warm-up; "
        + "times in ms; MB = 2^20 bytes")
    say("")
    say(
      pad("size", 6) + pad("bytes", 11) + pad("lines", 9) + pad("headings", 10)
        + pad("min", 9) + pad("median", 9) + pad("p90", 9) + pad("MB/s", 8) + pad("ms/MB", 8))

    var measurements: [Measurement] = []
    var failures: [String] = []
    for megabytes in options.sizes {
      let bytes = PageGenerator.page(bytes: megabytes * 1_048_576)
      let reference = PageParser.parse(bytes: bytes, path: "generated-\(megabytes)mb.md")
      if !reference.diagnostics.isEmpty {
        failures.append(
          "the \(megabytes) MB page has \(reference.diagnostics.count) findings, first: "
            + "\(reference.diagnostics[0].rule) at line \(reference.diagnostics[0].line): "
            + reference.diagnostics[0].message)
      }
      for _ in 0..<options.warmup { consume(PageParser.parse(bytes: bytes, path: "warmup.md")) }
      var seconds: [Double] = []
      for _ in 0..<options.iterations {
        let clock = ContinuousClock()
        var page: Page?
        let elapsed = clock.measure { page = PageParser.parse(bytes: bytes, path: "timed.md") }
        consume(page)
        seconds.append(
          Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
      }
      let measurement = Measurement(megabytes: megabytes, bytes: bytes.count, seconds: seconds)
      measurements.append(measurement)
      say(
        pad("\(megabytes) MB", 6) + pad("\(bytes.count)", 11) + pad("\(reference.lineCount)", 9)
          + pad("\(reference.headings.count)", 10) + pad(ms(measurement.minimum), 9)
          + pad(ms(measurement.median), 9) + pad(ms(measurement.p90), 9)
          + pad(format(measurement.megabytesPerSecond, 1), 8)
          + pad(format(measurement.millisecondsPerMegabyte, 2), 8))
    }
    say("")

    if let one = measurements.first(where: { $0.megabytes == 1 }) {
      let median = one.median * 1000
      let verdict = median < options.budgetMilliseconds ? "ok" : "FAIL"
      say(
        "1 MB median: \(format(median, 2)) ms (budget < \(format(options.budgetMilliseconds, 0)) ms)"
          + " \(verdict)")
      if verdict != "ok" {
        failures.append(
          "a 1 MB page takes \(format(median, 2)) ms (median), over the "
            + "\(format(options.budgetMilliseconds, 0)) ms budget")
      }
    }
    if measurements.count >= 2 {
      let perMegabyte = measurements.map(\.millisecondsPerMegabyte)
      let slowest = perMegabyte.max()!
      let fastest = perMegabyte.min()!
      let ratio = slowest / fastest
      let verdict = ratio <= options.maxRatio ? "ok" : "FAIL"
      say(
        "linearity: ms/MB from \(format(fastest, 2)) to \(format(slowest, 2)); "
          + "largest/smallest = \(format(ratio, 2)) (limit \(format(options.maxRatio, 1))) \(verdict)"
      )
      let sizeRatio =
        measurements.last!.millisecondsPerMegabyte
        / measurements.first!.millisecondsPerMegabyte
      say(
        "ms/MB at \(measurements.last!.megabytes) MB over ms/MB at "
          + "\(measurements.first!.megabytes) MB: \(format(sizeRatio, 2))")
      if verdict != "ok" {
        failures.append(
          "parse time is not linear: per-MB times differ by a factor of \(format(ratio, 2))")
      }
    }
    if failures.isEmpty {
      say("parse-speed: all checks passed")
    } else {
      for failure in failures { printError("parse-speed: FAIL: \(failure)") }
      exit(1)
    }
  }

  // MARK: - Options

  struct UsageError: Error {
    var message: String
  }

  static func parseOptions(_ arguments: [String]) throws(UsageError) -> Options {
    var options = Options()
    var index = 0
    func value() throws(UsageError) -> String {
      index += 1
      guard index < arguments.count else {
        throw UsageError(message: "\(arguments[index - 1]) needs a value")
      }
      return arguments[index]
    }
    func number(_ text: String) throws(UsageError) -> Double {
      guard let number = Double(text), number > 0 else {
        throw UsageError(message: "'\(text)' is not a positive number")
      }
      return number
    }
    while index < arguments.count {
      switch arguments[index] {
      case "--sizes":
        var sizes: [Int] = []
        for part in try value().split(separator: ",") {
          guard let size = Int(part), size > 0 else {
            throw UsageError(message: "--sizes takes positive whole MB, like 1,2,4")
          }
          sizes.append(size)
        }
        options.sizes = sizes
      case "--iterations": options.iterations = Int(try number(try value()))
      case "--warmup":
        guard let warmup = Int(try value()), warmup >= 0 else {
          throw UsageError(message: "--warmup takes a whole number, 0 or more")
        }
        options.warmup = warmup
      case "--budget-ms": options.budgetMilliseconds = try number(try value())
      case "--max-ratio": options.maxRatio = try number(try value())
      case "--dump-page": options.dumpPage = Int(try number(try value()))
      case "--file": options.files.append(try value())
      case "-h", "--help":
        say(
          "usage: parse-speed [--sizes 1,2,4,8,16] [--iterations 11] [--warmup 2] "
            + "[--budget-ms 50] [--max-ratio 2.0] [--dump-page MB] [--file PATH ...]")
        exit(0)
      default:
        throw UsageError(message: "unknown option '\(arguments[index])' (try --help)")
      }
      index += 1
    }
    guard !options.sizes.isEmpty, options.iterations >= 1 else {
      throw UsageError(message: "need at least one size and one iteration")
    }
    return options
  }

  /// Times parsing each `--file` (min, median, p90), without checks: for pathological inputs
  /// and real pages.
  static func timeFiles(_ options: Options) {
    say(pad("min", 10) + pad("median", 10) + pad("p90", 10) + pad("bytes", 10) + "  file (ms)")
    for path in options.files {
      guard let file = fopen(path, "rb") else {
        printError("parse-speed: cannot read \(path)")
        exit(2)
      }
      var bytes: [UInt8] = []
      var buffer = [UInt8](repeating: 0, count: 65536)
      while true {
        let count = fread(&buffer, 1, buffer.count, file)
        if count <= 0 { break }
        bytes += buffer[0..<count]
      }
      fclose(file)
      for _ in 0..<options.warmup { consume(PageParser.parse(bytes: bytes, path: path)) }
      var seconds: [Double] = []
      for _ in 0..<options.iterations {
        let clock = ContinuousClock()
        var page: Page?
        let elapsed = clock.measure { page = PageParser.parse(bytes: bytes, path: path) }
        consume(page)
        seconds.append(
          Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
      }
      let measurement = Measurement(megabytes: 0, bytes: bytes.count, seconds: seconds)
      say(
        pad(ms(measurement.minimum), 10) + pad(ms(measurement.median), 10)
          + pad(ms(measurement.p90), 10) + pad("\(bytes.count)", 10) + "  \(path)")
    }
  }

  // MARK: - Output

  /// Keeps a value alive and observable so the optimizer cannot drop the parse.
  @inline(never)
  static func consume(_ page: Page?) {
    if let page, page.lineCount < 0 { say(page.path) }
  }

  static func ms(_ seconds: Double) -> String { format(seconds * 1000, 2) }

  static func format(_ value: Double, _ decimals: Int) -> String {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (value * scale).rounded() / scale
    var text = "\(rounded)"
    if let dot = text.firstIndex(of: ".") {
      let fraction = text[text.index(after: dot)...].count
      if fraction < decimals { text += String(repeating: "0", count: decimals - fraction) }
      if decimals == 0 { text = String(text[..<dot]) }
    } else if decimals > 0 {
      text += "." + String(repeating: "0", count: decimals)
    }
    return text
  }

  static func pad(_ text: String, _ width: Int) -> String {
    text.count >= width ? text + " " : String(repeating: " ", count: width - text.count) + text
  }

  /// Writes a line to standard output, unbuffered, so progress shows as it happens.
  static func say(_ text: String) {
    writeAll(Array((text + "\n").utf8), to: 1)
  }

  static func printError(_ text: String) {
    writeAll(Array((text + "\n").utf8), to: 2)
  }

  static func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    bytes.withUnsafeBufferPointer { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written <= 0 { return }
        offset += written
      }
    }
  }
}
