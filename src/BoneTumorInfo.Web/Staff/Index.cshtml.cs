using BoneTumorInfo.Appointments.WorkList;
using BoneTumorInfo.Appointments.WorkList.Accounts;

namespace BoneTumorInfo.Web.Staff;

/// <summary>The staff area's front page: where to go for each role.</summary>
public sealed class StaffIndexModel(WorkListStore workList) : StaffPageModel
{
    public override string PageTitle => "Staff area";

    public int OpenCount { get; private set; }

    public async Task OnGetAsync()
    {
        if (User.IsInRole(StaffRoles.Coordinator)) OpenCount = (await workList.ListAsync(new WorkListQuery(WorkView.Open))).Count;
    }
}
