namespace BoneTumorInfo.Browser.Tests.Infrastructure;

/// <summary>Where browser runs leave things to look at afterwards.</summary>
public static class BrowserPaths
{
    /// <summary>Screenshots and the printed page: TestResults/browser under the repo (git-ignored), or BTI_ARTIFACTS_DIR.</summary>
    public static string Artifacts { get; } = Environment.GetEnvironmentVariable("BTI_ARTIFACTS_DIR") is { Length: > 0 } dir
        ? dir
        : Path.Combine(RepoPaths.Root, "TestResults", "browser");
}
