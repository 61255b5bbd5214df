using BoneTumorInfo.Content.Pages;
using Microsoft.Extensions.Logging;

namespace BoneTumorInfo.Content.Search;

/// <summary>
/// The search index of the live content: built from the page index in the background, rebuilt
/// when a file changes (re-reading only the files that changed), swapped in whole so a reader
/// never sees half an index. Until the first build ends, searches find nothing (and say so).
/// </summary>
public sealed partial class SearchService : IDisposable
{
    private readonly ILogger<SearchService> _logger;
    private readonly Lock _buildGate = new();
    // Each file's words as last read, by path: a file whose size and time are unchanged is not read again.
    private readonly Dictionary<string, (DateTime Written, long Length, SearchDocument Document)> _read = new(StringComparer.Ordinal);
    private SearchIndex? _index;

    public SearchService(ILogger<SearchService> logger) => _logger = logger;

    /// <summary>How many files the last build had to read (the others had not changed).</summary>
    public int LastBuildReadCount { get; private set; }

    /// <summary>False until the first build has finished.</summary>
    public bool IsReady => Volatile.Read(ref _index) is not null;

    public SearchResults Search(string language, string? query, int limit = 20)
    {
        for (var attempt = 0; ; attempt++)
        {
            var index = Volatile.Read(ref _index);
            if (index is null) return SearchResults.None((query ?? "").Trim());
            try
            {
                return index.Search(language, query, limit);
            }
            catch (ObjectDisposedException) when (attempt == 0)
            {
                // Swapped for a newer index while this search waited: ask the new one.
            }
        }
    }

    /// <summary>Builds a new index of <paramref name="pages"/>' published pages and swaps it in.</summary>
    public void Rebuild(PageIndex pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        lock (_buildGate)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var documents = new List<SearchDocument>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            var reread = 0;
            foreach (var entry in pages.Pages.Where(p => !p.IsBroken && !p.IsDraft).OrderBy(p => p.Language, StringComparer.Ordinal).ThenBy(p => p.Slug, StringComparer.Ordinal))
            {
                var file = new FileInfo(entry.FullPath);
                if (!file.Exists) continue;
                seen.Add(entry.FullPath);
                // The glossary page holds glossary.yml's entries too, so it is re-read with every build.
                var isGlossary = entry.PathInLanguage == Glossary.GlossaryTerms.PageFile;
                if (isGlossary || !_read.TryGetValue(entry.FullPath, out var known) || known.Written != file.LastWriteTimeUtc || known.Length != file.Length
                    || known.Document.Url != entry.Url)
                {
                    known = (file.LastWriteTimeUtc, file.Length, SearchDocuments.From(entry, PageIndex.ReadText(entry.FullPath), pages.GlossaryFor(entry.Language)));
                    _read[entry.FullPath] = known;
                    reread++;
                }

                // Title and description come from the entry, so they are always the index's own.
                documents.Add(known.Document with { Title = entry.Title, Description = entry.FrontMatter?.Description ?? "" });
            }

            foreach (var gone in _read.Keys.Where(k => !seen.Contains(k)).ToList()) _read.Remove(gone);
            var index = SearchIndex.Build(documents, language => SearchSynonyms.For(language, pages.GlossaryFor(language)));
            Interlocked.Exchange(ref _index, index)?.Dispose();
            LastBuildReadCount = reread;
            LogBuilt(_logger, index.Count, reread, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    public void Dispose() => Interlocked.Exchange(ref _index, null)?.Dispose();

    [LoggerMessage(Level = LogLevel.Information, Message = "Search index built: {PageCount} pages ({ReadCount} read from disk) in {Milliseconds:0} ms")]
    private static partial void LogBuilt(ILogger logger, int pageCount, int readCount, double milliseconds);
}
