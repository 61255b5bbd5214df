using BoneTumorInfo.Appointments;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Site;

/// <summary>The "DataProtection" section.</summary>
public sealed class SiteDataProtectionOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>Where the key ring lives; empty means <c>keys/</c> in the appointments data folder.</summary>
    public string KeysDirectory { get; set; } = "";
}

public static class DataProtectionSetup
{
    /// <summary>
    /// One key ring on disk, shared by every instance that points at the same folder, so a form
    /// (its antiforgery token) served by one instance is accepted by another, and keys survive
    /// restarts. The application name is fixed so instances in different folders still match.
    /// </summary>
    public static WebApplicationBuilder AddSiteDataProtection(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var environment = builder.Environment;
        services.AddDataProtection().SetApplicationName("BoneTumorInfo");
        services.AddOptions<SiteDataProtectionOptions>()
            .BindConfiguration(SiteDataProtectionOptions.SectionName)
            .Validate(options => options.KeysDirectory.IndexOfAny(Path.GetInvalidPathChars()) < 0,
                "DataProtection:KeysDirectory must be a folder path.")
            .ValidateOnStart();
        // The folder is resolved when the key ring is first needed, after every setting is in.
        services.AddOptions<KeyManagementOptions>()
            .Configure<IOptions<SiteDataProtectionOptions>, IOptions<AppointmentsOptions>, ILoggerFactory>((keys, site, appointments, loggers) =>
            {
                var folder = string.IsNullOrWhiteSpace(site.Value.KeysDirectory)
                    ? Path.Combine(appointments.Value.DataDirectory, "keys")
                    : Path.GetFullPath(site.Value.KeysDirectory, environment.ContentRootPath);
                // The key ring sits in the data folder, which holds patient details: both are made
                // readable by the site's account only (the keys are often the first thing written).
                CreatePrivateFolder(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(folder))!);
                CreatePrivateFolder(folder);
                keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), loggers);
            });
        return builder;
    }

    private static void CreatePrivateFolder(string folder)
    {
        if (Directory.Exists(folder)) return;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(folder);
        else Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }
}
