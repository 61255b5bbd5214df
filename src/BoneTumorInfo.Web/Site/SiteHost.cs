using System.Reflection;

namespace BoneTumorInfo.Web.Site;

/// <summary>Where the site finds its own files when it starts.</summary>
public static class SiteHost
{
    /// <summary>
    /// The builder's options. ASP.NET Core takes the working directory as the content root, so
    /// the published site started from another folder (<c>dotnet /srv/app/BoneTumorInfo.Web.dll</c>)
    /// found neither its appsettings.json (no log settings: every framework event on the console,
    /// and request log lines without their source) nor its wwwroot. When the site itself is the
    /// program, nobody named a content root, and the working directory has no appsettings.json,
    /// the folder the site was published to is the content root. Tests and <c>dotnet run</c> are
    /// unchanged.
    /// </summary>
    public static WebApplicationOptions Options(string[] args) =>
        new() { Args = args, ContentRootPath = PublishedFolder(args) };

    private static string? PublishedFolder(string[] args)
    {
        if (Assembly.GetEntryAssembly() != typeof(SiteHost).Assembly) return null;
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"))
            || args.Any(a => a.TrimStart('-', '/').StartsWith("contentRoot", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }

        var here = Directory.GetCurrentDirectory();
        var published = AppContext.BaseDirectory;
        return !File.Exists(Path.Combine(here, "appsettings.json")) && File.Exists(Path.Combine(published, "appsettings.json"))
            ? published
            : null;
    }
}
