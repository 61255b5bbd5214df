using BoneTumorInfo.Web.Tests.Infrastructure;

namespace BoneTumorInfo.Web.Tests.Content;

/// <summary>Requests sent over a real socket, so the server sees exactly the bytes an attacker would send.</summary>
public sealed class TraversalTests(KestrelSite site) : IClassFixture<KestrelSite>
{
    /// <summary>Attempts to read files outside content/ (or content sources themselves).</summary>
    [Theory]
    [InlineData("/../appsettings.json")]
    [InlineData("/..%2fappsettings.json")]
    [InlineData("/%2e%2e/%2e%2e/src/BoneTumorInfo.Web/appsettings.json")]
    [InlineData("/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd")]
    [InlineData("/..\\..\\etc\\passwd")]
    [InlineData("/..%5c..%5cetc%5cpasswd")]
    [InlineData("/%252e%252e/etc/passwd")]
    [InlineData("//etc/passwd")]
    [InlineData("/etc/passwd")]
    [InlineData("/C:/Windows/win.ini")]
    [InlineData("/en/index%00.md")]
    [InlineData("/index.md%00")]
    [InlineData("/bone-tumor-surgery/..%2f..%2f..%2fREADME.md")]
    [InlineData("/content-files/../appsettings.json")]
    [InlineData("/content-files/%2e%2e/%2e%2e/README.md")]
    [InlineData("/content-files/..%2f..%2fREADME.md")]
    [InlineData("/content-files/en/index.md")]
    [InlineData("/content-files/en/glossary.yml")]
    [InlineData("/content-files//etc/passwd")]
    public async Task A_path_that_tries_to_leave_content_gets_404_and_reads_nothing(string rawPath)
    {
        var (status, body) = await site.GetRaw(rawPath);

        // Kestrel itself refuses a NUL byte in the request line with 400 before the app runs;
        // every other attempt reaches the app and gets its 404 page.
        Assert.Equal(rawPath.Contains("%00", StringComparison.Ordinal) ? 400 : 404, status);
        Assert.DoesNotContain("root:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"Serilog\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("reviewed_by:", body, StringComparison.Ordinal);
        Assert.DoesNotContain("dotnet run", body, StringComparison.Ordinal);
    }
}
