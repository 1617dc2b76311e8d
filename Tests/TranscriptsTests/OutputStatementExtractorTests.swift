import Testing
import Transcripts

/// Each language's output statements, on the forms that make them hard to read: calls over
/// several lines, concatenation, interpolation, escapes, format strings, standard error
/// and error handlers.
@Suite struct OutputStatementExtractorTests {
  /// The statements as `line: shown text` (values as `…`, newlines as `⏎`), with `[err]`
  /// for standard error and `[handler]` for error handlers.
  func read(_ source: String, _ language: ProgramLanguage) -> [String] {
    OutputStatementExtractor.statements(in: source, language: language).map { statement in
      var text =
        "\(statement.line): " + statement.pieces.shown.replacingOccurrences(of: "\n", with: "⏎")
      if statement.toStandardError { text += " [err]" }
      if statement.inErrorHandler { text += " [handler]" }
      return text
    }
  }

  @Test func python() {
    let source = #"""
      import sys
      print("Azure Communication Services - Access Tokens Quickstart")
      # print("commented out")
      print(f"\nCreated an identity with ID: {identity.properties['id']}")
      print(
          f"\nIssued an access token with 'voip' scope that expires at {token.expires_on}:"
      )
      print("a", value, "b", sep="-", end="")
      print('it''s' " joined", 'done {0}'.format(x), "%d items" % n)
      print(rf"raw \n {x} {{braces}}")
      print("""two
      lines""")
      try:
          pass
      except Exception as error:
          print(f"Exception: {error}")
      print("to stderr", file=sys.stderr)
      print()
      text = "print(not a call)"
      """#
    #expect(
      read(source, .python) == [
        "2: Azure Communication Services - Access Tokens Quickstart⏎",
        "4: ⏎Created an identity with ID: …⏎",
        "5: ⏎Issued an access token with 'voip' scope that expires at …:⏎",
        "8: a-…-b",
        "9: its joined done … … items⏎",
        #"10: raw \n … {braces}⏎"#,
        "11: two⏎lines⏎",
        "16: Exception: …⏎ [handler]",
        "17: to stderr⏎ [err]",
        "18: ⏎",
      ])
  }

  @Test func javascript() {
    let source = #"""
      console.log("Azure Communication Services - Access Tokens Quickstart");
      console.log(`\nCreated an identity with ID: ${identity.communicationUserId}`);
      console.log(
        `\nIssued an access token with 'voip' scope that expires at ${second.expiresOn}:`
      );
      console.log("Count: " + items.length + ' items', `${a}${b}`);
      process.stdout.write('no newline ');
      /* console.log("in a comment"); */
      const text = "console.log('in a string')";
      main().catch((error) => {
        console.log("Exception:", error.message);
      });
      console.error("to stderr");
      console.log(`nested ${fn(`inner ${x}`)} done`);
      console.log("\u00e9\u{1F600}\t|");
      """#
    #expect(
      read(source, .javascript) == [
        "1: Azure Communication Services - Access Tokens Quickstart⏎",
        "2: ⏎Created an identity with ID: …⏎",
        "3: ⏎Issued an access token with 'voip' scope that expires at …:⏎",
        "6: Count: … items …⏎",
        "7: no newline ",
        "11: Exception: …⏎ [handler]",
        "13: to stderr⏎ [err]",
        "14: nested … done⏎",
        "15: é😀\t|⏎",
      ])
  }

  @Test func csharp() {
    let source = #"""
      Console.WriteLine("Azure Communication Services - Access Tokens Quickstart");
      Console.WriteLine($"\nCreated an identity with ID: {identity.Id}");
      Console.WriteLine(
          $"\nIssued an access token with 'voip' scope that expires at {token.ExpiresOn:O}:");
      Console.WriteLine(@"C:\path\no ""escape""" + " and " + count);
      Console.Write("{0} of {1} {{literal}}", done, total);
      Console.WriteLine(string.Format("Formatted {0}!", name));
      Console.WriteLine($@"{name}\raw");
      Console.WriteLine();
      try
      {
          Run();
      }
      catch (Exception exception)
      {
          Console.WriteLine($"Exception: {exception.Message}");
      }
      Console.Error.WriteLine("to stderr");
      """#
    #expect(
      read(source, .csharp) == [
        "1: Azure Communication Services - Access Tokens Quickstart⏎",
        "2: ⏎Created an identity with ID: …⏎",
        "3: ⏎Issued an access token with 'voip' scope that expires at …:⏎",
        #"5: C:\path\no "escape" and …⏎"#,
        "6: … of … {literal}",
        "7: Formatted …!⏎",
        #"8: …\raw⏎"#,
        "9: ⏎",
        "16: Exception: …⏎ [handler]",
        "18: to stderr⏎ [err]",
      ])
  }

  @Test func java() {
    let source = #"""
      System.out.println("Azure Communication Services - Access Tokens Quickstart");
      System.out.println("\nCreated an identity with ID: " + identity.getId());
      System.out.println("\nIssued an access token with 'voip' scope that expires at "
          + token.getExpiresAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME) + ":");
      System.out.printf("%-10s has %d items (100%%)%n", name, count);
      System.out.printf(Locale.US, "%.2f%n", value);
      System.out.print(String.format("Total: %s", total));
      System.out.println('c' + "har");
      } catch (HttpResponseException exception) {
          System.out.println("Exception: " + exception.getMessage());
      }
      System.err.println("to stderr");
      """#
    #expect(
      read(source, .java) == [
        "1: Azure Communication Services - Access Tokens Quickstart⏎",
        "2: ⏎Created an identity with ID: …⏎",
        "3: ⏎Issued an access token with 'voip' scope that expires at …:⏎",
        "5: … has … items (100%)⏎",
        "6: …⏎",
        "7: Total: …",
        "8: char⏎",
        "10: Exception: …⏎ [handler]",
        "12: to stderr⏎ [err]",
      ])
  }

  @Test func swift() {
    let source = #"""
      print("Azure Communication Services - Access Tokens Quickstart")
      print("\nCreated an identity with ID: \(identity.rawId)")
      print("nested \(format("\(x)")) done", terminator: "")
      print("a", "b", separator: ", ")
      print("""
          multi
          line
          """)
      """#
    #expect(
      read(source, .swift) == [
        "1: Azure Communication Services - Access Tokens Quickstart⏎",
        "2: ⏎Created an identity with ID: …⏎",
        "3: nested … done",
        "4: a, b⏎",
        "5: ⏎    multi⏎    line⏎    ⏎",
      ])
  }

  @Test func go() {
    let source = #"""
      fmt.Println("Created an identity with ID:", id)
      fmt.Printf("Token expires at %v\n", expiresOn)
      fmt.Print(`raw \n text`)
      if err != nil {
          fmt.Println("failed:", err)
      }
      fmt.Fprintln(os.Stderr, "to stderr")
      fmt.Fprintf(os.Stdout, "%d done\n", n)
      """#
    #expect(
      read(source, .go) == [
        "1: Created an identity with ID: …⏎",
        "2: Token expires at …⏎",
        #"3: raw \n text"#,
        "5: failed: …⏎ [handler]",
        "7: to stderr⏎ [err]",
        "8: … done⏎",
      ])
  }

  @Test func powershell() {
    let source = #"""
      Write-Host "Created an identity with ID: $($identity.Id)"
      Write-Host 'Literal $notAVariable' -ForegroundColor Green
      Write-Output "Tab`there and $name."
      Write-Host -NoNewline "Waiting"
      # Write-Host "commented"
      Write-Error "to stderr"
      """#
    #expect(
      read(source, .powershell) == [
        "1: Created an identity with ID: …⏎",
        "2: Literal $notAVariable⏎",
        "3: Tab\there and ….⏎",
        "4: Waiting",
        "6: to stderr⏎ [err]",
      ])
  }

  @Test func shell() {
    let source = #"""
      echo "Created resource group $RESOURCE_GROUP in ${LOCATION}"
      echo -n 'no newline'
      printf '%s has %d items\n' "$name" 3
      echo plain words   # a comment
      echo "to a file" > out.txt
      echo "to stderr" >&2
      az group create --name "$RESOURCE_GROUP"
      """#
    #expect(
      read(source, .shell) == [
        "1: Created resource group … in …⏎",
        "2: no newline",
        "3: … has … items⏎",
        "4: plain words⏎",
        "6: to stderr⏎ [err]",
      ])
  }
}
