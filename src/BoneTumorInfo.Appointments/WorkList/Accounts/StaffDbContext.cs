using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace BoneTumorInfo.Appointments.WorkList.Accounts;

/// <summary>Identity's tables in their own SQLite file, <c>staff.db</c> in the data folder.</summary>
public sealed class StaffDbContext(DbContextOptions<StaffDbContext> options) : IdentityDbContext<StaffUser>(options)
{
    public const string FileName = "staff.db";
}
