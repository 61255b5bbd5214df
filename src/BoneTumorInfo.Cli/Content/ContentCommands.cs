using System.CommandLine;
using BoneTumorInfo.Content;
using BoneTumorInfo.Content.Pages;

namespace BoneTumorInfo.Cli.Content;

/// <summary><c>bti content …</c>: tools for the people who write the pages.</summary>
public static class ContentCommands
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var content = new Command("content", "Tools for the site's pages.");
        content.Subcommands.Add(CreateCheck(output, errors));
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
            var root = ContentRootLocator.Resolve(given, Directory.GetCurrentDirectory(), AppContext.BaseDirectory);
            if (Directory.Exists(root)) return root;
            errors.WriteLine($"error: the folder '{given}' does not exist.");
        }
        catch (DirectoryNotFoundException ex)
        {
            errors.WriteLine($"error: {ex.Message}");
        }

        return null;
    }

    private static Command CreateCheck(TextWriter output, TextWriter errors)
    {
        var folder = FolderArgument();
        var check = new Command("check", "Check every page and print what needs fixing, as file:line:column: error|warning: message.");
        check.Arguments.Add(folder);
        check.SetAction(parse =>
        {
            var root = ResolveFolder(parse.GetValue(folder), errors);
            if (root is null) return 2;
            var index = PageIndex.Build(root, new ContentOptions(), includeDrafts: true);
            foreach (var diagnostic in index.Diagnostics)
            {
                output.WriteLine(diagnostic);
            }

            var errorCount = index.Diagnostics.Count(d => d.IsError);
            output.WriteLine($"{index.Pages.Count} pages checked: {errorCount} errors, {index.Diagnostics.Count - errorCount} warnings");
            return errorCount > 0 ? 1 : 0;
        });
        return check;
    }
}
