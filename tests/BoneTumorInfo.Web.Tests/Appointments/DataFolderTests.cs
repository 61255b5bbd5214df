using System.Net;

namespace BoneTumorInfo.Web.Tests.Appointments;

/// <summary>The data folder the site makes for itself is readable by the site's account only.</summary>
public sealed class DataFolderTests
{
    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task After_the_first_request_the_data_folder_its_key_ring_and_the_queue_are_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        using var site = new AppointmentSite();

        var response = await AppointmentForm.Submit(site.CreateFormClient(), AppointmentForm.ValidAnswers());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(site.DataDirectory));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(Path.Combine(site.DataDirectory, "keys")));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(Path.Combine(site.DataDirectory, "appointments.db")));
    }
}
