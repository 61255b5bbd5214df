using System.Security.Cryptography;
using System.Text;

namespace BoneTumorInfo.Appointments;

/// <summary>
/// Tells when two requests are from the same person: the same name (ignoring case, spacing and
/// invisible joiners), date of birth and phone number. The store keeps only a hash of these, so
/// the key it looks up by (and anything that might print it) holds no patient details.
/// </summary>
public static class SamePerson
{
    /// <summary>A second form from the same person within this time gets the first reference back.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);

    /// <summary>64 hex digits: SHA-256 of the normalised name, date of birth and E.164 phone number.</summary>
    public static string Key(AppointmentRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = string.Join('\n', "person-v1", NormaliseName(request.PatientName),
            request.DateOfBirth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), request.Phone);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>NFC, no zero-width joiners, one space between words, lower case.</summary>
    internal static string NormaliseName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var word in TypedText.Normalise(name).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (builder.Length > 0) builder.Append(' ');
            builder.Append(word.ToLowerInvariant());
        }

        return builder.ToString();
    }
}
