using BoneTumorInfo.Appointments;
using BoneTumorInfo.Appointments.Storage;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Appointments;

/// <summary>
/// Deletes requests from the local store once they have been delivered and kept for the
/// retention period the privacy notice promises.
/// </summary>
public sealed partial class AppointmentsHousekeeping(
    SqliteAppointmentStore store, IOptions<AppointmentsOptions> options, TimeProvider clock, ILogger<AppointmentsHousekeeping> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromHours(1);

    /// <summary>
    /// The first clean-up waits this long after start-up: nothing is due to the minute, and at
    /// start it took CPU (opening the store, the first queries) from the first reader's page.
    /// </summary>
    private static readonly TimeSpan FirstDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(FirstDelay, clock, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var cutoff = clock.GetUtcNow().AddDays(-options.Value.RetentionDays);
                var deleted = await store.PurgeDeliveredAsync(cutoff, stoppingToken).ConfigureAwait(false);
                if (deleted > 0) LogPurged(logger, deleted);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A failed clean-up is retried next hour; it must never stop the site.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} delivered appointment requests past their retention period")]
    private static partial void LogPurged(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete old appointment requests; will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
