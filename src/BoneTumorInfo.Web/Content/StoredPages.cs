using System.Collections.Concurrent;
using System.IO.Compression;
using System.Threading.Channels;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace BoneTumorInfo.Web.Content;

/// <summary>Limits on the memory the stored pages may take (section <c>ContentCache</c>).</summary>
public sealed class ContentCacheOptions
{
    public const string SectionName = "ContentCache";

    /// <summary>
    /// All stored pages together (every form of each). When full, the least recently read go
    /// first, so a flood of made-up addresses cannot take the server's memory.
    /// </summary>
    public long SizeLimitBytes { get; set; } = 96L * 1024 * 1024;

    /// <summary>A page bigger than this is served as made, not stored (the content limits keep real pages far below).</summary>
    public long MaximumPageBytes { get; set; } = 1024 * 1024;
}

/// <summary>One form of a stored page: its bytes and the headers that name them.</summary>
public sealed class StoredVariant(byte[] body, string etag, string? contentEncoding)
{
    public byte[] Body { get; } = body;

    public StringValues ETag { get; } = etag;

    public StringValues ContentEncoding { get; } = contentEncoding;
}

/// <summary>A page as sent: the same HTML as brotli, gzip and plain, each with its own ETag.</summary>
public sealed class StoredPage
{
    internal StoredPage(string hash, StoredVariant identity, StoredVariant gzip, StoredVariant brotli, KeyValuePair<string, StringValues>[] headers, long generation, bool atHighest)
    {
        Hash = hash;
        Identity = identity;
        Gzip = gzip;
        Brotli = brotli;
        Headers = headers;
        Generation = generation;
        AtHighest = atHighest;
        StoredAt = Environment.TickCount64;
    }

    /// <summary>
    /// False while the compressed forms are the quick ones the page was first sent with; the
    /// highest-level forms replace them a moment later (the same HTML, so the same weak ETags).
    /// </summary>
    public bool AtHighest { get; }

    /// <summary>The hash of the HTML: a page made again with the same hash needs no new compression.</summary>
    public string Hash { get; }

    public StoredVariant Identity { get; }

    public StoredVariant Gzip { get; }

    public StoredVariant Brotli { get; }

    /// <summary>The page's own headers (Content-Type and any others it set), sent with every form.</summary>
    public KeyValuePair<string, StringValues>[] Headers { get; }

    /// <summary>The content generation the page was made in; after any file changes it is made again before it is served.</summary>
    public long Generation { get; }

    internal long StoredAt { get; }

    internal long Size => Identity.Body.Length + Gzip.Body.Length + Brotli.Body.Length + 512;

    public StoredVariant For(PageEncoding encoding) => encoding switch
    {
        PageEncoding.Brotli => Brotli,
        PageEncoding.Gzip => Gzip,
        _ => Identity,
    };

    internal StoredPage InGeneration(long generation) => new(Hash, Identity, Gzip, Brotli, Headers, generation, AtHighest);

    internal StoredPage AtHighestLevel(StoredVariant gzip, StoredVariant brotli) => new(Hash, Identity, gzip, brotli, Headers, Generation, atHighest: true);
}

/// <summary>
/// Content pages as the bytes to send, compressed once per change, so no later request renders or
/// compresses anything. After a file changes every page is made again on its next request (titles
/// feed every page's navigation), but one whose HTML comes out the same keeps its compressed forms.
/// </summary>
/// <remarks>
/// A page's first reader (after start-up or a change) gets forms compressed at a quick level
/// (brotli 4, gzip 6: about a millisecond), and the page is stored with them. One background
/// worker then compresses it at the highest levels (brotli 11, gzip 9: tens of milliseconds a
/// page) and replaces the stored forms, so every later reader on slow mobile data gets the
/// smallest page, and no reader waits for that compression. The ETags are weak and name the
/// HTML, which both levels carry unchanged, so a reader holding the quick form still gets a 304.
/// </remarks>
public sealed partial class StoredPages : IDisposable
{
    private readonly MemoryCache _pages;
    private readonly Lock _gate = new();
    private readonly Channel<string> _toCompress = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, byte> _waiting = new(StringComparer.Ordinal);
    private readonly ILogger<StoredPages> _logger;
    private long _generation;

    public StoredPages(IOptions<ContentCacheOptions> options, ILogger<StoredPages> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        Limits = options.Value;
        _logger = logger;
        _pages = new MemoryCache(new MemoryCacheOptions { SizeLimit = Limits.SizeLimitBytes, CompactionPercentage = 0.25 });
        _ = Task.Run(CompressAtHighestLoopAsync);
    }

    public ContentCacheOptions Limits { get; }

    /// <summary>Changes whenever a content file does; pages stored before are made again before they are served.</summary>
    public long Generation => Volatile.Read(ref _generation);

    /// <summary>Bytes held now (all forms of all pages), for tests and diagnostics.</summary>
    public long CurrentSize => _pages.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public int Count => _pages.Count;

    /// <summary>How many new pages were compressed (for tests: an unchanged page is not compressed twice).</summary>
    public long Compressions => Interlocked.Read(ref _compressions);

    /// <summary>How many stored pages were compressed again at the highest levels (for tests).</summary>
    public long CompressedAtHighest => Interlocked.Read(ref _compressedAtHighest);

    private long _compressions;
    private long _compressedAtHighest;

    public void Invalidate()
    {
        lock (_gate)
        {
            _generation++;
        }
    }

    /// <summary>The stored page for an address, if it was made since the last content change.</summary>
    public bool TryGetFresh(string key, out StoredPage page)
    {
        if (_pages.TryGetValue(key, out StoredPage? stored) && stored!.Generation == Generation)
        {
            page = stored;
            return true;
        }

        page = null!;
        return false;
    }

    /// <summary>
    /// Stores the HTML just made for an address, compressing it unless the page stored before had
    /// the same HTML. Not kept if a file changed since <paramref name="generation"/> was read.
    /// </summary>
    public StoredPage Store(string key, ReadOnlySpan<byte> html, KeyValuePair<string, StringValues>[] headers, long generation)
    {
        ArgumentNullException.ThrowIfNull(key);
        var hash = ConditionalGet.HashOf(html);
        StoredPage page;
        if (_pages.TryGetValue(key, out StoredPage? earlier) && earlier!.Hash == hash)
        {
            page = earlier.InGeneration(generation);
        }
        else
        {
            var identity = new StoredVariant(html.ToArray(), ConditionalGet.ETagOf(hash, null), null);
            Interlocked.Increment(ref _compressions);
            var (gzip, brotli) = Compress(identity.Body, hash, Quick);
            page = new StoredPage(hash, identity, gzip, brotli, headers, generation, atHighest: false);
        }

        var stored = false;
        lock (_gate)
        {
            // A page made while a file changed may hold the old text: serve it to this reader only.
            if (generation == _generation)
            {
                _pages.Set(key, page, EntryOptions(key, page));
                stored = true;
            }
        }

        if (stored && !page.AtHighest && _waiting.TryAdd(key, 0)) _toCompress.Writer.TryWrite(key);
        return page;
    }

    /// <summary>Compresses stored pages at the highest levels, one at a time, and puts them in place of the quick forms.</summary>
    private async Task CompressAtHighestLoopAsync()
    {
        while (await _toCompress.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            while (_toCompress.Reader.TryRead(out var key))
            {
                _waiting.TryRemove(key, out _);
                try
                {
                    CompressAtHighest(key);
                }
                catch (ObjectDisposedException)
                {
                    return; // The site is stopping.
                }
#pragma warning disable CA1031 // The page stays stored with its quick forms; readers still get it whole.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    LogCompressFailed(_logger, ex);
                }
            }
        }
    }

    private void CompressAtHighest(string key)
    {
        if (!_pages.TryGetValue(key, out StoredPage? quick) || quick!.AtHighest || quick.Generation != Generation) return;
        var (gzip, brotli) = Compress(quick.Identity.Body, quick.Hash, Highest);
        lock (_gate)
        {
            // Still the same HTML, not yet replaced, and no file changed meanwhile.
            if (_pages.TryGetValue(key, out StoredPage? now) && now!.Hash == quick.Hash && !now.AtHighest && now.Generation == _generation)
            {
                var page = now.AtHighestLevel(gzip, brotli);
                _pages.Set(key, page, EntryOptions(key, page));
                Interlocked.Increment(ref _compressedAtHighest);
            }
        }
    }

    private static MemoryCacheEntryOptions EntryOptions(string key, StoredPage page) => new() { Size = page.Size + (key.Length * 2) };

    private readonly record struct Levels(int Brotli, int Gzip);

    /// <summary>About a millisecond for a 20 KB page, for its first reader.</summary>
    private static readonly Levels Quick = new(Brotli: 4, Gzip: 6);

    /// <summary>
    /// Slow (tens of milliseconds a page) but done once per page per change, off every reader's
    /// path, and every reader on slow mobile data then gets the smallest page.
    /// </summary>
    private static readonly Levels Highest = new(Brotli: 11, Gzip: 9);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A stored page could not be compressed at the highest level; it is served with its quick compression")]
    private static partial void LogCompressFailed(ILogger logger, Exception exception);

    private static (StoredVariant Gzip, StoredVariant Brotli) Compress(byte[] html, string hash, Levels levels)
    {
        var brotli = new byte[BrotliEncoder.GetMaxCompressedLength(html.Length)];
        if (!BrotliEncoder.TryCompress(html, brotli, out var written, quality: levels.Brotli, window: 22))
        {
            throw new InvalidOperationException("Brotli could not compress the page");
        }

        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, new ZLibCompressionOptions { CompressionLevel = levels.Gzip }, leaveOpen: true))
        {
            gzip.Write(html);
        }

        return (new StoredVariant(gzipped.ToArray(), ConditionalGet.ETagOf(hash, "gzip"), "gzip"),
            new StoredVariant(brotli.AsSpan(0, written).ToArray(), ConditionalGet.ETagOf(hash, "br"), "br"));
    }

    public void Dispose()
    {
        _toCompress.Writer.TryComplete();
        _pages.Dispose();
    }
}

/// <summary>Writes a stored page in the form the request asks for, or a 304 when the reader has that form already.</summary>
public static class StoredPageResponse
{
    private static readonly StringValues NoCache = "no-cache";
    private static readonly StringValues VaryAcceptEncoding = HeaderNames.AcceptEncoding;

    public static Task Write(HttpContext context, StoredPage page, bool fromStore)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(page);
        var request = context.Request;
        var response = context.Response;
        var variant = page.For(AcceptEncoding.Choose(request.Headers.AcceptEncoding));
        var headers = response.Headers;
        headers.ETag = variant.ETag;
        // Keep it, but ask every time: health information should not be read stale, and the
        // asking costs a 304 of a few hundred bytes.
        headers.CacheControl = NoCache;
        headers.Vary = VaryAcceptEncoding;
        if (fromStore)
        {
            headers.Age = ((Environment.TickCount64 - page.StoredAt) / 1000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (ConditionalGet.Matches(request.Headers.IfNoneMatch, variant.ETag))
        {
            ConditionalGet.NotModified(response);
            return Task.CompletedTask;
        }

        foreach (var header in page.Headers)
        {
            headers[header.Key] = header.Value;
        }

        headers.ContentEncoding = variant.ContentEncoding;
        headers.ContentLength = variant.Body.Length;
        return HttpMethods.IsHead(request.Method) ? Task.CompletedTask : response.Body.WriteAsync(variant.Body, context.RequestAborted).AsTask();
    }
}
