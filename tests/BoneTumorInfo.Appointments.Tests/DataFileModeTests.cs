using BoneTumorInfo.Appointments.Receiving;
using BoneTumorInfo.Appointments.Storage;

namespace BoneTumorInfo.Appointments.Tests;

/// <summary>The stores hold patient details: only the account the site runs as may read them.</summary>
public sealed class DataFileModeTests
{
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static string NewFolder() => Path.Combine(Path.GetTempPath(), "bti-modes-" + Guid.NewGuid().ToString("N"), "data");

    [Fact]
    public async Task The_data_folder_and_every_file_of_the_request_store_are_readable_by_the_owner_only()
    {
        if (OperatingSystem.IsWindows()) return; // Windows has no Unix modes; the folder's ACL applies there.
        var folder = NewFolder();
        var path = Path.Combine(folder, "appointments.db");
        await using (var store = new SqliteAppointmentStore(path))
        {
            await store.EnqueueAsync(SqliteAppointmentStoreTests.Draft(), References.NewIdempotencyKey());
            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder));
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                Assert.True(File.Exists(file), file);
                Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(file));
            }
        }

        // Opened again after SQLite removed its -wal and -shm files, they come back owner-only too.
        await using (var store = new SqliteAppointmentStore(path))
        {
            await store.EnqueueAsync(SqliteAppointmentStoreTests.Draft("Someone Else"), References.NewIdempotencyKey());
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(file));
        }
    }

    [Fact]
    public async Task A_store_file_left_world_readable_by_an_older_version_is_made_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        var folder = NewFolder();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "appointments.db");
        await File.WriteAllBytesAsync(path, []);
        File.SetUnixFileMode(path, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        await using var store = new SqliteAppointmentStore(path);
        Assert.Equal(0, await store.CountAsync());
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task The_receipt_log_is_readable_by_the_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        var folder = NewFolder();
        var path = Path.Combine(folder, "received.db");
        await using (var log = await ReceiptLog.OpenAsync(path, default))
        {
            await log.AddAsync("BT-4K7Q-9M3X", default);
            Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(folder));
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(file));
        }
    }
}
