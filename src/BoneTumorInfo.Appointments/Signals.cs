using System.Threading.Channels;

namespace BoneTumorInfo.Appointments;

/// <summary>Background loops that wake on a signal, or look anyway after a while.</summary>
public static class Signals
{
    /// <summary>
    /// Completes when <paramref name="reader"/> gives an item or after <paramref name="timeout"/>,
    /// whichever is first; throws only when <paramref name="cancellationToken"/> is cancelled.
    /// </summary>
    public static async Task WaitAsync<T>(this ChannelReader<T> reader, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reader);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        cts.CancelAfter(timeout);
        try
        {
            await reader.ReadAsync(cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: the caller looks anyway.
        }
    }
}
