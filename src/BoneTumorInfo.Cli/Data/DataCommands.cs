using System.CommandLine;
using BoneTumorInfo.Appointments.Storage;

namespace BoneTumorInfo.Cli.Data;

/// <summary><c>bti data …</c>: looking after the site's data folder.</summary>
public static class DataCommands
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var data = new Command("data", "The site's data folder (appointment requests, their receipts, search counts).");
        var dataDir = new Option<string?>("--data-dir")
        {
            Description = "The site's data folder. Default: Appointments__DataDirectory, or 'data' beside the content folder.",
        };
        var to = new Option<string>("--to")
        {
            Description = "The folder to write the copies to (created if missing; files are readable by you only).",
            Required = true,
        };
        var backup = new Command("backup", "Copy every database in the data folder safely while the site runs (SQLite online backup).");
        backup.Options.Add(dataDir);
        backup.Options.Add(to);
        backup.SetAction(parse =>
        {
            try
            {
                var folder = BtiConfiguration.Load().ResolveDataDirectory(parse.GetValue(dataDir));
                var written = SqliteBackup.BackUpFolder(folder, Path.GetFullPath(parse.GetValue(to)!));
                foreach (var file in written) output.WriteLine(file);
                errors.WriteLine($"{written.Count} databases copied from {folder}.");
                return written.Count == 0 ? 1 : 0;
            }
            catch (Exception ex) when (ex is DirectoryNotFoundException or ArgumentException or IOException or UnauthorizedAccessException)
            {
                errors.WriteLine($"error: {ex.Message}");
                return 2;
            }
        });
        data.Subcommands.Add(backup);
        return data;
    }
}
