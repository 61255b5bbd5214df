using System.CommandLine;
using BoneTumorInfo.Appointments.WorkList.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace BoneTumorInfo.Cli.Staff;

/// <summary>
/// <c>bti staff …</c>: the only way staff accounts are made, disabled or given a new password
/// (the site has no self-registration). Run on the server, by someone who can read the data folder.
/// A password is printed once, to the screen only, and is never logged.
/// </summary>
public static class StaffCommands
{
    public static Command Create(TextWriter output, TextWriter errors, TextReader input)
    {
        var staff = new Command("staff", "Accounts for the staff area: coordinators work the appointment requests, editors see the state of the pages.");
        staff.Subcommands.Add(CreateAdd(output, errors, input));
        staff.Subcommands.Add(CreateDisable(output, errors));
        staff.Subcommands.Add(CreateResetPassword(output, errors, input));
        return staff;
    }

    private static Option<string?> DataDirOption() => new("--data-dir")
    {
        Description = "The site's data folder (holds staff.db). Default: Appointments__DataDirectory, or 'data' beside the content folder.",
    };

    private static Option<string> EmailOption() => new("--email") { Description = "The person's e-mail address: they sign in with it.", Required = true };

    private static Option<bool> PasswordStdinOption() => new("--password-stdin")
    {
        Description = "Read the password from the first line of standard input instead of making one up and printing it.",
    };

    private static Command CreateAdd(TextWriter output, TextWriter errors, TextReader input)
    {
        var email = EmailOption();
        var name = new Option<string>("--name") { Description = "The name colleagues see in the work list and its history.", Required = true };
        var role = new Option<string[]>("--role")
        {
            Description = "coordinator (works the appointment requests; needs two-factor sign-in) or editor (sees the state of the pages). Give it twice for both.",
            Required = true,
            Arity = ArgumentArity.OneOrMore,
        };
        role.AcceptOnlyFromAmong([.. StaffRoles.All]);
        var dataDir = DataDirOption();
        var stdin = PasswordStdinOption();
        var add = new Command("add", "Make an account. Prints a one-time password to hand over privately; it must be changed at the first sign-in.");
        add.Options.Add(email);
        add.Options.Add(name);
        add.Options.Add(role);
        add.Options.Add(dataDir);
        add.Options.Add(stdin);
        add.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(dataDir), output, errors, accounts =>
            WithPasswordAsync(parse.GetValue(stdin), input, output, errors, $"Account made for {parse.GetValue(email)}.",
                password => accounts.AddAsync(parse.GetValue(email)!, parse.GetValue(name)!, parse.GetValue(role)!, password))));
        return add;
    }

    /// <summary>
    /// Reads the password from standard input or makes one, applies it, and reports; a made
    /// password is printed once, one read from standard input never.
    /// </summary>
    private static async Task<int> WithPasswordAsync(bool fromStdin, TextReader input, TextWriter output, TextWriter errors, string done,
        Func<string, Task<AccountResult>> apply)
    {
        var password = ReadOrMake(fromStdin, input, errors);
        if (password is null) return 2;
        var result = await apply(password).ConfigureAwait(false);
        return Report(result, fromStdin ? null : password, done, output, errors);
    }

    private static Command CreateDisable(TextWriter output, TextWriter errors)
    {
        var email = EmailOption();
        var dataDir = DataDirOption();
        var disable = new Command("disable", "Stop an account signing in. Its open sessions end at once.");
        disable.Options.Add(email);
        disable.Options.Add(dataDir);
        disable.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(dataDir), output, errors, async accounts =>
            Report(await accounts.DisableAsync(parse.GetValue(email)!).ConfigureAwait(false), null, $"Account for {parse.GetValue(email)} disabled.", output, errors)));
        return disable;
    }

    private static Command CreateResetPassword(TextWriter output, TextWriter errors, TextReader input)
    {
        var email = EmailOption();
        var dataDir = DataDirOption();
        var stdin = PasswordStdinOption();
        var twoFactor = new Option<bool>("--two-factor") { Description = "Also forget the authenticator (a lost phone): it is set up again at the next sign-in." };
        var reset = new Command("reset-password", "Give an account a new one-time password (printed once). Ends its open sessions and lifts a lockout; a disabled account stays disabled.");
        reset.Options.Add(email);
        reset.Options.Add(dataDir);
        reset.Options.Add(stdin);
        reset.Options.Add(twoFactor);
        reset.SetAction((parse, cancellationToken) => RunAsync(parse.GetValue(dataDir), output, errors, accounts =>
            WithPasswordAsync(parse.GetValue(stdin), input, output, errors, $"New password set for {parse.GetValue(email)}.",
                password => accounts.ResetPasswordAsync(parse.GetValue(email)!, password, parse.GetValue(twoFactor)))));
        return reset;
    }

    /// <summary>The accounts store of a data folder, with the site's own rules (StaffIdentity), and no logging at all.</summary>
    internal static ServiceProvider BuildServices(string dataDirectory)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddStaffDbContext(_ => dataDirectory);
        services.AddIdentityCore<StaffUser>(StaffIdentity.Configure)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<StaffDbContext>();
        services.AddScoped<StaffAccounts>();
        return services.BuildServiceProvider();
    }

    private static async Task<int> RunAsync(string? dataDir, TextWriter output, TextWriter errors, Func<StaffAccounts, Task<int>> action)
    {
        string dataDirectory;
        try
        {
            dataDirectory = BtiConfiguration.Load().ResolveDataDirectory(dataDir);
        }
        catch (DirectoryNotFoundException)
        {
            await errors.WriteLineAsync("error: no data folder given (--data-dir or Appointments__DataDirectory) and no content folder found near here.").ConfigureAwait(false);
            return 2;
        }

        var provider = BuildServices(dataDirectory);
        await using (provider.ConfigureAwait(false))
        {
            var scope = provider.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                await StaffIdentity.EnsureStoreAsync(scope.ServiceProvider.GetRequiredService<StaffDbContext>(), dataDirectory).ConfigureAwait(false);
                try
                {
                    return await action(scope.ServiceProvider.GetRequiredService<StaffAccounts>()).ConfigureAwait(false);
                }
                finally
                {
                    // Close the file now: the site may be reading it too.
                    SqliteConnection.ClearAllPools();
                }
            }
        }
    }

    private static string? ReadOrMake(bool fromStdin, TextReader input, TextWriter errors)
    {
        if (!fromStdin) return StaffAccounts.GeneratePassword();
        var line = input.ReadLine();
        if (!string.IsNullOrEmpty(line)) return line;
        errors.WriteLine("error: --password-stdin was given but standard input had no password.");
        return null;
    }

    private static int Report(AccountResult result, string? password, string done, TextWriter output, TextWriter errors)
    {
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors) errors.WriteLine($"error: {error}");
            return 1;
        }

        errors.WriteLine(done);
        if (password is not null)
        {
            // The password alone on standard output, so a script can take it; the words around it go to standard error.
            errors.WriteLine("One-time password (hand it over privately; it must be changed at the first sign-in):");
            output.WriteLine(password);
        }

        return 0;
    }
}
