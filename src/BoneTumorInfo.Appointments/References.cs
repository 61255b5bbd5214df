using System.Security.Cryptography;
using System.Text;

namespace BoneTumorInfo.Appointments;

/// <summary>
/// Request references such as <c>BT-4K7Q-9M3X</c>: short enough to read over the phone, with no
/// letters that look or sound alike (no 0/O, 1/I/L, U/V, 5/S, 2/Z).
/// </summary>
public static class References
{
    public const string Alphabet = "346789ABCDEFGHJKMNPQRTWXY";

    private static readonly System.Buffers.SearchValues<char> AlphabetValues = System.Buffers.SearchValues.Create(Alphabet);

    /// <summary>
    /// The reference for a form's idempotency key. Derived, not random, so the same form sent
    /// twice (to one instance or to two behind a load balancer) gets the same reference, and a
    /// consumer can drop the duplicate by it. <paramref name="attempt"/> moves to another
    /// reference in the rare case that one is already taken by a different form.
    /// </summary>
    public static string Derive(string idempotencyKey, int attempt = 0)
    {
        ArgumentNullException.ThrowIfNull(idempotencyKey);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{attempt}:{idempotencyKey}"));
        // 8 symbols of a 25-letter alphabet ≈ 37 bits; take them from a 64-bit slice of the hash.
        var value = BitConverter.ToUInt64(hash, 0);
        Span<char> chars = stackalloc char[12];
        "BT-".CopyTo(chars);
        for (var i = 0; i < 8; i++)
        {
            chars[i < 4 ? 3 + i : 4 + i] = Alphabet[(int)(value % (ulong)Alphabet.Length)];
            value /= (ulong)Alphabet.Length;
        }

        chars[7] = '-';
        return new string(chars);
    }

    /// <summary>A new random idempotency key for a fresh form.</summary>
    public static string NewIdempotencyKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Keys are what <see cref="NewIdempotencyKey"/> makes: 32 lower-case hex digits.</summary>
    public static bool IsIdempotencyKey(string? key) =>
        key is { Length: 32 } && key.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    public static bool IsReference(string? text) =>
        text is { Length: 12 } && text.StartsWith("BT-", StringComparison.Ordinal) && text[7] == '-'
        && text.AsSpan(3, 4).ContainsAnyExcept(AlphabetValues) == false
        && text.AsSpan(8, 4).ContainsAnyExcept(AlphabetValues) == false;
}
