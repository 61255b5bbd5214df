using System.Text.Json.Serialization;

namespace BoneTumorInfo.Appointments;

/// <summary>The language a person read and filled in the form in (not the language they want the call in).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FormLanguage>))]
public enum FormLanguage
{
    [JsonStringEnumMemberName("en")]
    English,

    [JsonStringEnumMemberName("bn")]
    Bengali,
}

public static class FormLanguages
{
    /// <summary>
    /// The form language for a site language code: "bn" (or "bn-BD", "bn-IN") is Bengali;
    /// anything else, or nothing, is English.
    /// </summary>
    public static FormLanguage FromCode(string? code) =>
        code is not null && (code.Equals("bn", StringComparison.OrdinalIgnoreCase) || code.StartsWith("bn-", StringComparison.OrdinalIgnoreCase))
            ? FormLanguage.Bengali
            : FormLanguage.English;

    /// <summary>"en" or "bn": what the store and the receive command record.</summary>
    public static string Code(this FormLanguage language) => language == FormLanguage.Bengali ? "bn" : "en";
}
