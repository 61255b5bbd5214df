namespace BoneTumorInfo.Content.Languages;

/// <summary>
/// Writes digits the way a page's readers write them: the language's own digits (০-৯ for
/// Bengali, from its culture's NativeDigits), 0-9 where those are the language's own.
/// </summary>
public static class LocalDigits
{
    public static string In(string language, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string[] digits;
        try
        {
            digits = System.Globalization.CultureInfo.GetCultureInfo(language).NumberFormat.NativeDigits;
        }
        catch (System.Globalization.CultureNotFoundException)
        {
            return text;
        }

        if (digits.Length != 10 || digits[0] == "0") return text;
        var written = new System.Text.StringBuilder(text.Length);
        foreach (var c in text) written.Append(c is >= '0' and <= '9' ? digits[c - '0'] : c.ToString());
        return written.ToString();
    }
}
