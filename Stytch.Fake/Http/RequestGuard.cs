using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Stytch.Fake.Engine;
using System.Net;
using WireMock;
using WireMock.Matchers;
using WireMock.Matchers.Request;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Stytch.Fake.Http;

/// <summary>
/// What every request must pass before the fake reads it: an allowed <c>Host</c> (DNS rebinding), and for a
/// back-door call that changes state a JSON content type and no foreign <c>Origin</c> (cross-site requests: a
/// page can send a form or <c>text/plain</c> POST anywhere without asking, but not <c>application/json</c>).
/// On the fake's own server it runs as middleware before WireMock, which also bounds request bodies before they
/// are buffered; on a server the fake is attached to, it is a mapping just above the fake's own. What it refuses
/// is recorded in the request log as an unrouted call is (<see cref="FakeHttpHost.RecordRefused"/>).
/// </summary>
/// <remarks>
/// It judges the path before the fake routes it, so it is the first check only: the pipeline refuses a cross-site
/// back-door call again by the endpoint it reached (<see cref="CrossSiteRefusal"/>), whatever spelling got it there.
/// </remarks>
internal sealed class RequestGuard
{
    private const string SnapshotImport = "admin.snapshot.import";
    private static readonly IdFactory Ids = new(live: false, seed: null);
    private readonly string _configuredHost;
    private readonly IReadOnlyList<string> _allowedHosts;
    private readonly HostAllowList _hosts;
    private readonly FakeHttpHost _host;
    private readonly KestrelRejections _rejections;

    public RequestGuard(string configuredHost, IReadOnlyList<string> allowedHosts, FakeHttpHost host)
    {
        _configuredHost = configuredHost;
        _allowedHosts = allowedHosts;
        _hosts = new HostAllowList([configuredHost], allowedHosts);
        _host = host;
        // Kestrel refuses these before it has a request: no method, path or credentials to record them under.
        _rejections = new KestrelRejections((response, requestId) => host.RecordRefused("", "", null, response, requestId));
    }

    /// <summary>
    /// The error for a body over the limit of a Stytch endpoint. Stytch documents no size limit and its error
    /// catalogue has no 413 or size error type; the 400 <c>bad_request</c> is inferred, and is what the fake
    /// answers, in the same words, for a body over <see cref="JsonBody.MaxBytes"/> that reached the parser.
    /// </summary>
    public static StytchError BodyTooLarge { get; } = StytchError.BadRequest with { Message = $"The request body is larger than {JsonBody.MaxBytes / 1024 / 1024} MB." };

    /// <summary>The error for a body that could not be read: malformed framing, or data arriving too slowly.</summary>
    public static StytchError BodyUnreadable { get; } = StytchError.BadRequest with { Message = "The request body could not be read: it was malformed or arrived too slowly." };

    /// <summary>The error that refuses a request before its body is read, or null when it may go on.</summary>
    public static StytchError? Refusal(HostAllowList hosts, string method, string path, string? host, string? origin, string? contentType, Func<int, bool> isServerPort)
    {
        if (!hosts.Allows(host, isServerPort))
        {
            return StytchError.HostNotAllowed;
        }

        return IsMutation(method) && IsBackDoorPath(path) ? CrossSiteRefusal(hosts, origin, contentType, isServerPort) : null;
    }

    /// <summary>
    /// The error that refuses a back-door call that changes state as a page on another site could send it (a
    /// foreign <c>Origin</c>, or not the JSON content type), or null when it may go on.
    /// </summary>
    public static StytchError? CrossSiteRefusal(HostAllowList hosts, string? origin, string? contentType, Func<int, bool> isServerPort)
    {
        if (origin is not null && !hosts.AllowsOrigin(origin, isServerPort))
        {
            return StytchError.OriginNotAllowed;
        }

        return IsJson(contentType) ? null : StytchError.JsonContentTypeRequired;
    }

    /// <summary>True for the methods that change state.</summary>
    public static bool IsMutation(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method) || HttpMethods.IsPatch(method);

    /// <summary>
    /// The names a server answers to: the configured host, the names in its URLs, loopback, and the allowed hosts.
    /// A back-door call's <c>Origin</c> must name one of them.
    /// </summary>
    public HostAllowList HostsFor(WireMockServer server)
    {
        var own = new List<string> { _configuredHost };
        foreach (var url in server.Urls)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                own.Add(uri.Host);
            }
        }

        return new HostAllowList(own, _allowedHosts);
    }

    /// <summary>Runs the guard on the fake's own server: before WireMock's middleware, with Kestrel's body limits.</summary>
    public void Install(WireMockServerSettings settings)
    {
        var services = settings.AdditionalServiceRegistration;
        settings.AdditionalServiceRegistration = s =>
        {
            services?.Invoke(s);
            _rejections.Install((IServiceCollection)s);
            // Post-configured, so it wins over WireMock's own setup, which lifts both limits.
            ((IServiceCollection)s).PostConfigure<KestrelServerOptions>(options =>
            {
                options.Limits.MaxRequestBodySize = SnapshotJson.MaxBytes;
                options.Limits.MaxRequestBufferSize = 1024 * 1024;
                options.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
            });
        };
        var pre = settings.PreWireMockMiddlewareInit;
        settings.PreWireMockMiddlewareInit = app =>
        {
            pre?.Invoke(app);
            ((IApplicationBuilder)app).Use(next => context => InvokeAsync(context, next));
        };
    }

    /// <summary>Adds the guard to a server the fake is attached to, for the fake's paths only; returns the mapping's id.</summary>
    public IReadOnlyList<Guid> MapTo(WireMockServer server)
    {
        var hosts = HostsFor(server);
        StytchError? Refuse(IRequestMessage m) => Refusal(
            hosts, m.Method, m.Path, Header(m, "Host"), Header(m, "Origin"), Header(m, "Content-Type"), port => server.Ports.Contains(port));

        var id = Guid.NewGuid();
        var request = (Request)Request.Create().WithPath(IsServedPath).UsingAnyMethod();
        request.Add(new RefusedMatcher(m => Refuse(m) is not null));
        server.Given(request)
            .WithGuid(id)
            .AtPriority(FakeHttpHost.BasePriority - 1)
            .RespondWith(Response.Create().WithCallback(m =>
            {
                var requestId = Ids.New("request-id");
                var response = ApiResponse.Error(Refuse(m) ?? StytchError.InternalServerError, requestId);
                _host.RecordRefused(m.Method, RequestPath.Of(m), Header(m, "Authorization"), response, requestId);
                return FakeHttpHost.ToMessage(response);
            }));
        return [id];
    }

    private async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        var path = request.Path.Value ?? "";
        var localPort = context.Connection.LocalPort;
        var refusal = Refusal(
            _hosts, request.Method, path,
            request.Headers.Host.Count == 1 ? request.Headers.Host[0] : null,
            request.Headers.Origin.Count switch { 0 => null, 1 => request.Headers.Origin[0], _ => "null" },
            request.ContentType,
            port => port == localPort);
        var snapshot = IsSnapshotImport(request.Method, path);
        var limit = snapshot ? SnapshotJson.MaxBytes : JsonBody.MaxBytes;
        var tooLarge = snapshot ? SnapshotJson.TooLarge : BodyTooLarge;
        if (refusal is null && request.ContentLength > limit)
        {
            refusal = tooLarge;
        }

        if (refusal is not null)
        {
            await RefuseAsync(context, refusal).ConfigureAwait(false);
            return;
        }

        // A chunked body, or one longer than it said, fails the read at the limit instead of filling memory.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        try
        {
            await next(context).ConfigureAwait(false);
        }
        catch (Microsoft.AspNetCore.Http.BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // Kestrel logged this as a refusal of its own; the fake answers it, so the envelope must not be swapped.
            _rejections.Handled(context.Connection.Id);
            await RefuseAsync(context, e.StatusCode == StatusCodes.Status413PayloadTooLarge ? tooLarge : BodyUnreadable).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException && context.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-body: nobody is left to answer.
        }
    }

    /// <summary>Answers <paramref name="error"/> (the envelope only, whoever asked) and records it.</summary>
    private async Task RefuseAsync(HttpContext context, StytchError error)
    {
        var requestId = Ids.New("request-id");
        var rendered = ApiResponse.Error(error, requestId);
        var request = context.Request;
        _host.RecordRefused(request.Method, request.Path.Value ?? "", request.Headers.Authorization.Count > 0 ? request.Headers.Authorization[0] : null, rendered, requestId);
        var response = context.Response;
        response.StatusCode = rendered.StatusCode;
        response.ContentType = rendered.ContentType;
        response.ContentLength = rendered.Body.Length;
        // Whatever body is left unread is not drained on a kept-alive connection: the connection ends.
        response.Headers.Connection = "close";
        await response.Body.WriteAsync(rendered.Body, context.RequestAborted).ConfigureAwait(false);
    }

    private static bool IsServedPath(string path) => RequestPath.IsApi(path) || IsBackDoorPath(path);

    /// <summary>
    /// True for a back-door path, also when it is one only once decoded again (<c>/_fake%2Fv1/</c>, <c>/%5Ffake/</c>
    /// as Kestrel leaves <c>%255F</c>): WireMock's path is decoded so, and on a server without the request's HttpContext
    /// that is the path the fake routes (<see cref="RequestPath"/>).
    /// </summary>
    private static bool IsBackDoorPath(string path) =>
        RequestPath.IsBackDoor(path) || (IsEncoded(path) && RequestPath.IsBackDoor(WebUtility.UrlDecode(path)));

    /// <summary>True when decoding <paramref name="path"/> again would change it.</summary>
    private static bool IsEncoded(string path) => path.AsSpan().IndexOfAny('%', '+') >= 0;

    /// <summary>
    /// The snapshot import's bigger limit is for the one path that reaches it, spelled plainly: asked of the router,
    /// so no other path gets it, and refused to an encoded path, which could route elsewhere once decoded again.
    /// </summary>
    private bool IsSnapshotImport(string method, string path) =>
        HttpMethods.IsPut(method) && !IsEncoded(path) && _host.Match(method, path) is { Name: SnapshotImport };

    private static bool IsJson(string? contentType) =>
        Microsoft.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var media)
        && media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>A request header; two or more of it read as <c>null</c>, as good as a foreign value.</summary>
    public static string? Header(IRequestMessage request, string name)
    {
        if (request.Headers is null)
        {
            return null;
        }

        foreach (var (key, values) in request.Headers)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                // Two Origin or Host headers are as good as a foreign one.
                return values.Count == 1 ? values[0] : "null";
            }
        }

        return null;
    }

    /// <summary>Matches the requests the guard refuses.</summary>
    private sealed class RefusedMatcher(Func<IRequestMessage, bool> refuses) : IRequestMatcher
    {
        public RequestMatcherType Type => RequestMatcherType.Header;

        public double GetMatchingScore(IRequestMessage requestMessage, IRequestMatchResult requestMatchResult) =>
            requestMatchResult.AddScore(typeof(RefusedMatcher), refuses(requestMessage) ? MatchScores.Perfect : MatchScores.Mismatch, null);
    }
}
