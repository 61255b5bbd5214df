using BoneTumorInfo.Content;
using BoneTumorInfo.Web.Seo;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace BoneTumorInfo.Web.Content;

/// <summary>
/// Content pages are kept as the bytes to send (<see cref="StoredPages"/>: plain, gzip and brotli,
/// compressed once) and served by <see cref="UseStoredContentPages"/> near the front of the
/// pipeline, before routing and response compression, so a read costs what a static file does.
/// Behind it, ASP.NET Core output caching keeps the rendered HTML (tagged "content", evicted the
/// moment a file under content/ changes), and an ETag lets a returning reader's browser get a
/// few-byte 304 instead of the page again. Only pages marked
/// <c>[OutputCache(PolicyName = Caching.ContentPolicy)]</c> and <c>[ConditionalGet]</c> are kept:
/// never the appointment form (its antiforgery token and cookie are per reader), error pages, a
/// response that sets a cookie, a signed-in request, or anything in preview.
/// </summary>
public static partial class Caching
{
    public const string ContentPolicy = "content";

    public const string ContentTag = "content";

    public static WebApplicationBuilder AddContentCaching(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<ContentCacheOptions>()
            .BindConfiguration(ContentCacheOptions.SectionName)
            .Validate(o => o.SizeLimitBytes > 0 && o.MaximumPageBytes > 0 && o.MaximumPageBytes <= o.SizeLimitBytes,
                "ContentCache:SizeLimitBytes and ContentCache:MaximumPageBytes must be positive, the page limit no more than the total.")
            .ValidateOnStart();
        services.AddSingleton<StoredPages>();
        services.AddOutputCache(options =>
        {
            options.AddPolicy(ContentPolicy, new ContentPagePolicy());
            // "/Conditions" must reach the page (which redirects it to "/conditions"), not the cached copy.
            options.UseCaseSensitivePaths = true;
            // Eviction is what keeps pages fresh; expiry only bounds the damage of a missed file event.
            options.DefaultExpirationTimeSpan = TimeSpan.FromHours(1);
            // The stored pages in front answer almost every read; this only holds HTML between a
            // change and the next reads, so it is kept small. Without limits, every made-up address
            // that reaches a page ("/about//") was one more copy (10,000 of them: 190 MB).
            options.SizeLimit = 16L * 1024 * 1024;
            options.MaximumBodySize = 1024 * 1024;
        });
        services.AddHostedService<ContentCacheEviction>();
        return builder;
    }

    /// <summary>
    /// Serves a stored page, in the form the reader accepts, before anything else runs (routing,
    /// compression, the page). Goes after request logging and before response compression.
    /// </summary>
    public static WebApplication UseStoredContentPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<IOptions<ContentOptions>>().Value.Preview) return app;
        var pages = app.Services.GetRequiredService<StoredPages>();
        var byHost = PagesVaryByHost(app.Services);
        app.Use((context, next) =>
        {
            var request = context.Request;
            return (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && IsPublicRequest(request)
                && pages.TryGetFresh(KeyOf(request, byHost), out var page)
                ? StoredPageResponse.Write(context, page, fromStore: true)
                : next(context);
        });
        return app;
    }

    /// <summary>After routing: every part reads the page's endpoint metadata.</summary>
    public static WebApplication UseContentCaching(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<IOptions<ContentOptions>>().Value.Preview)
        {
            app.UseStoringContentPages();
        }

        app.UseOutputCache();
        // Inside the output cache, so the cached copy carries the ETag and the cache itself answers 304s.
        app.UseConditionalGet();
        return app;
    }

    /// <summary>
    /// The store's key: the address as asked (case kept, so "/Conditions" still reaches its
    /// redirect), without the query string, which a content page ignores. Pages hold the site's
    /// absolute address (canonical link, share previews); without <c>Site:PublicUrl</c> that comes
    /// from the request's scheme and Host, so then each host has its own copy, and a forged Host
    /// header changes only the page sent to the one who forged it.
    /// </summary>
    private static string KeyOf(HttpRequest request, bool byHost)
    {
        var path = request.PathBase.HasValue ? request.PathBase.Value + request.Path.Value : request.Path.Value ?? "/";
        return byHost ? $"{request.Scheme}://{request.Host.Value}{path}" : path;
    }

    /// <summary>True when pages depend on the request's host: no public address is configured.</summary>
    private static bool PagesVaryByHost(IServiceProvider services) =>
        !services.GetRequiredService<IOptions<SeoOptions>>().Value.HasPublicUrl;

    /// <summary>
    /// A request that may be answered with the page every reader gets: not one carrying
    /// credentials or a sign-in cookie (the framework's default names), so a signed-in member of
    /// staff always gets a page made for them.
    /// </summary>
    private static bool IsPublicRequest(HttpRequest request)
    {
        if (!StringValues.IsNullOrEmpty(request.Headers.Authorization)) return false;
        foreach (var cookie in request.Headers.Cookie)
        {
            if (cookie is not null && (cookie.Contains(".AspNetCore.Identity.", StringComparison.Ordinal) || cookie.Contains(".AspNetCore.Cookies", StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// When a content page was not stored (first read, or made again after a change): lets the
    /// page make its plain HTML, stores it in every form, and answers this request from the store.
    /// </summary>
    private static void UseStoringContentPages(this WebApplication app)
    {
        var pages = app.Services.GetRequiredService<StoredPages>();
        var content = app.Services.GetRequiredService<ContentStore>();
        var byHost = PagesVaryByHost(app.Services);
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!HttpMethods.IsGet(request.Method) || !IsPublicRequest(request)
                || context.GetEndpoint()?.Metadata.GetMetadata<ConditionalGetAttribute>() is null)
            {
                await next(context);
                return;
            }

            // Read before the page reads the content, so an edit made while it renders is noticed.
            var generation = pages.Generation;
            var token = content.Watch();
            var response = context.Response;
            var headers = request.Headers;
            // The page below must give the whole plain page: the store makes the compressed forms
            // and answers conditional requests itself.
            var (acceptEncoding, ifNoneMatch, ifModifiedSince) = (headers.AcceptEncoding, headers.IfNoneMatch, headers.IfModifiedSince);
            headers.AcceptEncoding = default;
            headers.IfNoneMatch = default;
            headers.IfModifiedSince = default;
            using var buffer = new MemoryStream();
            await ConditionalGet.RunBuffered(context, next, buffer,
                () => (headers.AcceptEncoding, headers.IfNoneMatch, headers.IfModifiedSince) = (acceptEncoding, ifNoneMatch, ifModifiedSince));

            if (response.StatusCode == StatusCodes.Status200OK
                && StringValues.IsNullOrEmpty(response.Headers.SetCookie)
                && StringValues.IsNullOrEmpty(response.Headers.ContentEncoding)
                && buffer.Length > 0 && buffer.Length <= pages.Limits.MaximumPageBytes)
            {
                var html = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
                // A file changed while this page was made: it may hold the old text, so it is
                // sent to this reader but not kept.
                var page = pages.Store(KeyOf(request, byHost), html, PageHeaders(response.Headers), token.HasChanged ? -1 : generation);
                await StoredPageResponse.Write(context, page, fromStore: false);
                return;
            }

            if (response.StatusCode == StatusCodes.Status200OK && ConditionalGet.Matches(ifNoneMatch, response.Headers.ETag))
            {
                ConditionalGet.NotModified(response);
                return;
            }

            await ConditionalGet.SendBuffered(context, buffer);
        });
    }

    /// <summary>The headers the page itself set (Content-Type, chiefly): those the store sets per form or per response are left out.</summary>
    private static KeyValuePair<string, StringValues>[] PageHeaders(IHeaderDictionary headers) =>
        headers.Where(h => !PerResponseHeaders.Contains(h.Key)).ToArray();

    private static readonly HashSet<string> PerResponseHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        HeaderNames.ETag, HeaderNames.CacheControl, HeaderNames.Vary, HeaderNames.Age, HeaderNames.ContentLength,
        HeaderNames.ContentEncoding, HeaderNames.Date, HeaderNames.Server, HeaderNames.SetCookie, HeaderNames.TransferEncoding,
    };

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
            // A content page ignores its query string; varying by it would only let anyone fill the
            // cache with copies of the same page. The host matters only without a public address (see KeyOf).
            context.CacheVaryByRules.QueryKeys = StringValues.Empty;
            context.CacheVaryByRules.VaryByHost = PagesVaryByHost(http.RequestServices);
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

    /// <summary>
    /// Empties the cached pages whenever the content store sees a file change, and once an hour,
    /// because a page also changes with the date: past its review date it tells readers so.
    /// </summary>
    private sealed partial class ContentCacheEviction(ContentStore store, IOutputCacheStore cache, StoredPages pages, TimeProvider clock, ILogger<ContentCacheEviction> logger) : IHostedService, IDisposable
    {
        private ITimer? _hourly;

        public Task StartAsync(CancellationToken cancellationToken)
        {
            store.Changed += OnContentChanged;
            _hourly = clock.CreateTimer(_ => OnContentChanged(), null, TimeSpan.FromHours(1), TimeSpan.FromHours(1));
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            store.Changed -= OnContentChanged;
            _hourly?.Dispose();
            return Task.CompletedTask;
        }

        public void Dispose() => _hourly?.Dispose();

        // The event comes on the file watcher's thread; eviction is quick and must not throw there.
        private void OnContentChanged()
        {
            pages.Invalidate();
            _ = EvictAsync();
        }

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
