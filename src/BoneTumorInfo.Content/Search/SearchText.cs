using System.Globalization;
using System.Text;

namespace BoneTumorInfo.Content.Search;

/// <summary>One word of a text: where it stands in the text as written, and the term the index keeps for it.</summary>
public readonly record struct SearchToken(int Start, int Length, string Term);

/// <summary>
/// How the search index and the query cut text into words and fold them into terms. Both sides go
/// through here, so whatever is folded (spelling, case, Bengali conjuncts) matches on both.
/// </summary>
/// <remarks>
/// SQLite's unicode61 tokenizer treats Unicode marks (Mn/Mc) as separators, which cuts Bengali words
/// at every vowel sign ("হাড়" would become "হা"): so words are cut here, where a word is a run of
/// letters, marks and digits, and the index is handed terms joined by spaces.
/// </remarks>
public static class SearchText
{
    /// <summary>Text as compressed UTF-8 bytes (brotli, fastest level): what a document keeps of its body.</summary>
    public static byte[] Pack(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0) return [];
        var utf8 = Encoding.UTF8.GetBytes(text);
        var packed = new byte[System.IO.Compression.BrotliEncoder.GetMaxCompressedLength(utf8.Length)];
        if (!System.IO.Compression.BrotliEncoder.TryCompress(utf8, packed, out var written, quality: 1, window: 22))
        {
            throw new InvalidOperationException("Brotli could not compress a search document's text.");
        }

        return packed[..written];
    }

    /// <summary>The text <see cref="Pack"/> was given.</summary>
    public static string Unpack(byte[] packed)
    {
        ArgumentNullException.ThrowIfNull(packed);
        if (packed.Length == 0) return "";
        // Text compresses about four to eight times; the buffer doubles until it fits.
        for (var size = Math.Max(packed.Length * 8, 4096); size <= 256 * 1024 * 1024; size *= 2)
        {
            var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(size);
            try
            {
                if (System.IO.Compression.BrotliDecoder.TryDecompress(packed, buffer, out var written))
                {
                    return Encoding.UTF8.GetString(buffer, 0, written);
                }
            }
            finally
            {
                System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        throw new InvalidDataException("A search document's packed text could not be read.");
    }

    private const char Virama = '\u09CD';

    /// <summary>Every word of <paramref name="text"/>, with its position in the text as written.</summary>
    public static IEnumerable<SearchToken> Tokens(string? text)
    {
        if (string.IsNullOrEmpty(text)) yield break;
        foreach (var (start, length) in Words(text))
        {
            var term = Fold(text.AsSpan(start, length));
            if (term.Length > 0) yield return new SearchToken(start, length, term);
        }
    }

    /// <summary>Where each word of <paramref name="text"/> stands, before folding (see <see cref="Fold"/>).</summary>
    public static IEnumerable<(int Start, int Length)> Words(string text)
    {
        var at = 0;
        while (NextWord(text, ref at, out var start)) yield return (start, at - start);
    }

    /// <summary>
    /// The next word of <paramref name="text"/> from <paramref name="at"/>: false when there is
    /// none; otherwise it runs from <paramref name="start"/> to the new <paramref name="at"/>.
    /// The index's loop, without an enumerator per text.
    /// </summary>
    public static bool NextWord(string text, ref int at, out int start)
    {
        var i = at;
        while (i < text.Length && !IsWordStart(text[i])) i++;
        start = i;
        while (i < text.Length && IsWordChar(text[i])) i++;
        at = i;
        return i > start;
    }

    /// <summary>The terms of a text, in order.</summary>
    public static IEnumerable<string> Terms(string? text) => Tokens(text).Select(t => t.Term);

    /// <summary>The terms of a text joined by spaces: what the full-text table is given.</summary>
    public static string Indexable(string? text) => string.Join(' ', Terms(text));

    // What each character below U+0A00 (Latin and Bengali, nearly every character here) is, looked
    // up rather than asked of the Unicode tables for every character of every page.
    private const char TableEnd = '\u0A00';
    private const byte Start = 1, Inside = 2;
    private static readonly byte[] Kinds = BuildKinds();

    private static byte[] BuildKinds()
    {
        var kinds = new byte[TableEnd];
        for (var c = 0; c < kinds.Length; c++)
        {
            kinds[c] = IsWordStartSlow((char)c) ? (byte)(Start | Inside) : IsWordCharSlow((char)c) ? Inside : (byte)0;
        }

        return kinds;
    }

    /// <summary>Letters, digits, and the marks and joiners that sit inside Bengali words.</summary>
    private static bool IsWordChar(char c) => c < TableEnd ? (Kinds[c] & Inside) != 0 : IsWordCharSlow(c);

    /// <summary>A word starts with a letter or digit, never with a mark.</summary>
    private static bool IsWordStart(char c) => c < TableEnd ? (Kinds[c] & Start) != 0 : IsWordStartSlow(c);

    private static bool IsWordCharSlow(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c) || IsMarkOrJoiner(c);

    private static bool IsWordStartSlow(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    private static bool IsMarkOrJoiner(char c) =>
        c is '\u200C' or '\u200D' || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

    /// <summary>True for a term in a script written with Latin letters (English, and English words on Bengali pages).</summary>
    public static bool IsLatin(string term) => term.Length > 0 && term.All(c => c < 0x250);

    /// <summary>
    /// One word as the index keeps it. All scripts: lower case, NFC (so "ড়" typed as one letter or as
    /// ড plus a dot matches), no zero-width joiners, Bengali digits as 0–9. Bengali: the virama is
    /// dropped, so "ক্যান্সার" and "ক্যানসার", both common, are one term; vowel signs stay. English:
    /// plurals folded, and British spellings folded to American (tumour → tumor, anaesthesia →
    /// anesthesia, oedema → edema), so either spelling finds the other.
    /// </summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        // Most words are plain English: lower-case them without the general path's checks.
        if (!word.ContainsAnyExceptInRange('\0', '\u007F'))
        {
            Span<char> lower = word.Length <= 128 ? stackalloc char[word.Length] : new char[word.Length];
            word.ToLowerInvariant(lower);
            return FoldEnglish(new string(lower));
        }

        // Room for ড় ঢ় য় written out as two characters each.
        Span<char> buffer = word.Length <= 64 ? stackalloc char[word.Length * 2] : new char[word.Length * 2];
        var length = 0;
        var otherScript = false;
        foreach (var c in word)
        {
            switch (c)
            {
                // Joiners change how a conjunct is drawn, not the word; the virama is folded (see above).
                case '\u200C' or '\u200D' or Virama:
                    continue;
                // NFC by hand for Bengali (ICU's check costs more than the rest of the word): these
                // three letters are decomposed by NFC into the letter and a nukta...
                case '\u09DC' or '\u09DD' or '\u09DF':
                    buffer[length++] = c switch { '\u09DC' => '\u09A1', '\u09DD' => '\u09A2', _ => '\u09AF' };
                    buffer[length++] = '\u09BC';
                    continue;
                // ...and the two-part vowel signs ো and ৌ are composed from their halves.
                case '\u09BE' or '\u09D7' when length > 0 && buffer[length - 1] == '\u09C7':
                    buffer[length - 1] = c == '\u09BE' ? '\u09CB' : '\u09CC';
                    continue;
            }

            if (c > 127 && char.IsDigit(c))
            {
                buffer[length++] = (char)('0' + (int)char.GetNumericValue(c));
                continue;
            }

            otherScript |= c > 0x24F && c is < '\u0980' or > '\u09FF';
            buffer[length++] = char.ToLowerInvariant(c);
        }

        var folded = new string(buffer[..length]);
        if (otherScript && !folded.IsNormalized(NormalizationForm.FormC))
        {
            folded = folded.Normalize(NormalizationForm.FormC);
            if (folded.Contains(Virama, StringComparison.Ordinal)) folded = folded.Replace(Virama.ToString(), "", StringComparison.Ordinal);
        }

        return IsLatin(folded) ? FoldEnglish(folded) : folded;
    }

    /// <summary>Plural to singular (a light "S-stemmer"), then British spelling to American.</summary>
    private static string FoldEnglish(string word)
    {
        if (word.Length > 4 && word.EndsWith("ies", StringComparison.Ordinal) && !word.EndsWith("eies", StringComparison.Ordinal) && !word.EndsWith("aies", StringComparison.Ordinal))
        {
            word = word[..^3] + "y";
        }
        else if (word.Length > 3 && word[^1] == 's' && word[^2] is not ('s' or 'u' or 'i'))
        {
            // "tumours" → "tumour", "bones" → "bone"; not "less", "virus", "metastasis".
            word = word[..^1];
        }

        // ae → e: anaesthesia, paediatric, orthopaedic, haemoglobin.
        if (word.Length > 3 && word.Contains("ae", StringComparison.Ordinal)) word = word.Replace("ae", "e", StringComparison.Ordinal);
        // oe → e inside a word (oedema, foetus, diarrhoea, oesophagus), not at its end (toe, shoe) or in "does".
        if (word.Length > 4 && word.IndexOf("oe", StringComparison.Ordinal) is var at and >= 0 && at < word.Length - 2 && word != "does")
        {
            word = word.Replace("oe", "e", StringComparison.Ordinal);
        }

        // -our → -or on longer words only: tumour, colour, behaviour, labour; not your, four, hour.
        if (word.Length >= 6 && word.EndsWith("our", StringComparison.Ordinal)) word = word[..^3] + "or";
        return word;
    }
}
