using System.Text;

namespace BoneTumorInfo.Appointments;

/// <summary>Text as people type it on phones, made comparable.</summary>
internal static class TypedText
{
    private const char ZeroWidthNonJoiner = '\u200C';
    private const char ZeroWidthJoiner = '\u200D';

    /// <summary>
    /// NFC, then without zero-width joiners and non-joiners. Bengali keyboards differ in whether
    /// they type য় as one letter or as য plus nukta, and in the joiners they put around conjuncts;
    /// after this the same word is the same string.
    /// </summary>
    public static string Normalise(string text)
    {
        var nfc = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        return nfc.AsSpan().IndexOfAny(ZeroWidthNonJoiner, ZeroWidthJoiner) < 0
            ? nfc
            : nfc.Replace(ZeroWidthNonJoiner.ToString(), "", StringComparison.Ordinal).Replace(ZeroWidthJoiner.ToString(), "", StringComparison.Ordinal);
    }
}
