namespace Stytch.Fake.Engine;

/// <summary>Whether a message carried a login code or a signup code.</summary>
public enum OtpKind
{
    /// <summary>An existing, active user or member logging in.</summary>
    Login,
    /// <summary>A new, pending or invited user or member signing up.</summary>
    Signup,
}

/// <summary>One email the fake "sent": the code, who it went to and how long it is valid.</summary>
/// <param name="MessageId">Unique id of this message.</param>
/// <param name="EmailAddress">The recipient, lower-cased as the engine stores addresses.</param>
/// <param name="Code">The six-digit one-time passcode.</param>
/// <param name="MethodId">The <c>email_id</c> to authenticate the code with.</param>
/// <param name="Kind">Login or signup.</param>
/// <param name="UserId">The consumer user the code is for, or null for a B2B member.</param>
/// <param name="Locale">The requested locale (<c>en</c> when none was given).</param>
/// <param name="LoginTemplateId">The login template requested, if any.</param>
/// <param name="SignupTemplateId">The signup template requested, if any.</param>
/// <param name="SentAt">When the code was issued, on the project clock.</param>
/// <param name="ExpiresAt">When the code stops working, on the project clock.</param>
/// <param name="OrganizationId">The B2B organization the code is for, or null for a consumer user.</param>
/// <param name="MemberId">The B2B member the code is for, or null for a consumer user.</param>
public sealed record OutboxMessage(
    string MessageId,
    string EmailAddress,
    string Code,
    string MethodId,
    OtpKind Kind,
    string? UserId,
    string Locale,
    string? LoginTemplateId,
    string? SignupTemplateId,
    DateTimeOffset SentAt,
    DateTimeOffset ExpiresAt,
    string? OrganizationId = null,
    string? MemberId = null);

/// <summary>
/// The messages a project "sent", newest first. Nothing is delivered: tests read codes from here.
/// </summary>
public sealed class Outbox
{
    private readonly Lock _gate = new();
    // Oldest first; a linked list so the oldest can be dropped in O(1) once the outbox is full.
    private LinkedList<OutboxMessage> _messages = new();
    private readonly int _capacity;

    internal Outbox(int capacity = 10_000)
    {
        _capacity = capacity;
    }

    /// <summary>All messages still held, newest first.</summary>
    public IReadOnlyList<OutboxMessage> All
    {
        get
        {
            lock (_gate)
            {
                var copy = new OutboxMessage[_messages.Count];
                var i = 0;
                for (var node = _messages.Last; node is not null; node = node.Previous)
                {
                    copy[i++] = node.Value;
                }

                return copy;
            }
        }
    }

    /// <summary>Messages sent to <paramref name="emailAddress"/> (case-insensitive), newest first.</summary>
    public IReadOnlyList<OutboxMessage> For(string emailAddress) =>
        All.Where(m => string.Equals(m.EmailAddress, emailAddress, StringComparison.OrdinalIgnoreCase)).ToArray();

    /// <summary>The newest message sent to <paramref name="emailAddress"/>, or null.</summary>
    public OutboxMessage? FindLatestFor(string emailAddress)
    {
        lock (_gate)
        {
            for (var node = _messages.Last; node is not null; node = node.Previous)
            {
                if (string.Equals(node.Value.EmailAddress, emailAddress, StringComparison.OrdinalIgnoreCase))
                {
                    return node.Value;
                }
            }

            return null;
        }
    }

    /// <summary>The newest message sent to <paramref name="emailAddress"/>.</summary>
    /// <exception cref="InvalidOperationException">Nothing was sent to that address.</exception>
    public OutboxMessage LatestFor(string emailAddress) =>
        FindLatestFor(emailAddress) ?? throw new InvalidOperationException(
            $"No code was sent to '{emailAddress}'. The outbox holds messages for: " +
            (All.Count == 0 ? "(nothing)" : string.Join(", ", All.Select(m => m.EmailAddress).Distinct(StringComparer.OrdinalIgnoreCase))));

    /// <summary>Removes every message.</summary>
    public void Clear()
    {
        // A new list rather than Clear(), which walks every node: Reset stays O(1).
        lock (_gate) { _messages = new LinkedList<OutboxMessage>(); }
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
        }
    }
}
