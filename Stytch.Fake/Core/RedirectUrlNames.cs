namespace Stytch.Fake.Core;

/// <summary>
/// The snake-case names of <see cref="RedirectUrlType"/> (back doors, snapshots, the server's <c>--redirect-url</c>),
/// and that flag's syntax: <c>[default:]TYPE[,TYPE…]=URL</c>, where TYPE may be <c>all</c>.
/// </summary>
internal static class RedirectUrlNames
{
    private static readonly (RedirectUrlType Type, string Name)[] Names =
    [
        (RedirectUrlType.Login, "login"), (RedirectUrlType.Signup, "signup"), (RedirectUrlType.Invite, "invite"),
        (RedirectUrlType.Discovery, "discovery"), (RedirectUrlType.ResetPassword, "reset_password"),
    ];

    /// <summary>Every name, in declaration order, for error messages.</summary>
    public static string All => string.Join(", ", Names.Select(n => n.Name));

    /// <summary>The name of <paramref name="type"/>, e.g. <c>reset_password</c>.</summary>
    public static string Of(RedirectUrlType type) => Array.Find(Names, n => n.Type == type).Name;

    /// <summary>The type named <paramref name="name"/> (exact, lower case), if any.</summary>
    public static bool TryParse(string? name, out RedirectUrlType type)
    {
        foreach (var (t, n) in Names)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                type = t;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>
    /// The URLs one <c>--redirect-url</c> value names: <c>login=https://app.example/cb</c>,
    /// <c>default:login,signup=…</c> (the default of each type named), <c>default:all=…</c> (of every type).
    /// </summary>
    /// <returns>Null and <paramref name="error"/> when <paramref name="spec"/> is not of that form.</returns>
    public static IReadOnlyList<RedirectUrl>? ParseFlag(string spec, out string error)
    {
        error = "";
        var equals = spec.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
        {
            error = $"--redirect-url '{spec}' is not [default:]TYPE=URL (TYPE: {All}, several joined by commas, or all).";
            return null;
        }

        var head = spec[..equals];
        var url = spec[(equals + 1)..];
        var isDefault = head.StartsWith("default:", StringComparison.Ordinal);
        var types = new List<RedirectUrlType>();
        foreach (var name in (isDefault ? head["default:".Length..] : head).Split(','))
        {
            if (name == "all")
            {
                types.AddRange(Names.Select(n => n.Type));
            }
            else if (TryParse(name, out var type))
            {
                types.Add(type);
            }
            else
            {
                error = $"--redirect-url '{spec}': '{name}' is not a redirect URL type ({All}, or all).";
                return null;
            }
        }

        if (!RedirectUrls.IsWellFormed(url))
        {
            error = $"--redirect-url '{spec}': '{url}' is not an absolute http or https URL.";
            return null;
        }

        return [.. types.Distinct().Select(t => new RedirectUrl(url, t, isDefault))];
    }
}
