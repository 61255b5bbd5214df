using System.Net.Mail;
using BoneTumorInfo.Content.Diagnostics;
using PhoneNumbers;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BoneTumorInfo.Content.Service;

/// <summary>
/// Reads <c>content/service.yml</c> into a <see cref="ServiceProfile"/>. Like the front-matter
/// reader it walks the YAML node tree itself, so every problem names the line it is on, in
/// words the staff who edit the file understand. Any error means no profile: the caller keeps
/// the last good one.
/// </summary>
public static class ServiceProfileReader
{
    /// <summary>Phone numbers are checked as numbers of this country.</summary>
    public const string Region = "BD";

    /// <summary>Every key at the top of the file, with what it expects. The editors' guide lists the same keys.</summary>
    public static readonly IReadOnlyDictionary<string, string> Keys = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["example"] = "true while the details are only an example, false (or left out) for the real ones",
        ["name"] = "the service's name (required)",
        ["hospital"] = "the hospital's name (required)",
        ["address"] = "the hospital's address (required)",
        ["map"] = "a link to the hospital on OpenStreetMap, starting https://www.openstreetmap.org/ (required)",
        ["email"] = "the service's e-mail address (required)",
        ["callback"] = "how soon the team calls back after an appointment request, like 'within 2 working days' (required)",
        ["phones"] = "the phone lines: appointments, ward and emergency (required)",
    };

    /// <summary>The phone lines the site uses; each needs a number, what it is for, and its hours.</summary>
    public static readonly IReadOnlyList<string> PhoneKeys = ["appointments", "ward", "emergency"];

    private static readonly string[] PhoneParts = ["number", "for", "hours"];

    /// <summary>
    /// Reads the file at <paramref name="path"/>. A missing file gives null and no diagnostic
    /// (the checker reports pages that need it); problems go to <paramref name="diagnostics"/>.
    /// </summary>
    public static ServiceProfile? Load(string path, string displayPath, IReadOnlyCollection<string> languages, ICollection<ContentDiagnostic> diagnostics)
    {
        if (!File.Exists(path)) return null;
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Mid-save or locked: an error now, and the file watcher brings the next version.
            ArgumentNullException.ThrowIfNull(diagnostics);
            diagnostics.Add(Error(displayPath, 1, 1, $"the file could not be read: {ex.Message}"));
            return null;
        }

        return Read(text, displayPath, languages, diagnostics);
    }

    public static ServiceProfile? Read(string text, string file, IReadOnlyCollection<string> languages, ICollection<ContentDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(languages);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var found = new List<ContentDiagnostic>();
        var profile = new Parser(file, languages, found).Parse(text);
        foreach (var diagnostic in found) diagnostics.Add(diagnostic);
        return found.Any(d => d.IsError) ? null : profile;
    }

    private static ContentDiagnostic Error(string file, int line, int column, string message) =>
        new(file, line, column, DiagnosticSeverity.Error, message);

    private sealed class Parser(string file, IReadOnlyCollection<string> languages, List<ContentDiagnostic> found)
    {
        private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();
        private static readonly ShortNumberInfo ShortNumbers = ShortNumberInfo.GetInstance();

        public ServiceProfile? Parse(string text)
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(text));
            }
            catch (YamlException ex)
            {
                var message = ex.Message.StartsWith("Duplicate key ", StringComparison.Ordinal)
                    ? $"'{ex.Message["Duplicate key ".Length..]}' is written twice"
                    : $"the file is not valid YAML: {ex.InnerException?.Message ?? ex.Message}";
                ErrorAt((int)ex.Start.Line, (int)ex.Start.Column, message);
                return null;
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                ErrorAt(1, 1, "the file must be a list of 'key: value' lines, starting with 'name:'");
                return null;
            }

            var values = Keyed(root, Keys.Keys, "key", required: Keys.Keys.Where(k => k != "example"), parentLine: 1, parentName: "the file");
            var isExample = Flag(values, "example");
            var phones = PhoneLines(values);
            var name = Localized(values, "name");
            var hospital = Localized(values, "hospital");
            var address = Localized(values, "address");
            var map = Map(values);
            var email = Email(values);
            var callback = Localized(values, "callback");
            if (name is null || hospital is null || address is null || map is null || email is null || callback is null
                || !PhoneKeys.All(phones.ContainsKey))
            {
                // Every problem is reported above; a profile with any of them is never used.
                return null;
            }

            var profile = new ServiceProfile
            {
                IsExample = isExample,
                Name = name,
                Hospital = hospital,
                Address = address,
                Map = map,
                Email = email,
                Callback = callback,
                Appointments = phones["appointments"],
                Ward = phones["ward"],
                Emergency = phones["emergency"],
            };

            if (profile.IsExample && values.TryGetValue("example", out var example))
            {
                found.Add(new(file, Line(example.Key), Column(example.Key), DiagnosticSeverity.Warning,
                    "the contact details are examples; set your service's real details and remove 'example: true'"));
            }

            return profile;
        }

        private Dictionary<string, (YamlNode Key, YamlNode Value)> Keyed(
            YamlMappingNode map, IEnumerable<string> known, string what, IEnumerable<string> required, int parentLine, string parentName)
        {
            var knownList = known.ToList();
            var values = new Dictionary<string, (YamlNode, YamlNode)>(StringComparer.Ordinal);
            foreach (var (keyNode, valueNode) in map.Children)
            {
                var key = (keyNode as YamlScalarNode)?.Value ?? "";
                if (!knownList.Contains(key))
                {
                    var hint = knownList.FirstOrDefault(k => string.Equals(k, key.Trim(), StringComparison.OrdinalIgnoreCase));
                    Error(keyNode, hint is null
                        ? $"unknown {what} '{key}' in {parentName} (the {what}s are: {string.Join(", ", knownList)})"
                        : $"unknown {what} '{key}'; did you mean '{hint}'?");
                    continue;
                }

                values[key] = (keyNode, valueNode);
            }

            foreach (var key in required.Where(k => !values.ContainsKey(k)))
            {
                ErrorAt(parentLine, 1, $"missing '{key}' in {parentName}");
            }

            return values;
        }

        private bool Flag(Dictionary<string, (YamlNode Key, YamlNode Value)> values, string key)
        {
            if (!values.TryGetValue(key, out var entry)) return false;
            var raw = Scalar(entry.Value);
            if (raw is "true" or "True" or "yes") return true;
            if (raw is "false" or "False" or "no") return false;
            Error(entry.Value, $"'{key}' must be true or false, not '{raw}'");
            return false;
        }

        /// <summary>One line for every language, or one line per language (en:, bn:).</summary>
        private LocalizedText? Localized(Dictionary<string, (YamlNode Key, YamlNode Value)> values, string key, string? parentName = null)
        {
            if (!values.TryGetValue(key, out var entry)) return null;
            var name = parentName is null ? $"'{key}'" : $"'{key}' of {parentName}";
            if (entry.Value is YamlScalarNode scalar)
            {
                var text = scalar.Value?.Trim() ?? "";
                if (text.Length > 0) return LocalizedText.Same(text);
                Error(entry.Key, $"{name} is empty: write it once, or once per language on 'en:' and 'bn:' lines");
                return null;
            }

            if (entry.Value is not YamlMappingNode map)
            {
                Error(entry.Value, $"{name} must be text, or one line per language ({string.Join(", ", languages.Select(l => l + ":"))})");
                return null;
            }

            var byLanguage = new Dictionary<string, string>(StringComparer.Ordinal);
            var parts = Keyed(map, languages, "language", languages, Line(entry.Key), name);
            foreach (var (language, (languageKey, value)) in parts)
            {
                var text = Scalar(value);
                if (string.IsNullOrEmpty(text))
                {
                    Error(languageKey, $"the {language} wording of {name} is empty");
                    continue;
                }

                byLanguage[language] = text;
            }

            return byLanguage.Count == 0 ? null : new LocalizedText(byLanguage);
        }

        private Uri? Map(Dictionary<string, (YamlNode Key, YamlNode Value)> values)
        {
            if (!values.TryGetValue("map", out var entry)) return null;
            var raw = Scalar(entry.Value) ?? "";
            if (!Uri.TryCreate(raw, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
                || !(uri.Host is "openstreetmap.org" or "osm.org" || uri.Host.EndsWith(".openstreetmap.org", StringComparison.OrdinalIgnoreCase)))
            {
                Error(entry.Value, $"'map' must be {Keys["map"]}, not '{raw}'");
                return null;
            }

            if (uri.AbsolutePath.Contains("embed", StringComparison.OrdinalIgnoreCase))
            {
                Error(entry.Value, "'map' must be a plain OpenStreetMap link, not an embedded map: open the place on openstreetmap.org and copy the address bar");
                return null;
            }

            return uri;
        }

        private string? Email(Dictionary<string, (YamlNode Key, YamlNode Value)> values)
        {
            if (!values.TryGetValue("email", out var entry)) return null;
            var raw = Scalar(entry.Value) ?? "";
            if (MailAddress.TryCreate(raw, out var address) && address.Address == raw && address.DisplayName.Length == 0
                && address.Host.Contains('.', StringComparison.Ordinal) && !raw.Any(char.IsWhiteSpace))
            {
                return raw;
            }

            Error(entry.Value, $"'{raw}' is not an e-mail address: write it like team@hospital.org.bd");
            return null;
        }

        /// <summary>Every line under 'phones', by key; a line with an error is left out.</summary>
        private Dictionary<string, ServicePhone> PhoneLines(Dictionary<string, (YamlNode Key, YamlNode Value)> values)
        {
            var result = new Dictionary<string, ServicePhone>(StringComparer.Ordinal);
            if (!values.TryGetValue("phones", out var phones)) return result;
            if (phones.Value is not YamlMappingNode phonesMap)
            {
                Error(phones.Key, "'phones' must hold the lines appointments:, ward: and emergency:, each with number:, for: and hours:");
                return result;
            }

            var lines = Keyed(phonesMap, PhoneKeys, "phone line", PhoneKeys, Line(phones.Key), "'phones'");
            foreach (var (key, line) in lines)
            {
                var phone = PhoneLine(key, line.Key, line.Value);
                if (phone is not null) result[key] = phone;
            }

            return result;
        }

        private ServicePhone? PhoneLine(string key, YamlNode keyNode, YamlNode value)
        {
            var name = $"phones: {key}";
            if (value is not YamlMappingNode lineMap)
            {
                Error(keyNode, $"'{name}' must hold number:, for: and hours: lines");
                return null;
            }

            var parts = Keyed(lineMap, PhoneParts, "key", PhoneParts, Line(keyNode), $"'{name}'");
            var purpose = Localized(parts, "for", $"'{name}'");
            OpeningHours? hours = null;
            if (parts.TryGetValue("hours", out var hoursEntry))
            {
                if (OpeningHours.TryParse(Scalar(hoursEntry.Value), out var parsed, out var problem)) hours = parsed;
                else Error(hoursEntry.Value, $"the hours of '{name}' cannot be read: {problem}");
            }

            if (!parts.TryGetValue("number", out var numberEntry)) return null;
            var raw = Scalar(numberEntry.Value) ?? "";
            var number = key == "emergency" ? Emergency(raw, numberEntry.Value) : Ordinary(raw, numberEntry.Value, name);
            if (number is null || purpose is null || hours is null) return null;
            return new ServicePhone(key, number.Value.National, number.Value.Dial, purpose, hours);
        }

        private (string National, string Dial)? Ordinary(string raw, YamlNode at, string name)
        {
            try
            {
                var number = Phones.Parse(raw, Region);
                if (Phones.IsValidNumberForRegion(number, Region))
                {
                    return (Phones.Format(number, PhoneNumberFormat.NATIONAL), Phones.Format(number, PhoneNumberFormat.E164));
                }
            }
            catch (NumberParseException)
            {
                // Reported below, in the same words as a number that parses but is not valid.
            }

            Error(at, $"'{raw}' in '{name}' is not a Bangladesh phone number: write it as it is dialled in Bangladesh, like 02-55667788 or 01711-000000, or with +880");
            return null;
        }

        private (string National, string Dial)? Emergency(string raw, YamlNode at)
        {
            var digits = new string(raw.Where(char.IsAsciiDigit).ToArray());
            if (digits.Length > 0 && digits.Length == raw.Count(c => !char.IsWhiteSpace(c)) && ShortNumbers.IsEmergencyNumber(digits, Region))
            {
                return (digits, digits);
            }

            Error(at, $"'{raw}' is not Bangladesh's emergency number: write 999");
            return null;
        }

        private static string? Scalar(YamlNode node) => (node as YamlScalarNode)?.Value?.Trim();

        private static int Line(YamlNode node) => (int)node.Start.Line;

        private static int Column(YamlNode node) => (int)node.Start.Column;

        private void Error(YamlNode node, string message) => ErrorAt(Line(node), Column(node), message);

        private void ErrorAt(int line, int column, string message) => found.Add(ServiceProfileReader.Error(file, line, column, message));
    }
}
