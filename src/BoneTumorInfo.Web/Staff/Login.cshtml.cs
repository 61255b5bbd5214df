using BoneTumorInfo.Appointments.WorkList.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace BoneTumorInfo.Web.Staff;

/// <summary>Step one of signing in: e-mail and password, with lockout after repeated failures.</summary>
public sealed class LoginModel(SignInManager<StaffUser> signIn) : StaffPageModel
{
    public override string PageTitle => "Sign in";

    [BindProperty]
    public string Email { get; set; } = "";

    [BindProperty]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Email)) Errors.Add(("Email", "Enter your e-mail address"));
        if (string.IsNullOrEmpty(Password)) Errors.Add(("Password", "Enter your password"));
        if (Errors.Count > 0) return Page();

        var result = await signIn.PasswordSignInAsync(Email.Trim(), Password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor) return LocalRedirect(StaffPaths.LoginCode + "?ReturnUrl=" + Uri.EscapeDataString(StaffReturnUrl(ReturnUrl)));
        if (result.Succeeded) return LocalRedirect(StaffReturnUrl(ReturnUrl));
        // Locked out and wrong answers read alike, so the page does not tell who has an account.
        Errors.Add(("Email", result.IsLockedOut
            ? "Signing in is blocked for this account for now, after too many wrong tries. Try again in 15 minutes, or ask for a new password."
            : "The e-mail address or password is not right"));
        return Page();
    }
}
