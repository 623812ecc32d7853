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
/// The messages a project "sent", newest first. Nothing is delivered: tests read codes from here.
/// </summary>
public sealed class Outbox
{
    // The project's one lock (see ProjectStore): a reader never sees a message of a change that is not complete.
    private readonly Lock _gate;
    // Oldest first; a linked list so the oldest can be dropped in O(1) once the outbox is full.
    private LinkedList<OutboxMessage> _messages = new();
    private readonly int _capacity;

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

    /// <summary>Messages sent to <paramref name="recipient"/> (an email address, case-insensitive, or a phone number), newest first.</summary>
    public IReadOnlyList<OutboxMessage> For(string recipient) =>
        All.Where(m => IsFor(m, recipient)).ToArray();

    /// <summary>The newest message sent to <paramref name="recipient"/> (an email address or a phone number), or null.</summary>
    public OutboxMessage? FindLatestFor(string recipient)
    {
        lock (_gate)
        {
            for (var node = _messages.Last; node is not null; node = node.Previous)
            {
                if (IsFor(node.Value, recipient))
                {
                    return node.Value;
                }
            }

            return null;
        }
    }

    /// <summary>The newest message sent to <paramref name="recipient"/> (an email address or a phone number).</summary>
    /// <exception cref="InvalidOperationException">Nothing was sent to that recipient.</exception>
    public OutboxMessage LatestFor(string recipient) =>
        FindLatestFor(recipient) ?? throw new InvalidOperationException(
            $"No code was sent to '{recipient}'. The outbox holds messages for: " +
            (All.Count == 0 ? "(nothing)" : string.Join(", ", All.Select(m => m.Recipient).Distinct(StringComparer.OrdinalIgnoreCase))));

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

    private static bool IsFor(OutboxMessage message, string recipient) =>
        string.Equals(message.Recipient, recipient, StringComparison.OrdinalIgnoreCase);
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
