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
/// The live view of the content folder: the page index and rendered pages, cached until a file
/// under the folder is added, changed or deleted. The file watcher's change token invalidates
/// the cache; nothing checks the disk per request.
/// </summary>
public sealed partial class ContentStore : IDisposable
{
    private readonly ContentOptions _options;
    private readonly ILogger<ContentStore> _logger;
    private readonly PhysicalFileProvider _files;
    private readonly Lock _gate = new();
    private readonly IDisposable _watch;
    private Snapshot? _snapshot;

    private sealed record Snapshot(PageIndex Index, IChangeToken Token, ServiceProfile? Service, IReadOnlyList<ContentDiagnostic> ServiceDiagnostics)
    {
        public ConcurrentDictionary<string, Lazy<RenderedPage>> Rendered { get; } = new(StringComparer.Ordinal);
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
        _watch = ChangeToken.OnChange(() => _files.Watch("**/*"), OnFilesChanged);
    }

    public string RootPath { get; }

    public ContentOptions Options => _options;

    /// <summary>Raised after any file under the content folder changes (for output-cache eviction).</summary>
    public event Action? Changed;

    /// <summary>A token that fires on the next change under the content folder.</summary>
    public IChangeToken Watch() => _files.Watch("**/*");

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
            if (snapshot is not null && !snapshot.Token.HasChanged) return snapshot;
            lock (_gate)
            {
                snapshot = _snapshot;
                if (snapshot is null || snapshot.Token.HasChanged)
                {
                    // Take the token before reading, so an edit made while indexing is not missed.
                    var token = _files.Watch("**/*");
                    var (service, serviceDiagnostics) = LoadService(snapshot?.Service);
                    snapshot = new Snapshot(PageIndex.Build(RootPath, _options, _options.Preview), token, service, serviceDiagnostics);
                    LogIndexed(snapshot.Index);
                    Volatile.Write(ref _snapshot, snapshot);
                }

                return snapshot;
            }
        }
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

    private void OnFilesChanged()
    {
        LogContentChanged(_logger, RootPath);
        Changed?.Invoke();
    }

    private void LogIndexed(PageIndex index)
    {
        LogIndexBuilt(_logger, index.Pages.Count, index.Diagnostics.Count(d => d.IsError));
        foreach (var diagnostic in index.Diagnostics.Where(d => d.IsError))
        {
            LogContentError(_logger, diagnostic);
        }
    }

    public void Dispose()
    {
        _watch.Dispose();
        _files.Dispose();
    }

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
