using Microsoft.Extensions.Primitives;

namespace BoneTumorInfo.Web.Content;

/// <summary>The three forms a stored page is kept in.</summary>
public enum PageEncoding
{
    Identity,
    Gzip,
    Brotli,
}

/// <summary>
/// Which stored form of a page to send for an Accept-Encoding header: the acceptable coding with
/// the highest q, brotli before gzip on a tie (it is smaller), identity when neither is acceptable.
/// Parsed without allocating: it runs on every request for a page.
/// </summary>
public static class AcceptEncoding
{
    public static PageEncoding Choose(StringValues header)
    {
        if (StringValues.IsNullOrEmpty(header)) return PageEncoding.Identity;
        double br = -1, gzip = -1, any = -1;
        foreach (var value in header)
        {
            var rest = (value ?? "").AsSpan();
            while (!rest.IsEmpty)
            {
                var comma = rest.IndexOf(',');
                var item = (comma < 0 ? rest : rest[..comma]).Trim();
                rest = comma < 0 ? default : rest[(comma + 1)..];
                var semicolon = item.IndexOf(';');
                var name = (semicolon < 0 ? item : item[..semicolon]).Trim();
                var q = semicolon < 0 ? 1.0 : Quality(item[(semicolon + 1)..]);
                if (name.Equals("br", StringComparison.OrdinalIgnoreCase)) br = Math.Max(br, q);
                else if (name.Equals("gzip", StringComparison.OrdinalIgnoreCase) || name.Equals("x-gzip", StringComparison.OrdinalIgnoreCase)) gzip = Math.Max(gzip, q);
                else if (name.SequenceEqual("*")) any = Math.Max(any, q);
            }
        }

        // A coding not named is covered by "*" (RFC 9110, 12.5.3).
        if (br < 0) br = any;
        if (gzip < 0) gzip = any;
        if (br > 0 && br >= gzip) return PageEncoding.Brotli;
        return gzip > 0 ? PageEncoding.Gzip : PageEncoding.Identity;
    }

    /// <summary>The q of "q=0.5" among a coding's parameters; 1 without one, 0 for nonsense (so it is not chosen).</summary>
    private static double Quality(ReadOnlySpan<char> parameters)
    {
        while (!parameters.IsEmpty)
        {
            var semicolon = parameters.IndexOf(';');
            var parameter = (semicolon < 0 ? parameters : parameters[..semicolon]).Trim();
            parameters = semicolon < 0 ? default : parameters[(semicolon + 1)..];
            if (parameter.Length >= 2 && (parameter[0] is 'q' or 'Q') && parameter[1] == '=')
            {
                return double.TryParse(parameter[2..], System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var q)
                    && q is >= 0 and <= 1 ? q : 0;
            }
        }

        return 1;
    }
}
