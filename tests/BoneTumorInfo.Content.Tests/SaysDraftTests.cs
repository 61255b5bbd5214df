using BoneTumorInfo.Content.FrontMatter;

namespace BoneTumorInfo.Content.Tests;

/// <summary>
/// The lenient draft check reads the file's first lines in place. It must answer exactly as the
/// rule it implements: the first 41 lines split at '\n', each trimmed, stopping at a closing
/// "---" or "..." after the first line.
/// </summary>
public sealed class SaysDraftTests
{
    private static bool ByTheRule(string text)
    {
        var lines = text.Split('\n', 42);
        for (var i = 0; i < Math.Min(lines.Length, 41); i++)
        {
            var line = lines[i].Trim();
            if (i > 0 && line is "---" or "...") return false;
            if (System.Text.RegularExpressions.Regex.IsMatch(line, @"^draft\s*:\s*([""']?)(true|yes|on)\1\s*(#.*)?$",
                System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant))
            {
                return true;
            }
        }

        return false;
    }

    public static TheoryData<string> Texts()
    {
        var data = new TheoryData<string>
        {
            "", "\n", "draft: true", "---\ndraft: true", "---\ndraft: true\n", "---\r\ndraft: yes\r\n---\r\n",
            "---\ntitle: A\n---\ndraft: true\n", "---\ntitle: A\n...\ndraft: true\n", "---\n  DRAFT : 'on'  # soon\n---",
            "---\ndraft: \"true'\n---", "---\ndraft: false\n---\n", "\u00A0draft: true\u00A0\n", "---\n\t---\ndraft: true",
            "---\r\ntitle: A\r\n---\r\ndraft: true\r\n", "---\ntitle: A\n  ...  \ndraft: true",
        };
        // The 41st line is the last one looked at, with and without a closing line, and CRLF.
        foreach (var at in new[] { 39, 40, 41, 42 })
        {
            foreach (var newline in new[] { "\n", "\r\n" })
            {
                var lines = Enumerable.Repeat("title: filler", at).Prepend("---").ToList();
                lines[at] = "draft: true";
                data.Add(string.Join(newline, lines));
                data.Add(string.Join(newline, lines) + newline + "---" + newline + "Text");
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Texts))]
    public void Answers_as_the_rule_does(string text)
    {
        Assert.Equal(ByTheRule(text), FrontMatterReader.SaysDraft(text));
    }

    [Fact]
    public void Every_real_page_is_answered_as_the_rule_does()
    {
        var files = Directory.EnumerateFiles(RepoPaths.Content, "*.md", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(RepoPaths.FaultyContent, "*.md", SearchOption.AllDirectories)).ToList();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            Assert.True(ByTheRule(text) == FrontMatterReader.SaysDraft(text), file);
        }
    }
}
