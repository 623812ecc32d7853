using Stytch.Fake.Core;

namespace Stytch.Fake.Products.Consumer;

/// <summary>
/// The consumer state machine of one Stytch project: users, their one-time passcodes and their sessions, kept in the
/// project's <see cref="ProjectStore"/>. Every operation validates first and changes state only when it succeeds,
/// in one transaction of the store, so concurrent callers never see or leave a half-done change.
/// </summary>
internal sealed class ProjectState
{
    public const string SandboxEmail = "sandbox@stytch.com";
    public const string SandboxUserId = "user-test-e3795c81-f849-4167-bfda-e4a6e9c280fd";
    public const string SandboxEmailId = "email-test-23873e89-d4ed-4e92-b3b9-e5c7198fa286";
    public const string SandboxCode = "000000";

    /// <summary>The purpose of consumer email OTP codes in <see cref="OneTimeSecrets"/>; the subject is the email id.</summary>
    public const string OtpPurpose = "email_otp";

    private const int DefaultOtpMinutes = 2;
    private static readonly string[] ConsumerRoles = ["stytch_user"];

    private readonly UserTable _users;

    public ProjectState(ProjectStore store)
    {
        Store = store;
        _users = store.Part<UserTable>();
    }

    public ProjectStore Store { get; }
    public ProjectSettings Settings => Store.Settings;
    public StytchClock Clock => Store.Clock;
    public Outbox Outbox => Store.Outbox;
    public IdFactory Ids => Store.Ids;

    private bool SandboxEnabled => !Settings.Live;
    private SessionStore<StytchSession> Sessions => Store.Sessions;

    public int UserCount => Store.Transact(() => _users.Count);

    /// <summary><c>POST /v1/otps/email/login_or_create</c>.</summary>
    public EmailOtpSent LoginOrCreate(string? email, EmailOtpOptions options) => SendCode(email, options, create: true);

    /// <summary><c>POST /v1/otps/email/send</c>: existing users only.</summary>
    public EmailOtpSent Send(string? email, EmailOtpOptions options) => SendCode(email, options, create: false);

    /// <summary><c>POST /v1/otps/authenticate</c>.</summary>
    public OtpAuthenticated Authenticate(OtpAuthenticateCommand command)
    {
        if (!Validate.IsId(command.MethodId, "email"))
        {
            throw new StytchException(StytchError.InvalidMethodId);
        }

        Validate.Code(command.Code);
        Validate.SessionMinutes(command.SessionDurationMinutes);
        CustomClaims.CheckKeys(command.CustomClaims);

        return Store.Transact(() =>
        {
            var now = Clock.Now;
            EnsureSandboxUser(command.MethodId);
            var existing = Sessions.FindToExtend(command.SessionToken, command.SessionId, now);
            var user = _users.ByEmailId(command.MethodId) ?? throw new StytchException(StytchError.OtpCodeNotFound);

            // A session that belongs to someone else cannot be extended by this user's code. Checked
            // before the code is marked used, so a refused call leaves the code usable.
            if (existing is not null && existing.UserId != user.UserId)
            {
                throw new StytchException(StytchError.SessionNotFound);
            }

            // Merged (and size-checked) before the code is used, even when no session will carry them.
            var claims = CustomClaims.Merge(existing?.CustomClaims ?? CustomClaims.None, command.CustomClaims);
            if (user.EmailId == SandboxEmailId && SandboxEnabled)
            {
                if (command.Code != SandboxCode)
                {
                    throw new StytchException(StytchError.OtpCodeNotFound);
                }
            }
            else
            {
                Store.Secrets.Consume(
                    new SecretKey(OtpPurpose, command.MethodId), command.Code, now,
                    otp => AttributeMatch.Check(otp.Attributes, command.Attributes, command.Options))
                    .ThrowUnlessConsumed(StytchError.OtpCodeNotFound, StytchError.UnableToAuthOtpCode);
            }

            user.Status = "active";
            user.EmailVerified = true;

            StytchSession? session = null;
            if (existing is not null || command.SessionDurationMinutes is not null)
            {
                var factor = AuthenticationFactor.EmailOtp(user.EmailId, user.Email, now);
                session = existing is null
                    ? StartSession(user, factor, command.SessionDurationMinutes!.Value, now, command.Attributes, claims)
                    : Sessions.Renew(existing, now, command.SessionDurationMinutes, claims, factor, s => s with
                    {
                        // Inferred: a call that sends attributes records them; one that sends none keeps the earlier ones.
                        Attributes = command.Attributes.IsEmpty ? s.Attributes : command.Attributes,
                    });
            }

            return new OtpAuthenticated(user.ToPublic(), command.MethodId, session);
        });
    }

    /// <summary><c>GET /v1/users/{user_id}</c>.</summary>
    public StytchUser GetUser(string? userId)
    {
        CheckUserId(userId);
        return Store.Transact(() =>
        {
            EnsureSandboxUserById(userId!);
            return RequireUser(userId!).ToPublic();
        });
    }

    /// <summary>Every user, oldest first.</summary>
    public IReadOnlyList<StytchUser> ListUsers() => Store.Transact(() => _users.All.Select(u => u.ToPublic()).ToArray());

    /// <summary><c>DELETE /v1/users/{user_id}</c>: the user, their codes and their sessions go.</summary>
    public string DeleteUser(string? userId)
    {
        CheckUserId(userId);
        return Store.Transact(() =>
        {
            var user = RequireUser(userId!);
            _users.Remove(user);
            Store.Secrets.Remove(new SecretKey(OtpPurpose, user.EmailId));
            Sessions.RemoveOwnedBy(user.UserId);
            return user.UserId;
        });
    }

    /// <summary>Creates a user directly, as a test's seed data; an existing email is refused.</summary>
    public StytchUser CreateUser(string? email, bool pending)
    {
        var normalized = Validate.Email(email);
        return Store.Transact(() =>
        {
            if (_users.ByEmail(normalized) is not null)
            {
                throw new StytchException(StytchError.DuplicateEmail);
            }

            return NewUser(normalized, pending, Clock.Now).ToPublic();
        });
    }

    /// <summary>Starts a session for a user without a code, for tests that only need a logged-in user.</summary>
    public StytchSession MintSession(string? userId, int durationMinutes)
    {
        CheckUserId(userId);
        Validate.SessionMinutes(durationMinutes);
        return Store.Transact(() =>
        {
            var user = RequireUser(userId!);
            var now = Clock.Now;
            return StartSession(user, AuthenticationFactor.EmailOtp(user.EmailId, user.Email, now), durationMinutes, now, RequestAttributes.None, CustomClaims.None);
        });
    }

    /// <summary><c>POST /v1/sessions/authenticate</c> by token or by session id (from a verified JWT).</summary>
    public SessionAuthenticated AuthenticateSession(string? sessionToken, string? sessionId, int? durationMinutes, IReadOnlyDictionary<string, object?>? customClaims = null)
    {
        Validate.SessionMinutes(durationMinutes);
        CustomClaims.CheckKeys(customClaims);
        return Store.Transact(() =>
        {
            var now = Clock.Now;
            var session = Sessions.Find(sessionToken, sessionId, now);
            var updated = Sessions.Renew(session, now, durationMinutes, CustomClaims.Merge(session.CustomClaims, customClaims));
            return new SessionAuthenticated(updated, _users.ById(updated.UserId)!.ToPublic());
        });
    }

    /// <summary><c>POST /v1/sessions/revoke</c>.</summary>
    public void RevokeSession(string? sessionToken, string? sessionId) =>
        Store.Transact(() => Sessions.Remove(Sessions.Find(sessionToken, sessionId, Clock.Now)));

    /// <summary><c>GET /v1/sessions?user_id=</c>: the user's live sessions, oldest first.</summary>
    public IReadOnlyList<StytchSession> ListSessions(string? userId)
    {
        CheckUserId(userId);
        return Store.Transact(() =>
        {
            RequireUser(userId!);
            return Sessions.Live(Clock.Now, userId);
        });
    }

    /// <summary>Every user's live sessions, oldest first (the back door behind the inbox page).</summary>
    public IReadOnlyList<StytchSession> ListLiveSessions() => Store.Transact(() => Sessions.Live(Clock.Now));

    /// <summary>Forgets every user, code, session and message of the project (its B2B state too).</summary>
    public void Reset() => Store.Reset();

    /// <summary>Copies the consumer state out (with the outbox and the clock).</summary>
    public EngineSnapshot Export() => Store.Transact(() => new EngineSnapshot(
        Clock.Now,
        _users.All.Select(u => u.ToPublic()).ToArray(),
        Store.Secrets.Of(OtpPurpose).Select(p => new OtpSnapshot(p.Subject, p.Secret.Value, p.Secret.ExpiresAt, p.Secret.Used) { Attributes = p.Secret.Attributes }).ToArray(),
        Sessions.All(),
        Outbox.All.Reverse().ToArray()));

    /// <summary>
    /// Throws <see cref="ArgumentException"/> when <paramref name="snapshot"/> is inconsistent (duplicate ids or emails,
    /// codes and sessions of unknown users); changes nothing.
    /// </summary>
    public static void Check(EngineSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var users = snapshot.Users;
        var emailIds = users.Select(u => u.EmailId).ToHashSet(StringComparer.Ordinal);
        var userIds = users.Select(u => u.UserId).ToHashSet(StringComparer.Ordinal);
        if (userIds.Count != users.Count || emailIds.Count != users.Count
            || users.Select(u => u.Email).Distinct(StringComparer.Ordinal).Count() != users.Count
            || snapshot.Otps.Any(o => !emailIds.Contains(o.EmailId))
            || snapshot.Sessions.Any(s => !userIds.Contains(s.UserId))
            || snapshot.Sessions.Select(s => s.SessionId).Distinct(StringComparer.Ordinal).Count() != snapshot.Sessions.Count
            || snapshot.Sessions.Any(s => !CustomClaims.IsAcceptable(s.CustomClaims)))
        {
            throw new ArgumentException("The snapshot is inconsistent: duplicate ids or emails, codes and sessions of unknown users, or custom claims a session cannot hold.", nameof(snapshot));
        }
    }

    /// <summary>Replaces the project's whole state with <paramref name="snapshot"/>, after <see cref="Check"/>, in one transaction.</summary>
    public void Import(EngineSnapshot snapshot)
    {
        Check(snapshot);
        Store.Transact(() =>
        {
            Store.Reset();
            Load(snapshot);
        });
    }

    /// <summary>
    /// Adds <paramref name="snapshot"/>'s users, codes, sessions and messages to an empty store; the caller has run
    /// <see cref="Check"/> and holds the transaction. The clock is the caller's to set (to <see cref="EngineSnapshot.Clock"/>),
    /// after the transaction: moving it fires the application's timers.
    /// </summary>
    public void Load(EngineSnapshot snapshot)
    {
        foreach (var user in snapshot.Users)
        {
            _users.Add(UserRecord.From(user));
        }

        foreach (var otp in snapshot.Otps)
        {
            Store.Secrets.Load(new SecretKey(OtpPurpose, otp.EmailId), new OneTimeSecret(otp.Code, otp.ExpiresAt, otp.Used, otp.Attributes));
        }

        foreach (var session in snapshot.Sessions)
        {
            Sessions.Load(session);
        }

        foreach (var message in snapshot.Outbox)
        {
            Outbox.Add(message);
        }
    }

    private EmailOtpSent SendCode(string? email, EmailOtpOptions options, bool create)
    {
        var normalized = Validate.Email(email);
        var minutes = Validate.Range(options.ExpirationMinutes, 1, 10, DefaultOtpMinutes, StytchError.InvalidExpirationOtp);
        var locale = Validate.Locale(options.Locale);
        if (SandboxEnabled && normalized == SandboxEmail)
        {
            return new EmailOtpSent(SandboxUserId, SandboxEmailId, false);
        }

        return Store.Transact(() =>
        {
            var now = Clock.Now;
            var user = _users.ByEmail(normalized);
            var created = false;
            if (user is null)
            {
                if (!create)
                {
                    throw new StytchException(StytchError.EmailNotFound);
                }

                user = NewUser(normalized, options.CreateUserAsPending, now);
                created = true;
            }

            Issue(user, created, options, minutes, locale, now);
            return new EmailOtpSent(user.UserId, user.EmailId, created);
        });
    }

    private void Issue(UserRecord user, bool created, EmailOtpOptions options, int minutes, string locale, DateTimeOffset now)
    {
        var code = Store.Secrets.Issue(new SecretKey(OtpPurpose, user.EmailId), Ids.NewCode(), now, TimeSpan.FromMinutes(minutes), options.Attributes);
        Outbox.Add(new OutboxMessage
        {
            MessageId = Ids.New("message"),
            EmailAddress = user.Email,
            Code = code.Value,
            MethodId = user.EmailId,
            Kind = created || user.Status == "pending" ? OtpKind.Signup : OtpKind.Login,
            UserId = user.UserId,
            Locale = locale,
            LoginTemplateId = NullIfEmpty(options.LoginTemplateId),
            SignupTemplateId = NullIfEmpty(options.SignupTemplateId),
            SentAt = now,
            ExpiresAt = code.ExpiresAt,
        });
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private UserRecord NewUser(string email, bool pending, DateTimeOffset now)
    {
        // The user id before the email id: a seeded project draws them in this order.
        var userId = Ids.New("user");
        var user = new UserRecord(userId, email, Ids.New("email"), pending ? "pending" : "active", now);
        _users.Add(user);
        return user;
    }

    private UserRecord RequireUser(string userId) => _users.ById(userId) ?? throw new StytchException(StytchError.UserNotFound);

    private void EnsureSandboxUser(string methodId)
    {
        if (SandboxEnabled && methodId == SandboxEmailId)
        {
            EnsureSandboxUserById(SandboxUserId);
        }
    }

    // The sandbox user always exists on a test project, as on Stytch's test environment.
    private void EnsureSandboxUserById(string userId)
    {
        if (SandboxEnabled && userId == SandboxUserId && _users.ById(SandboxUserId) is null)
        {
            _users.Add(new UserRecord(SandboxUserId, SandboxEmail, SandboxEmailId, "active", Clock.Now) { EmailVerified = true });
        }
    }

    private static void CheckUserId(string? userId)
    {
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > 128 || userId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '|')))
        {
            throw new StytchException(StytchError.InvalidUserId);
        }
    }

    private StytchSession StartSession(UserRecord user, AuthenticationFactor factor, int minutes, DateTimeOffset now, RequestAttributes attributes, IReadOnlyDictionary<string, object?> claims) =>
        Sessions.Start((id, token) => new StytchSession(id, user.UserId, token, now, now, now.AddMinutes(minutes), [factor], ConsumerRoles)
        {
            Attributes = attributes,
            CustomClaims = claims,
        });
}
