namespace BoneTumorInfo.Content.Readability;

/// <summary>
/// Counts the syllables of an English word by rule, as most readability tools do (no .NET
/// syllable library is maintained, and a dictionary would not know the medical words here):
/// <list type="number">
/// <item>Letters only, lower case; words of three letters or fewer have one syllable.</item>
/// <item>A silent ending is dropped: final "e" (but not consonant + "le", as in "table"), "es"
/// (except after s, x, z, ch, sh, ce, ge: "boxes"), "ed" (except after t or d: "wanted").</item>
/// <item>Each run of vowels (a, e, i, o, u, y) is a syllable…</item>
/// <item>…plus one where a run holds two vowels said apart: "io" ("biopsy", but not "-tion",
/// "-sion", "-cious", "-tious"), "ia" ("anaesthesia", but not "-cial", "-tial", "-cian"), "eo"
/// ("osteosarcoma").</item>
/// <item>A few common words the rules get wrong are listed.</item>
/// </list>
/// Hyphenated words are the sum of their parts ("x-ray" = 2).
/// </summary>
public static class Syllables
{
    private static readonly Dictionary<string, int> Exceptions = new(StringComparer.Ordinal)
    {
        ["people"] = 2,
        ["every"] = 2,
        ["everyone"] = 3,
        ["everything"] = 3,
        ["area"] = 3,
        ["idea"] = 3,
        ["create"] = 2,
        ["science"] = 2,
        ["quiet"] = 2,
        ["being"] = 2,
        ["doing"] = 2,
        ["going"] = 2,
        ["seeing"] = 2,
        ["someone"] = 2,
        ["sometimes"] = 2,
        ["something"] = 2,
        ["before"] = 2,
        ["more"] = 1,
        ["there"] = 1,
        ["where"] = 1,
        ["here"] = 1,
        ["were"] = 1,
        ["once"] = 1,
        ["fire"] = 1,
        ["hour"] = 1,
        ["hours"] = 1,
        ["our"] = 1,
        ["your"] = 1,
        ["yourself"] = 2,
        ["naturally"] = 4,
        ["usually"] = 4,
        ["really"] = 2,
    };

    public static int Count(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var parts = word.Split('-', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 1 ? parts.Sum(CountOne) : CountOne(word);
    }

    private static int CountOne(string word)
    {
        var w = new string(word.ToLowerInvariant().Where(char.IsLetter).ToArray());
        if (w.Length == 0) return 1; // a number or symbol is read as one beat
        if (Exceptions.TryGetValue(w, out var known)) return known;
        if (w.Length <= 3) return 1;

        w = DropSilentEnding(w);

        var count = 0;
        var inVowels = false;
        for (var i = 0; i < w.Length; i++)
        {
            var vowel = IsVowel(w[i]) && !(w[i] == 'u' && i > 0 && w[i - 1] == 'q');
            if (vowel && !inVowels) count++;
            inVowels = vowel;
        }

        count += SplitPairs(w);
        return Math.Max(1, count);
    }

    private static string DropSilentEnding(string w)
    {
        if (w.EndsWith('e') && !w.EndsWith("ee", StringComparison.Ordinal)
            && !(w.EndsWith("le", StringComparison.Ordinal) && w.Length > 2 && !IsVowel(w[^3])))
        {
            return w[..^1];
        }

        if (w.EndsWith("es", StringComparison.Ordinal) && w.Length > 3
            && !(w[^3] is 's' or 'x' or 'z' || w.EndsWith("ches", StringComparison.Ordinal) || w.EndsWith("shes", StringComparison.Ordinal)
                || w.EndsWith("ces", StringComparison.Ordinal) || w.EndsWith("ges", StringComparison.Ordinal))
            && !IsVowel(w[^3]))
        {
            return w[..^2];
        }

        if (w.EndsWith("ed", StringComparison.Ordinal) && w.Length > 3 && w[^3] is not ('t' or 'd') && !IsVowel(w[^3]))
        {
            return w[..^2];
        }

        return w;
    }

    private static int SplitPairs(string w)
    {
        var extra = 0;
        for (var i = 0; i + 1 < w.Length; i++)
        {
            var pair = w.AsSpan(i, 2);
            var rest = w.AsSpan(i);
            var before = i > 0 ? w[i - 1] : ' ';
            if (pair is "io" && !(before is 't' or 's' or 'c' or 'x' && (rest.StartsWith("ion") || rest.StartsWith("ious"))))
            {
                extra++;
            }
            else if (pair is "ia" && !(before is 'c' or 't' && (rest.StartsWith("ial") || rest.StartsWith("ian"))))
            {
                extra++;
            }
            else if (pair is "eo")
            {
                extra++;
            }
        }

        return extra;
    }

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';
}
