using System.Globalization;
using System.Text;
using BoneTumorInfo.Appointments.WorkList;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace BoneTumorInfo.Web.Staff.Notifications;

/// <summary>Sends the coordinators' "new requests are waiting" mail.</summary>
public interface ICoordinatorMailSender
{
    Task SendAsync(IReadOnlyList<string> references, CancellationToken cancellationToken);
}

/// <summary>
/// The mail itself: a count and references, never a name, number or reason, because mail
/// passes through servers the hospital does not run. Coordinators open the staff area for the rest.
/// </summary>
public sealed class SmtpCoordinatorMailSender(IOptions<StaffOptions> options) : ICoordinatorMailSender
{
    public static MimeMessage Compose(SmtpOptions smtp, IReadOnlyList<string> references)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(references);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        foreach (var to in smtp.To) message.To.Add(MailboxAddress.Parse(to));
        var count = references.Count;
        message.Subject = count == 1 ? "1 new appointment request is waiting" : string.Create(CultureInfo.InvariantCulture, $"{count} new appointment requests are waiting");
        var body = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{message.Subject} in the staff area.").Append("\r\n\r\n")
            .Append("References:").Append("\r\n");
        foreach (var reference in references) body.Append(reference).Append("\r\n");
        body.Append("\r\n").Append("Sign in to the staff area to see the details and call back. This mail holds no patient details on purpose.").Append("\r\n");
        message.Body = new TextPart("plain") { Text = body.ToString() };
        return message;
    }

    public async Task SendAsync(IReadOnlyList<string> references, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var client = new SmtpClient { Timeout = 30_000 };
        // TLS is required when asked for: STARTTLS that quietly falls back to plain text would send the password in clear.
        var security = !smtp.UseTls ? SecureSocketOptions.None : smtp.Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls;
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(smtp.User)) await client.AuthenticateAsync(smtp.User, smtp.Password ?? "", cancellationToken).ConfigureAwait(false);
        await client.SendAsync(Compose(smtp, references), cancellationToken).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>
/// Tells coordinators when new requests are waiting, batched: at most one mail per
/// <c>Staff:Smtp:MinimumMinutes</c>, holding every request that came meanwhile. How far it has
/// told is kept in the work list, so a restart neither repeats nor skips a request.
/// </summary>
public sealed partial class CoordinatorMailService(
    WorkListStore workList, WorkListSignal signal, ICoordinatorMailSender sender, IOptions<StaffOptions> options,
    TimeProvider clock, ILogger<CoordinatorMailService> logger) : BackgroundService
{
    public const string MarkKey = "coordinator-mail";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var smtp = options.Value.Smtp;
        if (!smtp.IsConfigured) return;
        var minimum = TimeSpan.FromMinutes(smtp.MinimumMinutes);
        DateTimeOffset? lastSent = null;
        var failures = 0;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                // Also looks now and then without a notice: requests taken in by another process, or before a restart.
                await signal.WaitAsync(TimeSpan.FromSeconds(30), stoppingToken).ConfigureAwait(false);
                if (lastSent is { } sent && clock.GetUtcNow() - sent < minimum)
                {
                    await Task.Delay(sent + minimum - clock.GetUtcNow(), clock, stoppingToken).ConfigureAwait(false);
                }

                try
                {
                    var (references, last) = await workList.NewSinceAsync(await workList.GetMarkAsync(MarkKey, stoppingToken).ConfigureAwait(false), stoppingToken).ConfigureAwait(false);
                    if (references.Count == 0) continue;
                    await sender.SendAsync(references, stoppingToken).ConfigureAwait(false);
                    await workList.SetMarkAsync(MarkKey, last, stoppingToken).ConfigureAwait(false);
                    lastSent = clock.GetUtcNow();
                    failures = 0;
                    LogSent(logger, references.Count);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    failures++;
                    // The server's message only: the mail's own text is never logged (it is references anyway).
                    LogFailed(logger, ex.GetType().Name, ex.Message);
                    await Task.Delay(TimeSpan.FromSeconds(Math.Min(300, 5 * Math.Pow(2, Math.Min(failures, 6)))), clock, stoppingToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Coordinators told of {Count} new requests by mail")]
    private static partial void LogSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail to coordinators failed ({Kind}: {Reason}); trying again later")]
    private static partial void LogFailed(ILogger logger, string kind, string reason);
}
