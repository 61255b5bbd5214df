namespace BoneTumorInfo.Content.Search;

/// <summary>"Did you mean": the index's own word nearest to a word it does not know.</summary>
internal static class SpellingSuggester
{
    /// <summary>
    /// The known term closest to <paramref name="term"/> by edit distance (a swap of two letters
    /// counts as one edit): at most one edit for short words, two for longer ones; the commoner
    /// term wins a tie. Null when nothing is that close.
    /// </summary>
    public static string? Nearest(string term, IReadOnlyDictionary<string, int> documentFrequency)
    {
        if (term.Length < 4) return null;
        var limit = term.Length <= 5 ? 1 : 2;
        string? best = null;
        var bestDistance = int.MaxValue;
        var bestFrequency = 0;
        foreach (var (candidate, frequency) in documentFrequency)
        {
            if (Math.Abs(candidate.Length - term.Length) > limit) continue;
            var distance = Distance(term, candidate, Math.Min(limit, bestDistance));
            if (distance > limit) continue;
            if (distance < bestDistance || (distance == bestDistance && frequency > bestFrequency))
            {
                (best, bestDistance, bestFrequency) = (candidate, distance, frequency);
            }
        }

        return best;
    }

    /// <summary>Optimal string alignment distance, giving up (returning more than <paramref name="limit"/>) once past it.</summary>
    internal static int Distance(string a, string b, int limit)
    {
        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMinimum = current[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, previous2[j - 2] + 1);
                current[j] = value;
                rowMinimum = Math.Min(rowMinimum, value);
            }

            if (rowMinimum > limit) return limit + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}
