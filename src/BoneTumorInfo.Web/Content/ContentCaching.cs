using BoneTumorInfo.Content;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Primitives;

namespace BoneTumorInfo.Web.Content;

/// <summary>
/// Whole content pages kept in memory by ASP.NET Core output caching, tagged "content" and
/// evicted the moment a file under content/ changes; plus a validator (ETag) so a returning
/// reader's browser gets a few-byte 304 instead of the page again.
/// Only pages marked <c>[OutputCache(PolicyName = Caching.ContentPolicy)]</c> are cached: never the
/// appointment form (its antiforgery token is per reader), error pages, or anything in preview.
/// </summary>
public static partial class Caching
{
    public const string ContentPolicy = "content";

    public const string ContentTag = "content";

    public static WebApplicationBuilder AddContentCaching(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOutputCache(options =>
        {
            options.AddPolicy(ContentPolicy, new ContentPagePolicy());
            // "/Conditions" must reach the page (which redirects it to "/conditions"), not the cached copy.
            options.UseCaseSensitivePaths = true;
            // Eviction is what keeps pages fresh; expiry only bounds the damage of a missed file event.
            options.DefaultExpirationTimeSpan = TimeSpan.FromHours(1);
        });
        services.AddHostedService<ContentCacheEviction>();
        return builder;
    }

    /// <summary>After routing: both parts read the page's endpoint metadata.</summary>
    public static WebApplication UseContentCaching(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseOutputCache();
        // Inside the output cache, so the cached copy carries the ETag and the cache itself answers 304s.
        app.UseConditionalGet();
        return app;
    }

    /// <summary>
    /// The whole policy (a named policy given as an object does not include the framework's default
    /// one): GET and HEAD without credentials, 200 responses without cookies, tagged for eviction.
    /// </summary>
    private sealed class ContentPagePolicy : IOutputCachePolicy
    {
        private static readonly object TokenKey = new();

        public ValueTask CacheRequestAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var http = context.HttpContext;
            var store = http.RequestServices.GetRequiredService<ContentStore>();
            // Preview is for editors checking drafts: always the file as it is now.
            context.EnableOutputCaching = !store.Options.Preview;
            if (!context.EnableOutputCaching) return ValueTask.CompletedTask;

            var cacheable = (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method))
                && StringValues.IsNullOrEmpty(http.Request.Headers.Authorization)
                && http.User.Identity?.IsAuthenticated != true;
            context.AllowCacheLookup = cacheable;
            context.AllowCacheStorage = cacheable;
            // One request renders a page while others asking for it at the same moment wait for that copy.
            context.AllowLocking = true;
            context.Tags.Add(ContentTag);
            // A content page ignores its query string and host; varying by them would only let
            // anyone fill the cache with copies of the same page.
            context.CacheVaryByRules.QueryKeys = StringValues.Empty;
            context.CacheVaryByRules.VaryByHost = false;
            // Taken before the page reads the content, so an edit made while it renders is noticed.
            http.Items[TokenKey] = store.Watch();
            return ValueTask.CompletedTask;
        }

        public ValueTask ServeFromCacheAsync(OutputCacheContext context, CancellationToken cancellation) => ValueTask.CompletedTask;

        public ValueTask ServeResponseAsync(OutputCacheContext context, CancellationToken cancellation)
        {
            var response = context.HttpContext.Response;
            // Only whole, ordinary pages: not a 404, not a broken page's 500, not a redirect,
            // and never a response that sets a cookie (it would be handed to every reader).
            if (response.StatusCode != StatusCodes.Status200OK || !StringValues.IsNullOrEmpty(response.Headers.SetCookie))
            {
                context.AllowCacheStorage = false;
            }

            // A file changed while this response was being made: it may hold the old text, and the
            // eviction for that change has already run, so storing it would keep it until the next edit.
            if (context.HttpContext.Items[TokenKey] is IChangeToken { HasChanged: true })
            {
                context.AllowCacheStorage = false;
            }

            return ValueTask.CompletedTask;
        }
    }

    /// <summary>Empties the cached pages whenever the content store sees a file change.</summary>
    private sealed partial class ContentCacheEviction(ContentStore store, IOutputCacheStore cache, ILogger<ContentCacheEviction> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            store.Changed += OnContentChanged;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            store.Changed -= OnContentChanged;
            return Task.CompletedTask;
        }

        // The event comes on the file watcher's thread; eviction is quick and must not throw there.
        private void OnContentChanged() => _ = EvictAsync();

        private async Task EvictAsync()
        {
            try
            {
                await cache.EvictByTagAsync(ContentTag, CancellationToken.None).ConfigureAwait(false);
                LogEvicted(logger);
            }
#pragma warning disable CA1031 // A failed eviction must not take the watcher down; the log says what happened.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogEvictionFailed(logger, exception);
            }
        }

        [LoggerMessage(Level = LogLevel.Debug, Message = "Content changed; cached pages evicted")]
        private static partial void LogEvicted(ILogger logger);

        [LoggerMessage(Level = LogLevel.Error, Message = "Content changed but cached pages could not be evicted")]
        private static partial void LogEvictionFailed(ILogger logger, Exception exception);
    }
}
