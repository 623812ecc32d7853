using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
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
/// The one place the fake meets WireMock.Net: it starts the fake's own server (the guard as middleware before
/// WireMock's), or attaches to a server someone else runs (the guard as a mapping), and puts the pipeline behind one
/// mapping, turning WireMock's request into an <see cref="IncomingRequest"/> and an <see cref="ApiResponse"/> into
/// WireMock's answer. Disposing it removes its mappings from every server it was attached to and stops its own.
/// </summary>
/// <remarks>
/// The path the fake routes, records and judges is the request target percent-decoded once, by the HTTP server.
/// WireMock's <see cref="IRequestMessage.Path"/> is decoded twice: Kestrel decodes the target (keeping <c>%2F</c>,
/// so an encoded slash stays inside its segment), then WireMock url-decodes the URL it rebuilt from that. Routed on
/// that, <c>/%255Ffake/</c> would reach a back door the request guard took for another path, and an id holding an
/// encoded slash would split into segments and name another endpoint. So the fake takes Kestrel's path, which is the
/// one the guard judged, from the request's HttpContext; the fake's own server always has one. A server the fake is
/// attached to may not expose it: there the fake routes WireMock's path, and judges that same path in its guard mapping.
/// </remarks>
internal sealed class WireMockAdapter : IDisposable
{
    /// <summary>
    /// The fake's mappings sit at this priority and below (WireMock serves the lowest number first), so a
    /// test's own mapping at the default priority takes precedence over the fake's for its path.
    /// </summary>
    public const int BasePriority = 1_000_000;

    // One accessor serves every request: it reads the current request's context from an AsyncLocal.
    private static readonly HttpContextAccessor Accessor = new();
    private readonly RequestPipeline _pipeline;
    private readonly RequestGuard _guard;
    private readonly List<(WireMockServer Server, IReadOnlyList<Guid> Ids)> _attached = [];
    private WireMockServer? _own;

    public WireMockAdapter(RequestPipeline pipeline, RequestGuard guard)
    {
        _pipeline = pipeline;
        _guard = guard;
    }

    /// <summary>
    /// Starts the fake's own server on <paramref name="host"/> and <paramref name="port"/> (0 picks a free one): the
    /// guard runs before WireMock, with Kestrel's body limits, and every path reaches the pipeline, so that an unknown
    /// one also gets Stytch's <c>route_not_found</c> rather than WireMock's own 404. While the server holds no mapping
    /// but that one, the guard serves requests straight from the pipeline (<see cref="DirectServing"/>).
    /// </summary>
    public WireMockServer Start(string host, int port)
    {
        var url = $"http://{HostAllowList.Bracket(host)}:{port}";
        var hosts = _guard.HostsFor([url]);
        var direct = new DirectServing(_pipeline);
        var guard = new GuardMiddleware(hosts, _pipeline, direct);
        var settings = new WireMockServerSettings
        {
            Urls = [url],
            StartAdminInterface = false,
            // The fake keeps its own bounded request log; WireMock's would grow with every call.
            MaxRequestLogCount = 0,
            DisableJsonBodyParsing = true,
            DisableRequestBodyDecompressing = true,
            DisableDeserializeFormUrlEncoded = true,
            AdditionalServiceRegistration = registration =>
            {
                var services = (IServiceCollection)registration;
                // Lets a dropped-connection fault reach the request's HttpContext to abort it.
                services.AddHttpContextAccessor();
                guard.Register(services);
            },
            PreWireMockMiddlewareInit = app => ((IApplicationBuilder)app).Use(next => context => guard.InvokeAsync(context, next)),
        };
        var server = _own = WireMockServer.Start(settings);
        var own = MapPipeline(_pipeline, server, hosts, everyPath: true)[0];
        direct.Watch(() => server.Mappings is [{ } only] && only.Guid == own);
        return server;
    }

    /// <summary>
    /// Serves the fake from <paramref name="server"/> too, for its <c>/v1/</c> and <c>/_fake/</c> paths: the guard's
    /// mapping just above the pipeline's, both judging by the names the server answers to, computed once for it.
    /// </summary>
    public void Attach(WireMockServer server)
    {
        var hosts = _guard.HostsFor(server.Urls);
        IReadOnlyList<Guid> ids = [.. MapGuard(server, hosts), .. MapPipeline(_pipeline, server, hosts)];
        lock (_attached)
        {
            _attached.Add((server, ids));
        }
    }

    /// <summary>
    /// Adds the pipeline's one mapping to <paramref name="server"/>: every <c>/v1/</c> and <c>/_fake/</c> path, or with
    /// <paramref name="everyPath"/> every path. <paramref name="hosts"/> are the names the server answers to, which a
    /// back-door call's <c>Origin</c> must name. Returns the mapping's id.
    /// </summary>
    public static IReadOnlyList<Guid> MapPipeline(RequestPipeline pipeline, WireMockServer server, HostAllowList hosts, bool everyPath = false)
    {
        var site = SiteOf(server, hosts);
        var id = Guid.NewGuid();
        server.Given(Request.Create().WithPath(everyPath ? _ => true : IsStytchPath).UsingAnyMethod())
            .WithGuid(id)
            .AtPriority(BasePriority)
            .RespondWith(Response.Create().WithCallback(async message =>
                ToMessage(await pipeline.RunAsync(ToIncoming(message), site).ConfigureAwait(false))));
        return [id];
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_attached)
        {
            foreach (var (server, ids) in _attached)
            {
                foreach (var id in ids)
                {
                    server.DeleteMapping(id);
                }
            }

            _attached.Clear();
        }

        if (_own is { } own)
        {
            own.Stop();
            own.Dispose();
        }
    }

    /// <summary>The guard's mapping on a server the fake is attached to: it answers only the requests the guard refuses.</summary>
    private IReadOnlyList<Guid> MapGuard(WireMockServer server, HostAllowList hosts)
    {
        var site = SiteOf(server, hosts);
        // WireMock's own path, decoded twice: the one this server's pipeline routes when it has no HttpContext.
        StytchError? Refusal(IRequestMessage m, RequestHeaders headers) => RequestGuard.Refusal(site, m.Method, m.Path, headers);

        var id = Guid.NewGuid();
        var request = (Request)Request.Create().WithPath(RequestGuard.IsServedPath).UsingAnyMethod();
        request.Add(new RefusedMatcher(m => Refusal(m, HeadersOf(m)) is not null));
        server.Given(request)
            .WithGuid(id)
            .AtPriority(BasePriority - 1)
            .RespondWith(Response.Create().WithCallback(m =>
            {
                var headers = HeadersOf(m);
                var error = Refusal(m, headers) ?? StytchError.InternalServerError;
                return ToMessage(_pipeline.Refuse(error, m.Method, PathOf(m), headers.First("Authorization")));
            }));
        return [id];
    }

    private static Site SiteOf(WireMockServer server, HostAllowList hosts) => new(hosts, port => server.Ports.Contains(port));

    private static bool IsStytchPath(string path) => RequestPath.IsApi(path) || RequestPath.IsBackDoor(path) || RequestPath.IsFrontend(path);

    /// <summary>WireMock's request as the pipeline reads it.</summary>
    private static IncomingRequest ToIncoming(IRequestMessage message) => new(
        message.Method,
        PathOf(message),
        Accessor.HttpContext is { } context ? DirectServing.QueryOf(context.Request) : message.Query?.ToDictionary(q => q.Key, q => (IReadOnlyList<string>)q.Value, StringComparer.Ordinal) ?? DirectServing.NoQuery,
        HeadersOf(message),
        BodyOf(message),
        Accessor.HttpContext?.RequestAborted ?? CancellationToken.None);

    /// <summary>Kestrel's path, decoded once, where the request's HttpContext is at hand; else WireMock's (see the remarks).</summary>
    private static string PathOf(IRequestMessage message) =>
        Accessor.HttpContext?.Request.Path.Value is { Length: > 0 } path ? path : message.Path;

    private static RequestHeaders HeadersOf(IRequestMessage message) =>
        new(message.Headers?.Select(h => KeyValuePair.Create(h.Key, (IEnumerable<string?>)h.Value)) ?? []);

    private static ReadOnlyMemory<byte> BodyOf(IRequestMessage message)
    {
        if (message.BodyData?.BodyAsBytes is { } bytes)
        {
            return bytes;
        }

        return message.BodyData?.BodyAsString is { } text ? Encoding.UTF8.GetBytes(text) : [];
    }

    /// <summary>An answer as WireMock sends it: status, body, content type and any extra headers; or a dropped connection.</summary>
    private static ResponseMessage ToMessage(ApiResponse response)
    {
        if (response.DropsConnection)
        {
            return DropConnection();
        }

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

    /// <summary>
    /// Aborts the TCP connection, so the client sees a reset. That needs the request's HttpContext, which
    /// the fake's own server exposes (it registers IHttpContextAccessor); on a server it was attached to
    /// without one, a malformed chunked body is the nearest WireMock can do.
    /// </summary>
    private static ResponseMessage DropConnection()
    {
        Accessor.HttpContext?.Abort();
        return new ResponseMessage { StatusCode = 200, FaultType = FaultType.MALFORMED_RESPONSE_CHUNK };
    }

    /// <summary>Matches the requests the guard refuses.</summary>
    private sealed class RefusedMatcher(Func<IRequestMessage, bool> refuses) : IRequestMatcher
    {
        public RequestMatcherType Type => RequestMatcherType.Header;

        public double GetMatchingScore(IRequestMessage requestMessage, IRequestMatchResult requestMatchResult) =>
            requestMatchResult.AddScore(typeof(RefusedMatcher), refuses(requestMessage) ? MatchScores.Perfect : MatchScores.Mismatch, null);
    }
}
