using BoneTumorInfo.Content.Languages;

namespace BoneTumorInfo.Content;

/// <summary>Finds the content folder when configuration does not name one.</summary>
public static class ContentRootLocator
{
    /// <summary>
    /// A configured path wins (relative paths are taken from <paramref name="baseDirectory"/>).
    /// Otherwise the nearest folder named <c>content</c> that has a language folder in it, looking
    /// upward from each start folder in turn: the repo root under <c>dotnet run</c>, the app's
    /// own folder once published.
    /// </summary>
    /// <param name="languageFolder">The folder a content folder must hold: the default language's.</param>
    public static string Resolve(string? configured, string baseDirectory, string languageFolder, params string[] searchFrom)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured, baseDirectory);
        }

        foreach (var start in searchFrom.Prepend(baseDirectory))
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "content");
                if (Directory.Exists(Path.Combine(candidate, languageFolder))) return candidate;
            }
        }

        throw new DirectoryNotFoundException(
            $"No content folder was found above '{baseDirectory}'. Set Content:RootPath (or the environment variable Content__RootPath) to the folder that holds {languageFolder}/.");
    }
}
