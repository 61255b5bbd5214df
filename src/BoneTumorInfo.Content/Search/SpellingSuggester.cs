namespace BoneTumorInfo.Content.Search;

/// <summary>"Did you mean": the index's own word nearest to a word it does not know.</summary>
internal sealed class SpellingSuggester
{
    // Known terms by their first letter: a misspelling rarely gets its first letter wrong, and
    // scanning one letter's words (plus the second letter's, for a dropped or swapped first
    // letter) instead of the whole vocabulary keeps a miss as fast as a hit.
    private readonly Dictionary<char, List<(string Term, int Frequency)>> _byFirst = [];

    public SpellingSuggester(IReadOnlyDictionary<string, int> documentFrequency)
    {
        foreach (var (term, frequency) in documentFrequency)
        {
            if (!_byFirst.TryGetValue(term[0], out var list)) _byFirst[term[0]] = list = [];
            list.Add((term, frequency));
        }
    }

    /// <summary>
    /// The known term closest to <paramref name="term"/> by edit distance (a swap of two letters
    /// counts as one edit): at most one edit for short words, two for longer ones; the commoner
    /// term wins a tie. Null when nothing is that close.
    /// </summary>
    public string? Nearest(string term)
    {
        if (term.Length < 4) return null;
        var limit = term.Length <= 5 ? 1 : 2;
        var rows = new int[3, term.Length + limit + 2];
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        foreach (var first in term[0] == term[1] ? [term[0]] : new[] { term[0], term[1] })
        {
            if (!_byFirst.TryGetValue(first, out var candidates)) continue;
            foreach (var (candidate, frequency) in candidates)
            {
                if (Math.Abs(candidate.Length - term.Length) > limit) continue;
                var distance = Distance(candidate, term, Math.Min(limit, bestDistance), rows);
                if (distance > limit) continue;
                if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency))
                {
                    (best, bestDistance, bestFrequency) = (candidate, distance, frequency);
                }
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment distance, giving up (returning more than <paramref name="limit"/>) once past it.</summary>
    internal static int Distance(string a, string b, int limit, int[,]? rows = null)
    {
        rows ??= new int[3, b.Length + 1];
        int previous2 = 0, previous = 1, current = 2;
        for (var j = 0; j <= b.Length; j++) rows[previous, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            rows[current, 0] = i;
            var rowMinimum = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(rows[previous, j] + 1, rows[current, j - 1] + 1), rows[previous, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, rows[previous2, j - 2] + 1);
                rows[current, j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit) return limit + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }

        return rows[previous, b.Length];
    }
}
