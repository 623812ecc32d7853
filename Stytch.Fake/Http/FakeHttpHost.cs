using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using System.Text;
using Stytch.Fake.Admin;
using Stytch.Fake.Engine;
using Stytch.Fake.Faults;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace Stytch.Fake.Http;

/// <summary>
/// Puts the fake on a WireMock server behind one mapping for every <c>/v1/</c> and <c>/_fake/</c> path,
/// and runs each request through one pipeline: route (404/405), authorise, parse, apply faults and rate
/// limits, call the endpoint, render, record.
/// </summary>
internal sealed class FakeHttpHost
{
    /// <summary>
    /// The fake's mappings sit at this priority and below (WireMock serves the lowest number first), so a
    /// test's own mapping at the default priority takes precedence over the fake's for its path.
    /// </summary>
    public const int BasePriority = 1_000_000;

    private static readonly IdFactory OrphanIds = new(live: false, seed: null);
    private readonly ProjectRegistry _projects;
    private readonly string? _adminToken;
    private readonly Router _router;

    public FakeHttpHost(ProjectRegistry projects, string? adminToken)
    {
        _projects = projects;
        _adminToken = adminToken;
        Endpoints = [.. ConsumerEndpoints.All(), .. B2BEndpoints.All(), .. AdminEndpoints.All()];
        _router = new Router(Endpoints, StytchOperations.All);
    }

    public IReadOnlyList<Endpoint> Endpoints { get; }

    /// <summary>The names of every Stytch endpoint (consumer and B2B, not the back doors): what fault rules can target.</summary>
    public static IReadOnlySet<string> StytchEndpointNames { get; } =
        ConsumerEndpoints.Names.Concat(B2BEndpoints.Names).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Adds the fake's one mapping to <paramref name="server"/>: every <c>/v1/</c> and <c>/_fake/</c> path,
    /// routed by <see cref="Router"/>; with <paramref name="everyPath"/> (a server the fake owns) every other
    /// path too, so that it also gets Stytch's <c>route_not_found</c> rather than WireMock's own 404. Returns its id.
    /// <paramref name="hosts"/> are the names the server answers to, which a back-door call's <c>Origin</c> must name.
    /// </summary>
    public IReadOnlyList<Guid> MapTo(WireMockServer server, HostAllowList hosts, bool everyPath = false)
    {
        var site = new Site(hosts, port => server.Ports.Contains(port));
        var id = Guid.NewGuid();
        server.Given(Request.Create().WithPath(everyPath ? _ => true : IsStytchPath).UsingAnyMethod())
            .WithGuid(id)
            .AtPriority(BasePriority)
            .RespondWith(Response.Create().WithCallback(request => DispatchAsync(request, site)));
        return [id];
    }

    /// <summary>The fake's endpoint for a method and path, or null (an unknown path, or a Stytch operation it lacks).</summary>
    public Endpoint? Match(string method, string path) => _router.Match(method, path);

    /// <summary>
    /// Records a request refused before it reached the pipeline (by the request guard, or by Kestrel itself), where an
    /// unrouted call is recorded: see <see cref="RecordsOf"/>. Only the log holds it; nothing of it goes back to the caller.
    /// </summary>
    public void RecordRefused(string method, string path, string? authorization, ApiResponse response, string requestId) =>
        RecordsOf(method, path, authorization)?.Requests.Add(
            new RecordedRequest(DateTimeOffset.UtcNow, method, path, response.StatusCode, response.ErrorType, requestId) { ErrorMessage = response.ErrorMessage });

    private static bool IsStytchPath(string path) => RequestPath.IsApi(path) || RequestPath.IsBackDoor(path);

    private async Task<IResponseMessage> DispatchAsync(IRequestMessage request, Site site)
    {
        StytchFakeProject? project = null;
        string? requestId = null;
        JsonBody? parsed = null;
        ApiResponse response;
        var path = RequestPath.Of(request);
        try
        {
            var pathValues = new Dictionary<string, string>(StringComparer.Ordinal);
            var endpoint = _router.Find(request.Method, path, pathValues);
            // The guard refused these by path before WireMock read the body; this refuses them by the endpoint
            // reached, whatever spelling of its path got past that first check.
            if (endpoint.Access == Access.Admin && RequestGuard.IsMutation(request.Method)
                && RequestGuard.CrossSiteRefusal(site.Hosts, RequestGuard.Header(request, "Origin"), RequestGuard.Header(request, "Content-Type"), site.IsServerPort) is { } refusal)
            {
                throw new StytchException(refusal);
            }

            project = Authorise(request, endpoint, pathValues);
            var id = requestId = (project?.State.Ids ?? OrphanIds).New("request-id");

            using var body = parsed = endpoint.BodyFields is null ? null : ParseBody(request, endpoint, project, pathValues);
            var email = body?.Peek("email") ?? body?.Peek("email_address");
            if (endpoint.Access is (Access.Basic or Access.PathProject) && project!.Faults.Match(endpoint.Name, email) is { } fault)
            {
                if (fault.Latency > TimeSpan.Zero)
                {
                    await Task.Delay(fault.Latency).ConfigureAwait(false);
                }

                switch (fault.Action)
                {
                    case FaultAction.Error:
                        throw new StytchException(fault.Error!);
                    case FaultAction.Raw:
                        project.Requests.Add(new RecordedRequest(DateTimeOffset.UtcNow, request.Method, path, fault.StatusCode, "fault", id));
                        return ToMessage(new ApiResponse(fault.StatusCode, Encoding.UTF8.GetBytes(fault.Body ?? "")));
                    case FaultAction.DropConnection:
                        project.Requests.Add(new RecordedRequest(DateTimeOffset.UtcNow, request.Method, path, 0, "dropped_connection", id));
                        return DropConnection();
                }
            }

            if (endpoint.Access == Access.Basic && !project!.RateLimits.TryAcquire(endpoint.Name, email))
            {
                throw new StytchException(StytchError.TooManyRequests);
            }

            var call = new ApiCall
            {
                Project = project!,
                Registry = _projects,
                RequestId = id,
                PathValues = pathValues,
                Request = request,
                Body = body,
            };
            response = await endpoint.Handle(call).ConfigureAwait(false);
        }
        catch (StytchException e)
        {
            response = ApiResponse.Error(e.Error, requestId ??= OrphanIds.New("request-id"));
        }
#pragma warning disable CA1031 // Any bug becomes Stytch's 500 envelope rather than a dropped connection.
        catch (Exception)
#pragma warning restore CA1031
        {
            response = ApiResponse.Error(StytchError.InternalServerError, requestId ??= OrphanIds.New("request-id"));
        }

        (project ?? RecordsOf(request.Method, path, Header(request, "Authorization")))?.Requests.Add(
            new RecordedRequest(DateTimeOffset.UtcNow, request.Method, path, response.StatusCode, response.ErrorType, requestId!)
            {
                IgnoredFields = parsed?.Ignored ?? [],
                ErrorMessage = response.ErrorMessage,
            });
        return ToMessage(response);
    }

    /// <summary>
    /// Back-door bodies are strict and know no path ids; a Stytch body may repeat its path's ids and is strict about
    /// unknown fields only when its project is (see <see cref="BodyFields"/>).
    /// </summary>
    private static JsonBody ParseBody(IRequestMessage request, Endpoint endpoint, StytchFakeProject? project, Dictionary<string, string> pathValues) =>
        endpoint.Access == Access.Admin
            ? JsonBody.Parse(RawBody(request), endpoint.BodyFields!, emptyIsObject: true)
            : JsonBody.Parse(RawBody(request), endpoint.BodyFields!, project?.StrictFields == false ? FieldPolicy.Ignore : FieldPolicy.StrictProject, pathValues);

    /// <summary>
    /// Where a call that reached no project is recorded (an unknown or unimplemented route, refused credentials or
    /// admin token, a back door about no project, a request the guard refused): the project its back-door path names,
    /// else the project its Basic credentials name, even with a wrong secret, so a test sees its own mistakes in its
    /// own project's report; otherwise the fake's default project.
    /// </summary>
    private StytchFakeProject? RecordsOf(string method, string path, string? authorization) =>
        NamedInPath(method, path) ?? _projects.NamedBy(authorization) ?? _projects.Default;

    private StytchFakeProject? NamedInPath(string method, string path)
    {
        if (!path.StartsWith("/_fake/v1/projects/", StringComparison.Ordinal))
        {
            return null;
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        return _router.Match(method, path, values) is { Access: Access.Admin } && values.TryGetValue("project_id", out var id) ? _projects.Find(id) : null;
    }

    /// <summary>Finds the project a call is for, or throws the Stytch error that refuses it.</summary>
    private StytchFakeProject? Authorise(IRequestMessage request, Endpoint endpoint, Dictionary<string, string> pathValues)
    {
        var authorization = Header(request, "Authorization");
        switch (endpoint.Access)
        {
            case Access.Basic:
                return _projects.Authenticate(authorization);
            case Access.PathProject:
                var fromPath = PathProject(pathValues);
                if (authorization is not null && _projects.Authenticate(authorization) != fromPath)
                {
                    throw new StytchException(StytchError.UnauthorizedCredentials);
                }

                return fromPath;
            case Access.Public:
                return null;
            default:
                if (_adminToken is not null && !AdminTokenMatches(request))
                {
                    throw new StytchException(StytchError.AdminTokenRequired);
                }

                return pathValues.ContainsKey("project_id") ? PathProject(pathValues) : null;
        }
    }

    private StytchFakeProject PathProject(Dictionary<string, string> pathValues) =>
        _projects.Find(pathValues["project_id"]) ?? throw new StytchException(StytchError.ProjectNotFound);

    private bool AdminTokenMatches(IRequestMessage request)
    {
        var sent = Header(request, "X-Admin-Token")
            ?? (Header(request, "Authorization") is { } a && a.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? a[7..].Trim() : null);
        return sent is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(_adminToken!));
    }

    private static ReadOnlyMemory<byte> RawBody(IRequestMessage request)
    {
        if (request.BodyData?.BodyAsBytes is { } bytes)
        {
            return bytes;
        }

        return request.BodyData?.BodyAsString is { } text ? Encoding.UTF8.GetBytes(text) : [];
    }

    private static string? Header(IRequestMessage request, string name)
    {
        if (request.Headers is null)
        {
            return null;
        }

        foreach (var (key, values) in request.Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase) && values.Count > 0)
            {
                return values[0];
            }
        }

        return null;
    }

    /// <summary>
    /// Aborts the TCP connection, so the client sees a reset. That needs the request's HttpContext, which
    /// the fake's own server exposes (it registers IHttpContextAccessor); on a server it was attached to
    /// without one, a malformed chunked body is the nearest WireMock can do.
    /// </summary>
    private static ResponseMessage DropConnection()
    {
        if (RequestPath.Context is { } context)
        {
            context.Abort();
        }

        return new ResponseMessage { StatusCode = 200, FaultType = FaultType.MALFORMED_RESPONSE_CHUNK };
    }

    /// <summary>What a back-door call's <c>Origin</c> is judged against on one server: its names and its ports.</summary>
    private sealed record Site(HostAllowList Hosts, Func<int, bool> IsServerPort);

    /// <summary>An answer as WireMock sends it: status, body, content type and any extra headers.</summary>
    internal static ResponseMessage ToMessage(ApiResponse response)
    {
        var message = new ResponseMessage
        {
            StatusCode = response.StatusCode,
            BodyData = new BodyData { DetectedBodyType = BodyType.Bytes, BodyAsBytes = response.Body },
        };
        message.AddHeader("Content-Type", response.ContentType);
        if (response.Headers is { } headers)
        {
            foreach (var (name, value) in headers)
            {
                message.AddHeader(name, value);
            }
        }

        return message;
    }
}
