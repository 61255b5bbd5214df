using System.Text.RegularExpressions;

namespace BoneTumorInfo.Content.Readability;

/// <summary>
/// The sentences of a text that hold words, each with its words as a reading-level measure counts
/// them (each language's measure brings its own idea of a word).
/// </summary>
internal sealed class SentenceWords
{
    private SentenceWords(IReadOnlyList<(string Text, IReadOnlyList<string> Words)> sentences) => Sentences = sentences;

    public IReadOnlyList<(string Text, IReadOnlyList<string> Words)> Sentences { get; }

    public int WordCount => Sentences.Sum(s => s.Words.Count);

    public IEnumerable<string> AllWords => Sentences.SelectMany(s => s.Words);

    public static SentenceWords Of(IEnumerable<string> sentences, Regex word)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(word);
        var read = new List<(string, IReadOnlyList<string>)>();
        foreach (var sentence in sentences)
        {
            var words = word.Matches(sentence).Select(m => m.Value).ToList();
            if (words.Count > 0) read.Add((sentence.Trim(), words));
        }

        return new SentenceWords(read);
    }

    /// <summary>The <paramref name="count"/> sentences with the most words, longest first: the ones to shorten first.</summary>
    public IReadOnlyList<string> Longest(int count = 3) =>
        Sentences.OrderByDescending(s => s.Words.Count).Take(count).Select(s => s.Text).ToList();
}
