using System.Security.Cryptography;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace BoneTumorInfo.Web.Content;

/// <summary>
/// Marks a page whose HTML is the same for every reader, so it can carry an ETag, answer
/// If-None-Match with 304 Not Modified, and be stored compressed (<see cref="StoredPages"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConditionalGetAttribute : Attribute;

public static class ConditionalGet
{
    /// <summary>
    /// The ETag is a hash of the HTML itself, so it changes exactly when the bytes do: after an
    /// edit to this page, or to any title in its navigation, or a new stylesheet fingerprint.
    /// Each stored form of a page (plain, gzip, brotli) has its own tag, the hash plus the coding,
    /// so a cache between the site and the reader never answers one form's tag with another's bytes.
    /// Weak, because a page made again gives the same HTML but need not give the same compressed bytes.
    /// </summary>
    public static string HashOf(ReadOnlySpan<byte> html) => Convert.ToHexStringLower(SHA256.HashData(html)[..16]);

    public static string ETagOf(string hash, string? contentEncoding) =>
        contentEncoding is null ? $"W/\"{hash}\"" : $"W/\"{hash}-{contentEncoding}\"";

    /// <summary>
    /// The pages this site does not store (too big, or a page that stores nothing) still get an
    /// ETag and 304s here; stored pages are answered by <see cref="StoredPageResponse"/>.
    /// </summary>
    public static WebApplication UseConditionalGet(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                || context.GetEndpoint()?.Metadata.GetMetadata<ConditionalGetAttribute>() is null)
            {
                await next(context);
                return;
            }

            var response = context.Response;
            using var buffer = new MemoryStream();
            await RunBuffered(context, next, buffer);

            if (response.StatusCode == StatusCodes.Status200OK)
            {
                var etag = ETagOf(HashOf(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)), null);
                response.Headers.ETag = etag;
                response.Headers.CacheControl = "no-cache";
                if (Matches(request.Headers.IfNoneMatch, etag))
                {
                    NotModified(response);
                    return;
                }
            }

            await SendBuffered(context, buffer);
        });
        return app;
    }

    /// <summary>
    /// Runs the rest of the pipeline with the response body written to <paramref name="buffer"/>;
    /// the real body, and anything <paramref name="restore"/> puts back, are restored after, even on failure.
    /// </summary>
    internal static async Task RunBuffered(HttpContext context, RequestDelegate next, MemoryStream buffer, Action? restore = null)
    {
        var original = context.Response.Body;
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
            restore?.Invoke();
        }
    }

    /// <summary>Makes the response a 304: no body, so no length, type or encoding.</summary>
    internal static void NotModified(HttpResponse response)
    {
        response.StatusCode = StatusCodes.Status304NotModified;
        response.ContentLength = null;
        response.Headers.ContentType = default;
        response.Headers.ContentEncoding = default;
    }

    /// <summary>
    /// Sends a page that was written to <paramref name="buffer"/> (see <see cref="RunBuffered"/>) on to the real body. Nothing
    /// written (a 404 about to be re-executed as the not-found page, a HEAD): the length is left
    /// unset, or the status-code pages would take the response as complete.
    /// </summary>
    internal static async Task SendBuffered(HttpContext context, MemoryStream buffer)
    {
        if (buffer.Length == 0) return;
        context.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    /// <summary>True when If-None-Match names <paramref name="etag"/> (weak comparison) or is "*".</summary>
    public static bool Matches(StringValues ifNoneMatch, StringValues etag)
    {
        if (StringValues.IsNullOrEmpty(ifNoneMatch)) return false;
        // What browsers send: the tag exactly as given.
        if (ifNoneMatch.Count == 1 && string.Equals(ifNoneMatch[0], etag[0], StringComparison.Ordinal)) return true;
        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags) || !EntityTagHeaderValue.TryParse(etag[0], out var current)) return false;
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
