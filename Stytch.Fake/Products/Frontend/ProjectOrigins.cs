using System.Net;

namespace Stytch.Fake;

/// <summary>
/// The browser origins a project's frontend SDK calls may come from (Stytch's "authorized domains"): any loopback
/// origin (<c>http(s)://localhost</c>, <c>127.x.x.x</c>, <c>[::1]</c>, any port) unless turned off, and the origins
/// added. A call under <c>/sdk/v1</c> from another origin gets no CORS headers and Stytch's
/// <c>bad_domain_for_stytch_sdk</c>. Read and change it as <c>project.Origins</c>.
/// </summary>
public sealed class ProjectOrigins
{
    private volatile State _state;

    internal ProjectOrigins(IEnumerable<string>? origins, bool allowLoopback) => _state = new State(Checked(origins ?? []), allowLoopback);

    /// <summary>The origins allowed besides loopback ones, normalised (<c>https://app.example.com</c>, <c>http://localhost:3000</c>).</summary>
    public IReadOnlyList<string> All => _state.Origins;

    /// <summary>Whether every loopback origin is allowed (true unless set otherwise).</summary>
    public bool AllowLoopback => _state.AllowLoopback;

    /// <summary>Replaces the allowed origins.</summary>
    /// <param name="origins">Origins, <c>scheme://host[:port]</c> with scheme http or https and no path.</param>
    /// <param name="allowLoopback">Whether any loopback origin is allowed too.</param>
    /// <exception cref="ArgumentException">An entry is not an http(s) origin.</exception>
    public void Set(IEnumerable<string> origins, bool allowLoopback = true)
    {
        ArgumentNullException.ThrowIfNull(origins);
        _state = new State(Checked(origins), allowLoopback);
    }

    /// <summary>Adds one allowed origin.</summary>
    /// <exception cref="ArgumentException"><paramref name="origin"/> is not an http(s) origin.</exception>
    public void Add(string origin)
    {
        var state = _state;
        _state = new State(Checked([.. state.Origins, origin]), state.AllowLoopback);
    }

    /// <summary>True when a request whose <c>Origin</c> header is <paramref name="origin"/> may call the frontend API.</summary>
    public bool Allows(string origin)
    {
        if (Normalise(origin) is not { } normal)
        {
            return false;
        }

        var state = _state;
        return (state.AllowLoopback && IsLoopback(normal)) || state.Origins.Contains(normal, StringComparer.Ordinal);
    }

    /// <summary>True when <paramref name="origin"/> can go in the list.</summary>
    public static bool IsValidOrigin(string origin) => Normalise(origin) is not null;

    /// <summary><c>scheme://host[:port]</c> in lower case without a default port, or null when it is not an http(s) origin.</summary>
    internal static string? Normalise(string? origin)
    {
        if (string.IsNullOrWhiteSpace(origin) || origin.Length > 2048
            || !Uri.TryCreate(origin, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https")
            || uri.AbsolutePath != "/"
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
        {
            return null;
        }

        return uri.IsDefaultPort ? $"{uri.Scheme}://{uri.Host}" : $"{uri.Scheme}://{uri.Host}:{uri.Port}";
    }

    private static bool IsLoopback(string normal)
    {
        var host = new Uri(normal).Host;
        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }

    private static string[] Checked(IEnumerable<string> origins) =>
        [.. origins.Select(o => Normalise(o) ?? throw new ArgumentException($"'{o}' is not an origin: expected http(s)://host[:port] without a path.", nameof(origins))).Distinct(StringComparer.Ordinal)];

    private sealed record State(string[] Origins, bool AllowLoopback);
}
