import DocModel

public enum ProgramOutputDrift: RuleDefinition {
  public static let info = RuleInfo(
    id: .programOutputDrift, defaultSeverity: .error,
    summary:
      "A program shown on a page cannot print the transcript shown after it, or prints a line it does not show.",
    help: "docproof reads the program's output statements (print, console.log, "
      + "Console.WriteLine, System.out.println, fmt.Println, Write-Host, echo) without "
      + "running it: literal text must match, expressions stand for any text, and a "
      + "transcript with a line of '...' may leave lines out. Statements in error handlers "
      + "or to standard error need not be shown. Change the program or the transcript so "
      + "that they agree.",
    triggers: [
      "docproof.yml": Examples.helloScenario,
      "golden/hello.txt": "hi\n",
      "en-us/page.md": Examples.program("print(\"bye\")"),
    ],
    passes: [
      "docproof.yml": Examples.helloScenario,
      "golden/hello.txt": "hi\n",
      "en-us/page.md": Examples.program("print(\"hi\")"),
    ])
}
