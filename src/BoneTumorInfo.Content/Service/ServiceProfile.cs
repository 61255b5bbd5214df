namespace BoneTumorInfo.Content.Service;

/// <summary>
/// The service's own details, from <c>content/service.yml</c>: the one file staff edit when a
/// name, number or promise changes. Pages use them through placeholders such as
/// <c>{{ phone.ward }}</c>, so no page holds a number of its own.
/// </summary>
public sealed record ServiceProfile
{
    public const string FileName = "service.yml";

    /// <summary>
    /// True while the file still holds the example details it was shipped with: the web host
    /// shows a notice, and the checker warns, until staff set their real ones.
    /// </summary>
    public required bool IsExample { get; init; }

    /// <summary>The service's name ("Bone Tumour and Children's Tumour Surgery Service").</summary>
    public required LocalizedText Name { get; init; }

    /// <summary>The hospital the service is part of.</summary>
    public required LocalizedText Hospital { get; init; }

    /// <summary>The postal address, one line per part as written in the file.</summary>
    public required LocalizedText Address { get; init; }

    /// <summary>A plain OpenStreetMap link to the hospital (never an embedded map: no third-party frame on a patient's page).</summary>
    public required Uri Map { get; init; }

    public required string Email { get; init; }

    /// <summary>How soon the team calls back after an appointment request ("within 2 working days").</summary>
    public required LocalizedText Callback { get; init; }

    /// <summary>The appointments line.</summary>
    public required ServicePhone Appointments { get; init; }

    /// <summary>The ward or team's 24-hour line, for patients after surgery or during chemotherapy.</summary>
    public required ServicePhone Ward { get; init; }

    /// <summary>The national emergency number (999 in Bangladesh).</summary>
    public required ServicePhone Emergency { get; init; }

    /// <summary>The phone lines in the order a contact list shows them.</summary>
    public IReadOnlyList<ServicePhone> Phones => [Appointments, Ward, Emergency];

    /// <summary>A line by its key in service.yml (appointments, ward, emergency), or null.</summary>
    public ServicePhone? Phone(string key) => Phones.FirstOrDefault(p => p.Key == key);

    /// <summary>The address on one line (its parts joined with commas), for running text.</summary>
    public string AddressOnOneLine(string language) =>
        string.Join(", ", Address.In(language).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part => part.TrimEnd(',')));
}
