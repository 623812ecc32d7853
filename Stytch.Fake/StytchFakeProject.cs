using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B;
using Stytch.Fake.Products.Consumer;
using Stytch.Fake.Products.M2M;
using Stytch.Fake.Products.Rbac;
using Stytch.Fake.Tokens;

namespace Stytch.Fake;

/// <summary>Settings of one fake Stytch project.</summary>
public sealed record StytchProjectOptions
{
    /// <summary>A fixed project id, <c>project-test-&lt;uuid&gt;</c> or <c>project-live-&lt;uuid&gt;</c>; generated when null.</summary>
    public string? ProjectId { get; init; }
    /// <summary>A fixed secret; generated when null.</summary>
    public string? Secret { get; init; }
    /// <summary>The time the project's clock runs on; the system clock when null.</summary>
    public TimeProvider? TimeProvider { get; init; }
    /// <summary>Seeds ids and codes: the same seed gives the same ids and codes, so a run can be replayed.</summary>
    public int? Seed { get; init; }
    /// <summary>Turn Stytch-like rate limits on (they are off by default); see <see cref="RateLimiter"/>.</summary>
    public bool RateLimits { get; init; }
    /// <summary>Make a <c>live</c> project (ids say <c>-live-</c>, and there is no sandbox address).</summary>
    public bool Live { get; init; }
    /// <summary>
    /// Refuse request fields the fake does not know, and path ids repeated in the body with another value, with a 400
    /// <c>bad_request</c> naming the field. Off by default: such fields are ignored, as Stytch does, and listed in
    /// <see cref="RecordedRequest.IgnoredFields"/>.
    /// </summary>
    public bool StrictFields { get; init; }
    /// <summary>
    /// The redirect URLs the project allows, per type (the dashboard's list), and goes back to on reset; null for a fresh
    /// project's: <c>http://localhost:3000/authenticate</c> as the default of every type. Change them later with
    /// <see cref="StytchFakeProject.RedirectUrls"/>.
    /// </summary>
    public IReadOnlyList<RedirectUrl>? RedirectUrls { get; init; }
    /// <summary>
    /// A fixed public token (<c>public-token-test-&lt;uuid&gt;</c>, <c>-live-</c> for a live project), what Stytch's
    /// frontend SDKs send; when null, one derived from the project id, so a fixed id keeps its token.
    /// </summary>
    public string? PublicToken { get; init; }
    /// <summary>Browser origins the frontend SDK may call from besides loopback ones (<see cref="StytchFakeProject.Origins"/>).</summary>
    public IReadOnlyList<string>? AllowedOrigins { get; init; }
    /// <summary>Whether any loopback origin (localhost, 127.x.x.x, [::1], any port) may call the frontend SDK API; true by default.</summary>
    public bool AllowLoopbackOrigins { get; init; } = true;
}

/// <summary>
/// One isolated Stytch project inside a fake server: its own credentials, users, codes, sessions,
/// clock, outbox and signing keys. Calls authenticated with its project id and secret reach only it.
/// </summary>
public sealed class StytchFakeProject
{
    internal StytchFakeProject(StytchProjectOptions options, StytchFakeLimits limits, RsaKeyGenerator keys)
    {
        var live = options.Live || options.ProjectId?.StartsWith("project-live-", StringComparison.Ordinal) == true;
        var ids = new IdFactory(live, options.Seed);
        ProjectId = options.ProjectId ?? ids.New("project");
        StrictFields = options.StrictFields;
        if (!IsWellFormedProjectId(ProjectId))
        {
            throw new ArgumentException($"'{ProjectId}' is not a Stytch project id: expected project-test-<uuid> or project-live-<uuid>.", nameof(options));
        }

        Secret = options.Secret ?? $"secret-{ids.Environment}-{ids.NewToken()[..36]}";
        if (string.IsNullOrWhiteSpace(Secret) || Secret.Contains(':', StringComparison.Ordinal))
        {
            throw new ArgumentException("A secret must be non-empty and must not contain ':'.", nameof(options));
        }

        Clock = new StytchClock(options.TimeProvider);
        // One seeded stream for everything the project draws: the project id and secret above, then (in this
        // order, at construction, so later ids do not depend on when a key or a fault is first used) the seeds of
        // the name generator and the fault dice and the first signing key's kid; then every other id and code.
        Store = new ProjectStore(new ProjectSettings(ProjectId, live, options.Seed, CheckedRedirectUrls(options.RedirectUrls)), Clock, ids);
        RbacService = new RbacService(Store);
        ConsumerProducts = new ConsumerProducts(Store, RbacService);
        B2BProducts = new B2BProducts(Store, RbacService);
        Seed = new StytchSeeder(this, ids.NewSeed());
        // Deferred: reading the catalogue of endpoints here would build it in the middle of a cold start.
        Faults = new FaultRules(ids.NewSeed(), () => ids.New("fault"), new DeferredSet(() => Http.ProductCatalog.StytchEndpointNames), limits.MaxFaultRulesPerProject);
        Jwts = new SessionJwts(ProjectId, Clock, new SigningKeys(() => ids.New("jwk"), Clock, keys, limits.MaxSigningKeysPerProject));
        Requests = new RequestLog();
        RateLimits = new RateLimiter(Clock, options.RateLimits);
        Users = new ProjectUsers(ConsumerProducts.Users);
        Sessions = new ProjectSessions(ConsumerProducts.Sessions, Jwts.Mint);
        B2B = new ProjectB2B(B2BProducts, Jwts.Mint);
        M2MClients = new M2MClientService(Store);
        M2M = new ProjectM2M(M2MClients);
        Rbac = new ProjectRbac(RbacService, B2BProducts, id => ConsumerProducts.Users.Get(id), Products.Rbac.Wire.RbacPolicyJson.Parse);
        RedirectUrls = new ProjectRedirectUrls(Store);
        Passwords = new ProjectPasswords(Store, ConsumerProducts.Passwords);
        PublicToken = options.PublicToken ?? Products.Frontend.PublicTokens.For(ProjectId);
        if (!Products.Frontend.PublicTokens.IsWellFormed(PublicToken) || PublicToken.Contains("-live-", StringComparison.Ordinal) != live)
        {
            throw new ArgumentException($"'{PublicToken}' is not a public token of this project: expected public-token-{ids.Environment}-<uuid>.", nameof(options));
        }

        try
        {
            Origins = new ProjectOrigins(options.AllowedOrigins, options.AllowLoopbackOrigins);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException("StytchProjectOptions.AllowedOrigins: " + e.Message, nameof(options));
        }
    }

    /// <summary>
    /// The public token Stytch's frontend SDKs authenticate with (<c>publicToken</c> in their options), under
    /// <c>/sdk/v1</c>; kept in snapshots.
    /// </summary>
    public string PublicToken { get; internal set; }

    /// <summary>The browser origins the frontend SDK may call from: <see cref="ProjectOrigins.Set"/>, <see cref="ProjectOrigins.Add"/>.</summary>
    public ProjectOrigins Origins { get; }

    /// <summary>The redirect URLs links are built on: <see cref="ProjectRedirectUrls.All"/>, <see cref="ProjectRedirectUrls.Set"/>, <see cref="ProjectRedirectUrls.Add(RedirectUrl)"/>, <see cref="ProjectRedirectUrls.Remove(string, RedirectUrlType)"/>.</summary>
    public ProjectRedirectUrls RedirectUrls { get; }

    private static IReadOnlyList<RedirectUrl>? CheckedRedirectUrls(IReadOnlyList<RedirectUrl>? urls)
    {
        try
        {
            return urls is null ? null : Core.RedirectUrls.Check(urls);
        }
        catch (StytchException e)
        {
            throw new ArgumentException("StytchProjectOptions.RedirectUrls: " + e.Error.Message, nameof(urls));
        }
    }

    /// <summary>The project id: the Basic auth user name.</summary>
    public string ProjectId { get; }

    /// <summary>The secret: the Basic auth password.</summary>
    public string Secret { get; }

    /// <summary>Whether unknown request fields are refused rather than ignored (<see cref="StytchProjectOptions.StrictFields"/>).</summary>
    public bool StrictFields { get; }

    /// <summary>The project's clock; move it with <see cref="StytchClock.Advance"/>.</summary>
    public StytchClock Clock { get; }

    /// <summary>The codes the project "sent".</summary>
    public Outbox Outbox => Store.Outbox;

    /// <summary>Scripted failures for this project's Stytch calls.</summary>
    public FaultRules Faults { get; }

    /// <summary>The project's rate limits (off unless enabled).</summary>
    public RateLimiter RateLimits { get; }

    /// <summary>The project's latest requests, oldest first, for failure reports.</summary>
    public RequestLog Requests { get; }

    /// <summary>The project's engine state, consumer and B2B, behind its one lock.</summary>
    internal ProjectStore Store { get; }

    /// <summary>The consumer products' engine: users, email OTP, sessions.</summary>
    internal ConsumerProducts ConsumerProducts { get; }

    internal SessionJwts Jwts { get; }

    /// <summary>The B2B products' engine: organizations, members, email OTP, member sessions.</summary>
    internal B2BProducts B2BProducts { get; }

    /// <summary>
    /// Seed data in process: organizations with members, and users, with realistic random names (Bogus) where you
    /// give none; the same project <see cref="StytchProjectOptions.Seed"/> gives the same data.
    /// </summary>
    public StytchSeeder Seed { get; }

    /// <summary>The project's consumer users: <see cref="ProjectUsers.All"/>, <see cref="ProjectUsers.Get"/>, <see cref="ProjectUsers.Create"/>.</summary>
    public ProjectUsers Users { get; }

    /// <summary>The password policy, breached list, user locks and users' passwords: <see cref="ProjectPasswords.Policy"/>, <see cref="ProjectPasswords.AddBreached"/>, <see cref="ProjectPasswords.SetForUser"/>.</summary>
    public ProjectPasswords Passwords { get; }

    /// <summary>The users' sessions: <see cref="ProjectSessions.Of"/>, <see cref="ProjectSessions.Mint"/>, <see cref="ProjectSessions.Revoke"/>.</summary>
    public ProjectSessions Sessions { get; }

    /// <summary>The project's B2B organizations, members and member sessions.</summary>
    public ProjectB2B B2B { get; }

    /// <summary>The M2M clients' engine: clients, secret rotation and the client-credentials grant.</summary>
    internal M2MClientService M2MClients { get; }

    /// <summary>The project's M2M clients: <see cref="ProjectM2M.All"/>, <see cref="ProjectM2M.Get"/>, <see cref="ProjectM2M.Create"/>.</summary>
    public ProjectM2M M2M { get; }

    /// <summary>The project's RBAC policy, organizations' custom roles and users' roles.</summary>
    public ProjectRbac Rbac { get; }

    /// <summary>The RBAC engine: the project's policy, organization and user roles.</summary>
    internal RbacService RbacService { get; }

    /// <summary>
    /// Adds a new signing key; the old one stays in the JWKS until <see cref="RemoveOldSigningKeys"/>. Keys are made on
    /// a background thread shared by the process; this waits for one.
    /// </summary>
    /// <exception cref="StytchException">
    /// The project publishes <see cref="StytchFakeLimits.MaxSigningKeysPerProject"/> keys already (<c>too_many_signing_keys</c>),
    /// or too many rotations are waiting for a key (<c>too_many_key_rotations</c>).
    /// </exception>
    public string RotateSigningKey() => Jwts.Keys.RotateAsync().GetAwaiter().GetResult().Kid;

    /// <summary>Stops publishing every signing key but the newest.</summary>
    public void RemoveOldSigningKeys() => Jwts.Keys.RemoveOld();

    /// <summary>The whole state (users, codes, sessions, outbox, clock, signing keys) as a JSON document.</summary>
    public string ExportSnapshot() => Snapshots.SnapshotJson.Write(this);

    /// <summary>
    /// Replaces the whole state with a document from <see cref="ExportSnapshot"/> (of this or another project)
    /// and sets the clock to its time. Credentials stay this project's.
    /// </summary>
    /// <exception cref="StytchException">The document is malformed (<c>bad_request</c>); nothing changed.</exception>
    /// <exception cref="Exception">
    /// A timer callback threw when the clock moved (see <see cref="StytchClock"/>); the whole snapshot is loaded.
    /// </exception>
    public void ImportSnapshot(string json) => StytchClock.ThrowTimerErrors(ImportSnapshotCollectingErrors(json));

    /// <summary><see cref="ImportSnapshot"/>, returning what timer callbacks threw instead of throwing it.</summary>
    internal IReadOnlyList<Exception> ImportSnapshotCollectingErrors(string json) =>
        Clock.SetCollectingErrors(Snapshots.SnapshotJson.Read(this, json));

    /// <summary>
    /// Writes <see cref="ExportSnapshot"/> to <paramref name="path"/> so that a crash never leaves it half-written: the
    /// document goes to a new file in the same directory, readable by its owner only (it holds private keys and tokens),
    /// is flushed to disk, then renamed over <paramref name="path"/>. Load it back with <see cref="ImportSnapshot"/>.
    /// </summary>
    public Task SaveSnapshotAsync(string path, CancellationToken cancellationToken = default) =>
        Snapshots.SnapshotFile.WriteAsync(path, ExportSnapshot(), cancellationToken: cancellationToken);

    /// <summary>
    /// Forgets every user, organization, member, code, session, message and fault rule, and puts the clock back; credentials
    /// and signing keys stay.
    /// </summary>
    /// <exception cref="Exception">
    /// A timer callback threw when the clock moved back onto the underlying time (see <see cref="StytchClock"/>); the
    /// project is reset all the same.
    /// </exception>
    public void Reset() => StytchClock.ThrowTimerErrors(ResetCollectingErrors());

    /// <summary><see cref="Reset"/>, returning what timer callbacks threw instead of throwing it.</summary>
    internal IReadOnlyList<Exception> ResetCollectingErrors()
    {
        Store.Reset();
        Faults.Clear();
        RateLimits.Clear();
        Requests.Clear();
        // Last, with every part reset: putting the clock back may move it forward and fire timers.
        return Clock.RestoreCollectingErrors();
    }

    /// <summary>True when <paramref name="id"/> is shaped like a Stytch project id.</summary>
    public static bool IsWellFormedProjectId(string id) => Validate.IsId(id, "project");
}

/// <summary>One request the project answered.</summary>
/// <param name="At">When it was answered (wall clock).</param>
/// <param name="Method">The HTTP method; empty for a request the HTTP server could not parse.</param>
/// <param name="Path">The path, percent-decoded once; empty for a request the HTTP server could not parse.</param>
/// <param name="StatusCode">The status answered.</param>
/// <param name="ErrorType">The Stytch error type answered, if any.</param>
/// <param name="RequestId">The <c>request_id</c> answered.</param>
public sealed record RecordedRequest(DateTimeOffset At, string Method, string Path, int StatusCode, string? ErrorType, string RequestId)
{
    /// <summary>
    /// The body fields the fake ignored: ones it does not know (<c>nope</c>, <c>attributes.shoe_size</c>) and path ids
    /// the body repeated with another value. Empty for most requests; a strict project refuses these instead.
    /// </summary>
    public IReadOnlyList<string> IgnoredFields { get; init; } = [];

    /// <summary>
    /// The <c>error_message</c> answered, if any: for a Stytch endpoint the fake does not implement it says so, which
    /// tells a missing feature from a mistyped path.
    /// </summary>
    public string? ErrorMessage { get; init; }
}

/// <summary>
/// The latest requests of a project, bounded so memory stays flat. Every request the fake answers is recorded, routed
/// or not: in the project it reached; failing that (an unknown or unimplemented path, refused credentials, a request
/// the guard refused for its Host, Origin, Content-Type or body) in the project its <c>/_fake/v1/projects/{id}/</c>
/// path names, else the one its Basic credentials name, even with a wrong secret; failing that in the fake's default
/// project, where also go the requests the HTTP server could not parse at all (a NUL in the path, headers too large),
/// without method or path.
/// </summary>
public sealed class RequestLog
{
    private const int Capacity = 200;
    // Lock-free: every request of a project adds here, from many threads at once.
    private readonly System.Collections.Concurrent.ConcurrentQueue<RecordedRequest> _entries = new();

    /// <summary>The requests held, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> All => _entries.ToArray();

    internal void Add(RecordedRequest entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > Capacity && _entries.TryDequeue(out _))
        {
        }
    }

    internal void Clear() => _entries.Clear();
}
