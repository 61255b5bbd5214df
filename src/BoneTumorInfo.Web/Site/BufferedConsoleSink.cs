using System.Text;
using Serilog;
using Serilog.Configuration;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;
using Serilog.Formatting.Display;

namespace BoneTumorInfo.Web.Site;

/// <summary>
/// Log lines to standard output through a buffer, written out when it fills, at most
/// <see cref="DefaultFlushInterval"/> after a line, at once for a warning or worse, and when the
/// app stops. Serilog's console sink flushes after every line: one write to the output per
/// request, about a fifth of the site's capacity for stored pages. Used behind the Async sink,
/// which hands it one line at a time on its own thread.
/// </summary>
public sealed class BufferedConsoleSink : ILogEventSink, IDisposable
{
    public static readonly TimeSpan DefaultFlushInterval = TimeSpan.FromMilliseconds(200);

    private const int BufferBytes = 64 * 1024;

    private readonly ITextFormatter _formatter;
    private readonly StreamWriter _writer;
    private readonly Lock _gate = new();
    private readonly Timer _timer;
    private bool _unwritten;
    private bool _disposed;

    public BufferedConsoleSink(ITextFormatter formatter, Stream output, TimeSpan flushInterval)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        ArgumentNullException.ThrowIfNull(output);
        if (flushInterval <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(flushInterval), "The flush interval must be positive.");
        _formatter = formatter;
        _writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), BufferBytes) { AutoFlush = false };
        _timer = new Timer(_ => Flush(), null, flushInterval, flushInterval);
    }

    public void Emit(LogEvent logEvent)
    {
        ArgumentNullException.ThrowIfNull(logEvent);
        lock (_gate)
        {
            if (_disposed) return;
            _formatter.Format(logEvent, _writer);
            _unwritten = true;
            if (logEvent.Level >= LogEventLevel.Warning) FlushLocked();
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            FlushLocked();
            _disposed = true;
        }

        _timer.Dispose();
        _writer.Dispose();
    }

    private void Flush()
    {
        lock (_gate)
        {
            if (!_disposed && _unwritten) FlushLocked();
        }
    }

    private void FlushLocked()
    {
        try
        {
            _writer.Flush();
        }
        catch (IOException ex)
        {
            // The reader of the output has gone (a closed pipe): the lines cannot be written anywhere.
            Serilog.Debugging.SelfLog.WriteLine("Log lines could not be written to the output: {0}", ex.Message);
        }

        _unwritten = false;
    }
}

/// <summary>The sink's name in the "Serilog" configuration: <c>{ "Name": "BufferedConsole" }</c>.</summary>
public static class BufferedConsoleSinkExtensions
{
    public const string DefaultOutputTemplate = "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}";

    public static LoggerConfiguration BufferedConsole(
        this LoggerSinkConfiguration sinkConfiguration,
        string outputTemplate = DefaultOutputTemplate,
        int flushMilliseconds = 200,
        LogEventLevel restrictedToMinimumLevel = LogEventLevel.Verbose)
    {
        ArgumentNullException.ThrowIfNull(sinkConfiguration);
        var formatter = new MessageTemplateTextFormatter(outputTemplate, System.Globalization.CultureInfo.InvariantCulture);
        return sinkConfiguration.Sink(
            new BufferedConsoleSink(formatter, Console.OpenStandardOutput(), TimeSpan.FromMilliseconds(flushMilliseconds)),
            restrictedToMinimumLevel);
    }
}
