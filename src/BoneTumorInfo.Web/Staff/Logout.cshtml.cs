using BoneTumorInfo.Appointments.WorkList.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace BoneTumorInfo.Web.Staff;

/// <summary>
/// Signing out (a post, with antiforgery). The account gets a new security stamp, so a copy of
/// the session cookie kept anywhere is refused from now on, not merely deleted from this browser.
/// </summary>
[StaffSetUpPage]
public sealed class LogoutModel(UserManager<StaffUser> users, SignInManager<StaffUser> signIn) : StaffPageModel
{
    public override string PageTitle => "Sign out";

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await users.GetUserAsync(User);
        await signIn.SignOutAsync();
        if (user is not null) await users.UpdateSecurityStampAsync(user);
        return LocalRedirect(StaffPaths.Login);
    }
}
