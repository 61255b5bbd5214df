using BoneTumorInfo.Appointments.WorkList.Accounts;
using BoneTumorInfo.Cli.Staff;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static BoneTumorInfo.Cli.Tests.Appointments.ReceiveHarness;

namespace BoneTumorInfo.Cli.Tests.Staff;

/// <summary><c>bti staff add|disable|reset-password</c>, checked against the store the site signs in with.</summary>
public sealed class StaffCommandsTests
{
    private static async Task<(int Exit, string Output, string Errors)> Bti(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var errors = new StringWriter();
        using var reader = new StringReader(input);
        var exit = await BtiCommand.Create(output, errors, reader).Parse(args).InvokeAsync();
        return (exit, output.ToString(), errors.ToString());
    }

    private static async Task<T> WithUsers<T>(string data, Func<UserManager<StaffUser>, Task<T>> look)
    {
        await using var provider = StaffCommands.BuildServices(data);
        await using var scope = provider.CreateAsyncScope();
        return await look(scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>());
    }

    [Fact]
    public async Task Add_makes_an_account_with_its_roles_and_prints_a_strong_one_time_password_once()
    {
        var data = NewDataDirectory();
        var (exit, output, errors) = await Bti("", "staff", "add", "--email", "rahima@example.org", "--name", "Rahima Akter",
            "--role", "coordinator", "--role", "editor", "--data-dir", data);
        Assert.Equal(0, exit);
        var password = output.Trim();
        Assert.Matches("^[A-Za-z0-9!#%+=?@-]{20}$", password);
        Assert.DoesNotContain(password, errors, StringComparison.Ordinal);
        Assert.Contains("Account made for rahima@example.org.", errors, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(data, StaffDbContext.FileName)));
        }

        var (roles, passwordWorks, mustChange) = await WithUsers(data, async users =>
        {
            var user = (await users.FindByEmailAsync("rahima@example.org"))!;
            return ((await users.GetRolesAsync(user)).Order().ToList(), await users.CheckPasswordAsync(user, password), user.MustChangePassword);
        });
        Assert.Equal(["coordinator", "editor"], roles);
        Assert.True(passwordWorks);
        Assert.True(mustChange);

        var twice = await Bti("", "staff", "add", "--email", "rahima@example.org", "--name", "Rahima", "--role", "editor", "--data-dir", data);
        Assert.Equal(1, twice.Exit);
        Assert.Contains("already exists", twice.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_the_two_roles_exist_and_a_role_is_required()
    {
        var data = NewDataDirectory();
        Assert.NotEqual(0, (await Bti("", "staff", "add", "--email", "a@example.org", "--name", "A", "--role", "admin", "--data-dir", data)).Exit);
        Assert.NotEqual(0, (await Bti("", "staff", "add", "--email", "a@example.org", "--name", "A", "--data-dir", data)).Exit);
        // Refused before the store was even opened.
        Assert.False(File.Exists(Path.Combine(data, StaffDbContext.FileName)));
    }

    [Fact]
    public async Task A_password_from_standard_input_is_used_but_never_printed_and_must_be_strong()
    {
        var data = NewDataDirectory();
        var weak = await Bti("password\n", "staff", "add", "--email", "k@example.org", "--name", "Kamal", "--role", "editor", "--password-stdin", "--data-dir", data);
        Assert.Equal(1, weak.Exit);
        Assert.Contains("error:", weak.Errors, StringComparison.Ordinal);

        var strong = "Seven green mangoes, 12 ripe!";
        var (exit, output, errors) = await Bti(strong + "\n", "staff", "add", "--email", "k@example.org", "--name", "Kamal", "--role", "editor", "--password-stdin", "--data-dir", data);
        Assert.Equal(0, exit);
        Assert.DoesNotContain(strong, output + errors, StringComparison.Ordinal);
        Assert.True(await WithUsers(data, async users => await users.CheckPasswordAsync((await users.FindByEmailAsync("k@example.org"))!, strong)));
    }

    [Fact]
    public async Task Reset_password_gives_a_new_one_time_password_lifts_a_lockout_and_can_forget_the_authenticator()
    {
        var data = NewDataDirectory();
        var first = (await Bti("", "staff", "add", "--email", "r@example.org", "--name", "Rahima", "--role", "coordinator", "--data-dir", data)).Output.Trim();
        var stampBefore = await WithUsers(data, async users =>
        {
            var user = (await users.FindByEmailAsync("r@example.org"))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.UtcNow.AddMinutes(10));
            return (await users.FindByEmailAsync("r@example.org"))!.SecurityStamp;
        });

        var (exit, output, _) = await Bti("", "staff", "reset-password", "--email", "r@example.org", "--two-factor", "--data-dir", data);
        Assert.Equal(0, exit);
        var second = output.Trim();
        Assert.NotEqual(first, second);
        var after = await WithUsers(data, async users =>
        {
            var user = (await users.FindByEmailAsync("r@example.org"))!;
            return (Old: await users.CheckPasswordAsync(user, first), New: await users.CheckPasswordAsync(user, second), Locked: await users.IsLockedOutAsync(user),
                user.TwoFactorEnabled, user.MustChangePassword, user.SecurityStamp);
        });
        Assert.Equal((false, true, false, false, true), (after.Old, after.New, after.Locked, after.TwoFactorEnabled, after.MustChangePassword));
        Assert.NotEqual(stampBefore, after.SecurityStamp);

        var unknown = await Bti("", "staff", "reset-password", "--email", "nobody@example.org", "--data-dir", data);
        Assert.Equal(1, unknown.Exit);
        Assert.Contains("There is no account for nobody@example.org.", unknown.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_locks_the_account_for_good_and_a_reset_does_not_undo_it()
    {
        var data = NewDataDirectory();
        await Bti("", "staff", "add", "--email", "k@example.org", "--name", "Kamal", "--role", "editor", "--data-dir", data);
        var (exit, _, errors) = await Bti("", "staff", "disable", "--email", "k@example.org", "--data-dir", data);
        Assert.Equal(0, exit);
        Assert.Contains("disabled", errors, StringComparison.Ordinal);
        Assert.Equal(0, (await Bti("", "staff", "reset-password", "--email", "k@example.org", "--data-dir", data)).Exit);
        var (disabled, locked) = await WithUsers(data, async users =>
        {
            var user = (await users.FindByEmailAsync("k@example.org"))!;
            return (user.IsDisabled, await users.IsLockedOutAsync(user));
        });
        Assert.True(disabled);
        Assert.True(locked);
    }
}
