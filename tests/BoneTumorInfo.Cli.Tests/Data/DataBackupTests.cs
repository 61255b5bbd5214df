using BoneTumorInfo.Appointments.Storage;
using BoneTumorInfo.Cli.Tests.Appointments;

namespace BoneTumorInfo.Cli.Tests.Data;

/// <summary><c>bti data backup</c>: a consistent copy while the site keeps writing.</summary>
public sealed class DataBackupTests
{
    [Fact]
    public async Task A_backup_taken_while_the_store_is_open_holds_every_committed_request_and_is_private()
    {
        var data = ReceiveHarness.NewDataDirectory();
        var copy = ReceiveHarness.NewDataDirectory();
        await using (var store = new SqliteAppointmentStore(Path.Combine(data, "appointments.db")))
        {
            for (var i = 0; i < 20; i++) await store.EnqueueAsync(ReceiveHarness.Draft(), BoneTumorInfo.Appointments.References.NewIdempotencyKey());

            // The store stays open (as the running site holds it) while the copy is made.
            var (exit, output, errors) = await BtiRunner.Bti("data", "backup", "--data-dir", data, "--to", copy);

            Assert.True(exit == 0, errors);
            Assert.Contains(Path.Combine(copy, "appointments.db"), output, StringComparison.Ordinal);
        }

        await using var backup = new SqliteAppointmentStore(Path.Combine(copy, "appointments.db"));
        Assert.Equal(20, await backup.CountAsync());
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(copy, "appointments.db")));
        }
    }

    [Fact]
    public async Task A_missing_data_folder_is_named_plainly()
    {
        var (exit, _, errors) = await BtiRunner.Bti("data", "backup", "--data-dir", "/no/such/data", "--to", ReceiveHarness.NewDataDirectory());

        Assert.Equal(2, exit);
        Assert.Contains("/no/such/data", errors, StringComparison.Ordinal);
    }
}
