using System.Globalization;
using System.Text.RegularExpressions;
using Markdig.Syntax;

namespace BoneTumorInfo.Content.Readability;

/// <summary>
/// How plain a Bengali page is, as four measures with a limit each. Flesch-Kincaid is an
/// English formula (English syllables, English grades) and says nothing about Bengali.
/// <para>Sources. Sinha, Sharma, Dasgupta and Basu (2012), "New Readability Measures for Bangla
/// and Hindi Texts", Proceedings of COLING 2012: Posters, pp. 1141–1150
/// (https://www.aclweb.org/anthology/C12-2111), built Bangla readability models on word length
/// and the number of jukta-akshars (conjunct consonants), and found conjuncts the feature most
/// closely tied to how hard readers judged a text. Phani, Lahiri and Biswas (2018), "Readability
/// Analysis of Bengali Literary Texts", Journal of Quantitative Linguistics
/// (doi:10.1080/09296174.2018.1499456), found in ablation studies that juktakkhors matter to
/// Bengali readability. Neither regression's coefficients could be found in a source this
/// project can cite, so no formula score is computed: the features those papers use are
/// reported, each against a limit for "plain" text that this project set (see the constants).
/// The limits were checked against the site's own Bengali pages, which a Bengali reviewer read:
/// they pass but for the one page heaviest in role titles.</para>
/// </summary>
public sealed record BanglaReadingLevel(
    int Words,
    int Sentences,
    int BengaliWords,
    int Aksharas,
    int ConjunctWords,
    int LongWords,
    IReadOnlyList<string> LongestSentences)
{
    /// <summary>
    /// Words per sentence. Public-health guidance for plain English asks for about 15 words on
    /// average; Bengali joins postpositions and endings to the word ("হাসপাতালে", "ডাক্তারকে"), so the
    /// same sentence has fewer, longer words, and 12 is the like limit.
    /// </summary>
    public const double MaxWordsPerSentence = 12;

    /// <summary>
    /// Aksharas per word. Akshara counts run above spoken syllables, because the inherent vowel is
    /// often silent (হাসপাতাল is 5 aksharas, said in 3 syllables); everyday words (আমি, হাড়, ব্যথা,
    /// ডাক্তার) have 1 to 3, and the site's Bengali pages average 2.6 to 2.9.
    /// </summary>
    public const double MaxAksharasPerWord = 3.0;

    /// <summary>
    /// A word of this many aksharas or more counts as long: formal compounds and spelled-out medical
    /// terms (কেমোথেরাপি = 5, অস্টিওসারকোমা = 7). Some everyday words reach it too (হাসপাতাল = 5),
    /// which the share below allows for.
    /// </summary>
    public const int LongWordAksharas = 5;

    /// <summary>At most this share of words may be long: about one word in seven.</summary>
    public const double MaxLongWordShare = 0.15;

    /// <summary>
    /// At most this share of words may hold a juktakkhor. Common words have them (ব্যথা, ডাক্তার,
    /// হাসপাতাল has none), so a limit of none would be wrong; one word in four is the limit.
    /// </summary>
    public const double MaxConjunctShare = 0.25;

    /// <summary>The fewest Bengali words on which the per-word measures are judged (sentence length always is).</summary>
    public const int MinWordsForShares = 50;

    public double WordsPerSentence => Sentences == 0 ? 0 : Math.Round((double)Words / Sentences, 1);

    public double AksharasPerWord => BengaliWords == 0 ? 0 : Math.Round((double)Aksharas / BengaliWords, 2);

    public double ConjunctShare => BengaliWords == 0 ? 0 : Math.Round((double)ConjunctWords / BengaliWords, 2);

    public double LongWordShare => BengaliWords == 0 ? 0 : Math.Round((double)LongWords / BengaliWords, 2);

    /// <summary>
    /// The pass/warn rule: the page is plain when every measure is within its limit; each one
    /// over its limit is named here. The per-word measures count only from
    /// <see cref="MinWordsForShares"/> Bengali words on.
    /// </summary>
    public IReadOnlyList<string> OverLimits
    {
        get
        {
            var over = new List<string>();
            if (WordsPerSentence > MaxWordsPerSentence)
            {
                over.Add(string.Create(CultureInfo.InvariantCulture, $"{WordsPerSentence:0.0} words per sentence (limit {MaxWordsPerSentence:0})"));
            }

            // Word-level shares from a handful of words say nothing ("এই পাতাটি পরীক্ষার জন্য" is half
            // juktakkhor): they are judged from MinWordsForShares Bengali words on.
            if (BengaliWords < MinWordsForShares) return over;

            if (AksharasPerWord > MaxAksharasPerWord)
            {
                over.Add(string.Create(CultureInfo.InvariantCulture, $"{AksharasPerWord:0.00} aksharas per word (limit {MaxAksharasPerWord:0.0})"));
            }

            if (LongWordShare > MaxLongWordShare)
            {
                over.Add(string.Create(CultureInfo.InvariantCulture, $"{LongWordShare:P0} long words of {LongWordAksharas}+ aksharas (limit {MaxLongWordShare:P0})"));
            }

            if (ConjunctShare > MaxConjunctShare)
            {
                over.Add(string.Create(CultureInfo.InvariantCulture, $"{ConjunctShare:P0} words with a juktakkhor (limit {MaxConjunctShare:P0})"));
            }

            return over;
        }
    }

    public bool IsPlain => OverLimits.Count == 0;
}

/// <summary>
/// Measures Bengali text the way <see cref="ReadingLevelMeter"/> measures English: paragraphs,
/// list items, table cells and care-card text count, headings and code do not. A sentence ends at
/// the dari (।), "?" or "!" followed by a space, or at the end of its paragraph or list item.
/// Words are runs of letters, vowel signs and digits; words in Latin letters (an English term in
/// brackets) count toward sentence length but not toward the akshara and conjunct measures.
/// </summary>
public static partial class BanglaReadingLevelMeter
{
    public static BanglaReadingLevel Measure(MarkdownDocument document, IEnumerable<string>? extraSentences = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        var paragraphs = ReadingLevelMeter.Paragraphs(document);
        if (extraSentences is not null) paragraphs = paragraphs.Concat(extraSentences);
        return Measure(paragraphs.SelectMany(SplitSentences));
    }

    public static BanglaReadingLevel Measure(IEnumerable<string> sentences)
    {
        var read = SentenceWords.Of(sentences, WordPattern());
        int bengali = 0, aksharas = 0, conjuncts = 0, longWords = 0;
        foreach (var token in read.AllWords.Where(Aksharas.IsBengali))
        {
            var n = Aksharas.Count(token);
            bengali++;
            aksharas += n;
            if (n >= BanglaReadingLevel.LongWordAksharas) longWords++;
            if (Aksharas.HasConjunct(token)) conjuncts++;
        }

        return new BanglaReadingLevel(read.WordCount, read.Sentences.Count, bengali, aksharas, conjuncts, longWords, read.Longest());
    }

    public static IEnumerable<string> SplitSentences(string text) =>
        SentenceEnd().Split(text).Select(s => s.Trim()).Where(s => s.Length > 0);

    [GeneratedRegex(@"(?<=[।॥?!])[""')\]]*\s+")]
    private static partial Regex SentenceEnd();

    /// <summary>Letters, combining marks (vowel signs, hasanta) and digits, with inner hyphens or apostrophes.</summary>
    [GeneratedRegex(@"[\p{L}\p{M}\p{N}\u200C\u200D]+(?:['’\-][\p{L}\p{M}\p{N}\u200C\u200D]+)*")]
    private static partial Regex WordPattern();
}
