using BoneTumorInfo.Content.Diagnostics;
using BoneTumorInfo.Content.Service;

namespace BoneTumorInfo.Content.Tests.Service;

/// <summary>The service.yml fixtures: valid.yml, and one file per planted fault.</summary>
internal static class ServiceFixtures
{
    public static readonly string Folder = Path.Combine(RepoPaths.Root, "tests", "BoneTumorInfo.Content.Tests", "Fixtures", "service");

    public static string Text(string file) => File.ReadAllText(Path.Combine(Folder, file));

    public static (ServiceProfile? Profile, List<ContentDiagnostic> Problems) Read(string file) => ReadText(Text(file), file);

    public static (ServiceProfile? Profile, List<ContentDiagnostic> Problems) ReadText(string text, string file = "service.yml")
    {
        var problems = new List<ContentDiagnostic>();
        var profile = ServiceProfileReader.Read(text, file, ["en", "bn"], problems);
        return (profile, problems);
    }

    /// <summary>The valid profile.</summary>
    public static ServiceProfile Valid() => Read("valid.yml").Profile!;
}
