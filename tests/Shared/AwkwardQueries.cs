namespace BoneTumorInfo.Testing;

/// <summary>What a reader may type into the search box that a query parser could choke on.</summary>
public static class AwkwardQueries
{
    private static readonly string[] Common = ["", "   ", "\"", "*", "NEAR", "("];

    /// <summary>The common awkward queries plus <paramref name="more"/>, as theory data.</summary>
    public static TheoryData<string> With(params string[] more)
    {
        var data = new TheoryData<string>();
        foreach (var query in Common.Concat(more)) data.Add(query);
        return data;
    }
}
