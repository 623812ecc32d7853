namespace Stytch.Fake.Engine;

/// <summary>Settings of one project's engine.</summary>
internal sealed record ProjectSettings(string ProjectId, bool Live, int? Seed);

/// <summary>
/// The state machine of one Stytch project: users, their one-time passcodes and their sessions.
/// Every operation validates first and changes state only when it succeeds, under one lock, so
/// concurrent callers never see or leave a half-done change.
/// </summary>
internal sealed class ProjectState
{
    public const string SandboxEmail = "sandbox@stytch.com";
    public const string SandboxUserId = "user-test-e3795c81-f849-4167-bfda-e4a6e9c280fd";
    public const string SandboxEmailId = "email-test-23873e89-d4ed-4e92-b3b9-e5c7198fa286";
    public const string SandboxCode = "000000";

    private const int DefaultOtpMinutes = 2;
    private static readonly string[] ConsumerRoles = ["stytch_user"];

    private readonly Lock _gate = new();
    private readonly Dictionary<string, UserRecord> _usersById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserRecord> _usersByEmail = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UserRecord> _usersByEmailId = new(StringComparer.Ordinal);
    // Only the newest code per email id is kept: a new send replaces (and so invalidates) the old one.
    private readonly Dictionary<string, OtpRecord> _otpsByEmailId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StytchSession> _sessionsById = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _sessionIdsByToken = new(StringComparer.Ordinal);

    // ids: the project's one id stream; a state on its own (tests, benchmarks) makes one from the settings' seed.
    public ProjectState(ProjectSettings settings, StytchClock clock, Outbox outbox, IdFactory? ids = null)
    {
        Settings = settings;
        Clock = clock;
        Outbox = outbox;
        Ids = ids ?? new IdFactory(settings.Live, settings.Seed);
    }

    public ProjectSettings Settings { get; }
    public StytchClock Clock { get; }
    public Outbox Outbox { get; }
    public IdFactory Ids { get; }

    private bool SandboxEnabled => !Settings.Live;

    public int UserCount
    {
        get { lock (_gate) { return _usersById.Count; } }
    }

    /// <summary><c>POST /v1/otps/email/login_or_create</c>.</summary>
    public EmailOtpSent LoginOrCreate(string? email, EmailOtpOptions options)
    {
        var normalized = Validate.Email(email);
        var (minutes, locale) = CheckOtpOptions(options);
        if (SandboxEnabled && normalized == SandboxEmail)
        {
            return SandboxSend();
        }

        lock (_gate)
        {
            var now = Clock.Now;
            var created = false;
            if (!_usersByEmail.TryGetValue(normalized, out var user))
            {
                user = new UserRecord(Ids.New("user"), normalized, Ids.New("email"), options.CreateUserAsPending ? "pending" : "active", now);
                AddUser(user);
                created = true;
            }

            Issue(user, created, options, minutes, locale, now);
            return new EmailOtpSent(user.UserId, user.EmailId, created);
        }
    }

    /// <summary><c>POST /v1/otps/email/send</c>: existing users only.</summary>
    public EmailOtpSent Send(string? email, EmailOtpOptions options)
    {
        var normalized = Validate.Email(email);
        var (minutes, locale) = CheckOtpOptions(options);
        if (SandboxEnabled && normalized == SandboxEmail)
        {
            return SandboxSend();
        }

        lock (_gate)
        {
            if (!_usersByEmail.TryGetValue(normalized, out var user))
            {
                throw new StytchException(StytchError.EmailNotFound);
            }

            Issue(user, created: false, options, minutes, locale, Clock.Now);
            return new EmailOtpSent(user.UserId, user.EmailId, false);
        }
    }

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

        lock (_gate)
        {
            var now = Clock.Now;
            EnsureSandboxUser(command.MethodId);
            var existing = FindSessionToExtend(command.SessionToken, command.SessionId, now);
            var user = _usersByEmailId.GetValueOrDefault(command.MethodId)
                ?? throw new StytchException(StytchError.OtpCodeNotFound);

            // A session that belongs to someone else cannot be extended by this user's code. Checked
            // before the code is marked used, so a refused call leaves the code usable.
            if (existing is not null && existing.UserId != user.UserId)
            {
                throw new StytchException(StytchError.SessionNotFound);
            }

            // Merged (and size-checked) before the code is used, even when no session will carry them.
            var claims = CustomClaims.Merge(existing?.CustomClaims ?? CustomClaims.None, command.CustomClaims);
            var isSandbox = user.EmailId == SandboxEmailId && SandboxEnabled;
            if (isSandbox)
            {
                if (command.Code != SandboxCode)
                {
                    throw new StytchException(StytchError.OtpCodeNotFound);
                }
            }
            else
            {
                if (!_otpsByEmailId.TryGetValue(command.MethodId, out var otp) || otp.Code != command.Code)
                {
                    throw new StytchException(StytchError.OtpCodeNotFound);
                }

                if (otp.Used || now >= otp.ExpiresAt)
                {
                    throw new StytchException(StytchError.UnableToAuthOtpCode);
                }

                AttributeMatch.Check(otp.Attributes, command.Attributes, command.Options);

                // Kept, marked used, so that a retry of the same code reads as "already used" (401).
                _otpsByEmailId[command.MethodId] = otp with { Used = true };
            }

            user.Status = "active";
            user.EmailVerified = true;

            StytchSession? session = null;
            if (existing is not null || command.SessionDurationMinutes is not null)
            {
                var factor = new AuthenticationFactor("otp", "email", user.EmailId, user.Email, now, now);
                session = existing is null
                    ? StartSession(user, factor, command.SessionDurationMinutes!.Value, now, command.Attributes, claims)
                    : ExtendSession(existing, factor, command.SessionDurationMinutes, now, command.Attributes, claims);
            }

            return new OtpAuthenticated(user.ToPublic(), command.MethodId, session);
        }
    }

    /// <summary><c>GET /v1/users/{user_id}</c>.</summary>
    public StytchUser GetUser(string? userId)
    {
        CheckUserId(userId);
        lock (_gate)
        {
            EnsureSandboxUserById(userId!);
            return _usersById.TryGetValue(userId!, out var user)
                ? user.ToPublic()
                : throw new StytchException(StytchError.UserNotFound);
        }
    }

    /// <summary>Every user, oldest first.</summary>
    public IReadOnlyList<StytchUser> ListUsers()
    {
        lock (_gate)
        {
            return _usersById.Values.OrderBy(u => u.CreatedAt).Select(u => u.ToPublic()).ToArray();
        }
    }

    /// <summary><c>DELETE /v1/users/{user_id}</c>: the user, their codes and their sessions go.</summary>
    public string DeleteUser(string? userId)
    {
        CheckUserId(userId);
        lock (_gate)
        {
            if (!_usersById.Remove(userId!, out var user))
            {
                throw new StytchException(StytchError.UserNotFound);
            }

            _usersByEmail.Remove(user.Email);
            _usersByEmailId.Remove(user.EmailId);
            _otpsByEmailId.Remove(user.EmailId);
            foreach (var session in _sessionsById.Values.Where(s => s.UserId == user.UserId).ToArray())
            {
                RemoveSession(session);
            }

            return user.UserId;
        }
    }

    /// <summary>Creates a user directly, as a test's seed data; an existing email is refused.</summary>
    public StytchUser CreateUser(string? email, bool pending)
    {
        var normalized = Validate.Email(email);
        lock (_gate)
        {
            if (_usersByEmail.ContainsKey(normalized))
            {
                throw new StytchException(StytchError.DuplicateEmail);
            }

            var user = new UserRecord(Ids.New("user"), normalized, Ids.New("email"), pending ? "pending" : "active", Clock.Now);
            AddUser(user);
            return user.ToPublic();
        }
    }

    /// <summary>Starts a session for a user without a code, for tests that only need a logged-in user.</summary>
    public StytchSession MintSession(string? userId, int durationMinutes)
    {
        CheckUserId(userId);
        Validate.SessionMinutes(durationMinutes);
        lock (_gate)
        {
            var user = _usersById.GetValueOrDefault(userId!) ?? throw new StytchException(StytchError.UserNotFound);
            var now = Clock.Now;
            var factor = new AuthenticationFactor("otp", "email", user.EmailId, user.Email, now, now);
            return StartSession(user, factor, durationMinutes, now, RequestAttributes.None, CustomClaims.None);
        }
    }

    /// <summary><c>POST /v1/sessions/authenticate</c> by token or by session id (from a verified JWT).</summary>
    public SessionAuthenticated AuthenticateSession(string? sessionToken, string? sessionId, int? durationMinutes, IReadOnlyDictionary<string, object?>? customClaims = null)
    {
        Validate.SessionMinutes(durationMinutes);
        CustomClaims.CheckKeys(customClaims);
        lock (_gate)
        {
            var now = Clock.Now;
            var session = FindSession(sessionToken, sessionId, now);
            var updated = session with
            {
                LastAccessedAt = now,
                ExpiresAt = durationMinutes is { } m ? now.AddMinutes(m) : session.ExpiresAt,
                CustomClaims = CustomClaims.Merge(session.CustomClaims, customClaims),
            };
            _sessionsById[updated.SessionId] = updated;
            return new SessionAuthenticated(updated, _usersById[updated.UserId].ToPublic());
        }
    }

    /// <summary><c>POST /v1/sessions/revoke</c>.</summary>
    public void RevokeSession(string? sessionToken, string? sessionId)
    {
        lock (_gate)
        {
            RemoveSession(FindSession(sessionToken, sessionId, Clock.Now));
        }
    }

    /// <summary><c>GET /v1/sessions?user_id=</c>: the user's live sessions, oldest first.</summary>
    public IReadOnlyList<StytchSession> ListSessions(string? userId)
    {
        CheckUserId(userId);
        lock (_gate)
        {
            if (!_usersById.ContainsKey(userId!))
            {
                throw new StytchException(StytchError.UserNotFound);
            }

            var now = Clock.Now;
            return _sessionsById.Values
                .Where(s => s.UserId == userId && s.ExpiresAt > now)
                .OrderBy(s => s.StartedAt)
                .ToArray();
        }
    }

    /// <summary>Every user's live sessions, oldest first (the back door behind the inbox page).</summary>
    public IReadOnlyList<StytchSession> ListLiveSessions()
    {
        lock (_gate)
        {
            var now = Clock.Now;
            return _sessionsById.Values.Where(s => s.ExpiresAt > now).OrderBy(s => s.StartedAt).ToArray();
        }
    }

    /// <summary>Forgets every user, code and session; the outbox is cleared too.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _usersById.Clear();
            _usersByEmail.Clear();
            _usersByEmailId.Clear();
            _otpsByEmailId.Clear();
            _sessionsById.Clear();
            _sessionIdsByToken.Clear();
        }

        Outbox.Clear();
    }

    /// <summary>Copies the whole state out.</summary>
    public EngineSnapshot Export()
    {
        lock (_gate)
        {
            return new EngineSnapshot(
                Clock.Now,
                _usersById.Values.OrderBy(u => u.CreatedAt).Select(u => u.ToPublic()).ToArray(),
                _otpsByEmailId.Select(p => new OtpSnapshot(p.Key, p.Value.Code, p.Value.ExpiresAt, p.Value.Used) { Attributes = p.Value.Attributes }).ToArray(),
                _sessionsById.Values.OrderBy(s => s.StartedAt).ToArray(),
                Outbox.All.Reverse().ToArray());
        }
    }

    /// <summary>
    /// Replaces the whole state with <paramref name="snapshot"/>. The snapshot is checked first (unique ids and
    /// emails, codes and sessions of known users), so a bad one changes nothing. The clock is the caller's to set
    /// (to <see cref="EngineSnapshot.Clock"/>), after the lock is released: moving it fires the application's timers.
    /// </summary>
    public void Import(EngineSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var users = snapshot.Users.Select(u => new UserRecord(u.UserId, u.Email, u.EmailId, u.Status, u.CreatedAt) { EmailVerified = u.EmailVerified }).ToArray();
        var emailIds = users.Select(u => u.EmailId).ToHashSet(StringComparer.Ordinal);
        var userIds = users.Select(u => u.UserId).ToHashSet(StringComparer.Ordinal);
        if (userIds.Count != users.Length || emailIds.Count != users.Length
            || users.Select(u => u.Email).Distinct(StringComparer.Ordinal).Count() != users.Length
            || snapshot.Otps.Any(o => !emailIds.Contains(o.EmailId))
            || snapshot.Sessions.Any(s => !userIds.Contains(s.UserId))
            || snapshot.Sessions.Select(s => s.SessionId).Distinct(StringComparer.Ordinal).Count() != snapshot.Sessions.Count
            || snapshot.Sessions.Any(s => !CustomClaims.IsAcceptable(s.CustomClaims)))
        {
            throw new ArgumentException("The snapshot is inconsistent: duplicate ids or emails, codes and sessions of unknown users, or custom claims a session cannot hold.", nameof(snapshot));
        }

        lock (_gate)
        {
            Reset();
            foreach (var user in users)
            {
                AddUser(user);
            }

            foreach (var otp in snapshot.Otps)
            {
                _otpsByEmailId[otp.EmailId] = new OtpRecord(otp.Code, otp.ExpiresAt, otp.Used, otp.Attributes);
            }

            foreach (var session in snapshot.Sessions)
            {
                _sessionsById[session.SessionId] = session;
                _sessionIdsByToken[session.SessionToken] = session.SessionId;
            }

            foreach (var message in snapshot.Outbox)
            {
                Outbox.Add(message);
            }
        }
    }

    private static (int Minutes, string Locale) CheckOtpOptions(EmailOtpOptions options) =>
        (Validate.Range(options.ExpirationMinutes, 1, 10, DefaultOtpMinutes, StytchError.InvalidExpirationOtp),
         Validate.Locale(options.Locale));

    private static EmailOtpSent SandboxSend() => new(SandboxUserId, SandboxEmailId, false);

    private void Issue(UserRecord user, bool created, EmailOtpOptions options, int minutes, string locale, DateTimeOffset now)
    {
        var code = Ids.NewCode();
        var expires = now.AddMinutes(minutes);
        _otpsByEmailId[user.EmailId] = new OtpRecord(code, expires, Used: false, options.Attributes);
        var kind = created || user.Status == "pending" ? OtpKind.Signup : OtpKind.Login;
        Outbox.Add(new OutboxMessage(
            Ids.New("message"), user.Email, code, user.EmailId, kind, user.UserId, locale,
            NullIfEmpty(options.LoginTemplateId), NullIfEmpty(options.SignupTemplateId), now, expires));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private void AddUser(UserRecord user)
    {
        _usersById.Add(user.UserId, user);
        _usersByEmail.Add(user.Email, user);
        _usersByEmailId.Add(user.EmailId, user);
    }

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
        if (SandboxEnabled && userId == SandboxUserId && !_usersById.ContainsKey(SandboxUserId))
        {
            AddUser(new UserRecord(SandboxUserId, SandboxEmail, SandboxEmailId, "active", Clock.Now) { EmailVerified = true });
        }
    }

    private static void CheckUserId(string? userId)
    {
        if (string.IsNullOrWhiteSpace(userId) || userId.Length > 128 || userId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '|')))
        {
            throw new StytchException(StytchError.InvalidUserId);
        }
    }

    private StytchSession? FindSessionToExtend(string? token, string? sessionId, DateTimeOffset now) =>
        string.IsNullOrEmpty(token) && string.IsNullOrEmpty(sessionId) ? null : FindSession(token, sessionId, now);

    private StytchSession FindSession(string? token, string? sessionId, DateTimeOffset now)
    {
        string? id = sessionId;
        if (!string.IsNullOrEmpty(token))
        {
            if (!Validate.IsSessionToken(token))
            {
                throw new StytchException(StytchError.InvalidSessionToken);
            }

            id = _sessionIdsByToken.GetValueOrDefault(token);
        }
        else if (!string.IsNullOrEmpty(sessionId) && !Validate.IsId(sessionId, "session"))
        {
            throw new StytchException(StytchError.InvalidSessionId);
        }

        if (id is null || !_sessionsById.TryGetValue(id, out var session))
        {
            throw new StytchException(StytchError.SessionNotFound);
        }

        if (session.ExpiresAt <= now)
        {
            RemoveSession(session);
            throw new StytchException(StytchError.SessionNotFound);
        }

        return session;
    }

    private StytchSession StartSession(UserRecord user, AuthenticationFactor factor, int minutes, DateTimeOffset now, RequestAttributes attributes, IReadOnlyDictionary<string, object?> claims)
    {
        var session = new StytchSession(
            Ids.New("session"), user.UserId, Ids.NewToken(), now, now, now.AddMinutes(minutes), [factor], ConsumerRoles)
        {
            Attributes = attributes,
            CustomClaims = claims,
        };
        _sessionsById.Add(session.SessionId, session);
        _sessionIdsByToken.Add(session.SessionToken, session.SessionId);
        return session;
    }

    private StytchSession ExtendSession(StytchSession session, AuthenticationFactor factor, int? minutes, DateTimeOffset now, RequestAttributes attributes, IReadOnlyDictionary<string, object?> claims)
    {
        var factors = session.AuthenticationFactors
            .Where(f => !(f.Type == factor.Type && f.DeliveryMethod == factor.DeliveryMethod && f.EmailId == factor.EmailId))
            .ToList();
        var previous = session.AuthenticationFactors.FirstOrDefault(f => f.Type == factor.Type && f.EmailId == factor.EmailId);
        factors.Add(previous is null ? factor : factor with { CreatedAt = previous.CreatedAt });
        var updated = session with
        {
            LastAccessedAt = now,
            ExpiresAt = minutes is { } m ? now.AddMinutes(m) : session.ExpiresAt,
            AuthenticationFactors = factors,
            // Inferred: a call that sends attributes records them; one that sends none keeps the earlier ones.
            Attributes = attributes.IsEmpty ? session.Attributes : attributes,
            CustomClaims = claims,
        };
        _sessionsById[updated.SessionId] = updated;
        return updated;
    }

    private void RemoveSession(StytchSession session)
    {
        _sessionsById.Remove(session.SessionId);
        _sessionIdsByToken.Remove(session.SessionToken);
    }

    private sealed record OtpRecord(string Code, DateTimeOffset ExpiresAt, bool Used, RequestAttributes Attributes);

    private sealed class UserRecord(string userId, string email, string emailId, string status, DateTimeOffset createdAt)
    {
        public string UserId { get; } = userId;
        public string Email { get; } = email;
        public string EmailId { get; } = emailId;
        public string Status { get; set; } = status;
        public bool EmailVerified { get; set; }
        public DateTimeOffset CreatedAt { get; } = createdAt;

        public StytchUser ToPublic() => new(UserId, Email, EmailId, EmailVerified, Status, CreatedAt);
    }
}
