using System.Text.Json;
using System.Text.Json.Serialization;

namespace BoneTumorInfo.Appointments;

/// <summary>The one wire format of a request: in the SQLite store, on RabbitMQ, in the receiver's JSON lines.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(AppointmentRequest))]
internal sealed partial class AppointmentJsonContext : JsonSerializerContext;

public static class AppointmentJson
{
    /// <summary>
    /// Names in Bengali and "+" in phone numbers stay readable in the output. The relaxed encoder
    /// only matters for JSON placed inside HTML, which this never is.
    /// </summary>
    private static readonly AppointmentJsonContext Readable = new(new JsonSerializerOptions(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Serialize(AppointmentRequest request) =>
        JsonSerializer.Serialize(request, Readable.AppointmentRequest);

    public static byte[] SerializeToUtf8(AppointmentRequest request) =>
        JsonSerializer.SerializeToUtf8Bytes(request, Readable.AppointmentRequest);

    public static AppointmentRequest Deserialize(ReadOnlySpan<byte> utf8) =>
        JsonSerializer.Deserialize(utf8, AppointmentJsonContext.Default.AppointmentRequest)
        ?? throw new JsonException("An appointment request was null.");

    public static AppointmentRequest Deserialize(string json) =>
        JsonSerializer.Deserialize(json, AppointmentJsonContext.Default.AppointmentRequest)
        ?? throw new JsonException("An appointment request was null.");
}
