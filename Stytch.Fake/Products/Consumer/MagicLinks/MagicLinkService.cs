using Stytch.Fake.Core;
using Stytch.Fake.Products.Consumer.Sessions;
using Stytch.Fake.Products.Consumer.Users;

namespace Stytch.Fake.Products.Consumer.MagicLinks;

/// <summary>
/// Consumer email magic links (<c>/v1/magic_links/email/*</c>, <c>/v1/magic_links</c>, <c>/v1/magic_links/authenticate</c>):
/// each token is a one-time secret of the project's store keyed by itself, with a <see cref="MagicLinkPayload"/> naming
/// its user, sent through the outbox with its link. Every operation validates first and changes state only when it
/// succeeds, in one transaction.
/// </summary>
/// <remarks>
/// Lifetimes, from the spec's request schemas: login links 60 minutes, signup links one week, invites and embeddable
/// links 60 minutes, each 5..10080 (<c>invalid_expiration</c> otherwise). User states (stytch.com/docs/api/user-states):
/// a new or pending user gets a signup link, an active one a login link, an invited user is pending, and a user who
/// authenticates a link becomes active. Inferred: every token sent stays valid until used or expired (Stytch documents
/// no replacement for links, unlike OTP codes).
/// </remarks>
internal sealed class MagicLinkService
{
    /// <summary>The purpose of consumer magic-link tokens in <see cref="OneTimeSecrets"/>; the subject is the token.</summary>
    public const string Purpose = "magic_link";

    // The link's stytch_token_type (stytch.com/docs/guides/magic-links/email-magic-links/redirect-routing).
    private const string TokenType = "magic_links";
    private const int MinMinutes = 5;
    private const int MaxMinutes = 10_080;
    private const int LoginMinutes = 60;
    private const int SignupMinutes = 10_080;
    private const int InviteMinutes = 60;
    private const int EmbeddedMinutes = 60;

    private readonly ProjectStore _store;
    private readonly UserService _users;
    private readonly SessionService _sessions;

    public MagicLinkService(ProjectStore store, UserService users, SessionService sessions)
    {
        _store = store;
        _users = users;
        _sessions = sessions;
    }

    private bool SandboxEnabled => !_store.Settings.Live;

    /// <summary><c>POST /v1/magic_links/email/login_or_create</c>.</summary>
    public MagicLinkSent LoginOrCreate(string? email, MagicLinkSendOptions options) => SendEmail(email, options, create: true);

    /// <summary><c>POST /v1/magic_links/email/send</c>: existing users only.</summary>
    public MagicLinkSent Send(string? email, MagicLinkSendOptions options) => SendEmail(email, options, create: false);

    /// <summary>
    /// <c>POST /v1/magic_links/email/invite</c>: creates a pending user (or re-invites a pending one) and sends an invite
    /// link. Inferred: an active user cannot be invited (<c>duplicate_email</c>).
    /// </summary>
    public MagicLinkSent Invite(string? email, MagicLinkInviteOptions options)
    {
        var normalized = Validate.Email(email);
        var minutes = Minutes(options.InviteExpirationMinutes, InviteMinutes);
        var locale = Validate.Locale(options.Locale);
        if (SandboxEnabled && normalized == Sandbox.Email)
        {
            return new MagicLinkSent(Sandbox.UserId, Sandbox.EmailId, false);
        }

        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var user = _users.ByEmail(normalized);
            if (user is { Status: not "pending" })
            {
                throw new StytchException(StytchError.DuplicateEmail);
            }

            var url = _store.RedirectUrls.Resolve(RedirectUrlType.Invite, options.InviteMagicLinkUrl, RedirectUrlFields.MagicLinkInvite);
            var created = user is null;
            user ??= _users.Add(normalized, pending: true, now);
            var address = user.EmailOf(normalized)!;
            Issue(user, address, MessageKind.Invite, url, minutes, locale, null, options.Attributes, now, m => m with { InviteTemplateId = options.InviteTemplateId });
            return new MagicLinkSent(user.UserId, address.EmailId, created);
        });
    }

    /// <summary>
    /// <c>POST /v1/magic_links/email/revoke_invite</c>: the invite links stop working and the pending user the invite made
    /// is deleted (inferred; Stytch says only "revoke a pending invite"). No pending invited user with that email is
    /// <c>email_not_found</c> (inferred).
    /// </summary>
    public void RevokeInvite(string? email)
    {
        var normalized = Validate.Email(email);
        if (SandboxEnabled && normalized == Sandbox.Email)
        {
            return;
        }

        _store.Transact(() =>
        {
            var user = _users.ByEmail(normalized);
            var tokens = user is { Status: "pending" } ? TokensOf(user.UserId) : [];
            if (!tokens.Any(t => t.Payload.Kind == MessageKind.Invite))
            {
                throw new StytchException(StytchError.EmailNotFound);
            }

            foreach (var (token, _) in tokens)
            {
                _store.Secrets.Remove(new SecretKey(Purpose, token));
            }

            _users.Delete(user!.UserId);
        });
    }

    /// <summary>
    /// <c>POST /v1/magic_links</c>: an embeddable link's token for a user, sent nowhere. Authenticating it verifies no
    /// email, as Stytch cannot know where the user got it (the operation's description in the spec).
    /// </summary>
    public (string UserId, string Token) Create(string? userId, int? expirationMinutes, RequestAttributes attributes)
    {
        UserService.CheckUserId(userId);
        var minutes = Minutes(expirationMinutes, EmbeddedMinutes);
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var user = _users.Require(userId!);
            var token = _store.Ids.NewToken();
            var payload = new MagicLinkPayload(user.UserId, user.EmailId, MessageKind.Login, null, Embedded: true);
            _store.Secrets.Issue(new SecretKey(Purpose, token), token, now, TimeSpan.FromMinutes(minutes), attributes, payload);
            return (user.UserId, token);
        });
    }

    /// <summary><c>POST /v1/magic_links/authenticate</c>.</summary>
    public MagicLinkAuthenticated Authenticate(MagicLinkAuthenticateCommand command)
    {
        Validate.SessionMinutes(command.SessionDurationMinutes);
        CustomClaims.CheckKeys(command.CustomClaims);

        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var key = new SecretKey(Purpose, command.Token);
            var sandbox = SandboxEnabled ? MagicLinkSandbox.Check(command.Token) : null;
            var payload = sandbox ?? _store.Secrets.Find(key)?.Payload as MagicLinkPayload;
            var user = (payload is null ? null : sandbox is null ? _users.ById(payload.UserId) : _users.ByEmailId(Sandbox.EmailId))
                ?? throw new StytchException(StytchError.MagicLinkNotFound);
            var existing = _sessions.FindToExtend(command.SessionToken, command.SessionId, now);

            // A session that belongs to someone else cannot be extended by this user's link. Checked before the token
            // is used, so a refused call leaves it usable.
            if (existing is not null && existing.UserId != user.UserId)
            {
                throw new StytchException(StytchError.SessionNotFound);
            }

            // Merged (and size-checked) before the token is used, even when no session will carry them.
            var claims = CustomClaims.Merge(existing?.CustomClaims ?? CustomClaims.None, command.CustomClaims);
            if (sandbox is null)
            {
                _store.Secrets.Consume(key, command.Token, now, secret =>
                    {
                        Pkce.Check(payload!.CodeChallenge, command.CodeVerifier);
                        AttributeMatch.Check(secret.Attributes, command.Attributes, command.Options);
                    })
                    .ThrowUnlessConsumed(StytchError.MagicLinkNotFound, StytchError.UnableToAuthMagicLink);
            }

            user.Status = "active";
            if (!payload!.Embedded)
            {
                user.VerifyEmail(payload.EmailId);
            }

            StytchSession? session = null;
            if (existing is not null || command.SessionDurationMinutes is not null)
            {
                var factor = MagicLinkFactor(user, payload, now);
                session = existing is null
                    ? _sessions.Start(user, factor, command.SessionDurationMinutes!.Value, now, command.Attributes, claims)
                    : _sessions.Extend(existing, factor, command.SessionDurationMinutes, now, command.Attributes, claims);
            }

            return new MagicLinkAuthenticated(_users.Public(user), payload.EmailId, session);
        });
    }

    /// <summary>The live tokens of users that still exist, for a snapshot; under the store's lock.</summary>
    public IReadOnlyList<MagicLinkSnapshot> Export() =>
        _store.Secrets.Of(Purpose)
            .Where(p => p.Secret.Payload is MagicLinkPayload payload && _users.ById(payload.UserId) is not null)
            .Select(p => new MagicLinkSnapshot(p.Subject, p.Secret.ExpiresAt, p.Secret.Used, (MagicLinkPayload)p.Secret.Payload!) { Attributes = p.Secret.Attributes })
            .ToArray();

    /// <summary>Puts back a snapshot's tokens into an empty store; under the store's lock.</summary>
    public void Load(IEnumerable<MagicLinkSnapshot> tokens)
    {
        foreach (var link in tokens)
        {
            _store.Secrets.Load(new SecretKey(Purpose, link.Token), new OneTimeSecret(link.Token, link.ExpiresAt, link.Used, link.Attributes) { Payload = link.Payload });
        }
    }

    /// <summary>
    /// The <c>magic_link</c> factor for the user's email, authenticated at <paramref name="now"/>: delivered by
    /// <c>email</c>, or <c>embedded</c> for an embeddable link (the spec's delivery methods; inferred: it names the user's
    /// email too, as the user it logged in).
    /// </summary>
    private static AuthenticationFactor MagicLinkFactor(UserRecord user, MagicLinkPayload payload, DateTimeOffset now) =>
        AuthenticationFactor.Of(
            payload.Embedded ? FactorKind.EmbeddedMagicLink : FactorKind.MagicLink,
            new FactorEmail(payload.EmailId, user.EmailById(payload.EmailId)?.Email ?? ""), null, "", now, now)!;

    private static int Minutes(int? value, int fallback) =>
        Validate.Range(value, MinMinutes, MaxMinutes, fallback, StytchError.InvalidExpiration);

    private MagicLinkSent SendEmail(string? email, MagicLinkSendOptions options, bool create)
    {
        var normalized = Validate.Email(email);
        var loginMinutes = Minutes(options.LoginExpirationMinutes, LoginMinutes);
        var signupMinutes = Minutes(options.SignupExpirationMinutes, SignupMinutes);
        var locale = Validate.Locale(options.Locale);

        // As Stytch's test environment: a 200 with the sandbox user's ids, and nothing sent
        // (stytch.com/docs/guides/testing/sandbox-values).
        if (SandboxEnabled && normalized == Sandbox.Email)
        {
            return new MagicLinkSent(Sandbox.UserId, Sandbox.EmailId, false);
        }

        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var user = _users.ByEmail(normalized);
            if (user is null && !create)
            {
                throw new StytchException(StytchError.EmailNotFound);
            }

            // The URL is resolved before the user is made: a refused URL changes nothing.
            var signup = user is null or { Status: "pending" };
            var url = signup
                ? _store.RedirectUrls.Resolve(RedirectUrlType.Signup, options.SignupMagicLinkUrl, RedirectUrlFields.MagicLinkSignup)
                : _store.RedirectUrls.Resolve(RedirectUrlType.Login, options.LoginMagicLinkUrl, RedirectUrlFields.MagicLinkLogin);
            var created = user is null;
            user ??= _users.Add(normalized, options.CreateUserAsPending, now);
            var address = user.EmailOf(normalized)!;
            Issue(
                user, address, signup ? MessageKind.Signup : MessageKind.Login, url, signup ? signupMinutes : loginMinutes, locale,
                string.IsNullOrEmpty(options.CodeChallenge) ? null : options.CodeChallenge, options.Attributes, now,
                m => m with { LoginTemplateId = options.LoginTemplateId, SignupTemplateId = options.SignupTemplateId });
            return new MagicLinkSent(user.UserId, address.EmailId, created);
        });
    }

    private void Issue(UserRecord user, StytchUserEmail address, MessageKind kind, string url, int minutes, string locale, string? codeChallenge, RequestAttributes attributes, DateTimeOffset now, Func<LinkEmail, LinkEmail> templates) =>
        _store.SendLink(
            Purpose,
            TimeSpan.FromMinutes(minutes),
            templates(new LinkEmail(address.Email, address.EmailId, kind, locale, url, TokenType) { UserId = user.UserId }),
            now,
            attributes,
            new MagicLinkPayload(user.UserId, address.EmailId, kind, codeChallenge, Embedded: false));

    private List<(string Token, MagicLinkPayload Payload)> TokensOf(string userId) =>
        _store.Secrets.Of(Purpose)
            .Where(p => p.Secret.Payload is MagicLinkPayload payload && payload.UserId == userId)
            .Select(p => (p.Subject, (MagicLinkPayload)p.Secret.Payload!))
            .ToList();
}
