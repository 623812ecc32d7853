using System.Globalization;
using System.Text;

namespace Stytch.Fake.Core;

/// <summary>
/// Session custom claims: the rules Stytch applies to <c>session_custom_claims</c> and how a later call changes the
/// claims a session already has. A claims map holds plain values only: <see langword="null"/>, <see cref="bool"/>,
/// <see cref="double"/>, <see cref="string"/>, lists of values and maps of values (Stytch keeps claims as a protobuf
/// Struct, whose numbers are doubles).
/// </summary>
/// <remarks>
/// Merge rules, from Stytch's custom claims guide (stytch.com/docs/guides/sessions/custom-claims): a key with a value
/// adds or replaces that key; a key with <c>null</c> deletes it; a map value is merged into a map already there the
/// same way, key by key, at any depth; anything else (lists included) replaces. The same guide says the reserved JWT
/// claims (iss, sub, aud, exp, nbf, iat, jti) and <c>https://stytch.com/*</c> "will result in an error" (the spec's
/// field text says "ignored"; the error types exist, so the fake refuses), and that the claims may not exceed four
/// kilobytes. Inferred: the limit is 4096 bytes of the merged claims written as compact JSON, and only top-level keys
/// are checked against the reserved names (those are the JWT's own claims).
/// </remarks>
internal static class CustomClaims
{
    /// <summary>The largest merged claims map, in bytes of compact UTF-8 JSON.</summary>
    public const int MaxBytes = 4096;

    /// <summary>The prefix of Stytch's own JWT claims (<c>https://stytch.com/session</c>, …).</summary>
    public const string StytchPrefix = "https://stytch.com/";

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal) { "iss", "sub", "aud", "exp", "nbf", "iat", "jti" };

    /// <summary>No claims.</summary>
    public static IReadOnlyDictionary<string, object?> None { get; } = new Dictionary<string, object?>(StringComparer.Ordinal);

    /// <summary>Refuses an update that names a reserved or a Stytch claim; a request-level check, before any state is read.</summary>
    public static void CheckKeys(IReadOnlyDictionary<string, object?>? update)
    {
        if (update is null)
        {
            return;
        }

        foreach (var key in update.Keys)
        {
            if (Reserved.Contains(key))
            {
                throw new StytchException(StytchError.ReservedClaimsInCustomClaims);
            }

            if (key.StartsWith(StytchPrefix, StringComparison.Ordinal))
            {
                throw new StytchException(StytchError.StytchClaimsInCustomClaims);
            }
        }
    }

    /// <summary>
    /// The claims after <paramref name="update"/> is applied to <paramref name="current"/>; refused when the update
    /// names a reserved or Stytch claim or the result is over <see cref="MaxBytes"/>. Neither argument is changed.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> Merge(IReadOnlyDictionary<string, object?> current, IReadOnlyDictionary<string, object?>? update)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (update is null)
        {
            return current;
        }

        CheckKeys(update);
        var merged = MergeMaps(current, update);
        return SizeOf(merged) > MaxBytes ? throw new StytchException(StytchError.CustomClaimsTooLarge) : merged;
    }

    /// <summary>True when <paramref name="claims"/> is a claims map a session could hold (for loading snapshots).</summary>
    public static bool IsAcceptable(IReadOnlyDictionary<string, object?>? claims)
    {
        if (claims is null)
        {
            return false;
        }

        try
        {
            CheckKeys(claims);
            return SizeOf(claims) <= MaxBytes;
        }
        catch (Exception e) when (e is StytchException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>The length in bytes of <paramref name="value"/> written as compact UTF-8 JSON.</summary>
    public static int SizeOf(object? value) => value switch
    {
        null => 4,
        bool b => b ? 4 : 5,
        double d => d.ToString("R", CultureInfo.InvariantCulture).Length,
        string s => StringSize(s),
        IReadOnlyDictionary<string, object?> map => 2 + Math.Max(0, map.Count - 1) + map.Sum(p => StringSize(p.Key) + 1 + SizeOf(p.Value)),
        IReadOnlyList<object?> list => 2 + Math.Max(0, list.Count - 1) + list.Sum(SizeOf),
        _ => throw new ArgumentException($"A claim value of type {value.GetType().Name} is not a JSON value.", nameof(value)),
    };

    private static Dictionary<string, object?> MergeMaps(IReadOnlyDictionary<string, object?> current, IReadOnlyDictionary<string, object?> update)
    {
        var merged = new Dictionary<string, object?>(current, StringComparer.Ordinal);
        foreach (var (key, value) in update)
        {
            if (value is null)
            {
                merged.Remove(key);
            }
            else if (value is IReadOnlyDictionary<string, object?> map)
            {
                // A map is merged into the map already there, or into nothing: nulls inside it never land.
                var existing = merged.GetValueOrDefault(key) as IReadOnlyDictionary<string, object?> ?? None;
                merged[key] = MergeMaps(existing, map);
            }
            else
            {
                merged[key] = value;
            }
        }

        return merged;
    }

    // A JSON string: its UTF-8 bytes and quotes, plus one byte per two-character escape and five per \u00XX escape.
    private static int StringSize(string s) =>
        2 + Encoding.UTF8.GetByteCount(s) + s.Sum(c => c switch
        {
            '"' or '\\' or '\b' or '\f' or '\n' or '\r' or '\t' => 1,
            < ' ' => 5,
            _ => 0,
        });
}
