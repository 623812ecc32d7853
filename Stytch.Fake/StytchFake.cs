using Stytch.Fake.Http;
using WireMock.Server;

namespace Stytch.Fake;

/// <summary>Settings of a fake Stytch server and of the project it starts with.</summary>
public sealed record StytchFakeOptions
{
    /// <summary>The port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }
    /// <summary>The address to listen on; loopback by default.</summary>
    public string Host { get; init; } = "127.0.0.1";
    /// <summary>
    /// When set, every <c>/_fake/</c> call must send it (<c>X-Admin-Token</c> or <c>Authorization: Bearer</c>).
    /// Required when <see cref="Host"/> is not a loopback address; an empty or blank token is refused.
    /// </summary>
    public string? AdminToken { get; init; }
    /// <summary>
    /// Host names the server answers to besides <c>localhost</c>, <c>127.0.0.1</c>, <c>[::1]</c> and <see cref="Host"/>
    /// on its own port: <c>name</c> for any port (behind a proxy or a container's port mapping) or <c>name:port</c>.
    /// Any other <c>Host</c> header is refused with 403 <c>host_not_allowed</c>, so a web page cannot reach the
    /// fake by pointing its own DNS name at it.
    /// </summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];
    /// <summary>The first project's settings: fixed credentials, clock, seed, live or test.</summary>
    public StytchProjectOptions Project { get; init; } = new();
    /// <summary>Caps on projects, signing keys and fault rules; the defaults are far above what a test suite needs.</summary>
    public StytchFakeLimits Limits { get; init; } = new();
    /// <summary>Where RSA keys come from: the process-wide generator unless a test supplies its own.</summary>
    internal Tokens.RsaKeyGenerator? KeyGenerator { get; init; }
}

/// <summary>
/// A fake Stytch API on a WireMock.Net server: real in-memory state behind Stytch's paths and JSON,
/// plus back doors for tests. Start one with <see cref="StartAsync"/>, point any HTTP client or Stytch
/// SDK at <see cref="Url"/> with <see cref="ProjectId"/> and <see cref="Secret"/>, and dispose it at the end.
/// </summary>
public sealed class StytchFake : IAsyncDisposable, IDisposable
{
    private readonly ProjectRegistry _projects;
    private readonly WireMockAdapter _adapter;
    private readonly WireMockServer _server;
    private int _disposed;

    private StytchFake(StytchFakeOptions options, WireMockServer? server)
    {
        if (options.AdminToken is not null && string.IsNullOrWhiteSpace(options.AdminToken))
        {
            // An empty token would pass as "set" and then match an empty header: no protection at all.
            throw new ArgumentException("AdminToken is empty or blank: set a real token, or leave it null to serve the back doors without one on loopback.", nameof(options));
        }

        if (options.AdminToken is null && !IsLoopbackHost(options.Host))
        {
            throw new ArgumentException($"Listening on '{options.Host}' exposes the back doors: set an AdminToken.", nameof(options));
        }

        ArgumentNullException.ThrowIfNull(options.Limits);
        options.Limits.Check();
        _projects = new ProjectRegistry(options.Limits, options.KeyGenerator);
        DefaultProject = _projects.Add(options.Project);
        var pipeline = new RequestPipeline(_projects, options.AdminToken);
        // The router over every endpoint is built on another core while WireMock starts on this one: in a fresh
        // process each is a large part of the start, and neither needs the other until the first request.
        var routing = Task.Run(pipeline.Warm);
        _adapter = new WireMockAdapter(pipeline, new RequestGuard(options.Host, options.AllowedHosts));
        if (server is null)
        {
            _server = _adapter.Start(options.Host, options.Port);
        }
        else
        {
            _server = server;
            _adapter.Attach(server);
        }

        routing.GetAwaiter().GetResult();

        Url = new Uri(_server.Url ?? _server.Urls[0]);
    }

    /// <summary>Starts a fake on loopback with a free port and a fresh project.</summary>
    public static Task<StytchFake> StartAsync(StytchFakeOptions? options = null) =>
        Task.Run(() => new StytchFake(options ?? new StytchFakeOptions(), server: null));

    /// <summary>
    /// Serves the fake from a WireMock server you already run, sharing its port. Your own mappings keep
    /// working and, at WireMock's default priority, take precedence over the fake's for the same path.
    /// Disposing the fake removes only its own mappings. The fake's paths (<c>/v1/</c>, <c>/_fake/</c>) get the same
    /// Host and cross-site checks as on its own server; request bodies are bounded by your server's settings.
    /// </summary>
    public static StytchFake AttachTo(WireMockServer server, StytchFakeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(server);
        return new StytchFake(options ?? new StytchFakeOptions(), server);
    }

    /// <summary>The base URL to give your HTTP client or Stytch SDK, e.g. <c>http://127.0.0.1:51234/</c>.</summary>
    public Uri Url { get; }

    /// <summary>The project the fake started with.</summary>
    public StytchFakeProject DefaultProject { get; }

    /// <summary>Every project this server hosts.</summary>
    public IReadOnlyCollection<StytchFakeProject> Projects => _projects.All;

    /// <summary>The first project's id (the Basic auth user name).</summary>
    public string ProjectId => DefaultProject.ProjectId;

    /// <summary>The first project's secret (the Basic auth password).</summary>
    public string Secret => DefaultProject.Secret;

    /// <summary>The first project's outbox: the codes it "sent".</summary>
    public Outbox Outbox => DefaultProject.Outbox;

    /// <summary>The first project's fault rules.</summary>
    public FaultRules Faults => DefaultProject.Faults;

    /// <summary>The first project's clock.</summary>
    public StytchClock Clock => DefaultProject.Clock;

    /// <summary>The first project's consumer users (see <see cref="StytchFakeProject.Users"/>).</summary>
    public ProjectUsers Users => DefaultProject.Users;

    /// <summary>The first project's consumer sessions (see <see cref="StytchFakeProject.Sessions"/>).</summary>
    public ProjectSessions Sessions => DefaultProject.Sessions;

    /// <summary>The first project's B2B organizations, members and member sessions (see <see cref="StytchFakeProject.B2B"/>).</summary>
    public ProjectB2B B2B => DefaultProject.B2B;

    /// <summary>The first project's redirect URLs (see <see cref="StytchFakeProject.RedirectUrls"/>).</summary>
    public ProjectRedirectUrls RedirectUrls => DefaultProject.RedirectUrls;

    /// <summary>The default project's M2M clients (<see cref="StytchFakeProject.M2M"/>).</summary>
    public ProjectM2M M2M => DefaultProject.M2M;

    /// <summary>The first project's RBAC policy and role assignments (see <see cref="StytchFakeProject.Rbac"/>).</summary>
    public ProjectRbac Rbac => DefaultProject.Rbac;

    /// <summary>Seeds the first project: organizations with members, and users (see <see cref="StytchSeeder"/>).</summary>
    public StytchSeeder Seed => DefaultProject.Seed;

    /// <summary>The WireMock server the fake answers on.</summary>
    public WireMockServer Server => _server;

    /// <summary>Creates another isolated project on this server, with its own credentials and state.</summary>
    /// <exception cref="StytchException">The server hosts <see cref="StytchFakeLimits.MaxProjects"/> already (<c>too_many_projects</c>).</exception>
    public StytchFakeProject CreateProject(StytchProjectOptions? options = null) => _projects.Add(options ?? new StytchProjectOptions());

    /// <summary>
    /// An <see cref="HttpClient"/> for <see cref="Url"/> that sends Basic auth for <paramref name="project"/>
    /// (the default project when null). The caller disposes it.
    /// </summary>
    public HttpClient CreateClient(StytchFakeProject? project = null)
    {
        var p = project ?? DefaultProject;
        var client = new HttpClient { BaseAddress = Url };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{p.ProjectId}:{p.Secret}")));
        return client;
    }

    /// <summary>Removes a project (not the default one); its credentials stop working.</summary>
    /// <returns>False when no such project exists.</returns>
    public bool RemoveProject(string projectId) =>
        projectId == DefaultProject.ProjectId
            ? throw new InvalidOperationException("The default project cannot be removed; Reset() it instead.")
            : _projects.Remove(projectId);

    /// <summary>The project with this id, or null.</summary>
    public StytchFakeProject? FindProject(string projectId) => _projects.Find(projectId);

    /// <summary>Wipes the first project's state (users, codes, sessions, outbox, clock offset); the server and every mapping stay.</summary>
    public void Reset() => DefaultProject.Reset();

    /// <summary>
    /// Also serves the fake from <paramref name="server"/>, sharing the same projects and state.
    /// Your mappings on that server are never touched; disposing the fake removes only its own.
    /// </summary>
    public void MapTo(WireMockServer server)
    {
        ArgumentNullException.ThrowIfNull(server);
        _adapter.Attach(server);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _adapter.Dispose();
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>True when <paramref name="host"/> names a loopback address.</summary>
    public static bool IsLoopbackHost(string host) =>
        host is "localhost" or "127.0.0.1" or "::1" or "[::1]" ||
        (System.Net.IPAddress.TryParse(host.Trim('[', ']'), out var ip) && System.Net.IPAddress.IsLoopback(ip));

    /// <summary>True when <paramref name="entry"/> can go in <see cref="StytchFakeOptions.AllowedHosts"/>: a host name or address, with an optional port.</summary>
    public static bool IsValidAllowedHost(string entry) => HostAllowList.IsValidEntry(entry);
}
