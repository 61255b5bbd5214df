using System.CommandLine;
using System.Text;
using System.Text.Json;
using BoneTumorInfo.Appointments;
using BoneTumorInfo.Appointments.Receiving;
using BoneTumorInfo.Appointments.Storage;
using BoneTumorInfo.Content;

namespace BoneTumorInfo.Cli.Appointments;

/// <summary><c>bti appointments …</c>: tools for the people who call patients back.</summary>
public static class AppointmentsCommands
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var appointments = new Command("appointments", "Appointment requests sent through the website's form.");
        appointments.Subcommands.Add(CreateReceive(output, errors));
        return appointments;
    }

    private static Command CreateReceive(TextWriter output, TextWriter errors)
    {
        var dataDir = new Option<string?>("--data-dir")
        {
            Description = "The site's data folder (holds appointments.db). Default: Appointments__DataDirectory, or 'data' beside the content folder.",
        };
        var rabbit = new Option<string?>("--rabbitmq")
        {
            Description = "Take requests from this RabbitMQ server (amqp://…) instead of the SQLite store. Default: Appointments__RabbitMq__Uri.",
        };
        var queue = new Option<string?>("--queue") { Description = "The RabbitMQ queue. Default: appointment-requests." };
        var format = new Option<string>("--format")
        {
            Description = "jsonl (one JSON object per line) or csv.",
            DefaultValueFactory = _ => "jsonl",
        };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var file = new Option<string?>("--output", "-o") { Description = "Append to this file instead of writing to the screen." };
        var wait = new Option<double>("--wait")
        {
            Description = "Seconds to keep waiting for new requests once none are left. Default: 0 (stop at once).",
            DefaultValueFactory = _ => 0,
        };

        var receive = new Command("receive",
            "Take waiting appointment requests, write each one out, and only then mark it received. A request already received is not written again.");
        receive.Options.Add(dataDir);
        receive.Options.Add(rabbit);
        receive.Options.Add(queue);
        receive.Options.Add(format);
        receive.Options.Add(file);
        receive.Options.Add(wait);
        receive.SetAction(async (parse, cancellationToken) =>
        {
            var configured = BtiConfiguration.Load().Appointments;
            var settings = new ReceiveSettings(
                parse.GetValue(dataDir),
                Setting(parse.GetValue(rabbit), configured.RabbitMq.Uri),
                Setting(parse.GetValue(queue), configured.RabbitMq.QueueName),
                parse.GetValue(format) == "csv" ? OutputFormat.Csv : OutputFormat.JsonLines,
                parse.GetValue(file),
                TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(wait))));
            return await ReceiveAsync(settings, output, errors, cancellationToken).ConfigureAwait(false);
        });
        return receive;
    }

    internal sealed record ReceiveSettings(string? DataDirectory, string? RabbitMqUri, string? QueueName, OutputFormat Format, string? OutputFile, TimeSpan Wait);

    internal static async Task<int> ReceiveAsync(ReceiveSettings settings, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var dataDirectory = ResolveDataDirectory(settings.DataDirectory, errors);
        if (dataDirectory is null) return 2;

        var options = new AppointmentsOptions { DataDirectory = dataDirectory };
        if (settings.RabbitMqUri is { } uri) options.RabbitMq.Uri = uri;
        if (settings.QueueName is { } name) options.RabbitMq.QueueName = name;

        IAppointmentSource source;
        SqliteAppointmentStore? store = null;
        if (options.RabbitMq.IsConfigured)
        {
            try
            {
                source = await RabbitMqAppointmentSource.ConnectAsync(options.RabbitMq, cancellationToken).ConfigureAwait(false);
            }
            catch (RabbitMQ.Client.Exceptions.BrokerUnreachableException ex)
            {
                await errors.WriteLineAsync($"error: cannot reach RabbitMQ at {Redact(options.RabbitMq.Uri!)}: {ex.InnerException?.Message ?? ex.Message}").ConfigureAwait(false);
                return 3;
            }
        }
        else
        {
            if (!File.Exists(options.DatabasePath))
            {
                await errors.WriteLineAsync($"No requests yet: there is no store at {options.DatabasePath}.").ConfigureAwait(false);
                return 0;
            }

            store = new SqliteAppointmentStore(options.DatabasePath);
            source = new SqliteAppointmentSource(store);
        }

        await using (source.ConfigureAwait(false))
        {
            var receipts = await ReceiptLog.OpenAsync(Path.Combine(dataDirectory, "received.db"), cancellationToken).ConfigureAwait(false);
            await using (receipts.ConfigureAwait(false))
            {
                var alreadyWritten = new HashSet<string>(StringComparer.Ordinal);
                TextWriter target = output;
                StreamWriter? fileWriter = null;
                var writeHeader = true;
                if (settings.OutputFile is { } path)
                {
                    if (File.Exists(path))
                    {
                        // A file from an earlier run: never write a request into it twice.
                        await ReadReferencesAsync(path, settings.Format, alreadyWritten, cancellationToken).ConfigureAwait(false);
                        writeHeader = new FileInfo(path).Length == 0;
                    }

                    fileWriter = new StreamWriter(path, append: true, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
                    target = fileWriter;
                }

                try
                {
                    var writer = new RequestWriter(target, settings.Format, writeHeader);
                    var result = await AppointmentReceiver.ReceiveAsync(source, writer, receipts, alreadyWritten, settings.Wait, cancellationToken).ConfigureAwait(false);
                    await errors.WriteLineAsync($"{result.Written} requests received, {result.Duplicates} already received before.").ConfigureAwait(false);
                    return 0;
                }
                finally
                {
                    if (fileWriter is not null) await fileWriter.DisposeAsync().ConfigureAwait(false);
                    if (store is not null) await store.DisposeAsync().ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>A value given on the command line, else the configured one (appsettings.json, environment).</summary>
    private static string? Setting(string? given, string? configured) =>
        !string.IsNullOrWhiteSpace(given) ? given
        : !string.IsNullOrWhiteSpace(configured) ? configured
        : null;

    /// <summary>The same default as the site: <c>data</c> beside the content folder.</summary>
    private static string? ResolveDataDirectory(string? given, TextWriter errors)
    {
        try
        {
            return BtiConfiguration.Load().ResolveDataDirectory(given);
        }
        catch (DirectoryNotFoundException)
        {
            errors.WriteLine("error: no data folder given (--data-dir or Appointments__DataDirectory) and no content folder found near here.");
            return null;
        }
    }

    private static async Task ReadReferencesAsync(string path, OutputFormat format, HashSet<string> references, CancellationToken cancellationToken)
    {
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            if (format == OutputFormat.Csv)
            {
                var first = line.Split(',', 2)[0];
                if (References.IsReference(first)) references.Add(first);
                continue;
            }

            if (line.Length == 0) continue;
            try
            {
                using var json = JsonDocument.Parse(line);
                if (json.RootElement.TryGetProperty("reference", out var reference) && reference.GetString() is { } value) references.Add(value);
            }
            catch (JsonException)
            {
                // A half-written last line from a crash: its request was not acknowledged, so it comes again.
            }
        }
    }

    /// <summary>Never print a password from a connection address.</summary>
    private static string Redact(string uri) =>
        Uri.TryCreate(uri, UriKind.Absolute, out var parsed) && parsed.UserInfo.Length > 0
            ? uri.Replace(parsed.UserInfo, parsed.UserInfo.Split(':')[0] + ":***", StringComparison.Ordinal)
            : uri;
}
