using System.Security.Claims;
using BoneTumorInfo.Appointments.WorkList;
using BoneTumorInfo.Appointments.WorkList.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Staff;

/// <summary>The staff area's policies: every page under /staff needs one (see StaffSetup).</summary>
public static class StaffPolicies
{
    /// <summary>Signed in with a staff role, password changed, and (coordinators) two-factor done.</summary>
    public const string Staff = "staff";

    public const string Coordinator = "staff-coordinator";

    public const string Editor = "staff-editor";

    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.AddPolicy(Staff, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.All).AddRequirements(new StaffReadyRequirement()));
        options.AddPolicy(Coordinator, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Coordinator).AddRequirements(new StaffReadyRequirement()));
        options.AddPolicy(Editor, policy => policy.RequireAuthenticatedUser().RequireRole(StaffRoles.Editor).AddRequirements(new StaffReadyRequirement()));
    }
}

/// <summary>Claims the staff area adds to the signed-in principal.</summary>
public static class StaffClaims
{
    public const string DisplayName = "bti:name";

    public const string MustChangePassword = "bti:must-change-password";

    /// <summary>Identity's "authentication method reference": "mfa" after a two-factor sign-in.</summary>
    public const string AuthenticationMethod = "amr";

    public static StaffMember Member(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A signed-in user has no id.");
        return new StaffMember(id, user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? id);
    }

    public static bool HasTwoFactor(ClaimsPrincipal user) => user.HasClaim(AuthenticationMethod, "mfa");

    /// <summary>What a signed-in member of staff must still do before the staff pages open, or null.</summary>
    public static string? PendingSetUp(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.HasClaim(MustChangePassword, "true")) return StaffPaths.Password;
        if (user.IsInRole(StaffRoles.Coordinator) && !HasTwoFactor(user)) return StaffPaths.TwoFactor;
        return null;
    }
}

/// <summary>The staff area's own addresses.</summary>
public static class StaffPaths
{
    public const string Root = "/staff";
    public const string Login = "/staff/login";
    public const string LoginCode = "/staff/login/code";
    public const string Password = "/staff/password";
    public const string TwoFactor = "/staff/two-factor";
    public const string Logout = "/staff/logout";
    public const string Requests = "/staff/requests";
    public const string Pages = "/staff/pages";
}

/// <summary>Marks the pages a member of staff reaches before set-up is done (changing the password, two-factor, signing out).</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class StaffSetUpPageAttribute : Attribute;

/// <summary>Password changed and, for coordinators, two-factor in this session; set-up pages excepted.</summary>
public sealed class StaffReadyRequirement : IAuthorizationRequirement;

public sealed class StaffReadyHandler : AuthorizationHandler<StaffReadyRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffReadyRequirement requirement)
    {
        ArgumentNullException.ThrowIfNull(context);
        var isSetUpPage = context.Resource is HttpContext http && http.GetEndpoint()?.Metadata.GetMetadata<StaffSetUpPageAttribute>() is not null;
        if (isSetUpPage || StaffClaims.PendingSetUp(context.User) is null) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>Adds the display name and the "must change password" mark to the principal Identity makes.</summary>
public sealed class StaffClaimsFactory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<StaffUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(StaffUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user).ConfigureAwait(false);
        identity.AddClaim(new Claim(StaffClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword) identity.AddClaim(new Claim(StaffClaims.MustChangePassword, "true"));
        return identity;
    }
}
