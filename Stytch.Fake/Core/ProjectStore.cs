namespace Stytch.Fake.Core;

/// <summary>Settings of one project's engine.</summary>
/// <param name="ProjectId">The project's id.</param>
/// <param name="Live">A live project (ids say <c>-live-</c>).</param>
/// <param name="Seed">Seeds ids and codes, or null for random ones.</param>
/// <param name="RedirectUrls">The redirect URLs it starts with and goes back to on reset; null for a fresh project's.</param>
internal sealed record ProjectSettings(string ProjectId, bool Live, int? Seed, IReadOnlyList<RedirectUrl>? RedirectUrls = null);

/// <summary>State a product keeps in the project's store (its tables), emptied with the rest by <see cref="ProjectStore.Reset"/>.</summary>
internal interface IStorePart
{
    /// <summary>Forgets everything; called under the store's lock.</summary>
    void Clear();
}

/// <summary>
/// The whole engine state of one project, consumer and B2B, behind ONE lock: its id stream, clock, outbox, sessions,
/// one-time secrets and the products' own tables (<see cref="Part{T}"/>). Every operation runs as one
/// <see cref="Transact{T}"/>: it validates, then changes state, so that no caller sees or leaves a half-done change,
/// and a reset or an import replaces consumer and B2B state at once.
/// </summary>
internal sealed class ProjectStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<Type, IStorePart> _parts = [];
    private readonly List<Action<DateTimeOffset>> _sweeps = [];
    private int _depth;

    // ids: the project's one id stream; a store on its own (tests, benchmarks) makes one from the settings' seed.
    public ProjectStore(ProjectSettings settings, StytchClock? clock = null, IdFactory? ids = null)
    {
        Settings = settings;
        Clock = clock ?? new StytchClock();
        Ids = ids ?? new IdFactory(settings.Live, settings.Seed);
        Outbox = new Outbox(_gate);
        Secrets = new OneTimeSecrets();
        RedirectUrls = new RedirectUrls(settings.RedirectUrls);
        Sessions = new SessionStore<StytchSession>(Ids, "session", id => Validate.IsId(id, "session"));
        // A consumer session id (from a consumer JWT) is well formed for the B2B calls, just not a member session's.
        MemberSessions = new SessionStore<MemberSession>(Ids, "member-session", id => Validate.IsId(id, "member-session") || Validate.IsId(id, "session"));
    }

    public ProjectSettings Settings { get; }

    public StytchClock Clock { get; }

    public IdFactory Ids { get; }

    public Outbox Outbox { get; }

    /// <summary>Codes and tokens that work once; only touch under <see cref="Transact{T}"/>.</summary>
    public OneTimeSecrets Secrets { get; }

    /// <summary>The redirect URLs links may be built on; only touch under <see cref="Transact{T}"/>.</summary>
    public RedirectUrls RedirectUrls { get; }

    /// <summary>Consumer sessions; only touch under <see cref="Transact{T}"/>.</summary>
    public SessionStore<StytchSession> Sessions { get; }

    /// <summary>B2B member sessions; only touch under <see cref="Transact{T}"/>.</summary>
    public SessionStore<MemberSession> MemberSessions { get; }

    /// <summary>Runs <paramref name="work"/> under the project's lock (re-entrant: work may call other operations).</summary>
    public T Transact<T>(Func<T> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        lock (_gate)
        {
            Sweep();
            _depth++;
            try
            {
                return work();
            }
            finally
            {
                _depth--;
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> under the project's lock.</summary>
    public void Transact(Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        Transact<bool>(() =>
        {
            work();
            return true;
        });
    }

    /// <summary>
    /// Registers <paramref name="sweep"/>, which drops state that lapses on the clock (it is given the time), to run
    /// at the start of every outermost transaction, so that no operation sees state that should be gone; at
    /// construction. A sweep must not throw.
    /// </summary>
    public void AddSweep(Action<DateTimeOffset> sweep) => Transact(() => _sweeps.Add(sweep));

    // Only the outermost transaction sweeps: a nested one (or one a sweep runs) never sees state go mid-operation.
    private void Sweep()
    {
        if (_depth > 0 || _sweeps.Count == 0)
        {
            return;
        }

        _depth++;
        try
        {
            var now = Clock.Now;
            foreach (var sweep in _sweeps)
            {
                sweep(now);
            }
        }
        finally
        {
            _depth--;
        }
    }

    /// <summary>The product state of type <typeparamref name="T"/>, made on first use; <see cref="Reset"/> empties it.</summary>
    public T Part<T>()
        where T : class, IStorePart, new() =>
        Transact(() =>
        {
            if (!_parts.TryGetValue(typeof(T), out var part))
            {
                part = new T();
                _parts.Add(typeof(T), part);
            }

            return (T)part;
        });

    /// <summary>
    /// Empties the store and runs <paramref name="load"/> (which fills it again, from a snapshot) in the same
    /// transaction: a concurrent reader sees the old state or the new one, never a part of each.
    /// </summary>
    public void Replace(Action load) => Transact(() =>
    {
        Reset();
        load();
    });

    /// <summary>Forgets every user, organization, member, code, session and message, in one step.</summary>
    public void Reset() => Transact(() =>
    {
        Secrets.Clear();
        Sessions.Clear();
        MemberSessions.Clear();
        foreach (var part in _parts.Values)
        {
            part.Clear();
        }

        Outbox.Clear();
        RedirectUrls.Restore();
    });
}
