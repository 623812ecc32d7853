namespace Stytch.Fake.Http;

/// <summary>
/// The host names a fake answers to. A page on another site can point its own DNS name at 127.0.0.1 and then
/// read the fake as same-origin (DNS rebinding); the browser still sends that name in <c>Host</c> and
/// <c>Origin</c>, so refusing names the fake does not know closes the hole.
/// </summary>
/// <remarks>
/// Loopback names and the configured listen address are allowed on the server's own port only. An extra entry
/// (<see cref="StytchFakeOptions.AllowedHosts"/>, <c>--allowed-host</c>) is <c>name</c> for any port, as behind a
/// proxy or a container's port mapping, or <c>name:port</c> for one.
/// </remarks>
internal sealed class HostAllowList
{
    private static readonly string[] LoopbackNames = ["localhost", "127.0.0.1", "[::1]"];
    private readonly HashSet<string> _ownPortNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _anyPortNames = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<(string Name, int Port)> _fixedPort = [];

    /// <param name="ownNames">The names the server listens under (its configured host), allowed on its own port like loopback.</param>
    /// <param name="extra">Entries added by the user: <c>name</c> or <c>name:port</c>.</param>
    public HostAllowList(IEnumerable<string> ownNames, IEnumerable<string> extra)
    {
        _ownPortNames.UnionWith(LoopbackNames);
        _ownPortNames.UnionWith(ownNames.Select(Bracket));
        foreach (var entry in extra)
        {
            var (name, port) = Parse(entry) ?? throw new ArgumentException($"'{entry}' is not a host name, or a host name and port.", nameof(extra));
            if (port is { } p)
            {
                _fixedPort.Add((name, p));
            }
            else
            {
                _anyPortNames.Add(name);
            }
        }
    }

    /// <summary>
    /// True when <paramref name="authority"/> (a <c>Host</c> header: <c>name</c> or <c>name:port</c>) is allowed.
    /// <paramref name="isServerPort"/> tells whether a port is one the server listens on.
    /// </summary>
    public bool Allows(string? authority, Func<int, bool> isServerPort, int defaultPort = 80)
    {
        if (Parse(authority) is not var (name, port))
        {
            return false;
        }

        var effective = port ?? defaultPort;
        return _anyPortNames.Contains(name)
            || _fixedPort.Contains((name, effective))
            || (_ownPortNames.Contains(name) && isServerPort(effective));
    }

    /// <summary>True when <paramref name="entry"/> is <c>name</c> or <c>name:port</c>.</summary>
    public static bool IsValidEntry(string entry) => Parse(entry) is not null;

    /// <summary>True when <paramref name="origin"/> (an <c>Origin</c> header) names an allowed host; <c>null</c> and opaque origins are not.</summary>
    public bool AllowsOrigin(string origin, Func<int, bool> isServerPort) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.AbsolutePath == "/"
        && Allows(uri.IsDefaultPort ? uri.Host : uri.Authority, isServerPort, uri.Port);

    /// <summary>Splits <c>name[:port]</c>; null when it is not a plain host name or address with an optional port.</summary>
    private static (string Name, int? Port)? Parse(string? authority)
    {
        if (string.IsNullOrWhiteSpace(authority) || authority.Length > 255)
        {
            return null;
        }

        string name;
        string? portText = null;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                return null;
            }

            name = authority[..(close + 1)];
            var rest = authority[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    return null;
                }

                portText = rest[1..];
            }
        }
        else
        {
            var colon = authority.LastIndexOf(':');
            if (colon >= 0 && authority.IndexOf(':', StringComparison.Ordinal) != colon)
            {
                // A bare IPv6 address, as a configured listen host may be written.
                name = Bracket(authority);
            }
            else
            {
                name = colon < 0 ? authority : authority[..colon];
                portText = colon < 0 ? null : authority[(colon + 1)..];
            }
        }

        if (name.Length == 0 || Uri.CheckHostName(name.Trim('[', ']')) == UriHostNameType.Unknown)
        {
            return null;
        }

        int? port = null;
        if (portText is not null)
        {
            if (!int.TryParse(portText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var p) || p is < 1 or > 65535)
            {
                return null;
            }

            port = p;
        }

        return (name.ToLowerInvariant(), port);
    }

    /// <summary>An IPv6 address in brackets, as it stands in a URL or a Host header; any other host as it is.</summary>
    internal static string Bracket(string host) =>
        host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]" : host;
}
