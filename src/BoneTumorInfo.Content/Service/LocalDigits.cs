namespace BoneTumorInfo.Content.Service;

/// <summary>Writes digits the way a page's readers write them: ০-৯ on Bengali pages, 0-9 elsewhere.</summary>
public static class LocalDigits
{
    private const string Bengali = "০১২৩৪৫৬৭৮৯";

    public static string In(string language, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (language != "bn") return text;
        return string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '0' and <= '9' ? Bengali[c - '0'] : c;
            }
        });
    }
}
