namespace Stytch.Fake;

/// <summary>What a message was sent for; over HTTP its <c>kind</c>, in snake case.</summary>
public enum MessageKind
{
    /// <summary>An existing, active user or member logging in.</summary>
    Login,
    /// <summary>A new, pending or invited user or member signing up.</summary>
    Signup,
    /// <summary>An invitation to a new user or member.</summary>
    Invite,
    /// <summary>A B2B discovery login: one email, then pick or create an organization.</summary>
    Discovery,
    /// <summary>A second factor (a code by SMS) for multi-factor authentication.</summary>
    Mfa,
    /// <summary>A link to reset a password.</summary>
    PasswordReset,
}

/// <summary>How a message was "sent".</summary>
public enum DeliveryChannel
{
    /// <summary>By email, to <see cref="OutboxMessage.EmailAddress"/>.</summary>
    Email,
    /// <summary>By SMS, to <see cref="OutboxMessage.PhoneNumber"/>.</summary>
    Sms,
    /// <summary>By WhatsApp, to <see cref="OutboxMessage.PhoneNumber"/>.</summary>
    WhatsApp,
}

/// <summary>
/// One message the fake "sent": over which channel to whom, what it carried (a code, or a token and its link), what it
/// is for and how long it is valid.
/// </summary>
public sealed record OutboxMessage
{
    /// <summary>Unique id of this message.</summary>
    public required string MessageId { get; init; }
    /// <summary>How it was sent; email unless said otherwise.</summary>
    public DeliveryChannel Channel { get; init; } = DeliveryChannel.Email;
    /// <summary>The email recipient, lower-cased as the engine stores addresses; empty for a message to a phone.</summary>
    public string EmailAddress { get; init; } = "";
    /// <summary>The phone recipient (E.164) of an SMS or WhatsApp message; empty for an email.</summary>
    public string PhoneNumber { get; init; } = "";
    /// <summary>The six-digit one-time passcode; empty for a message that carries a token instead.</summary>
    public string Code { get; init; } = "";
    /// <summary>The token a link carries (magic links, password resets), or null for a message with a code.</summary>
    public string? Token { get; init; }
    /// <summary>The link the recipient would follow, or null for a message with a code.</summary>
    public string? Link { get; init; }
    /// <summary>The id to authenticate with: the <c>email_id</c> (or phone id) the code was sent for.</summary>
    public required string MethodId { get; init; }
    /// <summary>What it was sent for: login, signup, invite, discovery, MFA or a password reset.</summary>
    public required MessageKind Kind { get; init; }
    /// <summary>The consumer user the message is for, or null for a B2B member.</summary>
    public string? UserId { get; init; }
    /// <summary>The requested locale (<c>en</c> when none was given).</summary>
    public string Locale { get; init; } = "en";
    /// <summary>The login template requested, if any.</summary>
    public string? LoginTemplateId { get; init; }
    /// <summary>The signup template requested, if any.</summary>
    public string? SignupTemplateId { get; init; }
    /// <summary>When it was sent, on the project clock.</summary>
    public required DateTimeOffset SentAt { get; init; }
    /// <summary>When what it carries stops working, on the project clock.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
    /// <summary>The B2B organization the message is for, or null for a consumer user.</summary>
    public string? OrganizationId { get; init; }
    /// <summary>The B2B member the message is for, or null for a consumer user.</summary>
    public string? MemberId { get; init; }
    /// <summary>The invite template requested, if any.</summary>
    public string? InviteTemplateId { get; init; }

    /// <summary>Whom it went to: <see cref="EmailAddress"/> for an email, else <see cref="PhoneNumber"/>.</summary>
    public string Recipient => Channel == DeliveryChannel.Email ? EmailAddress : PhoneNumber;
}

/// <summary>
/// The messages a project "sent", newest first. Nothing is delivered: tests read codes and links from here, or wait
/// for the next one with <see cref="WaitForAsync(string, TimeSpan)"/>.
/// </summary>
public sealed class Outbox
{
    // The project's one lock (see ProjectStore): a reader never sees a message of a change that is not complete.
    private readonly Lock _gate;
    // Oldest first; a linked list so the oldest can be dropped in O(1) once the outbox is full.
    private LinkedList<OutboxMessage> _messages = new();
    private readonly int _capacity;
    // Who waits for the next message to whom; only touched under _gate.
    private readonly List<OutboxWaiter> _waiters = [];

    internal Outbox(int capacity = 10_000)
        : this(new Lock(), capacity)
    {
    }

    internal Outbox(Lock gate, int capacity = 10_000)
    {
        _gate = gate;
        _capacity = capacity;
    }

    /// <summary>All messages still held, newest first.</summary>
    public IReadOnlyList<OutboxMessage> All => Where(_ => true);

    /// <summary>Messages sent to <paramref name="recipient"/> (an email address, case-insensitive, or a phone number), newest first.</summary>
    public IReadOnlyList<OutboxMessage> For(string recipient) => Where(m => IsFor(m, recipient));

    /// <summary>Messages of <paramref name="kind"/> sent to <paramref name="recipient"/> (an email address or a phone number), newest first.</summary>
    public IReadOnlyList<OutboxMessage> For(string recipient, MessageKind kind) => Where(m => m.Kind == kind && IsFor(m, recipient));

    /// <summary>The newest message sent to <paramref name="recipient"/> (an email address or a phone number), or null.</summary>
    public OutboxMessage? FindLatestFor(string recipient) => Newest(m => IsFor(m, recipient));

    /// <summary>The newest message of <paramref name="kind"/> sent to <paramref name="recipient"/>, or null.</summary>
    public OutboxMessage? FindLatestFor(string recipient, MessageKind kind) => Newest(m => m.Kind == kind && IsFor(m, recipient));

    /// <summary>The newest message sent to <paramref name="recipient"/> (an email address or a phone number).</summary>
    /// <exception cref="InvalidOperationException">Nothing was sent to that recipient.</exception>
    public OutboxMessage LatestFor(string recipient) =>
        FindLatestFor(recipient) ?? throw NothingSent($"No message was sent to '{recipient}'.");

    /// <summary>The newest message of <paramref name="kind"/> sent to <paramref name="recipient"/> (an email address or a phone number).</summary>
    /// <exception cref="InvalidOperationException">No message of that kind was sent to that recipient.</exception>
    public OutboxMessage LatestFor(string recipient, MessageKind kind) =>
        FindLatestFor(recipient, kind) ?? throw NothingSent($"No {MessageKindNames.Of(kind)} message was sent to '{recipient}'.");

    /// <summary>
    /// Waits for the next message to <paramref name="recipient"/> (an email address, case-insensitive, or a phone
    /// number): one sent after this call, not one already in the outbox. Nothing polls; the send completes the wait.
    /// </summary>
    /// <param name="recipient">The email address or phone number.</param>
    /// <param name="timeout">How long to wait, in real time (the project clock does not move it); or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <exception cref="TimeoutException">No such message arrived within <paramref name="timeout"/>.</exception>
    public Task<OutboxMessage> WaitForAsync(string recipient, TimeSpan timeout) =>
        WaitAsync(recipient, null, timeout, CancellationToken.None);

    /// <inheritdoc cref="WaitForAsync(string, TimeSpan)"/>
    /// <param name="recipient">The email address or phone number.</param>
    /// <param name="timeout">How long to wait, in real time (the project clock does not move it); or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<OutboxMessage> WaitForAsync(string recipient, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitAsync(recipient, null, timeout, cancellationToken);

    /// <summary>
    /// Waits for the next message of <paramref name="kind"/> to <paramref name="recipient"/>: one sent after this call.
    /// </summary>
    /// <param name="recipient">The email address or phone number.</param>
    /// <param name="kind">The kind of message to wait for; others to the same recipient are passed over.</param>
    /// <param name="timeout">How long to wait, in real time; or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <exception cref="TimeoutException">No such message arrived within <paramref name="timeout"/>.</exception>
    public Task<OutboxMessage> WaitForAsync(string recipient, MessageKind kind, TimeSpan timeout) =>
        WaitAsync(recipient, kind, timeout, CancellationToken.None);

    /// <summary>
    /// Waits for the next message of <paramref name="kind"/> to <paramref name="recipient"/>: one sent after this call.
    /// </summary>
    /// <param name="recipient">The email address or phone number.</param>
    /// <param name="kind">The kind of message to wait for; others to the same recipient are passed over.</param>
    /// <param name="timeout">How long to wait, in real time; or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">Stops the wait.</param>
    /// <exception cref="TimeoutException">No such message arrived within <paramref name="timeout"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<OutboxMessage> WaitForAsync(string recipient, MessageKind kind, TimeSpan timeout, CancellationToken cancellationToken) =>
        WaitAsync(recipient, kind, timeout, cancellationToken);

    /// <summary>Removes every message. Waits under way go on waiting for the next one.</summary>
    public void Clear()
    {
        // A new list rather than Clear(), which walks every node: Reset stays O(1).
        lock (_gate) { _messages = new LinkedList<OutboxMessage>(); }
    }

    /// <summary>How many waits are under way (for tests: a wait that ends leaves nothing behind).</summary>
    internal int WaiterCount
    {
        get
        {
            lock (_gate) { return _waiters.Count; }
        }
    }

    /// <summary>The messages <paramref name="match"/> keeps, newest first.</summary>
    internal IReadOnlyList<OutboxMessage> Where(Func<OutboxMessage, bool> match)
    {
        lock (_gate)
        {
            var found = new List<OutboxMessage>();
            for (var node = _messages.Last; node is not null; node = node.Previous)
            {
                if (match(node.Value))
                {
                    found.Add(node.Value);
                }
            }

            return found;
        }
    }

    /// <summary>
    /// Waits for the next message <paramref name="match"/> keeps. <paramref name="describe"/> says what was awaited,
    /// for the <see cref="TimeoutException"/>.
    /// </summary>
    internal async Task<OutboxMessage> WaitAsync(Func<OutboxMessage, bool> match, string describe, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (timeout != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(timeout, TimeSpan.Zero);
        }

        // Continuations run on the thread pool, not inside Add, which holds the project's lock.
        var waiter = new OutboxWaiter(match, new TaskCompletionSource<OutboxMessage>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_gate) { _waiters.Add(waiter); }

        try
        {
            // A timer and a registration, no thread: many waits cost little.
            return await waiter.Arrived.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No message {describe} arrived within {timeout.TotalMilliseconds:0} ms.");
        }
        finally
        {
            lock (_gate) { _waiters.Remove(waiter); }
        }
    }

    internal void Add(OutboxMessage message)
    {
        lock (_gate)
        {
            // Bounded so that a long-running server does not grow without limit; the oldest go first.
            while (_messages.Count >= _capacity)
            {
                _messages.RemoveFirst();
            }

            _messages.AddLast(message);
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Match(message) && _waiters[i].Arrived.TrySetResult(message))
                {
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    /// <summary>Whether <paramref name="message"/> went to <paramref name="recipient"/> (email addresses without regard to case).</summary>
    internal static bool IsFor(OutboxMessage message, string recipient) =>
        string.Equals(message.Recipient, recipient, StringComparison.OrdinalIgnoreCase);

    private Task<OutboxMessage> WaitAsync(string recipient, MessageKind? kind, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        var describe = kind is { } k ? $"of kind {MessageKindNames.Of(k)} to '{recipient}'" : $"to '{recipient}'";
        return WaitAsync(m => (kind is null || m.Kind == kind) && IsFor(m, recipient), describe, timeout, cancellationToken);
    }

    private OutboxMessage? Newest(Func<OutboxMessage, bool> match)
    {
        lock (_gate)
        {
            for (var node = _messages.Last; node is not null; node = node.Previous)
            {
                if (match(node.Value))
                {
                    return node.Value;
                }
            }

            return null;
        }
    }

    private InvalidOperationException NothingSent(string what) => new(
        what + " The outbox holds messages for: " +
        (All.Count == 0 ? "(nothing)" : string.Join(", ", All.Select(m => $"{m.Recipient} ({MessageKindNames.Of(m.Kind)})").Distinct(StringComparer.OrdinalIgnoreCase))));

    private sealed record OutboxWaiter(Func<OutboxMessage, bool> Match, TaskCompletionSource<OutboxMessage> Arrived);
}

/// <summary>The snake-case names of <see cref="MessageKind"/>, as the outbox and snapshots write them.</summary>
internal static class MessageKindNames
{
    private static readonly (MessageKind Kind, string Name)[] Names =
    [
        (MessageKind.Login, "login"), (MessageKind.Signup, "signup"), (MessageKind.Invite, "invite"),
        (MessageKind.Discovery, "discovery"), (MessageKind.Mfa, "mfa"), (MessageKind.PasswordReset, "password_reset"),
    ];

    /// <summary>The name of <paramref name="kind"/>, e.g. <c>password_reset</c>.</summary>
    public static string Of(MessageKind kind) => Array.Find(Names, n => n.Kind == kind).Name;

    /// <summary>The kind named <paramref name="name"/> (exact, lower case), if any.</summary>
    public static bool TryParse(string? name, out MessageKind kind)
    {
        foreach (var (k, n) in Names)
        {
            if (string.Equals(n, name, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Every name, in declaration order, for error messages.</summary>
    public static string All => string.Join(", ", Names.Select(n => n.Name));
}
