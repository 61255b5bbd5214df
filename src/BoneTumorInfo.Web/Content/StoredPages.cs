using System.Collections.Concurrent;
using System.IO.Compression;
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
    internal StoredPage(string hash, StoredVariant identity, StoredVariant gzip, StoredVariant brotli, KeyValuePair<string, StringValues>[] headers, long generation)
    {
        Hash = hash;
        Identity = identity;
        Gzip = gzip;
        Brotli = brotli;
        Headers = headers;
        Generation = generation;
        StoredAt = Environment.TickCount64;
    }

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

    internal StoredPage InGeneration(long generation) => new(Hash, Identity, Gzip, Brotli, Headers, generation);
}

/// <summary>
/// Content pages as the bytes to send, compressed once at the highest level when a page is first
/// made after a change, so no request renders or compresses anything. After a file changes every
/// page is made again on its next request (titles feed every page's navigation), but one whose
/// HTML comes out the same keeps its compressed forms.
/// </summary>
public sealed class StoredPages : IDisposable
{
    private readonly MemoryCache _pages;
    private readonly Lock _gate = new();
    private readonly ConcurrentDictionary<string, Lazy<(StoredVariant Gzip, StoredVariant Brotli)>> _compressing = new(StringComparer.Ordinal);
    private long _generation;

    public StoredPages(IOptions<ContentCacheOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Limits = options.Value;
        _pages = new MemoryCache(new MemoryCacheOptions { SizeLimit = Limits.SizeLimitBytes, CompactionPercentage = 0.25 });
    }

    public ContentCacheOptions Limits { get; }

    /// <summary>Changes whenever a content file does; pages stored before are made again before they are served.</summary>
    public long Generation => Volatile.Read(ref _generation);

    /// <summary>Bytes held now (all forms of all pages), for tests and diagnostics.</summary>
    public long CurrentSize => _pages.GetCurrentStatistics()?.CurrentEstimatedSize ?? 0;

    public int Count => _pages.Count;

    /// <summary>How many pages were compressed (for tests: an unchanged page is not compressed twice).</summary>
    public long Compressions => Interlocked.Read(ref _compressions);

    private long _compressions;

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
            // Readers asking for the same new page at the same moment wait for one compression.
            var lazy = _compressing.GetOrAdd(hash, _ => new Lazy<(StoredVariant, StoredVariant)>(() => Compress(identity.Body, hash)));
            try
            {
                var (gzip, brotli) = lazy.Value;
                page = new StoredPage(hash, identity, gzip, brotli, headers, generation);
            }
            finally
            {
                _compressing.TryRemove(new KeyValuePair<string, Lazy<(StoredVariant, StoredVariant)>>(hash, lazy));
            }
        }

        lock (_gate)
        {
            // A page made while a file changed may hold the old text: serve it to this reader only.
            if (generation == _generation)
            {
                _pages.Set(key, page, new MemoryCacheEntryOptions { Size = page.Size + (key.Length * 2) });
            }
        }

        return page;
    }

    private (StoredVariant Gzip, StoredVariant Brotli) Compress(byte[] html, string hash)
    {
        Interlocked.Increment(ref _compressions);
        // The highest levels: slow (tens of milliseconds) but done once per page per change,
        // and every reader on slow mobile data gets the smallest page.
        var brotli = new byte[BrotliEncoder.GetMaxCompressedLength(html.Length)];
        if (!BrotliEncoder.TryCompress(html, brotli, out var written, quality: 11, window: 22))
        {
            throw new InvalidOperationException("Brotli could not compress the page");
        }

        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, new ZLibCompressionOptions { CompressionLevel = 9 }, leaveOpen: true))
        {
            gzip.Write(html);
        }

        return (new StoredVariant(gzipped.ToArray(), ConditionalGet.ETagOf(hash, "gzip"), "gzip"),
            new StoredVariant(brotli.AsSpan(0, written).ToArray(), ConditionalGet.ETagOf(hash, "br"), "br"));
    }

    public void Dispose() => _pages.Dispose();
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
