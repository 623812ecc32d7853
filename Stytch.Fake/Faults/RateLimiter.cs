namespace Stytch.Fake;

/// <summary>A limit of <paramref name="Limit"/> calls per sliding <paramref name="Window"/>.</summary>
/// <param name="Limit">How many calls the window allows.</param>
/// <param name="Window">The window's length, on the project clock.</param>
public sealed record RateLimit(int Limit, TimeSpan Window);

/// <summary>
/// Stytch-like rate limits for a project, off by default. When on, each endpoint has a project-wide
/// window and each (endpoint, email address) pair its own; a call over either answers 429
/// <c>too_many_requests</c> and changes nothing. Windows run on the project clock, so advancing it
/// frees them.
/// </summary>
public sealed class RateLimiter
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _clock;
    private readonly Dictionary<string, Queue<DateTimeOffset>> _calls = new(StringComparer.Ordinal);
    private RateLimit _perEmail = new(10, TimeSpan.FromMinutes(1));
    private RateLimit _perEndpoint = new(1_000, TimeSpan.FromMinutes(1));
    private bool _enabled;

    internal RateLimiter(TimeProvider clock, bool enabled)
    {
        _clock = clock;
        _enabled = enabled;
    }

    /// <summary>Whether limits apply; off by default.</summary>
    public bool Enabled
    {
        get { lock (_gate) { return _enabled; } }
        set { lock (_gate) { _enabled = value; _calls.Clear(); } }
    }

    /// <summary>Calls allowed per endpoint and email address; default 10 a minute.</summary>
    public RateLimit PerEmail
    {
        get { lock (_gate) { return _perEmail; } }
        set { lock (_gate) { _perEmail = Check(value); _calls.Clear(); } }
    }

    /// <summary>Calls allowed per endpoint for the whole project; default 1,000 a minute.</summary>
    public RateLimit PerEndpoint
    {
        get { lock (_gate) { return _perEndpoint; } }
        set { lock (_gate) { _perEndpoint = Check(value); _calls.Clear(); } }
    }

    /// <summary>Forgets every counted call.</summary>
    public void Clear()
    {
        lock (_gate) { _calls.Clear(); }
    }

    /// <summary>Counts a call; false when it is over a limit (and then it is not counted).</summary>
    internal bool TryAcquire(string endpoint, string? emailAddress)
    {
        // Limits are off by default; then no call should queue on the lock.
        if (!Volatile.Read(ref _enabled))
        {
            return true;
        }

        lock (_gate)
        {
            if (!_enabled)
            {
                return true;
            }

            var now = _clock.GetUtcNow();
            var endpointCalls = Window(endpoint, _perEndpoint, now);
            var emailCalls = emailAddress is null ? null : Window(endpoint + "\n" + emailAddress.ToLowerInvariant(), _perEmail, now);
            if (endpointCalls.Count >= _perEndpoint.Limit || (emailCalls is not null && emailCalls.Count >= _perEmail.Limit))
            {
                return false;
            }

            endpointCalls.Enqueue(now);
            emailCalls?.Enqueue(now);
            return true;
        }
    }

    private Queue<DateTimeOffset> Window(string key, RateLimit limit, DateTimeOffset now)
    {
        if (!_calls.TryGetValue(key, out var calls))
        {
            // Keys of windows that have run empty are dropped, so memory follows live traffic only.
            if (_calls.Count > 10_000)
            {
                foreach (var stale in _calls.Where(p => p.Value.Count == 0 || p.Value.Peek() <= now - limit.Window).Select(p => p.Key).ToArray())
                {
                    _calls.Remove(stale);
                }
            }

            calls = new Queue<DateTimeOffset>();
            _calls[key] = calls;
        }

        while (calls.Count > 0 && calls.Peek() <= now - limit.Window)
        {
            calls.Dequeue();
        }

        return calls;
    }

    private static RateLimit Check(RateLimit limit)
    {
        ArgumentNullException.ThrowIfNull(limit);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit.Limit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit.Window, TimeSpan.Zero);
        return limit;
    }
}
