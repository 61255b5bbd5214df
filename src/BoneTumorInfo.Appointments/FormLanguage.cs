using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BoneTumorInfo.Appointments.Requests;

namespace BoneTumorInfo.Appointments;

/// <summary>
/// The language a person read and filled in the form in (not the language they want the call
/// in): a site language the form has wording for (see <see cref="FormText"/>), English otherwise.
/// Stored and sent as its code, "en" or "bn".
/// </summary>
[JsonConverter(typeof(FormLanguageJsonConverter))]
public readonly record struct FormLanguage
{
    private readonly string? _code;

    private FormLanguage(string code) => _code = code;

    /// <summary>English, the form's own language and the default.</summary>
    public static FormLanguage English => default;

    /// <summary>"en", "bn": what the store and the receive command record.</summary>
    public string Code => _code ?? "en";

    public CultureInfo Culture => CultureInfo.GetCultureInfo(Code);

    /// <summary>The language's English name, for the staff: "English", "Bengali" (CLDR's "Bangla" is not the word they use).</summary>
    public string EnglishName => FormText.LanguageNameInEnglish(this);

    /// <summary>
    /// The form language for a site language code: its language ("bn" for "bn", "bn-BD" or
    /// "BN-in") when the form has wording in it; English for anything else, or nothing.
    /// </summary>
    public static FormLanguage FromCode(string? code)
    {
        var language = (code ?? "").Split('-', 2)[0].Trim().ToLowerInvariant();
        if (language.Length is < 2 or > 3 || language == "en" || !language.All(char.IsAsciiLetterLower)) return English;
        try
        {
            return FormText.HasWording(CultureInfo.GetCultureInfo(language)) ? new FormLanguage(language) : English;
        }
        catch (CultureNotFoundException)
        {
            return English;
        }
    }

    public override string ToString() => Code;
}

/// <summary>Reads and writes a <see cref="FormLanguage"/> as its code; a request stored without one was filled in in English.</summary>
public sealed class FormLanguageJsonConverter : JsonConverter<FormLanguage>
{
    public override FormLanguage Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        FormLanguage.FromCode(reader.GetString());

    public override void Write(Utf8JsonWriter writer, FormLanguage value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.Code);
    }
}
