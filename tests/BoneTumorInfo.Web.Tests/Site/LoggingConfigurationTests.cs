using System.Reflection;
using System.Text.Json;
using BoneTumorInfo.Web.Site;
using Serilog.Configuration;

namespace BoneTumorInfo.Web.Tests.Site;

/// <summary>
/// Serilog reads sink names from appsettings.json and looks them up only in the assemblies the
/// site lists. A name it cannot find is skipped without an error, and the site then logs nothing:
/// every name the site's own settings use must be found there.
/// </summary>
public sealed class LoggingConfigurationTests
{
    [Fact]
    public void Every_sink_named_in_the_site_settings_is_in_an_assembly_Serilog_is_given()
    {
        using var settings = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "BoneTumorInfo.Web", "appsettings.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var names = SinkNames(settings.RootElement.GetProperty("Serilog").GetProperty("WriteTo")).ToList();
        Assert.Contains("Async", names);
        Assert.Contains("BufferedConsole", names);

        var sinkMethods = LoggingSetup.ConfigurationAssemblies
            .SelectMany(a => a.GetExportedTypes())
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static))
            .Where(m => m.GetParameters() is [{ ParameterType: var first }, ..] && first == typeof(LoggerSinkConfiguration))
            .Select(m => m.Name)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(names, name => Assert.Contains(name, sinkMethods));
    }

    /// <summary>The "Name" of each sink, and of the sinks inside a wrapper's "configure".</summary>
    private static IEnumerable<string> SinkNames(JsonElement writeTo)
    {
        foreach (var sink in writeTo.EnumerateArray())
        {
            yield return sink.GetProperty("Name").GetString()!;
            if (sink.TryGetProperty("Args", out var args) && args.TryGetProperty("configure", out var inner))
            {
                foreach (var name in SinkNames(inner)) yield return name;
            }
        }
    }
}
