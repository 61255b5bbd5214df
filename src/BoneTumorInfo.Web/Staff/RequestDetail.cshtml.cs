using BoneTumorInfo.Appointments.Storage;
using BoneTumorInfo.Appointments.WorkList;
using Microsoft.AspNetCore.Mvc;

namespace BoneTumorInfo.Web.Staff;

/// <summary>One request: everything the person sent, who has it, what happened, its history; assign, record, delete.</summary>
public sealed partial class RequestDetailModel(WorkListStore workList, SqliteAppointmentStore queue, ILogger<RequestDetailModel> logger) : StaffPageModel
{
    public override string PageTitle => "Request " + Reference;

    [BindProperty(SupportsGet = true)]
    public string Reference { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? Done { get; set; }

    [BindProperty]
    public string? Outcome { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public bool ConfirmDelete { get; set; }

    public WorkItem? Item { get; private set; }

    public IReadOnlyList<WorkNote> Notes { get; private set; } = [];

    public IReadOnlyList<AuditEntry> Trail { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        // Only our own messages are shown; the address cannot put words on the page.
        Done = Done switch
        {
            "assigned" => "The request is yours now.",
            "taken-over" => "You have taken over the request.",
            "released" => "The request is back in the list for anyone to take.",
            "recorded" => "The outcome is recorded.",
            _ => null,
        };
        return await ShowAsync();
    }

    public Task<IActionResult> OnPostAssignAsync() => AssignAsync(takeOver: false);

    public Task<IActionResult> OnPostTakeOverAsync() => AssignAsync(takeOver: true);

    public async Task<IActionResult> OnPostReleaseAsync()
    {
        if (await workList.ReleaseAsync(Reference, Me)) LogChange(logger, Reference, "released");
        return BackHere("released");
    }

    public async Task<IActionResult> OnPostOutcomeAsync()
    {
        var item = await workList.GetAsync(Reference);
        if (item is null) return NotFound();
        if (!WorkStatuses.TryParse(Outcome, out var outcome) || outcome == WorkStatus.New)
        {
            Errors.Add(("outcome-booked", "Choose what happened"));
        }
        else if (item.Holder is not null && !item.IsHeldBy(Me.Id))
        {
            Errors.Add(("outcome-booked", $"{item.Holder.Name} has this request: take it over first"));
        }

        if (Errors.Count > 0) return await ShowAsync();
        if (!await workList.RecordOutcomeAsync(Reference, Me, outcome, Note)) return NotFound();
        LogChange(logger, Reference, outcome.Code());
        return BackHere("recorded");
    }

    public async Task<IActionResult> OnPostDeleteAsync()
    {
        if (!ConfirmDelete)
        {
            Errors.Add(("confirm-delete", "Tick the box to confirm the person asked for their request to be deleted"));
            return await ShowAsync();
        }

        if (!await workList.DeleteAsync(Reference, Me)) return NotFound();
        // The copy still waiting out its retention in this server's own queue goes too. (With
        // RabbitMQ, other servers' outboxes keep theirs until their retention purge.)
        await queue.ForgetAsync(Reference);
        LogChange(logger, Reference, "deleted");
        return LocalRedirect($"{StaffPaths.Requests}?deleted={Uri.EscapeDataString(Reference)}");
    }

    private async Task<IActionResult> AssignAsync(bool takeOver)
    {
        var (result, _) = await workList.AssignAsync(Reference, Me, takeOver);
        switch (result)
        {
            case AssignResult.NotFound:
                return NotFound();
            case AssignResult.HeldByOther:
                // Someone took it between showing the page and the click: show who, with the take-over button.
                return await ShowAsync();
            case AssignResult.Assigned:
                LogChange(logger, Reference, takeOver ? "taken over" : "assigned");
                return BackHere(takeOver ? "taken-over" : "assigned");
            default:
                return BackHere("assigned");
        }
    }

    private async Task<IActionResult> ShowAsync()
    {
        Item = await workList.GetAsync(Reference);
        if (Item is null) return NotFound();
        Notes = await workList.NotesAsync(Reference);
        Trail = await workList.AuditTrailAsync(Reference);
        return Page();
    }

    private LocalRedirectResult BackHere(string done) =>
        LocalRedirect($"{StaffPaths.Requests}/{Uri.EscapeDataString(Reference)}?done={done}");

    // The reference and what changed; never a name, number or note.
    [LoggerMessage(Level = LogLevel.Information, Message = "Work list: {Reference} {Change}")]
    private static partial void LogChange(ILogger logger, string reference, string change);
}
