using System.Collections.Concurrent;
using BoneTumorInfo.Content.Diagnostics;
using BoneTumorInfo.Content.Languages;
using BoneTumorInfo.Content.Pages;
using BoneTumorInfo.Content.Service;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace BoneTumorInfo.Content;

/// <summary>
/// The live view of the content folder: the page index and rendered pages, kept until a file
/// under the folder is added, changed or deleted. A file watcher says which files changed; the
/// next request reads just those again (see <see cref="PageIndex.Update"/>) and keeps every other
/// page's entry and rendered body. Nothing checks the disk per request.
/// </summary>
public sealed partial class ContentStore : IDisposable
{
    private readonly ContentOptions _options;
    private readonly ILogger<ContentStore> _logger;
    private readonly PhysicalFileProvider _files;
    private readonly Lock _gate = new();
    private readonly Lock _changesGate = new();
    private readonly IDisposable? _pollingWatch;
    private readonly FileSystemWatcher? _watcher;
    private HashSet<string> _changed = new(StringComparer.Ordinal);
    private bool _readEverything;
    private long _version;
    private CancellationTokenSource _nextChange = new();
    private Snapshot? _snapshot;
    private long _pageFilesRead;

    private sealed record Snapshot(PageIndex Index, long Version, ServiceProfile? Service, IReadOnlyList<ContentDiagnostic> ServiceDiagnostics)
    {
        public ConcurrentDictionary<string, Lazy<RenderedPage>> Rendered { get; init; } = new(StringComparer.Ordinal);
    }

    public ContentStore(IOptions<ContentOptions> options, ILogger<ContentStore> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = logger;
        RootPath = _options.RootPath;
        if (!Directory.Exists(RootPath))
        {
            throw new DirectoryNotFoundException($"The content folder '{RootPath}' does not exist. Check Content:RootPath.");
        }

        _files = new PhysicalFileProvider(RootPath);
        _watcher = StartWatcher();
        if (_watcher is null)
        {
            // Polling (DOTNET_USE_POLLING_FILE_WATCHER, for shared folders that send no events)
            // or no watcher to be had: a change is known, but not which file, so all are read again.
            _pollingWatch = ChangeToken.OnChange(() => _files.Watch("**/*"), () => OnChanged(null));
        }
    }

    public string RootPath { get; }

    public ContentOptions Options => _options;

    /// <summary>Raised after any file under the content folder changes (for output-cache eviction).</summary>
    public event Action? Changed;

    /// <summary>A token that fires on the next change under the content folder.</summary>
    public IChangeToken Watch() => new CancellationChangeToken(Volatile.Read(ref _nextChange).Token);

    /// <summary>
    /// Page files read since the store started (a counting seam for tests: an edit at thousands
    /// of pages must read one file, not all of them).
    /// </summary>
    public long PageFilesRead => Interlocked.Read(ref _pageFilesRead);

    public PageIndex Index => Current.Index;

    /// <summary>
    /// The service's details from <c>service.yml</c>, re-read when the file changes. While the
    /// file has errors this is the last good profile (null if there never was one), so a slip
    /// in the file never takes the site down; <see cref="ServiceDiagnostics"/> says what is wrong.
    /// </summary>
    public ServiceProfile? Service => Current.Service;

    /// <summary>What is wrong with <c>service.yml</c> as it is now (with the example-details warning).</summary>
    public IReadOnlyList<ContentDiagnostic> ServiceDiagnostics => Current.ServiceDiagnostics;

    /// <summary>What under the content folder could not be read (one error each, with its path).</summary>
    public IReadOnlyList<ContentDiagnostic> Problems => Index.FolderProblems;

    /// <summary>The rendered body of a page, from the cache when its files have not changed.</summary>
    public RenderedPage Render(PageEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var snapshot = Current;
        var lazy = snapshot.Rendered.GetOrAdd(entry.FullPath, _ => new Lazy<RenderedPage>(() => snapshot.Index.Render(entry, snapshot.Service)));
        try
        {
            return lazy.Value;
        }
        catch (IOException)
        {
            // Deleted or replaced between indexing and rendering: do not keep the failure cached.
            snapshot.Rendered.TryRemove(entry.FullPath, out _);
            throw;
        }
    }

    private Snapshot Current
    {
        get
        {
            var snapshot = Volatile.Read(ref _snapshot);
            if (snapshot is not null && snapshot.Version == Interlocked.Read(ref _version)) return snapshot;
            lock (_gate)
            {
                snapshot = _snapshot;
                if (snapshot is null || snapshot.Version != Interlocked.Read(ref _version))
                {
                    snapshot = Next(snapshot);
                    Volatile.Write(ref _snapshot, snapshot);
                }

                return snapshot;
            }
        }
    }

    /// <summary>The snapshot after the changes seen so far: the changed files read again, or all of them when that is not enough.</summary>
    private Snapshot Next(Snapshot? previous)
    {
        // Taken before reading, so a change made while reading is applied by the next request.
        HashSet<string> changed;
        bool everything;
        long version;
        lock (_changesGate)
        {
            (changed, everything, version) = (_changed, _readEverything, _version);
            _changed = new HashSet<string>(StringComparer.Ordinal);
            _readEverything = false;
        }

        var serviceChanged = previous is null || everything || changed.Contains(ServiceProfile.FileName);
        var (service, serviceDiagnostics) = serviceChanged ? LoadService(previous?.Service) : (previous!.Service, previous.ServiceDiagnostics);
        var updated = previous is null || everything ? null : previous.Index.Update(changed);
        var index = updated ?? PageIndex.Build(RootPath, _options, _options.Preview);
        Interlocked.Add(ref _pageFilesRead, index.FilesRead);
        var snapshot = new Snapshot(index, version, service, serviceDiagnostics);
        if (updated is not null && !serviceChanged)
        {
            // Rendered bodies depend on their own file, their language's glossary and the service
            // details: keep every one none of those changed for.
            var glossaries = changed.Where(p => p.EndsWith("/" + Glossary.GlossaryTerms.FileName, StringComparison.Ordinal))
                .Select(p => Path.Combine(RootPath, p[..p.IndexOf('/', StringComparison.Ordinal)]) + Path.DirectorySeparatorChar).ToList();
            var files = changed.Select(p => Path.Combine(RootPath, p)).ToHashSet(StringComparer.Ordinal);
            foreach (var (path, rendered) in previous!.Rendered)
            {
                if (!files.Contains(path) && !glossaries.Any(g => path.StartsWith(g, StringComparison.Ordinal))) snapshot.Rendered[path] = rendered;
            }
        }

        LogIndexed(index, updated is not null);
        return snapshot;
    }

    private FileSystemWatcher? StartWatcher()
    {
        var polling = Environment.GetEnvironmentVariable("DOTNET_USE_POLLING_FILE_WATCHER");
        if (string.Equals(polling, "1", StringComparison.Ordinal) || string.Equals(polling, "true", StringComparison.OrdinalIgnoreCase)) return null;
        FileSystemWatcher? watcher = null;
        try
        {
            watcher = new FileSystemWatcher(RootPath)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
                // Many files saved at once (a folder copied in) must not overflow the queue.
                InternalBufferSize = 64 * 1024,
            };
            watcher.Created += (_, e) => OnChanged(e.FullPath);
            watcher.Changed += (_, e) => OnChanged(e.FullPath);
            watcher.Deleted += (_, e) => OnChanged(e.FullPath);
            watcher.Renamed += (_, e) =>
            {
                OnChanged(e.OldFullPath);
                OnChanged(e.FullPath);
            };
            // Events were lost: nobody knows which files changed.
            watcher.Error += (_, _) => OnChanged(null);
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception ex) when (ex is IOException or PlatformNotSupportedException or UnauthorizedAccessException or ArgumentException)
        {
            watcher?.Dispose();
            LogWatcherUnavailable(_logger, RootPath, ex.Message);
            return null;
        }
    }

    /// <summary>A file changed (its full path), or something did (null): read it again on the next request, and tell the caches.</summary>
    private void OnChanged(string? fullPath)
    {
        string? relative = null;
        if (fullPath is not null)
        {
            relative = Path.GetRelativePath(RootPath, fullPath).Replace('\\', '/');
            // Editors' swap and backup files are never read (as the provider's own watcher ignored them).
            if (relative.Split('/').Any(part => part.StartsWith('.'))) return;
        }

        CancellationTokenSource fired;
        lock (_changesGate)
        {
            if (relative is null || relative.StartsWith("../", StringComparison.Ordinal)) _readEverything = true;
            else _changed.Add(relative);
            _version++;
            fired = _nextChange;
            _nextChange = new CancellationTokenSource();
        }

        // Not disposed: a token handed out earlier may still be asked whether it fired.
        fired.Cancel();
        LogContentChanged(_logger, RootPath);
        Changed?.Invoke();
    }

    /// <summary>Reads service.yml; on an error keeps <paramref name="lastGood"/>, and logs why.</summary>
    private (ServiceProfile? Service, IReadOnlyList<ContentDiagnostic> Diagnostics) LoadService(ServiceProfile? lastGood)
    {
        var diagnostics = new List<ContentDiagnostic>();
        var display = $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(RootPath))}/{ServiceProfile.FileName}";
        var profile = ServiceProfileReader.Load(Path.Combine(RootPath, ServiceProfile.FileName), display, SiteLanguages.From(_options).Codes.ToList(), diagnostics);
        foreach (var diagnostic in diagnostics.Where(d => d.IsError))
        {
            LogContentError(_logger, diagnostic);
        }

        if (profile is not null || !diagnostics.Any(d => d.IsError)) return (profile, diagnostics);
        if (lastGood is not null) LogServiceKept(_logger, display);
        return (lastGood, diagnostics);
    }

    private void LogIndexed(PageIndex index, bool updated)
    {
        if (updated) LogIndexUpdated(_logger, index.FilesRead, index.Pages.Count);
        else LogIndexBuilt(_logger, index.Pages.Count, index.Diagnostics.Count(d => d.IsError));
        foreach (var diagnostic in index.Diagnostics.Where(d => d.IsError))
        {
            LogContentError(_logger, diagnostic);
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _pollingWatch?.Dispose();
        _files.Dispose();
        _nextChange.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Re-read {FileCount} changed files; {PageCount} content pages")]
    private static partial void LogIndexUpdated(ILogger logger, int fileCount, int pageCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No file watcher for {RootPath} ({Reason}); every change re-reads the whole folder")]
    private static partial void LogWatcherUnavailable(ILogger logger, string rootPath, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Content under {RootPath} changed; pages will be re-read on the next request")]
    private static partial void LogContentChanged(ILogger logger, string rootPath);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{File} has errors; pages keep showing the service details it last had without errors")]
    private static partial void LogServiceKept(ILogger logger, string file);

    [LoggerMessage(Level = LogLevel.Information, Message = "Indexed {PageCount} content pages ({ErrorCount} with errors)")]
    private static partial void LogIndexBuilt(ILogger logger, int pageCount, int errorCount);

    /// <summary>Logs a content problem the way the checker prints it: file:line:column, then the problem.</summary>
    public static void LogContentError(ILogger logger, ContentDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        LogContentError(logger, $"{diagnostic.File}:{diagnostic.Line}:{diagnostic.Column}", diagnostic.Message);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Content error at {Location}: {Problem}")]
    private static partial void LogContentError(ILogger logger, string location, string problem);
}
