using Stytch.Fake.Engine;

namespace Stytch.Fake.Http;

/// <summary>
/// Finds the endpoint for a method and path. The fake sits behind one WireMock mapping and routes here,
/// because WireMock evaluates every mapping's matchers on every request: with one mapping per endpoint
/// that cost grew with each endpoint added and dominated a round trip (see the README's performance table).
/// </summary>
internal sealed class Router
{
    private readonly Dictionary<string, Endpoint[]> _byPath = new(StringComparer.Ordinal);
    private readonly Endpoint[] _templated;

    public Router(IEnumerable<Endpoint> endpoints)
    {
        var all = endpoints.ToArray();
        foreach (var group in all.Where(e => !e.Route.Template.Contains('{', StringComparison.Ordinal)).GroupBy(e => e.Route.Template))
        {
            _byPath[group.Key] = group.ToArray();
        }

        _templated = all.Where(e => e.Route.Template.Contains('{', StringComparison.Ordinal)).ToArray();
    }

    /// <summary>
    /// The endpoint for <paramref name="method"/> and <paramref name="path"/>; otherwise throws
    /// <c>method_not_allowed</c> when the path exists with other methods, or <c>route_not_found</c>.
    /// </summary>
    public Endpoint Find(string method, string path, Dictionary<string, string> pathValues)
    {
        var pathExists = false;
        if (_byPath.TryGetValue(path, out var candidates))
        {
            pathExists = true;
            foreach (var endpoint in candidates)
            {
                if (string.Equals(endpoint.Method, method, StringComparison.OrdinalIgnoreCase))
                {
                    return endpoint;
                }
            }
        }

        foreach (var endpoint in _templated)
        {
            if (!endpoint.Route.Matches(path))
            {
                continue;
            }

            pathExists = true;
            if (string.Equals(endpoint.Method, method, StringComparison.OrdinalIgnoreCase))
            {
                endpoint.Route.TryMatch(path, pathValues);
                return endpoint;
            }
        }

        throw new StytchException(pathExists ? StytchError.MethodNotAllowed : StytchError.RouteNotFound);
    }
}
