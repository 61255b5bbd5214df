using BoneTumorInfo.Appointments.WorkList.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace BoneTumorInfo.Web.Staff;

/// <summary>Change your password; forced after a password was handed over by <c>bti staff add</c> or <c>reset-password</c>.</summary>
[StaffSetUpPage]
public sealed class PasswordModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn) : StaffPageModel
{
    public override string PageTitle => "Change your password";

    public bool MustChange => User.HasClaim(StaffClaims.MustChangePassword, "true");

    [BindProperty]
    public string CurrentPassword { get; set; } = "";

    [BindProperty]
    public string NewPassword { get; set; } = "";

    [BindProperty]
    public string ConfirmPassword { get; set; } = "";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return LocalRedirect(StaffPaths.Login);
        if (string.IsNullOrEmpty(CurrentPassword)) Errors.Add(("CurrentPassword", "Enter your current password"));
        if (string.IsNullOrEmpty(NewPassword)) Errors.Add(("NewPassword", "Enter a new password"));
        else if (NewPassword == CurrentPassword) Errors.Add(("NewPassword", "Choose a password different from the current one"));
        else if (NewPassword != ConfirmPassword) Errors.Add(("ConfirmPassword", "The two new passwords are not the same"));
        if (Errors.Count > 0) return Page();

        var changed = await users.ChangePasswordAsync(user, CurrentPassword, NewPassword);
        if (!changed.Succeeded)
        {
            foreach (var error in changed.Errors)
            {
                Errors.Add((error.Code == "PasswordMismatch" ? "CurrentPassword" : "NewPassword",
                    error.Code == "PasswordMismatch" ? "The current password is not right" : error.Description));
            }

            return Page();
        }

        user.MustChangePassword = false;
        await users.UpdateAsync(user);
        // The change gave the account a new security stamp: a new cookie, other sessions end.
        await signIn.RefreshSignInAsync(user);
        return LocalRedirect(StaffPaths.Root);
    }
}
