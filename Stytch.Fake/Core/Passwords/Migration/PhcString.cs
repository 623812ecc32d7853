using System.Globalization;

namespace Stytch.Fake.Core.Passwords.Migration;

/// <summary>
/// A hash in the PHC string format (github.com/P-H-C/phc-string-format): <c>$id[$v=version][$k=v,k=v]$salt$hash</c>,
/// with salt and hash in base64 without padding.
/// </summary>
/// <param name="Id">The algorithm, e.g. <c>argon2id</c> or <c>scrypt</c>.</param>
/// <param name="Version">The <c>v=</c> value, or null when absent.</param>
/// <param name="Parameters">The <c>k=v</c> parameters, by name.</param>
/// <param name="Salt">The salt as it was written (base64).</param>
/// <param name="Hash">The hash as it was written (base64).</param>
internal sealed record PhcString(string Id, int? Version, IReadOnlyDictionary<string, int> Parameters, string Salt, string Hash)
{
    /// <summary>The PHC string <paramref name="text"/>, or null when it is not one with integer parameters.</summary>
    public static PhcString? Parse(string text)
    {
        var parts = text.Split('$');
        if (parts.Length is < 5 or > 6 || parts[0].Length != 0 || parts[1].Length == 0)
        {
            return null;
        }

        int? version = null;
        var next = 2;
        if (parts.Length == 6)
        {
            if (!parts[2].StartsWith("v=", StringComparison.Ordinal) || !TryInt(parts[2][2..], out var v))
            {
                return null;
            }

            version = v;
            next = 3;
        }

        var parameters = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in parts[next].Split(','))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0 || !TryInt(pair[(eq + 1)..], out var value) || !parameters.TryAdd(pair[..eq], value))
            {
                return null;
            }
        }

        return new PhcString(parts[1], version, parameters, parts[next + 1], parts[next + 2]);
    }

    /// <summary>The parameter <paramref name="name"/>, or 0 when absent.</summary>
    public int Get(string name) => Parameters.TryGetValue(name, out var value) ? value : 0;

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
