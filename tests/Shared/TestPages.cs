namespace BoneTumorInfo.Testing;

/// <summary>A valid page file for tests: front matter (9 lines, ending with a blank line) and a body.</summary>
public static class TestPages
{
    public static string Page(string title, int order = 0, string body = "Some plain words.", string extra = "") =>
        $"---\ntitle: {title}\ndescription: About {title}.\norder: {order}\nlast_reviewed: 2026-11-01\nnext_review_due: 2027-11-01\nreviewed_by: Clinical nurse specialist\n{extra}---\n\n{body}\n";
}
