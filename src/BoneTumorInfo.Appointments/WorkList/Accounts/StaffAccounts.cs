using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace BoneTumorInfo.Appointments.WorkList.Accounts;

/// <summary>The outcome of an account command: done, or the reasons it was not.</summary>
public sealed record AccountResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    public static AccountResult Ok { get; } = new(true, []);

    public static AccountResult Fail(params string[] errors) => new(false, errors);

    public static AccountResult From(IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Succeeded ? Ok : new(false, result.Errors.Select(e => e.Description).ToList());
    }
}

/// <summary>
/// What <c>bti staff</c> does to accounts: add, disable, reset a password. There is no
/// self-registration; these are the only ways an account comes to be or changes hands.
/// </summary>
public sealed class StaffAccounts(UserManager<StaffUser> users, RoleManager<IdentityRole> roles)
{
    /// <summary>A new account with a password to hand over; it must be changed at the first sign-in.</summary>
    public async Task<AccountResult> AddAsync(string email, string name, IReadOnlyCollection<string> roleNames, string password)
    {
        ArgumentNullException.ThrowIfNull(roleNames);
        if (string.IsNullOrWhiteSpace(name)) return AccountResult.Fail("A name is needed: colleagues see it in the work list.");
        var unknown = roleNames.Where(r => !StaffRoles.All.Contains(r, StringComparer.Ordinal)).ToList();
        if (roleNames.Count == 0 || unknown.Count > 0)
        {
            return AccountResult.Fail($"Each role must be one of: {string.Join(", ", StaffRoles.All)}.");
        }

        if (await users.FindByEmailAsync(email).ConfigureAwait(false) is not null) return AccountResult.Fail($"An account for {email} already exists.");
        foreach (var role in StaffRoles.All)
        {
            if (!await roles.RoleExistsAsync(role).ConfigureAwait(false))
            {
                var made = await roles.CreateAsync(new IdentityRole(role)).ConfigureAwait(false);
                if (!made.Succeeded) return AccountResult.From(made);
            }
        }

        var user = new StaffUser { UserName = email, Email = email, DisplayName = name.Trim(), MustChangePassword = true, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password).ConfigureAwait(false);
        if (!created.Succeeded) return AccountResult.From(created);
        return AccountResult.From(await users.AddToRolesAsync(user, roleNames.Distinct(StringComparer.Ordinal)).ConfigureAwait(false));
    }

    /// <summary>Stops the account signing in; a new security stamp ends the sessions it has open.</summary>
    public async Task<AccountResult> DisableAsync(string email)
    {
        if (await users.FindByEmailAsync(email).ConfigureAwait(false) is not { } user) return AccountResult.Fail($"There is no account for {email}.");
        user.IsDisabled = true;
        user.LockoutEnabled = true;
        user.LockoutEnd = DateTimeOffset.MaxValue;
        var updated = await users.UpdateAsync(user).ConfigureAwait(false);
        if (!updated.Succeeded) return AccountResult.From(updated);
        return AccountResult.From(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false));
    }

    /// <summary>
    /// A new password to hand over (changed at the next sign-in); ends open sessions and a lockout.
    /// With <paramref name="resetTwoFactor"/> the authenticator is forgotten too (a lost phone):
    /// a coordinator sets a new one up at the next sign-in.
    /// </summary>
    public async Task<AccountResult> ResetPasswordAsync(string email, string password, bool resetTwoFactor)
    {
        if (await users.FindByEmailAsync(email).ConfigureAwait(false) is not { } user) return AccountResult.Fail($"There is no account for {email}.");
        foreach (var validator in users.PasswordValidators)
        {
            var valid = await validator.ValidateAsync(users, user, password).ConfigureAwait(false);
            if (!valid.Succeeded) return AccountResult.From(valid);
        }

        if (await users.HasPasswordAsync(user).ConfigureAwait(false))
        {
            var removed = await users.RemovePasswordAsync(user).ConfigureAwait(false);
            if (!removed.Succeeded) return AccountResult.From(removed);
        }

        var added = await users.AddPasswordAsync(user, password).ConfigureAwait(false);
        if (!added.Succeeded) return AccountResult.From(added);
        user.MustChangePassword = true;
        user.AccessFailedCount = 0;
        // A disabled account stays disabled: a reset is not a way round "disable".
        if (!user.IsDisabled) user.LockoutEnd = null;
        if (resetTwoFactor) user.TwoFactorEnabled = false;
        var updated = await users.UpdateAsync(user).ConfigureAwait(false);
        if (!updated.Succeeded) return AccountResult.From(updated);
        if (resetTwoFactor)
        {
            var reset = await users.ResetAuthenticatorKeyAsync(user).ConfigureAwait(false);
            if (!reset.Succeeded) return AccountResult.From(reset);
        }

        return AccountResult.From(await users.UpdateSecurityStampAsync(user).ConfigureAwait(false));
    }

    /// <summary>
    /// A random password that meets the rules: 20 characters from an alphabet without look-alikes
    /// (no O/0, l/1), at least one of each kind.
    /// </summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnopqrstuvwxyz", digits = "23456789", symbols = "!#%+-=?@";
        const string all = upper + lower + digits + symbols;
        var chars = new char[20];
        chars[0] = upper[RandomNumberGenerator.GetInt32(upper.Length)];
        chars[1] = lower[RandomNumberGenerator.GetInt32(lower.Length)];
        chars[2] = digits[RandomNumberGenerator.GetInt32(digits.Length)];
        chars[3] = symbols[RandomNumberGenerator.GetInt32(symbols.Length)];
        for (var i = 4; i < chars.Length; i++) chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
