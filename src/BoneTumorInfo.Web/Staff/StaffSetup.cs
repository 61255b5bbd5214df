using System.Security.Claims;
using BoneTumorInfo.Appointments;
using BoneTumorInfo.Appointments.WorkList;
using BoneTumorInfo.Appointments.WorkList.Accounts;
using BoneTumorInfo.Web.Site;
using BoneTumorInfo.Web.Staff.Notifications;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BoneTumorInfo.Web.Staff;

public static class StaffSetup
{
    /// <summary>
    /// The staff area: Identity on its own SQLite file with roles and two-factor, the cookie kept to
    /// /staff, a policy on every page under /staff, the work list with its intake from the queue,
    /// mail to coordinators, and the waiting-time health check.
    /// </summary>
    public static WebApplicationBuilder AddStaff(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<StaffOptions>()
            .BindConfiguration(StaffOptions.SectionName)
            .Validate(o => TimeZoneInfo.TryFindSystemTimeZoneById(o.TimeZone, out _), "Staff:TimeZone must be a time zone id such as Asia/Dhaka.")
            .Validate(o => o.MaxWaitingHours > 0 && o.IdleMinutes > 0 && o.Smtp.MinimumMinutes >= 0,
                "Staff:MaxWaitingHours, Staff:IdleMinutes and Staff:Smtp:MinimumMinutes must be positive.")
            .Validate(o => !o.Smtp.IsConfigured || (o.Smtp.Port is > 0 and < 65536 && MailboxAddress.TryParse(o.Smtp.From, out _)
                    && o.Smtp.To.Count > 0 && o.Smtp.To.All(to => MailboxAddress.TryParse(to, out _))),
                "With Staff:Smtp:Host set, Staff:Smtp needs a Port, a From address and at least one To address.")
            .ValidateOnStart();

        services.AddStaffDbContext(sp => sp.GetRequiredService<IOptions<AppointmentsOptions>>().Value.DataDirectory);
        services.AddIdentity<StaffUser, IdentityRole>(StaffIdentity.Configure)
            .AddEntityFrameworkStores<StaffDbContext>()
            .AddClaimsPrincipalFactory<StaffClaimsFactory>()
            .AddTokenProvider<AuthenticatorTokenProvider<StaffUser>>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddScoped<StaffAccounts>();

        // Every request checks the account's security stamp, so signing out, a password reset or
        // "bti staff disable" ends a session at once instead of when the cookie runs out.
        services.Configure<SecurityStampValidatorOptions>(options =>
        {
            options.ValidationInterval = TimeSpan.Zero;
            // The refreshed principal is made from the database and would lose "signed in with two factors".
            options.OnRefreshingPrincipal = context =>
            {
                var amr = context.CurrentPrincipal?.FindAll(StaffClaims.AuthenticationMethod).ToList() ?? [];
                if (context.NewPrincipal?.Identity is ClaimsIdentity identity)
                {
                    foreach (var claim in amr.Where(c => !identity.HasClaim(c.Type, c.Value))) identity.AddClaim(new Claim(claim.Type, claim.Value));
                }

                return Task.CompletedTask;
            };
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<IOptions<StaffOptions>>((cookie, staff) =>
            {
                StaffCookie(cookie, "__Secure-bti-staff");
                cookie.LoginPath = StaffPaths.Login;
                cookie.LogoutPath = StaffPaths.Logout;
                cookie.AccessDeniedPath = StaffPaths.Root;
                cookie.ExpireTimeSpan = TimeSpan.FromMinutes(staff.Value.IdleMinutes);
                cookie.SlidingExpiration = true;
                cookie.Events.OnRedirectToAccessDenied = context =>
                {
                    // Signed in but not set up yet: to the step that is missing. Otherwise a plain 403.
                    if (StaffClaims.PendingSetUp(context.HttpContext.User) is { } step) context.Response.Redirect(step);
                    else context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, cookie =>
        {
            StaffCookie(cookie, "__Secure-bti-staff-2fa");
            cookie.ExpireTimeSpan = TimeSpan.FromMinutes(5);
        });
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, cookie => StaffCookie(cookie, "__Secure-bti-staff-device"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, cookie => StaffCookie(cookie, "__Secure-bti-staff-external"));

        services.AddAuthorization(StaffPolicies.Add);
        services.AddSingleton<IAuthorizationHandler, StaffReadyHandler>();
        // Every page in the Staff folder needs a staff sign-in unless named here: a new page is closed by default.
        services.Configure<RazorPagesOptions>(options =>
        {
            options.Conventions.AuthorizeFolder("/Staff", StaffPolicies.Staff);
            options.Conventions.AllowAnonymousToPage("/Staff/Login");
            options.Conventions.AllowAnonymousToPage("/Staff/LoginCode");
            options.Conventions.AuthorizePage("/Staff/Requests", StaffPolicies.Coordinator);
            options.Conventions.AuthorizePage("/Staff/RequestDetail", StaffPolicies.Coordinator);
            options.Conventions.AuthorizePage("/Staff/Pages", StaffPolicies.Editor);
        });

        services.AddSingleton(sp => new WorkListStore(
            Path.Combine(sp.GetRequiredService<IOptions<AppointmentsOptions>>().Value.DataDirectory, WorkListStore.FileName),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<WorkListSignal>();
        services.AddSingleton<StaffStoreSetUp>();
        services.AddHostedService<WorkListIntakeService>();
        services.AddSingleton<ICoordinatorMailSender, SmtpCoordinatorMailSender>();
        services.AddHostedService<CoordinatorMailService>();
        services.AddHealthChecks().AddCheck<WorkListHealthCheck>("staff-work-list", tags: [HealthSetup.ReadyTag]);
        return builder;
    }

    /// <summary>
    /// After routing: staff responses are never stored anywhere nor indexed, then who is asking
    /// and whether they may. Authentication runs for every request, so no endpoint that asks for
    /// a policy can slip past it; the cookie is only ever sent to /staff.
    /// </summary>
    public static WebApplication UseStaff(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var store = app.Services.GetRequiredService<StaffStoreSetUp>();
        app.UseWhen(context => context.Request.Path.StartsWithSegments(StaffPaths.Root, StringComparison.OrdinalIgnoreCase), branch => branch.Use(async (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.CacheControl = "no-store";
                headers.Pragma = "no-cache";
                headers["X-Robots-Tag"] = "noindex, nofollow";
                SecurityHeaders.IsolateFromOtherSites(headers);
                return Task.CompletedTask;
            }, context.Response);
            // Made at the first staff request: only the staff area waits for it.
            await store.Ready.WaitAsync(context.RequestAborted);
            await next(context);
        }));
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }

    /// <summary>HTTPS only, script cannot read it, never sent from another site, and only to /staff.</summary>
    private static void StaffCookie(CookieAuthenticationOptions cookie, string name)
    {
        cookie.Cookie.Name = name;
        cookie.Cookie.Path = StaffPaths.Root;
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.Cookie.SameSite = SameSiteMode.Strict;
    }
}

/// <summary>
/// Makes staff.db (owner-only) and its tables when the staff area is first asked for: EF Core's
/// first use costs about a second, which start-up and the public pages should not pay or share
/// the processor with. Staff requests wait for <see cref="Ready"/> (see
/// <see cref="StaffSetup.UseStaff"/>); if it fails, the staff area answers with the error page, the
/// public site goes on, and the next staff request tries again.
/// </summary>
public sealed partial class StaffStoreSetUp : IDisposable
{
    private readonly IServiceScopeFactory _scopes;
    private readonly string _dataDirectory;
    private readonly ILogger<StaffStoreSetUp> _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private Task? _ready;

    public StaffStoreSetUp(IServiceScopeFactory scopes, IOptions<AppointmentsOptions> appointments, ILogger<StaffStoreSetUp> logger)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        _scopes = scopes;
        _dataDirectory = appointments.Value.DataDirectory;
        _logger = logger;
    }

    /// <summary>Completes when the store is ready (made on the first call); faults if it could not be made.</summary>
    public Task Ready
    {
        get
        {
            lock (_lock)
            {
                if (_ready is null || _ready.IsFaulted) _ready = Task.Run(SetUpAsync, CancellationToken.None);
                return _ready;
            }
        }
    }

    private async Task SetUpAsync()
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var context = scope.ServiceProvider.GetRequiredService<StaffDbContext>();
            await StaffIdentity.EnsureStoreAsync(context, _dataDirectory, _stopping.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSetUpFailed(_logger, exception);
            throw;
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The staff accounts store could not be made; the staff area answers with an error until it can")]
    private static partial void LogSetUpFailed(ILogger logger, Exception exception);
}
