
namespace Stytch.Fake;

/// <summary>What a matching fault rule does to a call.</summary>
public enum FaultAction
{
    /// <summary>Answer with a Stytch error envelope.</summary>
    Error,
    /// <summary>Answer with any status and raw body.</summary>
    Raw,
    /// <summary>Close the connection without an answer.</summary>
    DropConnection,
    /// <summary>Only wait, then answer normally.</summary>
    DelayOnly,
}

/// <summary>
/// One scripted failure: which calls it matches (an endpoint name such as <c>otps.email.login_or_create</c>
/// or <c>*</c>, optionally one email address) and what they get instead of the real answer.
/// </summary>
public sealed record FaultRule
{
    /// <summary>The rule's id, for removing it.</summary>
    public required string Id { get; init; }
    /// <summary>The endpoint name, or <c>*</c> for every Stytch endpoint.</summary>
    public required string Endpoint { get; init; }
    /// <summary>Only calls for this email address (case-insensitive), or null for any.</summary>
    public string? EmailAddress { get; init; }
    /// <summary>What happens.</summary>
    public required FaultAction Action { get; init; }
    /// <summary>The Stytch error answered, for <see cref="FaultAction.Error"/>.</summary>
    public StytchError? Error { get; init; }
    /// <summary>The status answered, for <see cref="FaultAction.Raw"/>.</summary>
    public int StatusCode { get; init; }
    /// <summary>The body answered, for <see cref="FaultAction.Raw"/>.</summary>
    public string? Body { get; init; }
    /// <summary>Added latency before the answer.</summary>
    public TimeSpan Latency { get; init; }
    /// <summary>How many more matching calls it applies to; null for every call.</summary>
    public int? Remaining { get; init; }
    /// <summary>The chance, 0..1, that a matching call is affected; null for always.</summary>
    public double? Probability { get; init; }
}

/// <summary>
/// A project's fault rules, checked before every Stytch call in the order they were added. A faulted call
/// never reaches the engine, so it changes no state. Probabilities draw from a seeded random source, so a
/// run with the same seed and the same calls fails the same way. A project holds at most
/// <see cref="StytchFakeLimits.MaxFaultRulesPerProject"/> rules; finishing one more throws a <see cref="StytchException"/>
/// (<c>too_many_fault_rules</c>).
/// </summary>
public sealed class FaultRules
{
    private readonly Lock _gate = new();
    private readonly List<FaultRule> _rules = [];
    private int _count;
    private readonly Random _random;
    private readonly Func<string> _newId;
    private readonly IReadOnlySet<string> _endpoints;
    private readonly int _maxRules;

    internal FaultRules(int? seed, Func<string> newId, IReadOnlySet<string> endpoints, int maxRules)
    {
        _maxRules = maxRules;
        _random = seed is { } s ? new Random(s) : new Random();
        _newId = newId;
        _endpoints = endpoints;
    }

    /// <summary>The rules in force, in the order they are checked.</summary>
    public IReadOnlyList<FaultRule> All
    {
        get { lock (_gate) { return _rules.ToArray(); } }
    }

    /// <summary>The next <paramref name="times"/> calls to <paramref name="endpoint"/> (or <c>*</c>) are faulted.</summary>
    public FaultRuleBuilder Next(string endpoint, int times = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(times, 1);
        return new FaultRuleBuilder(this, CheckEndpoint(endpoint), times, null);
    }

    /// <summary>Every call to <paramref name="endpoint"/> (or <c>*</c>) is faulted until the rule is removed.</summary>
    public FaultRuleBuilder Always(string endpoint) => new(this, CheckEndpoint(endpoint), null, null);

    /// <summary>Each call to <paramref name="endpoint"/> (or <c>*</c>) is faulted with chance <paramref name="probability"/>.</summary>
    public FaultRuleBuilder Sometimes(string endpoint, double probability)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        return new FaultRuleBuilder(this, CheckEndpoint(endpoint), null, probability);
    }

    /// <summary>Removes one rule; false when no rule has that id.</summary>
    public bool Remove(string id)
    {
        lock (_gate)
        {
            var removed = _rules.RemoveAll(r => r.Id == id) > 0;
            Volatile.Write(ref _count, _rules.Count);
            return removed;
        }
    }

    /// <summary>Removes every rule.</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rules.Clear();
            Volatile.Write(ref _count, 0);
        }
    }

    internal FaultRule Add(FaultRule rule)
    {
        lock (_gate)
        {
            // Every call scans the rules under this lock: the cap keeps that scan short.
            if (_rules.Count >= _maxRules)
            {
                throw new StytchException(LimitErrors.TooManyFaultRules(_maxRules));
            }

            var withId = rule with { Id = _newId() };
            _rules.Add(withId);
            Volatile.Write(ref _count, _rules.Count);
            return withId;
        }
    }

    /// <summary>The first rule that applies to this call, consuming one of its uses; null when none does.</summary>
    internal FaultRule? Match(string endpoint, string? emailAddress)
    {
        // Every Stytch call asks; with no rules (the usual case) it must not queue on the lock.
        if (Volatile.Read(ref _count) == 0)
        {
            return null;
        }

        lock (_gate)
        {
            for (var i = 0; i < _rules.Count; i++)
            {
                var rule = _rules[i];
                if ((rule.Endpoint != "*" && rule.Endpoint != endpoint)
                    || (rule.EmailAddress is not null && !string.Equals(rule.EmailAddress, emailAddress, StringComparison.OrdinalIgnoreCase))
                    || (rule.Probability is { } p && _random.NextDouble() >= p))
                {
                    continue;
                }

                if (rule.Remaining is { } left)
                {
                    if (left <= 1)
                    {
                        _rules.RemoveAt(i);
                        Volatile.Write(ref _count, _rules.Count);
                    }
                    else
                    {
                        _rules[i] = rule with { Remaining = left - 1 };
                    }
                }

                return rule;
            }

            return null;
        }
    }

    internal string CheckEndpoint(string endpoint)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        return endpoint == "*" || _endpoints.Contains(endpoint)
            ? endpoint
            : throw new ArgumentException(
                $"Unknown endpoint '{endpoint}'. Known: *, {string.Join(", ", _endpoints.Order(StringComparer.Ordinal))}.", nameof(endpoint));
    }
}

/// <summary>Finishes a fault rule: say who it applies to, then what happens.</summary>
public sealed class FaultRuleBuilder
{
    private readonly FaultRules _rules;
    private readonly string _endpoint;
    private readonly int? _times;
    private readonly double? _probability;
    private string? _email;
    private TimeSpan _latency;

    internal FaultRuleBuilder(FaultRules rules, string endpoint, int? times, double? probability)
    {
        _rules = rules;
        _endpoint = endpoint;
        _times = times;
        _probability = probability;
    }

    /// <summary>Only calls for this email address.</summary>
    public FaultRuleBuilder ForEmail(string emailAddress)
    {
        _email = emailAddress;
        return this;
    }

    /// <summary>Wait this long before answering (alone: then answer normally).</summary>
    public FaultRuleBuilder WithLatency(TimeSpan latency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(latency, TimeSpan.Zero);
        _latency = latency;
        return this;
    }

    /// <summary>Answer with Stytch's error envelope for <paramref name="error"/>.</summary>
    public FaultRule Fail(StytchError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return Add(FaultAction.Error, e => e with { Error = error, StatusCode = error.StatusCode });
    }

    /// <summary>Answer with any status and raw body.</summary>
    public FaultRule Respond(int statusCode, string body) =>
        Add(FaultAction.Raw, e => e with { StatusCode = statusCode, Body = body });

    /// <summary>Close the connection without answering.</summary>
    public FaultRule DropConnection() => Add(FaultAction.DropConnection, e => e);

    /// <summary>Only add <paramref name="latency"/>, then answer normally.</summary>
    public FaultRule Delay(TimeSpan latency)
    {
        WithLatency(latency);
        return Add(FaultAction.DelayOnly, e => e);
    }

    private FaultRule Add(FaultAction action, Func<FaultRule, FaultRule> complete) =>
        _rules.Add(complete(new FaultRule
        {
            Id = "",
            Endpoint = _endpoint,
            EmailAddress = _email,
            Action = action,
            Latency = _latency,
            Remaining = _times,
            Probability = _probability,
        }));
}
