using System.Globalization;
using BoneTumorInfo.Appointments.WorkList;
using Microsoft.AspNetCore.Mvc;

namespace BoneTumorInfo.Web.Staff;

/// <summary>The coordinators' inbox: requests still to call (or done, or all), oldest or newest first, and its CSV.</summary>
public sealed class RequestsModel(WorkListStore workList) : StaffPageModel
{
    public override string PageTitle => "Appointment requests";

    [BindProperty(SupportsGet = true)]
    public string Show { get; set; } = "open";

    [BindProperty(SupportsGet = true)]
    public string Order { get; set; } = "oldest";

    [BindProperty(SupportsGet = true)]
    public string? Deleted { get; set; }

    public IReadOnlyList<WorkItem> Items { get; private set; } = [];

    public string ZoneName => StaffOptions.TimeZone;

    public string ExportUrl => $"{StaffPaths.Requests}?handler=export&show={Uri.EscapeDataString(Show)}&order={Uri.EscapeDataString(Order)}";

    public async Task OnGetAsync() => Items = await workList.ListAsync(Query());

    /// <summary>The list as shown, as a file a spreadsheet opens (see WorkListCsv).</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var items = await workList.ListAsync(Query());
        var today = TimeZoneInfo.ConvertTime(Now, StaffOptions.Zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return File(WorkListCsv.Write(items, StaffOptions.Zone), "text/csv; charset=utf-8", $"appointment-requests-{Show}-{today}.csv");
    }

    private WorkListQuery Query()
    {
        // Anything unknown reads as the default, so a mistyped address still shows the inbox.
        Show = Show is "done" or "all" ? Show : "open";
        Order = Order == "newest" ? Order : "oldest";
        var view = Show switch { "done" => WorkView.Done, "all" => WorkView.All, _ => WorkView.Open };
        return new WorkListQuery(view, OldestFirst: Order == "oldest");
    }
}
