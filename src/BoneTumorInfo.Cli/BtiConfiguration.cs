using BoneTumorInfo.Appointments;
using BoneTumorInfo.Content;
using BoneTumorInfo.Content.Languages;
using Microsoft.Extensions.Configuration;

namespace BoneTumorInfo.Cli;

/// <summary>
/// The staff tool's settings, read the way the site reads its own: <c>appsettings.json</c> in the
/// folder the command runs from (a published site's folder has one), then environment variables
/// (<c>Content__RootPath</c>, <c>Appointments__DataDirectory</c>, …), bound to the same option
/// classes. A value given on the command line wins over both.
/// </summary>
public sealed class BtiConfiguration
{
    private readonly string _baseDirectory;

    public BtiConfiguration(IConfiguration configuration, string baseDirectory)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        _baseDirectory = baseDirectory;
        configuration.GetSection(ContentOptions.SectionName).Bind(Content);
        configuration.GetSection(AppointmentsOptions.SectionName).Bind(Appointments);
    }

    /// <summary>Settings from <c>appsettings.json</c> in the current folder and the environment.</summary>
    public static BtiConfiguration Load()
    {
        var here = Directory.GetCurrentDirectory();
        var configuration = new ConfigurationBuilder()
            .SetBasePath(here)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();
        return new BtiConfiguration(configuration, here);
    }

    public ContentOptions Content { get; } = new();

    public AppointmentsOptions Appointments { get; } = new();

    public SiteLanguages Languages => SiteLanguages.From(Content);

    /// <summary>
    /// The content folder: the one given, else <c>Content:RootPath</c>, else the nearest
    /// <c>content</c> folder above here or above the tool, as the site finds it.
    /// </summary>
    public string ResolveContentRoot(string? given) =>
        ContentRootLocator.Resolve(string.IsNullOrWhiteSpace(given) ? Content.RootPath : given,
            _baseDirectory, Languages.Default.Code, AppContext.BaseDirectory);

    /// <summary>The data folder: the one given, else <c>Appointments:DataDirectory</c>, else <c>data/</c> beside the content folder.</summary>
    public string ResolveDataDirectory(string? given)
    {
        var configured = string.IsNullOrWhiteSpace(given) ? Appointments.DataDirectory : given;
        return string.IsNullOrWhiteSpace(configured)
            ? AppointmentsOptions.DefaultDataDirectory(ResolveContentRoot(null))
            : Path.GetFullPath(configured, _baseDirectory);
    }
}
