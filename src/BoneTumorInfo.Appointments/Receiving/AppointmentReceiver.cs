namespace BoneTumorInfo.Appointments.Receiving;

/// <summary>What one run of the receiver did.</summary>
public sealed record ReceiveResult(int Written, int Duplicates);

/// <summary>
/// Takes each waiting request, writes it, and only then acknowledges it. A crash between the
/// write and the acknowledgement means the request comes again; the receipt log (and the
/// references already in an output file) make sure it is not written twice.
/// </summary>
public static class AppointmentReceiver
{
    public static async Task<ReceiveResult> ReceiveAsync(
        IAppointmentSource source, RequestWriter writer, ReceiptLog receipts, ISet<string> alreadyWritten,
        TimeSpan waitWhenEmpty, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(receipts);
        ArgumentNullException.ThrowIfNull(alreadyWritten);
        int written = 0, duplicates = 0;
        var idleSince = DateTime.UtcNow;
        while (!cancellationToken.IsCancellationRequested)
        {
            var next = await source.NextAsync(cancellationToken).ConfigureAwait(false);
            if (next is null)
            {
                if (DateTime.UtcNow - idleSince >= waitWhenEmpty) break;
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken).ConfigureAwait(false);
                continue;
            }

            idleSince = DateTime.UtcNow;
            if (alreadyWritten.Contains(next.Reference) || await receipts.ContainsAsync(next.Reference, cancellationToken).ConfigureAwait(false))
            {
                duplicates++;
            }
            else
            {
                await writer.WriteAsync(next.Request, cancellationToken).ConfigureAwait(false);
                await receipts.AddAsync(next.Reference, cancellationToken).ConfigureAwait(false);
                alreadyWritten.Add(next.Reference);
                written++;
            }

            await next.AcknowledgeAsync(cancellationToken).ConfigureAwait(false);
        }

        return new ReceiveResult(written, duplicates);
    }
}
