namespace BoneTumorInfo.Appointments;

/// <summary>The "Appointments" configuration section.</summary>
public sealed class AppointmentsOptions
{
    public const string SectionName = "Appointments";

    /// <summary>Where the SQLite store lives; empty means a <c>data</c> folder beside the content folder.</summary>
    public string DataDirectory { get; set; } = "";

    /// <summary>Rows already delivered are deleted after this many days.</summary>
    public int RetentionDays { get; set; } = 30;

    public RabbitMqOptions RabbitMq { get; set; } = new();

    public string DatabasePath => Path.Combine(DataDirectory, SqliteAppointmentStoreFileName);

    public const string SqliteAppointmentStoreFileName = "appointments.db";

    /// <summary>
    /// The default data folder: <c>data/</c> beside the content folder, so <c>dotnet run</c> in the
    /// repo and a published folder both keep it in one predictable place (ignored by git).
    /// </summary>
    public static string DefaultDataDirectory(string contentRoot) =>
        Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(contentRoot)))!, "data");
}

/// <summary>The "Appointments:RabbitMq" section. RabbitMQ is used only when <see cref="Uri"/> is set.</summary>
public sealed class RabbitMqOptions
{
    /// <summary>For example <c>amqp://guest:guest@127.0.0.1:5672/</c>.</summary>
    public string? Uri { get; set; }

    public string QueueName { get; set; } = "appointment-requests";

    /// <summary>Rows published per round of confirms.</summary>
    public int BatchSize { get; set; } = 200;

    public double RetryMinSeconds { get; set; } = 0.5;

    public double RetryMaxSeconds { get; set; } = 30;

    /// <summary>The ready check turns degraded when the oldest unsent request is older than this.</summary>
    public double MaxUnsentAgeSeconds { get; set; } = 300;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Uri);
}
