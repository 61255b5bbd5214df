using Microsoft.Data.Sqlite;

namespace BoneTumorInfo.Appointments.Storage;

/// <summary>
/// A consistent copy of every SQLite file in the data folder while the site keeps running:
/// SQLite's online backup reads each database as one snapshot, between the site's own writes,
/// so a copy is never half a transaction (copying the files with cp can be).
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies each <c>*.db</c> in <paramref name="dataDirectory"/> into <paramref name="destination"/>, owner-only.</summary>
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> BackUpFolder(string dataDirectory, string destination)
    {
        if (!Directory.Exists(dataDirectory)) throw new DirectoryNotFoundException($"The data folder '{dataDirectory}' does not exist.");
        if (Path.GetFullPath(destination).TrimEnd('/') == Path.GetFullPath(dataDirectory).TrimEnd('/'))
        {
            throw new ArgumentException("Back up to another folder than the data folder itself.", nameof(destination));
        }

        var written = new List<string>();
        foreach (var source in Directory.EnumerateFiles(dataDirectory, "*.db").Order(StringComparer.Ordinal))
        {
            var target = Path.Combine(destination, Path.GetFileName(source));
            if (File.Exists(target)) File.Delete(target);
            PrivateFiles.PrepareDatabase(target);
            using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
            using (var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString()))
            {
                from.Open();
                to.Open();
                from.BackupDatabase(to);
            }

            // The copy is a plain file: no WAL beside it.
            foreach (var companion in new[] { target + "-wal", target + "-shm" })
            {
                if (File.Exists(companion) && new FileInfo(companion).Length == 0) File.Delete(companion);
            }

            written.Add(target);
        }

        return written;
    }
}
