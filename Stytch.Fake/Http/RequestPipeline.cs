using System.Security.Cryptography;
using System.Text;
using Stytch.Fake.Core;

namespace Stytch.Fake.Http;

/// <summary>
/// The one way every request goes, whatever server took it: route (404/405), refuse a cross-site back-door call,
/// authorise, parse, apply faults and rate limits, call the endpoint, render, record. It reads and answers
/// <see cref="IncomingRequest"/> and <see cref="ApiResponse"/> only; <see cref="WireMockAdapter"/> puts it on a server.
/// </summary>
internal sealed class RequestPipeline
{
    private static readonly IdFactory OrphanIds = new(live: false, seed: null);
    private readonly ProjectRegistry _projects;
    private readonly string? _adminToken;
    // Built on first use, or by Warm on another thread while the server starts (see StytchFake's constructor).
    private readonly Lazy<Router> _routes = new(() => new Router(ProductCatalog.Endpoints, StytchOperations.All));

    public RequestPipeline(ProjectRegistry projects, string? adminToken)
    {
        _projects = projects;
        _adminToken = adminToken;
    }

    /// <summary>Builds the router over every endpoint now, so the first request does not wait for it.</summary>
    public void Warm() => _ = _routes.Value;

    /// <summary>The fake's endpoint for a method and path, or null (an unknown path, or a Stytch operation it lacks).</summary>
    public RouteMatch? Match(string method, string path) => _routes.Value.Match(method, path);

    /// <summary>
    /// Answers a request refused before it reached the pipeline (by the request guard, or by Kestrel itself) with
    /// <paramref name="error"/>'s envelope, and records it where an unrouted call is recorded (see <see cref="RecordsOf"/>).
    /// </summary>
    public ApiResponse Refuse(StytchError error, string method, string path, string? authorization)
    {
        var requestId = OrphanIds.New("request-id");
        var response = ApiResponse.Error(error, requestId);
        Record(RecordsOf(_routes.Value.Match(method, path), authorization), method, path, response, requestId, ignored: []);
        return response;
    }

    /// <summary>Runs <paramref name="request"/>, which reached the fake on <paramref name="site"/>, through every stage.</summary>
    public async Task<ApiResponse> RunAsync(IncomingRequest request, Site site)
    {
        if (FrontendCalls.IsPreflight(request))
        {
            return FrontendCalls.Preflight(request, _projects);
        }

        RouteMatch? routed = null;
        StytchFakeProject? project = null;
        string? requestId = null;
        JsonBody? parsed = null;
        var answeredByFault = false;
        ApiResponse response;
        try
        {
            routed = _routes.Value.Find(request.Method, request.Path);
            RefuseCrossSite(request, routed, site);
            project = Authorise(request, routed);
            var id = requestId = (project?.Store.Ids ?? OrphanIds).New("request-id");
            using var body = parsed = Parse(request, routed, project);
            var email = body?.Peek("email") ?? body?.Peek("email_address")
                ?? (routed.Endpoint.FaultName is null ? null : FrontendCalls.PeekEmail(request.Body));
            if (await ApplyFaultAsync(routed.Endpoint, project, email).ConfigureAwait(false) is { } faulted)
            {
                answeredByFault = true;
                response = faulted;
            }
            else
            {
                Limit(routed.Endpoint, project, email);
                response = await routed.Endpoint.Handle(new ApiCall
                {
                    Project = project!,
                    Registry = _projects,
                    RequestId = id,
                    PathValues = routed.PathValues,
                    Request = request,
                    Body = body,
                }).ConfigureAwait(false);
            }
        }
        catch (StytchException e)
        {
            response = ErrorOf(routed, e.Error, requestId ??= OrphanIds.New("request-id"));
        }
#pragma warning disable CA1031 // Any bug becomes Stytch's 500 envelope rather than a dropped connection.
        catch (Exception)
#pragma warning restore CA1031
        {
            response = ErrorOf(routed, StytchError.InternalServerError, requestId ??= OrphanIds.New("request-id"));
        }

        if (RequestPath.IsFrontend(request.Path))
        {
            response = FrontendCalls.Finish(response, request, project, _projects, wrap: !answeredByFault);
        }

        // A fault's own answer is logged as the fault, without what the body would have had ignored.
        Record(project ?? RecordsOf(routed, request.Headers.First("Authorization")), request.Method, request.Path, response, requestId!,
            answeredByFault ? [] : parsed?.Ignored ?? []);
        return response;
    }

    /// <summary>The error's envelope, in OAuth's shape for an endpoint that answers so.</summary>
    private static ApiResponse ErrorOf(RouteMatch? routed, StytchError error, string requestId) =>
        routed?.Endpoint.OAuthErrors == true ? ApiResponse.OAuthError(error, requestId) : ApiResponse.Error(error, requestId);

    /// <summary>
    /// The guard refused a cross-site back-door call by its path before the body was read; this refuses it by the
    /// endpoint reached, whatever spelling of its path got past that first check.
    /// </summary>
    private static void RefuseCrossSite(IncomingRequest request, RouteMatch routed, Site site)
    {
        if (routed.Endpoint.Access == Access.Admin && RequestGuard.IsMutation(request.Method)
            && RequestGuard.CrossSiteRefusal(site, request.Headers) is { } refusal)
        {
            throw new StytchException(refusal);
        }
    }

    /// <summary>Finds the project a call is for, or throws the Stytch error that refuses it.</summary>
    private StytchFakeProject? Authorise(IncomingRequest request, RouteMatch routed)
    {
        var authorization = request.Headers.First("Authorization");
        switch (routed.Endpoint.Access)
        {
            case Access.Basic:
                return _projects.Authenticate(authorization);
            case Access.PathProject:
                var fromPath = PathProject(routed);
                if (authorization is not null && _projects.Authenticate(authorization) != fromPath)
                {
                    throw new StytchException(StytchError.UnauthorizedCredentials);
                }

                return fromPath;
            case Access.Public:
                return null;
            case Access.ClientCredentials:
                return PathProject(routed);
            case Access.PublicToken:
                return FrontendCalls.Authorise(request, routed, _projects);
            default:
                if (_adminToken is not null && !AdminTokenMatches(request.Headers))
                {
                    throw new StytchException(StytchError.AdminTokenRequired);
                }

                return routed.PathValues.ContainsKey("project_id") ? PathProject(routed) : null;
        }
    }

    private StytchFakeProject PathProject(RouteMatch routed) =>
        _projects.Find(routed.PathValues["project_id"]) ?? throw new StytchException(StytchError.ProjectNotFound);

    private bool AdminTokenMatches(RequestHeaders headers)
    {
        var sent = headers.First("X-Admin-Token")
            ?? (headers.First("Authorization") is { } a && a.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? a[7..].Trim() : null);
        return sent is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(sent), Encoding.UTF8.GetBytes(_adminToken!));
    }

    /// <summary>
    /// The body of an endpoint that takes one. Back-door bodies are strict and know no path ids; a Stytch body may
    /// repeat its path's ids and is strict about unknown fields only when its project is (see <see cref="BodyFields"/>).
    /// </summary>
    private static JsonBody? Parse(IncomingRequest request, RouteMatch routed, StytchFakeProject? project)
    {
        var endpoint = routed.Endpoint;
        if (endpoint.BodyFields is null)
        {
            return null;
        }

        return endpoint.Access == Access.Admin
            ? JsonBody.Parse(request.Body, endpoint.BodyFields, emptyIsObject: true)
            : JsonBody.Parse(request.Body, endpoint.BodyFields, project?.StrictFields == false ? FieldPolicy.Ignore : FieldPolicy.StrictProject, routed.PathValues);
    }

    /// <summary>
    /// Applies the first fault rule that matches a Stytch endpoint's call: waits out its latency, then throws its
    /// error, or returns its raw answer or a dropped connection; null lets the call go on.
    /// </summary>
    private static async Task<ApiResponse?> ApplyFaultAsync(Endpoint endpoint, StytchFakeProject? project, string? email)
    {
        var target = endpoint.IsStytchApi ? endpoint.Name : endpoint.FaultName;
        if (target is null || project!.Faults.Match(target, email) is not { } fault)
        {
            return null;
        }

        if (fault.Latency > TimeSpan.Zero)
        {
            await Task.Delay(fault.Latency).ConfigureAwait(false);
        }

        return fault.Action switch
        {
            FaultAction.Error => throw new StytchException(fault.Error!),
            FaultAction.Raw => new ApiResponse(fault.StatusCode, Encoding.UTF8.GetBytes(fault.Body ?? ""), "fault"),
            FaultAction.DropConnection => ApiResponse.DroppedConnection,
            _ => null,
        };
    }

    /// <summary>Throws <c>too_many_requests</c> when the project's rate limits refuse a Stytch API call.</summary>
    private static void Limit(Endpoint endpoint, StytchFakeProject? project, string? email)
    {
        if (endpoint.Access == Access.Basic && !project!.RateLimits.TryAcquire(endpoint.Name, email))
        {
            throw new StytchException(StytchError.TooManyRequests);
        }
    }

    /// <summary>
    /// Where a call that reached no project is recorded (an unknown or unimplemented route, refused credentials or
    /// admin token, a back door about no project, a request the guard refused): the project its back-door path names,
    /// else the project its Basic credentials name, even with a wrong secret, so a test sees its own mistakes in its
    /// own project's report; otherwise the fake's default project.
    /// </summary>
    private StytchFakeProject? RecordsOf(RouteMatch? routed, string? authorization) =>
        (routed?.BackDoorProjectId is { } id ? _projects.Find(id) : null) ?? _projects.NamedBy(authorization) ?? _projects.Default;

    private static void Record(StytchFakeProject? project, string method, string path, ApiResponse response, string requestId, IReadOnlyList<string> ignored) =>
        project?.Requests.Add(new RecordedRequest(DateTimeOffset.UtcNow, method, path, response.StatusCode, response.ErrorType, requestId)
        {
            IgnoredFields = ignored,
            ErrorMessage = response.ErrorMessage,
        });
}
