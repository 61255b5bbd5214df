using System.CommandLine;
using System.Globalization;
using BoneTumorInfo.Content.Search;

namespace BoneTumorInfo.Cli.Search;

/// <summary><c>bti search …</c>: what readers looked for and did not find.</summary>
public static class SearchCommands
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var search = new Command("search", "What readers search for on the site.");
        search.Subcommands.Add(CreateMisses(output, errors));
        return search;
    }

    private static Command CreateMisses(TextWriter output, TextWriter errors)
    {
        var days = new Option<int>("--days")
        {
            Description = $"How many days back to count (the site keeps {SearchMissLog.DefaultRetentionDays}).",
            DefaultValueFactory = _ => SearchMissLog.DefaultRetentionDays,
        };
        var top = new Option<int>("--top") { Description = "How many searches to list.", DefaultValueFactory = _ => 50 };
        var dataDir = new Option<string?>("--data-dir")
        {
            Description = "The site's data folder (holds search-misses.db). Default: Appointments__DataDirectory, or 'data' beside the content folder.",
        };
        var misses = new Command("misses",
            "The commonest searches that found no page, with how many times each was made: words to add to the pages or the synonym lists. Only words and counts are kept, never who searched.");
        misses.Options.Add(days);
        misses.Options.Add(top);
        misses.Options.Add(dataDir);
        misses.SetAction(parse =>
        {
            string folder;
            try
            {
                folder = BtiConfiguration.Load().ResolveDataDirectory(parse.GetValue(dataDir));
            }
            catch (DirectoryNotFoundException ex)
            {
                errors.WriteLine($"error: {ex.Message}");
                return 2;
            }

            var path = Path.Combine(folder, SearchMissLog.FileName);
            var list = new SearchMissLog(path).Top(DateOnly.FromDateTime(DateTime.UtcNow), Math.Max(1, parse.GetValue(days)), Math.Max(1, parse.GetValue(top)));
            if (list.Count == 0)
            {
                output.WriteLine($"No searches without results in the last {parse.GetValue(days)} days ({path}).");
                return 0;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"count",6}  lang  words"));
            foreach (var miss in list)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{miss.Count,6}  {miss.Language,-4}  {miss.Query}"));
            }

            return 0;
        });
        return misses;
    }
}
