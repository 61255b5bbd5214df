using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using BoneTumorInfo.Content;
using BoneTumorInfo.Content.Checks;
using BoneTumorInfo.Content.Pages;
using BoneTumorInfo.Content.Service;
using BoneTumorInfo.Content.Readability;

namespace BoneTumorInfo.Cli.Content;

/// <summary><c>bti content …</c>: tools for the people who write the pages.</summary>
public static class ContentCommands
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var content = new Command("content", "Tools for the site's pages.");
        content.Subcommands.Add(CreateCheck(output, errors));
        content.Subcommands.Add(CreateReadability(output, errors));
        return content;
    }

    private static Argument<string?> FolderArgument() => new("content-folder")
    {
        Description = "The content folder (the one that holds en/ and bn/). Default: the nearest 'content' folder.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>Finds the folder the same way the site does, or says plainly that it is not there.</summary>
    internal static string? ResolveFolder(string? given, TextWriter errors)
    {
        try
        {
            var root = BtiConfiguration.Load().ResolveContentRoot(given);
            if (Directory.Exists(root)) return root;
            errors.WriteLine($"error: the folder '{given}' does not exist.");
        }
        catch (DirectoryNotFoundException ex)
        {
            errors.WriteLine($"error: {ex.Message}");
        }

        return null;
    }

    /// <summary>How messages name the folder: as a path from where the command runs, like an editor shows it.</summary>
    private static string DisplayRoot(string root)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), root);
        return relative.StartsWith("..", StringComparison.Ordinal) ? root : relative;
    }

    private static Command CreateCheck(TextWriter output, TextWriter errors)
    {
        var folder = FolderArgument();
        var format = new Option<string>("--format")
        {
            Description = "text (file:line:column: error|warning: message) or json, for other tools.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var check = new Command("check", "Check every page and print what needs fixing. Exits with 1 when there are errors.");
        check.Arguments.Add(folder);
        check.Options.Add(format);
        check.SetAction(parse =>
        {
            var root = ResolveFolder(parse.GetValue(folder), errors);
            if (root is null) return 2;
            var report = ContentChecker.CheckFolder(root, BtiConfiguration.Load().Content, DateOnly.FromDateTime(DateTime.Now), DisplayRoot(root));
            if (parse.GetValue(format) == "json")
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    pages = report.PageCount,
                    errors = report.Errors,
                    warnings = report.Warnings,
                    diagnostics = report.Diagnostics.Select(d => new
                    {
                        file = d.File,
                        line = d.Line,
                        column = d.Column,
                        severity = d.IsError ? "error" : "warning",
                        message = d.Message,
                    }),
                }, JsonOptions));
            }
            else
            {
                foreach (var diagnostic in report.Diagnostics)
                {
                    output.WriteLine(diagnostic);
                }

                output.WriteLine($"{report.PageCount} pages checked: {Plural(report.Errors, "error")}, {Plural(report.Warnings, "warning")}");
            }

            return report.Errors > 0 ? 1 : 0;
        });
        return check;
    }

    private static Command CreateReadability(TextWriter output, TextWriter errors)
    {
        var folder = FolderArgument();
        var command = new Command("readability",
            "Print how plain each page reads: for English pages the Flesch-Kincaid grade; for Bengali pages words per sentence, aksharas per word, and the shares of long words and of words with a juktakkhor.");
        command.Arguments.Add(folder);
        command.SetAction(parse =>
        {
            var root = ResolveFolder(parse.GetValue(folder), errors);
            if (root is null) return 2;
            var index = PageIndex.Build(root, BtiConfiguration.Load().Content, includeDrafts: true, DisplayRoot(root));
            // The service's details fill the pages' placeholders, so grades see the words readers see.
            var service = ServiceProfileReader.Load(Path.Combine(root, ServiceProfile.FileName), ServiceProfile.FileName, index.SiteLanguages.Codes.ToList(), []);
            var pages = index.Pages.Where(p => !p.IsBroken).OrderBy(p => p.DisplayPath, StringComparer.Ordinal)
                .Select(p => (Entry: p, Page: index.Render(p, service)))
                .ToList();

            // Flesch-Kincaid is a measure of English text: only English pages are graded with it.
            var english = pages.Where(p => ContentChecker.GradeLimits.ContainsKey(p.Entry.Language)).ToList();
            var bengali = pages.Where(p => p.Page.BanglaReadingLevel is not null).ToList();
            var width = Math.Max(4, pages.Count == 0 ? 0 : pages.Max(p => p.Entry.DisplayPath.Length));

            output.WriteLine($"{"page".PadRight(width)}  {"words",6}  {"sentences",9}  {"grade",5}");
            foreach (var (entry, page) in english)
            {
                var level = page.ReadingLevel;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{entry.DisplayPath.PadRight(width)}  {level.Words,6}  {level.Sentences,9}  {level.Grade,5:0.0}"));
            }

            if (english.Count > 0)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{english.Count} English pages; highest grade {english.Max(r => r.Page.ReadingLevel.Grade):0.0}"));
            }

            if (bengali.Count > 0)
            {
                output.WriteLine();
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{"page".PadRight(width)}  {"words",6}  {"sentences",9}  {"words/sentence",14}  {"aksharas/word",13}  {"long words",10}  {"juktakkhor",10}  plain?"));
                foreach (var (entry, page) in bengali)
                {
                    var level = page.BanglaReadingLevel!;
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{entry.DisplayPath.PadRight(width)}  {level.Words,6}  {level.Sentences,9}  {level.WordsPerSentence,14:0.0}  {level.AksharasPerWord,13:0.00}  {level.LongWordShare,10:P0}  {level.ConjunctShare,10:P0}  {(level.IsPlain ? "yes" : "no")}"));
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{bengali.Count} Bengali pages; {bengali.Count(b => !b.Page.BanglaReadingLevel!.IsPlain)} over the plain-text limits ({BanglaReadingLevel.MaxWordsPerSentence:0} words per sentence, {BanglaReadingLevel.MaxAksharasPerWord:0.0} aksharas per word, {BanglaReadingLevel.MaxLongWordShare:P0} long words, {BanglaReadingLevel.MaxConjunctShare:P0} juktakkhor)"));
            }

            return 0;
        });
        return command;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private static string Plural(int count, string word) => $"{count} {word}{(count == 1 ? "" : "s")}";
}
