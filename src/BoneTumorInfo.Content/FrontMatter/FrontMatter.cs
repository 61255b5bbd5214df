namespace BoneTumorInfo.Content.FrontMatter;

/// <summary>The typed front matter of one page. Every key an editor may write is a property here.</summary>
public sealed record PageFrontMatter
{
    public required string Title { get; init; }
    public required string Description { get; init; }

    /// <summary>Position among the pages of the same folder (lower first).</summary>
    public int Order { get; init; }

    public required DateOnly LastReviewed { get; init; }
    public required DateOnly NextReviewDue { get; init; }

    /// <summary>Who reviewed the page, as a role ("Consultant orthopaedic oncologist").</summary>
    public required string ReviewedBy { get; init; }

    /// <summary>Hidden from readers until it is ready.</summary>
    public bool Draft { get; init; }

    /// <summary>On a folder's index.md: its pages are numbered steps with previous/next links.</summary>
    public bool Steps { get; init; }

    /// <summary>The review date has passed: pages show readers a calm notice that a check is due.</summary>
    public bool IsOverdue(DateOnly today) => NextReviewDue < today;

    /// <summary>How many days ago the review was due (0 when it is not overdue).</summary>
    public int DaysOverdue(DateOnly today) => Math.Max(0, today.DayNumber - NextReviewDue.DayNumber);

    /// <summary>The file line of each key that was written (1-based), so messages can point at it.</summary>
    public IReadOnlyDictionary<string, int> KeyLines { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The line a key was written on, or 1 (the top of the file) when it was not written.</summary>
    public int LineOf(string key) => KeyLines.TryGetValue(key, out var line) ? line : 1;
}
