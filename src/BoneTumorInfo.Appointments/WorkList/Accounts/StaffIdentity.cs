using BoneTumorInfo.Appointments.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BoneTumorInfo.Appointments.WorkList.Accounts;

/// <summary>
/// The account rules the site and <c>bti staff</c> share, so a password the command line accepts
/// is one the site accepts, and both open the same store the same way.
/// </summary>
public static class StaffIdentity
{
    public const int MinimumPasswordLength = 12;

    /// <summary>Strong passwords, lockout after repeated failures, unique e-mail addresses.</summary>
    public static void Configure(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Password.RequiredLength = MinimumPasswordLength;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = true;
        options.Password.RequiredUniqueChars = 6;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.User.RequireUniqueEmail = true;
        // Accounts are made by staff with access to the server; there is no e-mail confirmation step.
        options.SignIn.RequireConfirmedAccount = false;
    }

    /// <summary>The EF Core context on <c>staff.db</c>, its file made owner-only before SQLite opens it.</summary>
    public static IServiceCollection AddStaffDbContext(this IServiceCollection services, Func<IServiceProvider, string> dataDirectory)
    {
        ArgumentNullException.ThrowIfNull(dataDirectory);
        services.AddDbContext<StaffDbContext>((provider, options) =>
            options.UseSqlite(ConnectionString(dataDirectory(provider))));
        return services;
    }

    public static string ConnectionString(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, StaffDbContext.FileName),
        Mode = SqliteOpenMode.ReadWriteCreate,
        DefaultTimeout = 30,
    }.ToString();

    /// <summary>
    /// Makes the store's file (owner-only) and its tables when they are not there. EnsureCreated
    /// needs no migration tool at run time; a later schema change would add a migration.
    /// </summary>
    public static async Task EnsureStoreAsync(StaffDbContext context, string dataDirectory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        PrivateFiles.PrepareDatabase(Path.Combine(dataDirectory, StaffDbContext.FileName));
        await context.Database.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
    }
}
