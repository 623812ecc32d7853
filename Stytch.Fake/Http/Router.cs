
namespace Stytch.Fake.Http;

/// <summary>
/// Finds the endpoint for a method and path. The fake sits behind one WireMock mapping and routes here,
/// because WireMock evaluates every mapping's matchers on every request: with one mapping per endpoint
/// that cost grew with each endpoint added and dominated a round trip (see the README's performance table).
/// </summary>
/// <remarks>
/// Besides the fake's endpoints it knows every operation of Stytch's spec (<see cref="StytchOperations"/>), so a
/// call to a real Stytch endpoint the fake lacks is told so instead of reading like a typo, and a literal Stytch
/// path such as <c>POST /v1/users/search</c> is never taken for <c>/v1/users/{user_id}</c>. For one method, a
/// literal template beats a templated one, and among templated ones the one whose first parameter comes later
/// wins; a path that only other methods match is 405.
/// </remarks>
internal sealed class Router
{
    private readonly Dictionary<string, Target[]> _literal = new(StringComparer.Ordinal);
    private readonly Dictionary<int, Target[]> _templated = [];

    public Router(IEnumerable<Endpoint> endpoints, IEnumerable<StytchOperation> operations)
    {
        var served = endpoints.Select(e => new Target(e.Method, e.Route, e, null)).ToList();
        var implemented = served.Select(t => (t.Method, t.Route.Template)).ToHashSet();
        var missing = operations
            .Where(o => !implemented.Contains((o.Method, o.Path)))
            .Select(o => new Target(o.Method, new Route(o.Path), null, o));
        var all = served.Concat(missing).ToList();

        foreach (var group in all.Where(t => t.Route.IsLiteral).GroupBy(t => t.Route.Template, StringComparer.Ordinal))
        {
            _literal[group.Key] = group.ToArray();
        }

        foreach (var group in all.Where(t => !t.Route.IsLiteral).GroupBy(t => t.Route.SegmentCount))
        {
            // OrderBy is stable: for equally specific templates the fake's own endpoints stay first.
            _templated[group.Key] = group.OrderBy(t => t.Route, Comparer<Route>.Create(Route.CompareSpecificity)).ToArray();
        }
    }

    /// <summary>
    /// The endpoint for <paramref name="method"/> and <paramref name="path"/>; otherwise throws <c>route_not_found</c>
    /// naming the Stytch operation the fake does not implement, <c>method_not_allowed</c> when the path exists with
    /// other methods only, or plain <c>route_not_found</c>.
    /// </summary>
    public RouteMatch Find(string method, string path)
    {
        var pathValues = new Dictionary<string, string>(StringComparer.Ordinal);
        return Lookup(method, path, pathValues, out var pathExists) is { } target
            ? new RouteMatch(target.Resolve(), pathValues)
            : throw new StytchException(pathExists ? StytchError.MethodNotAllowed : StytchError.RouteNotFound);
    }

    /// <summary>
    /// The fake's endpoint for <paramref name="method"/> and <paramref name="path"/>, or null: for deciding about a call
    /// that is not dispatched (a body limit, a request log).
    /// </summary>
    public RouteMatch? Match(string method, string path)
    {
        var pathValues = new Dictionary<string, string>(StringComparer.Ordinal);
        return Lookup(method, path, pathValues, out _)?.Endpoint is { } endpoint ? new RouteMatch(endpoint, pathValues) : null;
    }

    private Target? Lookup(string method, string path, Dictionary<string, string> pathValues, out bool pathExists)
    {
        pathExists = false;
        if (_literal.TryGetValue(path, out var here))
        {
            pathExists = true;
            foreach (var target in here)
            {
                if (string.Equals(target.Method, method, StringComparison.OrdinalIgnoreCase))
                {
                    return target;
                }
            }
        }

        var parts = path.Split('/');
        if (_templated.TryGetValue(parts.Length, out var candidates))
        {
            foreach (var target in candidates)
            {
                // One match per candidate: the path's values are filled only for the route that is returned.
                var sameMethod = string.Equals(target.Method, method, StringComparison.OrdinalIgnoreCase);
                if (!target.Route.TryMatch(parts, sameMethod && target.Endpoint is not null ? pathValues : null))
                {
                    continue;
                }

                pathExists = true;
                if (sameMethod)
                {
                    return target;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Stytch's 404 for a route it has, with a message that says the fake lacks it. The error type stays Stytch's
    /// <c>route_not_found</c>, so SDKs and clients treat it as they would any unknown route.
    /// </summary>
    public static StytchError NotImplemented(StytchOperation operation) => StytchError.RouteNotFound with
    {
        Message = $"{operation.Method} {operation.Path} is a Stytch endpoint Stytch.Fake does not implement yet. " +
                  "GET /_fake/v1/endpoints lists what it implements.",
    };

    /// <summary>A method and template the router knows: one of the fake's endpoints, or a Stytch operation it lacks.</summary>
    private sealed record Target(string Method, Route Route, Endpoint? Endpoint, StytchOperation? Operation)
    {
        public Endpoint Resolve() => Endpoint ?? throw new StytchException(NotImplemented(Operation!));
    }
}

/// <summary>The endpoint a request reached, and the values its path gave the route's <c>{name}</c> segments.</summary>
internal sealed record RouteMatch(Endpoint Endpoint, IReadOnlyDictionary<string, string> PathValues)
{
    /// <summary>
    /// The project a back door's path names (<c>/_fake/v1/projects/{project_id}/…</c>), or null: where a call that
    /// reached no project is recorded.
    /// </summary>
    public string? BackDoorProjectId =>
        Endpoint.Access == Access.Admin && PathValues.TryGetValue("project_id", out var id) ? id : null;
}
