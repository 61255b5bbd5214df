namespace BoneTumorInfo.Content.Readability;

/// <summary>
/// Counts aksharas (orthographic syllables) and conjuncts (juktakkhor) in a Bengali word.
/// <list type="bullet">
/// <item>An akshara is a consonant, with every consonant joined to it by hasanta (্) and its
/// nukta (়), then its vowel signs (া ি ী ু ূ ৃ ে ৈ ো ৌ) and marks (ঁ ং ঃ); or an independent
/// vowel (অ আ ই … ঔ) with its marks. So "ক্যানসার" is ক্যা-ন-সা-র (4), "বাংলা" is বাং-লা (2).</item>
/// <item>Khanda ta (ৎ) has no vowel of its own and closes the akshara before it: "চিকিৎসা" is
/// চি-কিৎ-সা (3).</item>
/// <item>A juktakkhor is a consonant + hasanta + consonant ("স্ত", "ক্য", "র্ত"); the zero-width
/// joiners some keyboards put inside one (র‍্য) are ignored.</item>
/// <item>A number written in digits (৯৯৯) is read as one akshara.</item>
/// </list>
/// </summary>
public static class Aksharas
{
    private const char Hasanta = '\u09CD';
    private const char Nukta = '\u09BC';
    private const char KhandaTa = '\u09CE';

    public static bool IsConsonant(char c) => c is (>= '\u0995' and <= '\u09B9') or (>= '\u09DC' and <= '\u09DF');

    private static bool IsIndependentVowel(char c) => c is (>= '\u0985' and <= '\u0994') or '\u09E0' or '\u09E1';

    private static bool IsVowelSign(char c) => c is (>= '\u09BE' and <= '\u09CC') or '\u09D7' or '\u09E2' or '\u09E3';

    private static bool IsMark(char c) => c is '\u0981' or '\u0982' or '\u0983';

    private static bool IsJoiner(char c) => c is '\u200C' or '\u200D';

    private static bool IsDigit(char c) => c is (>= '\u09E6' and <= '\u09EF') or (>= '0' and <= '9');

    /// <summary>True when the word holds any Bengali letter.</summary>
    public static bool IsBengali(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return word.Any(c => IsConsonant(c) || IsIndependentVowel(c));
    }

    public static int Count(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var count = 0;
        var inNumber = false;
        for (var i = 0; i < word.Length;)
        {
            var c = word[i];
            if (IsConsonant(c))
            {
                count++;
                inNumber = false;
                i = SkipCluster(word, i);
            }
            else if (IsIndependentVowel(c))
            {
                count++;
                inNumber = false;
                i++;
                while (i < word.Length && (IsMark(word[i]) || IsJoiner(word[i]))) i++;
            }
            else if (IsDigit(c))
            {
                if (!inNumber) count++;
                inNumber = true;
                i++;
            }
            else
            {
                if (c == KhandaTa && count == 0) count++;
                if (c != KhandaTa) inNumber = false;
                i++;
            }
        }

        return count;
    }

    /// <summary>True when the word has a juktakkhor: consonant + hasanta + consonant.</summary>
    public static bool HasConjunct(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        for (var i = 0; i < word.Length; i++)
        {
            if (!IsConsonant(word[i])) continue;
            var j = i + 1;
            if (j < word.Length && word[j] == Nukta) j++;
            while (j < word.Length && IsJoiner(word[j])) j++;
            if (j >= word.Length || word[j] != Hasanta) continue;
            j++;
            while (j < word.Length && IsJoiner(word[j])) j++;
            if (j < word.Length && IsConsonant(word[j])) return true;
        }

        return false;
    }

    /// <summary>From a consonant: past its conjuncts, nukta, vowel signs, marks, a final hasanta and a khanda ta.</summary>
    private static int SkipCluster(string word, int i)
    {
        i++;
        while (true)
        {
            while (i < word.Length && (word[i] == Nukta || IsJoiner(word[i]))) i++;
            if (i < word.Length && word[i] == Hasanta)
            {
                var j = i + 1;
                while (j < word.Length && IsJoiner(word[j])) j++;
                if (j < word.Length && IsConsonant(word[j]))
                {
                    i = j + 1;
                    continue;
                }

                i = j; // a hasanta that ends the word
            }

            break;
        }

        while (i < word.Length && (IsVowelSign(word[i]) || IsMark(word[i]) || IsJoiner(word[i]) || word[i] == KhandaTa)) i++;
        return i;
    }
}
