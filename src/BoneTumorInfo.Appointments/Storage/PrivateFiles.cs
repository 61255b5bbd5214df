namespace BoneTumorInfo.Appointments.Storage;

/// <summary>
/// The SQLite files hold patient details, so on Unix only the account the site runs as may read
/// them: the data folder is made 0700 and every database file 0600, whatever the umask.
/// </summary>
public static class PrivateFiles
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates the folder (owner-only when this creates it) and the database file with its WAL
    /// and shared-memory companions, owner-only, before SQLite opens them. Files already there
    /// (from an older version) are made owner-only. SQLite gives the -wal and -shm files it
    /// creates later the database file's mode, so they stay owner-only too.
    /// </summary>
    public static void PrepareDatabase(string databasePath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(databasePath))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        if (!Directory.Exists(folder)) Directory.CreateDirectory(folder, OwnerOnlyFolder);
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            // OpenOrCreate never truncates: a WAL that holds committed data is left as it is.
            using (new FileStream(file, new FileStreamOptions
            {
                Mode = FileMode.OpenOrCreate,
                Access = FileAccess.ReadWrite,
                Share = FileShare.ReadWrite | FileShare.Delete,
                UnixCreateMode = OwnerOnlyFile,
            }))
            {
            }

            if (File.GetUnixFileMode(file) != OwnerOnlyFile) File.SetUnixFileMode(file, OwnerOnlyFile);
        }
    }
}
