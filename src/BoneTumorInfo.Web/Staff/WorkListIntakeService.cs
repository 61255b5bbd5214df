using BoneTumorInfo.Appointments;
using BoneTumorInfo.Appointments.Receiving;
using BoneTumorInfo.Appointments.Storage;
using BoneTumorInfo.Appointments.WorkList;
using Microsoft.Extensions.Options;

namespace BoneTumorInfo.Web.Staff;

/// <summary>Wakes whoever waits for new requests in the work list (the coordinators' mail).</summary>
public sealed class WorkListSignal
{
    private readonly System.Threading.Channels.Channel<bool> _signal =
        System.Threading.Channels.Channel.CreateBounded<bool>(new System.Threading.Channels.BoundedChannelOptions(1) { FullMode = System.Threading.Channels.BoundedChannelFullMode.DropWrite });

    public void Notify() => _signal.Writer.TryWrite(true);

    /// <summary>Completes on a notice or after <paramref name="timeout"/>.</summary>
    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.Reader.WaitAsync(timeout, cancellationToken);
}

/// <summary>
/// Keeps the work list fed for the life of the app: from the web's own SQLite queue on one
/// machine, or from the RabbitMQ queue on the one instance set to <c>Staff:ConsumeQueue</c>.
/// Uses the same sources and acknowledgements as <c>bti appointments receive</c>.
/// </summary>
public sealed partial class WorkListIntakeService(
    WorkListStore workList, SqliteAppointmentStore queue, WorkListSignal signal,
    IOptions<AppointmentsOptions> appointments, IOptions<StaffOptions> staff, ILogger<WorkListIntakeService> logger) : BackgroundService
{
    /// <summary>Unset means: on one machine yes, with a broker no (one instance is chosen for it).</summary>
    public static bool IsConsuming(AppointmentsOptions appointments, StaffOptions staff)
    {
        ArgumentNullException.ThrowIfNull(appointments);
        ArgumentNullException.ThrowIfNull(staff);
        return staff.ConsumeQueue ?? !appointments.RabbitMq.IsConfigured;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = appointments.Value;
        if (!IsConsuming(options, staff.Value)) return;
        var broker = options.RabbitMq.IsConfigured;
        var retry = TimeSpan.FromSeconds(options.RabbitMq.RetryMinSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                IAppointmentSource source = broker
                    ? await RabbitMqAppointmentSource.ConnectAsync(options.RabbitMq, stoppingToken).ConfigureAwait(false)
                    : new SqliteAppointmentSource(queue);
                await using (source.ConfigureAwait(false))
                {
                    retry = TimeSpan.FromSeconds(options.RabbitMq.RetryMinSeconds);
                    while (!stoppingToken.IsCancellationRequested)
                    {
                        var result = await WorkListIntake.TakeWaitingAsync(source, workList, stoppingToken).ConfigureAwait(false);
                        if (result.Taken > 0)
                        {
                            LogTaken(logger, result.Taken, result.Duplicates);
                            signal.Notify();
                        }

                        if (broker) await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(false);
                        else await queue.WaitForNewAsync(TimeSpan.FromSeconds(2), stoppingToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The intake must outlive a broker restart or a locked file; it logs and tries again.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                // A fresh source next time: the SQLite source does not offer a row twice in one run.
                LogFailed(logger, retry.TotalSeconds, ex);
                await Task.Delay(retry, stoppingToken).ConfigureAwait(false);
                retry = TimeSpan.FromSeconds(Math.Min(retry.TotalSeconds * 2, options.RabbitMq.RetryMaxSeconds));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Work list: {Taken} new requests taken in ({Duplicates} seen before)")]
    private static partial void LogTaken(ILogger logger, int taken, int duplicates);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Work list: could not take requests in; trying again in {Seconds} s")]
    private static partial void LogFailed(ILogger logger, double seconds, Exception exception);
}
