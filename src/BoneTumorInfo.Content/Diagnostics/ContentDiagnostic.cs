namespace BoneTumorInfo.Content.Diagnostics;

public enum DiagnosticSeverity
{
    Warning,
    Error,
}

/// <summary>
/// One finding about a content file, located the way compilers do it so an editor can jump to
/// it: <c>content/en/conditions/benign.md:12:3: error: …</c>. Paths are relative to the
/// content root's parent, with forward slashes.
/// </summary>
public sealed record ContentDiagnostic(string File, int Line, int Column, DiagnosticSeverity Severity, string Message)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() =>
        $"{File}:{Line}:{Column}: {(IsError ? "error" : "warning")}: {Message}";
}
