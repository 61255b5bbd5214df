using BoneTumorInfo.Appointments;
using BoneTumorInfo.Content;
using BoneTumorInfo.Content.Languages;
using BoneTumorInfo.Content.Search;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Search;

public static class SearchSetup
{
    /// <summary>
    /// The search index of the content (built in the background at start-up and again after each
    /// change), the search page in every language, and the small file of searches that found nothing.
    /// </summary>
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<SearchService>();
        // The misses file sits in the data folder beside the appointment store (data/ by default).
        services.AddSingleton(sp => new SearchMissLog(
            Path.Combine(sp.GetRequiredService<IOptions<AppointmentsOptions>>().Value.DataDirectory, SearchMissLog.FileName)));
        services.AddSingleton<SearchIndexer>();
        services.AddHostedService(sp => sp.GetRequiredService<SearchIndexer>());
        // "/bn/search" and any other language's: the page checks the language is one of the site's.
        services.Configure<Microsoft.AspNetCore.Mvc.RazorPages.RazorPagesOptions>(options =>
            options.Conventions.AddPageRoute("/Search/Search", "{language:regex(^[a-z]{{2,3}}$)}/search"));
        return builder;
    }
}

/// <summary>
/// Builds the search index a moment after the site has started, or at once when someone searches
/// first (so neither start-up nor the first pages wait for it), and rebuilds it after content
/// changes, a moment after the last of a burst of file events.
/// </summary>
public sealed partial class SearchIndexer(ContentStore store, SearchService search, IHostApplicationLifetime lifetime, ILogger<SearchIndexer> logger) : BackgroundService
{
    private static readonly TimeSpan Settle = TimeSpan.FromMilliseconds(300);

    /// <summary>
    /// How long after start-up the first build waits unless a search asks for it: the first pages
    /// are served meanwhile without the build competing for the processor (about 0.4 s of CPU
    /// with the real content, several seconds at 10,000 pages).
    /// </summary>
    private static readonly TimeSpan FirstBuildDelay = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _changed = new(0);
    private readonly TaskCompletionSource _wanted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _firstBuild = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>
    /// For a search that comes before the first build: starts it now and waits for it, up to
    /// <paramref name="timeout"/>; false if it is still not built.
    /// </summary>
    public async Task<bool> FirstBuildAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        _wanted.TrySetResult();
        try
        {
            await _firstBuild.Task.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private Task WhenStarted(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        return started.Task;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        store.Changed += OnChanged;
        try
        {
            // Built once the site is listening: on two cores the first build competed with start-up
            // (28 s to the first page under load instead of a few); search answers from the previous
            // index, or says it is not ready, until then.
            await WhenStarted(stoppingToken);
            await Task.WhenAny(_wanted.Task, Task.Delay(FirstBuildDelay, stoppingToken));
            stoppingToken.ThrowIfCancellationRequested();
            Build();
            _firstBuild.TrySetResult();
            // Reading every page file twice (the page index, then this) leaves tens of megabytes of
            // garbage at 10,000 pages that the GC would keep committed for a long while, with no
            // more allocations to prompt it: give it back to the machine once, now.
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            while (!stoppingToken.IsCancellationRequested)
            {
                await _changed.WaitAsync(stoppingToken);
                // An editor's save is often several file events: wait for them to settle, then build once.
                await Task.Delay(Settle, stoppingToken);
                while (_changed.CurrentCount > 0) await _changed.WaitAsync(stoppingToken);
                Build();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            store.Changed -= OnChanged;
        }
    }

    private void OnChanged() => _changed.Release();

    private void Build()
    {
        try
        {
            search.Rebuild(store.Index);
        }
#pragma warning disable CA1031 // A failed build keeps the previous index and is logged; the site goes on.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogBuildFailed(logger, exception);
        }
    }

    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The search index could not be built; searches use the previous one")]
    private static partial void LogBuildFailed(ILogger logger, Exception exception);
}
