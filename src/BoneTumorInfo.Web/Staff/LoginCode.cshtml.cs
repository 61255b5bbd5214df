using BoneTumorInfo.Appointments.WorkList.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace BoneTumorInfo.Web.Staff;

/// <summary>Step two of signing in, for accounts with two-factor: the authenticator's code.</summary>
public sealed class LoginCodeModel(SignInManager<StaffUser> signIn) : StaffPageModel
{
    public override string PageTitle => "Enter your code";

    [BindProperty]
    public string AuthenticatorCode { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? LocalRedirect(StaffPaths.Login) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is null) return LocalRedirect(StaffPaths.Login);
        var code = new string(AuthenticatorCode.Where(char.IsAsciiDigit).ToArray());
        if (code.Length != 6)
        {
            Errors.Add(("AuthenticatorCode", "Enter the 6-digit code from your authenticator app"));
            return Page();
        }

        var result = await signIn.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (result.Succeeded) return LocalRedirect(StaffReturnUrl(ReturnUrl));
        Errors.Add(("AuthenticatorCode", result.IsLockedOut
            ? "Signing in is blocked for this account for now, after too many wrong tries. Try again in 15 minutes."
            : "The code is not right. Codes change every 30 seconds: enter the one shown now"));
        return Page();
    }
}
