using Microsoft.AspNetCore.Identity;

namespace BoneTumorInfo.Appointments.WorkList.Accounts;

/// <summary>A member of staff who signs in to the staff area. Accounts are made only with <c>bti staff add</c>.</summary>
public sealed class StaffUser : IdentityUser
{
    /// <summary>The name colleagues see in the work list and its audit trail.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>Set by <c>bti staff add</c> and <c>reset-password</c>: the password was handed over, so it is changed at the next sign-in.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Set by <c>bti staff disable</c>: the account cannot sign in and its sessions end.</summary>
    public bool IsDisabled { get; set; }
}

/// <summary>The two roles; an account may have both.</summary>
public static class StaffRoles
{
    /// <summary>Works the queue of appointment requests.</summary>
    public const string Coordinator = "coordinator";

    /// <summary>Looks after the pages: sees the checker's report and review dates.</summary>
    public const string Editor = "editor";

    public static IReadOnlyList<string> All { get; } = [Coordinator, Editor];
}
