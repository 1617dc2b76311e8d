import Checks
import DocModel

/// The rules the transcript stage reports, described for reports.
public enum TranscriptRules {
  public static let all: [RuleInfo] = [
    RuleInfo(
      id: .transcriptMarkerInvalid, defaultSeverity: .error,
      summary:
        "A docproof transcript marker is not followed by a fenced block or names an unknown scenario.",
      help: "Write <!-- docproof: transcript NAME --> right before the ``` block, with NAME "
        + "defined under scenarios: in docproof.yml.",
      triggers: [:], passes: [:]),
    RuleInfo(
      id: .referenceFailed, defaultSeverity: .error,
      summary: "A scenario's program failed, timed out or could not start.",
      help: "The finding quotes the end of its standard error. Run it with 'docproof run NAME'.",
      triggers: [:], passes: [:]),
    RuleInfo(
      id: .goldenMissing, defaultSeverity: .error,
      summary: "A scenario has no golden file.",
      help: "Create it with 'docproof golden update NAME' and commit it.",
      triggers: [:], passes: [:]),
    RuleInfo(
      id: .goldenStale, defaultSeverity: .error,
      summary: "A scenario's output no longer matches its golden file.",
      help: "If the change is intended, run 'docproof golden update NAME', review the diff, "
        + "then 'docproof check --fix' to update the pages.",
      triggers: [:], passes: [:]),
    RuleInfo(
      id: .transcriptDrift, defaultSeverity: .error,
      summary: "A transcript in a page differs from the golden output.",
      help: "Ids, tokens, timestamps and GUIDs are normalized; [..] and ... are wildcards. "
        + "'docproof check --fix' rewrites drifting blocks from the golden file.",
      triggers: [:], passes: [:]),
    RuleInfo(
      id: .resultBlockInvalid, defaultSeverity: .error,
      summary: "An Innovation Engine result block cannot be checked as written.",
      help: "`<!-- expected_similarity=0.8 -->` (a number from 0 to 1) or "
        + "`<!-- expected_similarity=\"REGEX\" -->` goes right before the fenced block that "
        + "shows the output of the bash, azurecli or terraform block above it; a json result "
        + "must be a JSON object. Innovation Engine silently drops what it cannot read.",
      triggers: [:], passes: [:]),
    RuleInfo(
      id: .programOutputDrift, defaultSeverity: .error,
      summary:
        "A program shown on a page cannot print the transcript shown after it, or prints a line it does not show.",
      help: "docproof reads the program's output statements (print, console.log, "
        + "Console.WriteLine, System.out.println, fmt.Println, Write-Host, echo) without "
        + "running it: literal text must match, expressions stand for any text, and a "
        + "transcript with a line of '...' may leave lines out. Statements in error handlers "
        + "or to standard error need not be shown. Change the program or the transcript so "
        + "that they agree.",
      triggers: [:], passes: [:]),
    RuleInfo(
      id: .programSyntaxError, defaultSeverity: .error,
      summary: "A program shown before a transcript does not compile.",
      help: "JavaScript is checked with 'node --check' and Python with its own parser, "
        + "without running anything and only where node or python3 is installed. The "
        + "finding is at the line the compiler names.",
      triggers: [:], passes: [:]),
    RuleInfo(
      id: .programNotRun, defaultSeverity: .info,
      summary:
        "A scenario's docs code could not be run here: its runtime or its package registry is missing.",
      help: "The finding says what is missing (node, a JDK, npm packages the registry did not "
        + "give, a Java program that needs more than the JDK). The program is still read "
        + "against its transcripts (program-output-drift); install what is missing to run it.",
      triggers: [:], passes: [:]),
    RuleInfo(
      id: .snippetDrift, defaultSeverity: .error,
      summary: "A code block marked as a snippet differs from its source file.",
      help: "'docproof check --fix' copies the source into the page.",
      triggers: [:], passes: [:]),
  ]
}
