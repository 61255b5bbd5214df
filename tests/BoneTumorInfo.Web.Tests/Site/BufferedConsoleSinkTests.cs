using System.Globalization;
using System.Text;
using BoneTumorInfo.Web.Site;
using Serilog.Events;
using Serilog.Formatting.Display;
using Serilog.Parsing;

namespace BoneTumorInfo.Web.Tests.Site;

/// <summary>The site's log output: buffered, but every line reaches the output whole and in order.</summary>
public sealed class BufferedConsoleSinkTests
{
    private static readonly MessageTemplateTextFormatter Formatter = new("{Level:u3} {Message:lj}{NewLine}", CultureInfo.InvariantCulture);

    [Fact]
    public void Lines_wait_in_the_buffer_and_are_all_written_in_order_when_the_app_stops()
    {
        var output = new MemoryStream();
        var sink = new BufferedConsoleSink(Formatter, output, TimeSpan.FromHours(1));
        for (var i = 1; i <= 3; i++) sink.Emit(Event(LogEventLevel.Information, $"request {i}"));
        Assert.Equal(0, output.Length);

        sink.Dispose();

        Assert.Equal(["INF request 1", "INF request 2", "INF request 3"], Lines(output));
    }

    [Fact]
    public void A_warning_is_written_at_once_with_the_lines_before_it()
    {
        var output = new MemoryStream();
        using var sink = new BufferedConsoleSink(Formatter, output, TimeSpan.FromHours(1));
        sink.Emit(Event(LogEventLevel.Information, "request 1"));
        sink.Emit(Event(LogEventLevel.Warning, "Search index could not be built"));

        Assert.Equal(["INF request 1", "WRN Search index could not be built"], Lines(output));
    }

    [Fact]
    public async Task A_quiet_moment_writes_the_buffer_out_within_the_interval()
    {
        var output = new SharedStream();
        using var sink = new BufferedConsoleSink(Formatter, output, TimeSpan.FromMilliseconds(50));
        sink.Emit(Event(LogEventLevel.Information, "মাঝারি ব্যথা: request 1"));

        for (var waited = 0; output.Text.Length == 0 && waited < 10_000; waited += 20) await Task.Delay(20);

        Assert.Equal("INF মাঝারি ব্যথা: request 1" + Environment.NewLine, output.Text);
    }

    [Fact]
    public void Lines_after_the_app_stopped_are_dropped_without_an_error()
    {
        var output = new MemoryStream();
        var sink = new BufferedConsoleSink(Formatter, output, TimeSpan.FromHours(1));
        sink.Dispose();
        sink.Emit(Event(LogEventLevel.Error, "too late"));
        sink.Dispose();
    }

    private static LogEvent Event(LogEventLevel level, string text) =>
        new(DateTimeOffset.UtcNow, level, null, new MessageTemplateParser().Parse(text.Replace("{", "{{", StringComparison.Ordinal)), []);

    private static string[] Lines(MemoryStream output) =>
        Encoding.UTF8.GetString(output.ToArray()).Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

    /// <summary>A stream the test can read while the sink's timer writes to it.</summary>
    private sealed class SharedStream : MemoryStream
    {
        private readonly Lock _gate = new();

        public string Text
        {
            get
            {
                lock (_gate) return Encoding.UTF8.GetString(ToArray());
            }
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            lock (_gate) base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            lock (_gate) base.Write(buffer);
        }
    }
}
