using Stytch.Fake.Core;
using Stytch.Fake.Products.Consumer.EmailOtp;
using Stytch.Fake.Products.Consumer.MagicLinks;
using Stytch.Fake.Products.Consumer.Passwords;
using Stytch.Fake.Products.Consumer.PhoneOtp;
using Stytch.Fake.Products.Consumer.Sessions;
using Stytch.Fake.Products.Consumer.Users;
using Stytch.Fake.Products.Rbac;

namespace Stytch.Fake.Products.Consumer;

/// <summary>
/// The consumer products of one project over its <see cref="ProjectStore"/>: users, email OTP and sessions, and the
/// consumer part of a snapshot.
/// </summary>
internal sealed class ConsumerProducts
{
    private readonly ProjectStore _store;

    /// <param name="store">The project's store.</param>
    /// <param name="rbac">The project's RBAC policies; a store of its own when null (engine tests).</param>
    public ConsumerProducts(ProjectStore store, RbacService? rbac = null)
    {
        _store = store;
        Users = new UserService(store);
        Sessions = new SessionService(store, Users, rbac ?? new RbacService(store));
        EmailOtp = new EmailOtpService(store, Users, Sessions);
        MagicLinks = new MagicLinkService(store, Users, Sessions);
        Passwords = new PasswordService(store, Users, Sessions);
        PhoneOtp = new PhoneOtpService(store, Users, Sessions);
    }

    public UserService Users { get; }

    public SessionService Sessions { get; }

    public EmailOtpService EmailOtp { get; }

    public MagicLinkService MagicLinks { get; }

    public PasswordService Passwords { get; }
    public PhoneOtpService PhoneOtp { get; }

    public ProjectStore Store => _store;

    public Outbox Outbox => _store.Outbox;

    /// <summary>Copies the consumer state out (with the outbox and the clock), in one transaction.</summary>
    public ConsumerSnapshot Export() => _store.Transact(() => new ConsumerSnapshot(
        _store.Clock.Now,
        Users.Export(),
        EmailOtp.Export(),
        _store.Sessions.All(),
        _store.Outbox.All.Reverse().ToArray())
    {
        MagicLinks = MagicLinks.Export(),
        PhoneOtps = PhoneOtp.Export(),
    });

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when <paramref name="snapshot"/> is inconsistent (duplicate ids or emails,
    /// codes and sessions of unknown users); changes nothing.
    /// </summary>
    public static void Check(ConsumerSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var users = snapshot.Users;
        var emails = users.SelectMany(u => u.Emails).ToArray();
        var phones = users.SelectMany(u => u.PhoneNumbers).ToArray();
        var emailIds = emails.Select(e => e.EmailId).ToHashSet(StringComparer.Ordinal);
        var userIds = users.Select(u => u.UserId).ToHashSet(StringComparer.Ordinal);
        var externalIds = users.Where(u => u.ExternalId.Length > 0).Select(u => u.ExternalId).ToArray();
        if (userIds.Count != users.Count || emailIds.Count != emails.Length
            || emails.Select(e => e.Email).Distinct(StringComparer.Ordinal).Count() != emails.Length
            || phones.Select(p => p.PhoneId).Distinct(StringComparer.Ordinal).Count() != phones.Length
            || phones.Select(p => p.PhoneNumber).Distinct(StringComparer.Ordinal).Count() != phones.Length
            || externalIds.Distinct(StringComparer.Ordinal).Count() != externalIds.Length
            || snapshot.Otps.Any(o => !emailIds.Contains(o.EmailId))
            || snapshot.PhoneOtps.Any(o => !phones.Any(p => p.PhoneId == o.PhoneId))
            || snapshot.MagicLinks.Any(l => !users.Any(u => u.UserId == l.Payload.UserId && (u.Emails.Any(e => e.EmailId == l.Payload.EmailId) || (l.Payload.Embedded && l.Payload.EmailId.Length == 0))))
            || snapshot.MagicLinks.Select(l => l.Token).Distinct(StringComparer.Ordinal).Count() != snapshot.MagicLinks.Count
            || snapshot.Sessions.Any(s => !userIds.Contains(s.UserId))
            || snapshot.Sessions.Select(s => s.SessionId).Distinct(StringComparer.Ordinal).Count() != snapshot.Sessions.Count
            || snapshot.Sessions.Any(s => !CustomClaims.IsAcceptable(s.CustomClaims)))
        {
            throw new ArgumentException("The snapshot is inconsistent: duplicate ids, emails, phone numbers, external ids or magic-link tokens, codes, magic links and sessions of unknown users, or custom claims a session cannot hold.", nameof(snapshot));
        }
    }

    /// <summary>Replaces the project's whole state with <paramref name="snapshot"/>, after <see cref="Check"/>, in one transaction.</summary>
    public void Import(ConsumerSnapshot snapshot)
    {
        Check(snapshot);
        _store.Replace(() => Load(snapshot));
    }

    /// <summary>
    /// Adds <paramref name="snapshot"/>'s users, codes, sessions and messages to an empty store; the caller has run
    /// <see cref="Check"/> and holds the transaction. The clock is the caller's to set (to <see cref="ConsumerSnapshot.Clock"/>),
    /// after the transaction: moving it fires the application's timers.
    /// </summary>
    public void Load(ConsumerSnapshot snapshot)
    {
        Users.Load(snapshot.Users);
        EmailOtp.Load(snapshot.Otps);
        MagicLinks.Load(snapshot.MagicLinks);
        PhoneOtp.Load(snapshot.PhoneOtps);
        foreach (var session in snapshot.Sessions)
        {
            _store.Sessions.Load(session);
        }

        foreach (var message in snapshot.Outbox)
        {
            _store.Outbox.Add(message);
        }
    }
}

/// <summary>The newest code issued for one email id, as a snapshot holds it.</summary>
/// <param name="EmailId">The email id the code authenticates.</param>
/// <param name="Code">The six-digit code.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="Used">Whether it was already used.</param>
internal sealed record OtpSnapshot(string EmailId, string Code, DateTimeOffset ExpiresAt, bool Used)
{
    /// <summary>The attributes the code was sent with.</summary>
    public RequestAttributes Attributes { get; init; } = RequestAttributes.None;
}

/// <summary>The consumer state of a project at one instant (with its outbox and clock), to save and load.</summary>
/// <param name="Clock">The project clock when the snapshot was taken; loading sets the clock back to it.</param>
/// <param name="Users">Every user.</param>
/// <param name="Otps">The live code of each email id.</param>
/// <param name="Sessions">Every session.</param>
/// <param name="Outbox">Every message, oldest first.</param>
internal sealed record ConsumerSnapshot(
    DateTimeOffset Clock,
    IReadOnlyList<StytchUser> Users,
    IReadOnlyList<OtpSnapshot> Otps,
    IReadOnlyList<StytchSession> Sessions,
    IReadOnlyList<OutboxMessage> Outbox)
{
    /// <summary>Every magic-link token of a user that exists, used or not.</summary>
    public IReadOnlyList<MagicLinkSnapshot> MagicLinks { get; init; } = [];

    /// <summary>The live SMS and WhatsApp code of each phone id.</summary>
    public IReadOnlyList<PhoneOtpSnapshot> PhoneOtps { get; init; } = [];
}
