using System.Globalization;
using System.Text;

namespace Stytch.Fake.Core.Passwords.Migration;

/// <summary>
/// A migrated hash as one string, so that it is stored (and snapshotted) where the project's own password hashes are:
/// <c>migrated$type$hash$prepend$append$salt$iterations$memory$parallelism$key-length$n$r$algorithm</c>, the free-text
/// fields base64 encoded. It holds only what migrate was sent, a hash, never a password.
/// </summary>
internal static class LegacyHashText
{
    private const string Scheme = "migrated";
    private const int Fields = 13;

    public static string Write(LegacyHash hash)
    {
        ArgumentNullException.ThrowIfNull(hash);
        return string.Join('$',
            Scheme, hash.Type, B64(hash.Hash), B64(hash.PrependSalt), B64(hash.AppendSalt), B64(hash.Salt),
            Int(hash.Iterations), Int(hash.MemoryKib), Int(hash.Parallelism), Int(hash.KeyLength), Int(hash.CostN), Int(hash.BlockSize),
            hash.Algorithm);
    }

    /// <summary>The migrated hash <paramref name="text"/> holds, or null when it is not one (e.g. the project's own hash).</summary>
    public static LegacyHash? Read(string? text)
    {
        var parts = text?.Split('$');
        if (parts is not { Length: Fields } || parts[0] != Scheme)
        {
            return null;
        }

        var strings = new string?[4];
        for (var i = 0; i < strings.Length; i++)
        {
            strings[i] = FromB64(parts[2 + i]);
        }

        var numbers = new int[6];
        for (var i = 0; i < numbers.Length; i++)
        {
            if (!int.TryParse(parts[6 + i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return null;
            }
        }

        if (strings.Any(s => s is null))
        {
            return null;
        }

        return new LegacyHash
        {
            Type = parts[1],
            Hash = strings[0]!,
            PrependSalt = strings[1]!,
            AppendSalt = strings[2]!,
            Salt = strings[3]!,
            Iterations = numbers[0],
            MemoryKib = numbers[1],
            Parallelism = numbers[2],
            KeyLength = numbers[3],
            CostN = numbers[4],
            BlockSize = numbers[5],
            Algorithm = parts[12],
        };
    }

    /// <summary>Whether <paramref name="text"/> is a migrated hash that still passes <see cref="LegacyHashes.Check"/> (snapshot import).</summary>
    public static bool IsWellFormed(string? text)
    {
        if (Read(text) is not { } hash)
        {
            return false;
        }

        try
        {
            LegacyHashes.Check(hash);
            return true;
        }
        catch (StytchException)
        {
            return false;
        }
    }

    private static string B64(string value) => Convert.ToBase64String(Encoding.UTF8.GetBytes(value));

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string? FromB64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out var written) ? Encoding.UTF8.GetString(buffer, 0, written) : null;
    }
}
