namespace BoneTumorInfo.Testing;

/// <summary>
/// Waits for something that happens on another thread or process (a file watcher's notice, a
/// server starting, a relay delivering). Not a speed test: the time limit only stops a broken
/// part from hanging the run.
/// </summary>
public static class Poll
{
    /// <summary>Asks again every <paramref name="interval"/> (default 50 ms) until the answer is
    /// done or time runs out; returns the last answer either way, for the test to assert on.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, TimeSpan? interval = null)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(done);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var answer = await probe();
            if (done(answer) || DateTime.UtcNow > deadline) return answer;
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>Waits until the condition holds, or fails with <paramref name="failure"/>. A probe
    /// that throws one of <paramref name="transient"/> counts as "not yet".</summary>
    public static async Task UntilTrue(Func<Task<bool>> condition, TimeSpan timeout, string failure, TimeSpan? interval = null, params Type[] transient)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var done = await Until(async () =>
        {
            try
            {
                return await condition();
            }
            catch (Exception ex) when (transient.Any(t => t.IsInstanceOfType(ex)))
            {
                return false;
            }
        }, ok => ok, timeout, interval);
        if (!done) throw new TimeoutException(failure);
    }
}
