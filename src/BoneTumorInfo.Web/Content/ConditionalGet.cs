using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace BoneTumorInfo.Web.Content;

/// <summary>
/// Marks a page whose HTML is the same for every reader, so it can carry an ETag and answer
/// If-None-Match with 304 Not Modified.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConditionalGetAttribute : Attribute;

public static class ConditionalGet
{
    /// <summary>
    /// The ETag is a hash of the HTML itself, so it changes exactly when the bytes do: after an
    /// edit to this page, or to any title in its navigation, or a new stylesheet fingerprint.
    /// It is weak because compression later changes the bytes but not the meaning.
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
            var original = response.Body;
            using var buffer = new MemoryStream();
            response.Body = buffer;
            try
            {
                await next(context);
            }
            finally
            {
                response.Body = original;
            }

            if (response.StatusCode == StatusCodes.Status200OK)
            {
                var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length))[..16])}\"", isWeak: true);
                response.Headers.ETag = etag.ToString();
                // Keep it, but ask every time: health information should not be read stale, and
                // the asking costs a 304 of a few hundred bytes.
                response.Headers.CacheControl = "no-cache";
                if (Matches(request.Headers.IfNoneMatch, etag))
                {
                    response.StatusCode = StatusCodes.Status304NotModified;
                    response.ContentLength = null;
                    response.Headers.ContentType = default;
                    return;
                }
            }

            // Nothing written (a 404 about to be re-executed as the not-found page, a HEAD): leave
            // the length unset, or the status-code pages would take the response as complete.
            if (buffer.Length == 0) return;
            response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        });
        return app;
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues ifNoneMatch, EntityTagHeaderValue current)
    {
        if (!EntityTagHeaderValue.TryParseList(ifNoneMatch, out var tags)) return false;
        return tags.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }
}
