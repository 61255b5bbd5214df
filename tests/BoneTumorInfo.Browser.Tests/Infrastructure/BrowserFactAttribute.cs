namespace BoneTumorInfo.Browser.Tests.Infrastructure;

/// <summary>
/// Whether these tests can drive a real browser here. They use Debian's Chromium
/// (<c>apt-get install chromium</c>), because Playwright's own download cannot reach its servers.
/// </summary>
public static class ChromiumAvailability
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    /// <summary>CI sets BTI_REQUIRE_ALL_TESTS=1: there a missing browser is a failure, never a skip.</summary>
    public static bool Required => Environment.GetEnvironmentVariable("BTI_REQUIRE_ALL_TESTS") == "1";

    /// <summary>The reason to skip, or null when the tests must run.</summary>
    public static string? SkipReason => IsInstalled || Required
        ? null
        : $"Chromium not found at {ExecutablePath}; install it with apt-get install chromium";
}

/// <summary>A fact that needs Chromium: skipped with the reason on a machine without it, except in CI.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (ChromiumAvailability.SkipReason is { } reason) Skip = reason;
    }
}

/// <summary>A theory that needs Chromium: skipped with the reason on a machine without it, except in CI.</summary>
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (ChromiumAvailability.SkipReason is { } reason) Skip = reason;
    }
}
