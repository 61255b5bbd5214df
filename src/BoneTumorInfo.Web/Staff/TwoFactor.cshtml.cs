using System.Security.Claims;
using System.Text;
using BoneTumorInfo.Appointments.WorkList.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace BoneTumorInfo.Web.Staff;

/// <summary>
/// Sets up Identity's authenticator (TOTP). Coordinators cannot reach any other staff page
/// until it is done; editors may set it up too. The key is shown as text, grouped by four: no QR
/// code, since the site's Content-Security-Policy allows no inline images and none is needed.
/// </summary>
[StaffSetUpPage]
public sealed class TwoFactorModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn) : StaffPageModel
{
    public override string PageTitle => "Set up two-factor sign-in";

    public bool AlreadySetUp { get; private set; }

    public string SharedKey { get; private set; } = "";

    [BindProperty]
    public string AuthenticatorCode { get; set; } = "";

    public async Task<IActionResult> OnGetAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return LocalRedirect(StaffPaths.Login);
        await LoadKeyAsync(user);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return LocalRedirect(StaffPaths.Login);
        if (user.TwoFactorEnabled) return LocalRedirect(StaffPaths.Root);
        var code = new string(AuthenticatorCode.Where(char.IsAsciiDigit).ToArray());
        if (code.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            Errors.Add(("AuthenticatorCode", code.Length != 6 ? "Enter the 6-digit code from your authenticator app" : "The code is not right. Check the key you entered, then enter the code shown now"));
            await LoadKeyAsync(user);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        // Signed in again, now as someone who has shown both factors.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim(StaffClaims.AuthenticationMethod, "mfa")]);
        return LocalRedirect(StaffPaths.Root);
    }

    private async Task LoadKeyAsync(StaffUser user)
    {
        AlreadySetUp = user.TwoFactorEnabled;
        if (AlreadySetUp) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            await users.ResetAuthenticatorKeyAsync(user);
            key = await users.GetAuthenticatorKeyAsync(user) ?? "";
            // A new key changes the security stamp; keep this session's cookie in step with it.
            await signIn.RefreshSignInAsync(user);
        }

        SharedKey = Group(key);
    }

    private static string Group(string key)
    {
        var grouped = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            if (i > 0) grouped.Append(' ');
            grouped.Append(key.AsSpan(i, Math.Min(4, key.Length - i)));
        }

        return grouped.ToString().ToLowerInvariant();
    }
}
