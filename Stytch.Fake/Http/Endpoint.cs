using System.Text;
using System.Text.Json.Serialization.Metadata;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Http;

/// <summary>What a handler gets: the project the caller authenticated as, and the parsed request.</summary>
internal sealed class ApiCall
{
    // Strict, as the body text always was: bytes that are not UTF-8 read as no text at all.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly StytchFakeProject? _project;

    /// <summary>The project the call is for (from Basic auth, or from the path for JWKS and back doors).</summary>
    public StytchFakeProject Project
    {
        get => _project ?? throw new InvalidOperationException("This endpoint is not about one project.");
        init => _project = value;
    }

    public required ProjectRegistry Registry { get; init; }
    public required string RequestId { get; init; }

    /// <summary>The values of the route's <c>{name}</c> segments, as the path spelled them (decoded once).</summary>
    public required IReadOnlyDictionary<string, string> PathValues { get; init; }

    /// <summary>The request as received.</summary>
    public required IncomingRequest Request { get; init; }

    public JsonBody? Body { get; init; }

    /// <summary>The body; only endpoints declared with body fields have one.</summary>
    public JsonBody Json => Body ?? throw new InvalidOperationException("This endpoint takes no body.");

    /// <summary>The body's bytes, as received.</summary>
    public ReadOnlyMemory<byte> RawBody => Request.Body;

    /// <summary>The raw body text, for endpoints that take a whole document; empty when the body is not UTF-8.</summary>
    public string BodyText
    {
        get
        {
            try
            {
                return StrictUtf8.GetString(Request.Body.Span);
            }
            catch (DecoderFallbackException)
            {
                return "";
            }
        }
    }

    /// <summary>The first value of a query parameter, or null.</summary>
    public string? Query(string name) =>
        Request.Query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;

    /// <summary>The first value of a request header, or null (see <see cref="RequestHeaders.First"/>).</summary>
    public string? Header(string name) => Request.Headers.First(name);
}

/// <summary>
/// One Stytch endpoint: its name (as used by fault rules, e.g. <c>otps.email.login_or_create</c>),
/// method, path, the body fields it accepts (null for no body; from its request record when it has one) and its handler.
/// </summary>
internal sealed record Endpoint(
    string Name,
    string Method,
    Route Route,
    IReadOnlySet<string>? BodyFields,
    Func<ApiCall, ValueTask<ApiResponse>> Handle,
    Access Access = Access.Basic)
{
    /// <summary>True for an endpoint of Stytch's API, not a back door: what fault rules target and the coverage list names.</summary>
    public bool IsStytchApi => Access is Access.Basic or Access.PathProject or Access.ClientCredentials;

    /// <summary>True when errors are answered in OAuth's shape (<see cref="ApiResponse.OAuthError"/>), not Stytch's envelope.</summary>
    public bool OAuthErrors { get; init; }

    /// <summary>
    /// For a frontend SDK endpoint made of a backend one, the backend endpoint's name: its fault rules apply to this
    /// endpoint's calls too, so a browser test scripts failures by the names it knows. Null for every other endpoint.
    /// </summary>
    public string? FaultName { get; init; }

    public static Endpoint Get(string name, string path, Func<ApiCall, ApiResponse> handle, Access access = Access.Basic) =>
        new(name, "GET", new Route(path), null, c => ValueTask.FromResult(handle(c)), access);

    public static Endpoint GetAsync(string name, string path, Func<ApiCall, ValueTask<ApiResponse>> handle, Access access = Access.Basic) =>
        new(name, "GET", new Route(path), null, handle, access);

    public static Endpoint Delete(string name, string path, Func<ApiCall, ApiResponse> handle, Access access = Access.Basic) =>
        new(name, "DELETE", new Route(path), null, c => ValueTask.FromResult(handle(c)), access);

    public static Endpoint DeleteAsync(string name, string path, Func<ApiCall, ValueTask<ApiResponse>> handle, Access access = Access.Basic) =>
        new(name, "DELETE", new Route(path), null, handle, access);

    /// <summary>An asynchronous PUT whose body binds to <typeparamref name="TRequest"/>: see <see cref="RequestBinder{TRequest}"/>.</summary>
    public static Endpoint PutAsync<TRequest>(string name, string path, JsonTypeInfo<TRequest> request, Func<ApiCall, TRequest, ValueTask<ApiResponse>> handle) =>
        Bound(name, "PUT", path, request, handle, Access.Basic);

    public static Endpoint PutDocument(string name, string path, Func<ApiCall, ApiResponse> handle, Access access) =>
        new(name, "PUT", new Route(path), null, c => ValueTask.FromResult(handle(c)), access);

    /// <summary>A PUT whose body binds to <typeparamref name="TRequest"/>: see <see cref="RequestBinder{TRequest}"/>.</summary>
    public static Endpoint Put<TRequest>(string name, string path, JsonTypeInfo<TRequest> request, Func<ApiCall, TRequest, ApiResponse> handle, Access access = Access.Basic) =>
        Bound(name, "PUT", path, request, (c, r) => ValueTask.FromResult(handle(c, r)), access);

    public static Endpoint Post(string name, string path, string[] fields, Func<ApiCall, ApiResponse> handle, Access access = Access.Basic) =>
        new(name, "POST", new Route(path), fields.ToHashSet(StringComparer.Ordinal), c => ValueTask.FromResult(handle(c)), access);

    public static Endpoint PostAsync(string name, string path, string[] fields, Func<ApiCall, ValueTask<ApiResponse>> handle, Access access = Access.Basic) =>
        new(name, "POST", new Route(path), fields.ToHashSet(StringComparer.Ordinal), handle, access);

    /// <summary>A POST whose body binds to <typeparamref name="TRequest"/>: see <see cref="RequestBinder{TRequest}"/>.</summary>
    public static Endpoint Post<TRequest>(string name, string path, JsonTypeInfo<TRequest> request, Func<ApiCall, TRequest, ApiResponse> handle, Access access = Access.Basic) =>
        Bound(name, "POST", path, request, (c, r) => ValueTask.FromResult(handle(c, r)), access);

    /// <summary>An asynchronous POST whose body binds to <typeparamref name="TRequest"/>: see <see cref="RequestBinder{TRequest}"/>.</summary>
    public static Endpoint PostAsync<TRequest>(string name, string path, JsonTypeInfo<TRequest> request, Func<ApiCall, TRequest, ValueTask<ApiResponse>> handle, Access access = Access.Basic) =>
        Bound(name, "POST", path, request, handle, access);

    private static Endpoint Bound<TRequest>(string name, string method, string path, JsonTypeInfo<TRequest> request, Func<ApiCall, TRequest, ValueTask<ApiResponse>> handle, Access access)
    {
        var binder = new RequestBinder<TRequest>(request);
        return new(name, method, new Route(path), binder.Fields, c => handle(c, binder.Bind(c.Json)), access);
    }
}

/// <summary>How a call is authorised and which project it reaches.</summary>
internal enum Access
{
    /// <summary>Stytch API: Basic <c>project_id:secret</c> picks the project.</summary>
    Basic,
    /// <summary>JWKS: the project comes from the path; Basic auth is optional but checked when sent.</summary>
    PathProject,
    /// <summary>Back door: the admin token when one is set; the project, if any, comes from the path.</summary>
    Admin,
    /// <summary>The inbox page's static files: no credentials, because they hold no data (the page asks for the admin token).</summary>
    Public,
    /// <summary>
    /// An OAuth token endpoint: the project comes from the path and no project secret is needed; the endpoint
    /// authenticates the client itself, from its body or a Basic header.
    /// </summary>
    ClientCredentials,
    /// <summary>
    /// The frontend SDK API (<c>/sdk/v1</c>): the project comes from its public token, in the path or as the Basic user
    /// name (<see cref="FrontendCalls.Authorise"/>).
    /// </summary>
    PublicToken,
}
