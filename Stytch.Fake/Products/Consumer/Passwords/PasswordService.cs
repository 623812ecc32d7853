using Stytch.Fake.Core;
using Stytch.Fake.Products.Consumer.Sessions;
using Stytch.Fake.Products.Consumer.Users;

namespace Stytch.Fake.Products.Consumer.Passwords;

/// <summary>
/// Consumer passwords (<c>/v1/passwords*</c>) over the password core (<see cref="StorePasswords"/>, <see cref="PasswordResets"/>):
/// a user's password is a salted hash keyed by the user id, checked by the project's strength policy, verified under
/// Stytch's user locks. Every operation validates first and changes state only when it succeeds, in one transaction;
/// the one exception is a wrong password, which counts towards a lock.
/// </summary>
/// <remarks>
/// Stytch's rules (the spec's operation descriptions): create refuses an existing email (<c>duplicate_email</c>) and a
/// weak password; authenticate answers <c>reset_password</c> for a breached password; resets by email and by existing
/// password revoke the user's sessions, a session reset every session but its own. A wrong password is 401
/// <c>unauthorized_credentials</c> (stytchauth/stytch-javascript-example#51 shows "Unauthorized credentials" for it), an
/// unknown email 404 <c>email_not_found</c> (Stytch's React Native passwords docs). Inferred: the sessions a password
/// call creates carry a <c>password</c> factor naming the user's email; a reset by email verifies the email and spends
/// the user's other reset links; a pending user who authenticates becomes active.
/// </remarks>
internal sealed partial class PasswordService
{
    /// <summary>The purpose of consumer reset tokens in <see cref="OneTimeSecrets"/>; the subject is the token.</summary>
    public const string ResetPurpose = "password_reset";

    private readonly ProjectStore _store;
    private readonly UserService _users;
    private readonly SessionService _sessions;

    public PasswordService(ProjectStore store, UserService users, SessionService sessions)
    {
        _store = store;
        _users = users;
        _sessions = sessions;
    }

    /// <summary><c>POST /v1/passwords/strength_check</c>: breaches are checked only when an email is given (Stytch's docs).</summary>
    public PasswordStrengthReport StrengthCheck(string? password, string? email)
    {
        var address = string.IsNullOrEmpty(email) ? null : Validate.Email(email);
        return _store.Transact(() => _store.CheckPasswordStrength(password ?? "", address, checkBreach: address is not null));
    }

    /// <summary><c>POST /v1/passwords</c>: a new active user with this password.</summary>
    public PasswordCreated Create(string? email, string? password, PasswordSessionOptions session)
    {
        var address = Validate.Email(email);
        CheckSession(session);
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            if (_users.ByEmail(address) is not null)
            {
                throw new StytchException(StytchError.DuplicateEmail);
            }

            var claims = CustomClaims.Merge(CustomClaims.None, session.CustomClaims);
            _store.CheckPasswordStrength(password ?? "", address, checkBreach: true).ThrowIfWeak();
            var user = _users.Add(address, pending: false, now);
            SetHash(user, password!);
            var started = session.SessionDurationMinutes is { } minutes
                ? _sessions.Start(user, PasswordFactor(user, now), minutes, now, session.Attributes, claims)
                : null;
            return new PasswordCreated(_users.Public(user), started);
        });
    }

    /// <summary><c>POST /v1/passwords/authenticate</c>.</summary>
    public PasswordAuthenticated Authenticate(string? email, string? password, PasswordSessionOptions session)
    {
        var address = Validate.Email(email);
        CheckSession(session);
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var user = _users.ByEmail(address) ?? throw new StytchException(StytchError.EmailNotFound);
            var (existing, claims) = SessionToExtend(user, session, now);
            var verdict = _store.VerifyPassword(user.UserId, password ?? "");
            user.PasswordRequiresReset |= verdict == PasswordVerdict.MustReset;
            ThrowUnlessMatch(verdict, mustResetOk: false);
            user.Status = "active";
            return new PasswordAuthenticated(_users.Public(user), Authenticated(user, existing, claims, session, now));
        });
    }

    /// <summary><c>POST /v1/passwords/email/reset/start</c>: a reset link to an existing user's email.</summary>
    public (string UserId, string EmailId) ResetStart(PasswordResetStartCommand command)
    {
        var address = Validate.Email(command.Email);
        var minutes = PasswordResets.Minutes(command.ResetPasswordExpirationMinutes);
        var locale = Validate.Locale(command.Locale);
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var user = _users.ByEmail(address) ?? throw new StytchException(StytchError.EmailNotFound);

            // The "log in without password" URL must resolve too (the spec: an error when there is none); checked first.
            _store.RedirectUrls.Resolve(RedirectUrlType.Login, command.LoginRedirectUrl, RedirectUrlFields.MagicLinkLogin);
            var challenge = string.IsNullOrEmpty(command.CodeChallenge) ? null : command.CodeChallenge;
            _store.SendReset(
                ResetPurpose, command.ResetPasswordRedirectUrl, minutes,
                url => new LinkEmail(user.Email, user.EmailId, MessageKind.PasswordReset, locale, url, PasswordResets.TokenType)
                { UserId = user.UserId },
                new PasswordResetPayload(user.UserId, user.EmailId, challenge), command.Attributes, now);
            return (user.UserId, user.EmailId);
        });
    }

    /// <summary><c>POST /v1/passwords/email/reset</c>: sets the new password with a reset token and authenticates the user.</summary>
    public PasswordAuthenticated Reset(PasswordResetCommand command)
    {
        CheckSession(command.Session);
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var payload = _store.FindReset(ResetPurpose, command.Token);
            var user = (payload is null ? null : _users.ById(payload.SubjectId))
                ?? throw new StytchException(StytchError.UnableToAuthPasswordResetToken);
            var (existing, claims) = SessionToExtend(user, command.Session, now);
            _store.ConsumeReset(ResetPurpose, command.Token, now, (secret, reset) =>
            {
                Pkce.Check(reset.CodeChallenge, command.CodeVerifier);
                AttributeMatch.Check(secret.Attributes, command.Session.Attributes, command.Options);
                _store.CheckPasswordStrength(command.Password, user.Email, checkBreach: true).ThrowIfWeak();
            });
            SetHash(user, command.Password);
            _store.ForgetResets(ResetPurpose, user.UserId);
            user.Status = "active";
            user.VerifyEmail(user.EmailId);
            RevokeSessions(user, keep: existing);
            return new PasswordAuthenticated(_users.Public(user), Authenticated(user, existing, claims, command.Session, now));
        });
    }

    /// <summary><c>POST /v1/passwords/existing_password/reset</c>.</summary>
    public PasswordAuthenticated ExistingPasswordReset(string? email, string? existingPassword, string? newPassword, PasswordSessionOptions session)
    {
        var address = Validate.Email(email);
        CheckSession(session);
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var user = _users.ByEmail(address) ?? throw new StytchException(StytchError.EmailNotFound);
            var (existing, claims) = SessionToExtend(user, session, now);
            if (string.Equals(existingPassword, newPassword, StringComparison.Ordinal))
            {
                throw new StytchException(StytchError.CannotResetPasswordWithExistingPassword);
            }

            _store.CheckPasswordStrength(newPassword ?? "", address, checkBreach: true).ThrowIfWeak();

            // A password that must be reset may be replaced by whoever knows it: that is what this reset is for.
            ThrowUnlessMatch(_store.VerifyPassword(user.UserId, existingPassword ?? ""), mustResetOk: true);
            SetHash(user, newPassword!);
            user.Status = "active";
            RevokeSessions(user, keep: existing);
            return new PasswordAuthenticated(_users.Public(user), Authenticated(user, existing, claims, session, now));
        });
    }

    /// <summary>
    /// <c>POST /v1/passwords/session/reset</c>: sets a new password for the session's user when the session has a
    /// password, email OTP or magic-link factor from the last 5 minutes; every other session of the user is revoked.
    /// </summary>
    public PasswordAuthenticated SessionReset(string? password, PasswordSessionOptions session)
    {
        CheckSession(session);
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var current = _store.Sessions.Find(session.SessionToken, session.SessionId, now);
            var user = _users.Require(current.UserId);
            var claims = CustomClaims.Merge(current.CustomClaims, session.CustomClaims);
            PasswordResets.CheckRecentFactor(current.AuthenticationFactors, now);
            _store.CheckPasswordStrength(password ?? "", user.Email, checkBreach: true).ThrowIfWeak();
            SetHash(user, password!);
            RevokeSessions(user, keep: current);
            var renewed = _sessions.Extend(current, PasswordFactor(user, now), session.SessionDurationMinutes, now, session.Attributes, claims);
            return new PasswordAuthenticated(_users.Public(user), renewed);
        });
    }

    /// <summary>Sets a user's password directly (seed data, the in-process back door), strength rules included.</summary>
    public void SetForUser(string? userId, string password)
    {
        UserService.CheckUserId(userId);
        _store.Transact(() =>
        {
            var user = _users.Require(userId!);
            _store.CheckPasswordStrength(password, user.Email, checkBreach: true).ThrowIfWeak();
            SetHash(user, password);
        });
    }

    /// <summary>The password factor of <paramref name="user"/> at <paramref name="now"/> (<c>password</c> / <c>knowledge</c>, with the user's email).</summary>
    private static AuthenticationFactor PasswordFactor(UserRecord user, DateTimeOffset now) =>
        AuthenticationFactor.Of(FactorKind.Password, new FactorEmail(user.EmailId, user.Email), null, "", now, now)!;

    private static void CheckSession(PasswordSessionOptions session)
    {
        Validate.SessionMinutes(session.SessionDurationMinutes);
        CustomClaims.CheckKeys(session.CustomClaims);
    }

    private static void ThrowUnlessMatch(PasswordVerdict verdict, bool mustResetOk)
    {
        switch (verdict)
        {
            case PasswordVerdict.NoPassword:
                throw new StytchException(StytchError.NoUserPassword);
            case PasswordVerdict.Mismatch:
                throw new StytchException(StytchError.UnauthorizedCredentials);
            case PasswordVerdict.MustReset when !mustResetOk:
                throw new StytchException(StytchError.ResetPassword);
        }
    }

    // The user record names the password (its password_id, requires_reset) for the user's JSON.
    private void SetHash(UserRecord user, string password)
    {
        user.PasswordId = _store.PutPassword(user.UserId, PasswordHasher.Hash(password, _store.Ids)).PasswordId;
        user.PasswordRequiresReset = false;
        user.UpdatedAt = _store.Clock.Now;
    }

    // The caller's session to extend must be this user's; its claims are merged (and size-checked) before any change.
    private (StytchSession? Existing, IReadOnlyDictionary<string, object?> Claims) SessionToExtend(UserRecord user, PasswordSessionOptions session, DateTimeOffset now)
    {
        var existing = _sessions.FindToExtend(session.SessionToken, session.SessionId, now);
        if (existing is not null && existing.UserId != user.UserId)
        {
            throw new StytchException(StytchError.SessionNotFound);
        }

        return (existing, CustomClaims.Merge(existing?.CustomClaims ?? CustomClaims.None, session.CustomClaims));
    }

    private StytchSession? Authenticated(UserRecord user, StytchSession? existing, IReadOnlyDictionary<string, object?> claims, PasswordSessionOptions session, DateTimeOffset now)
    {
        var factor = PasswordFactor(user, now);
        if (existing is not null)
        {
            return _sessions.Extend(existing, factor, session.SessionDurationMinutes, now, session.Attributes, claims);
        }

        return session.SessionDurationMinutes is { } minutes ? _sessions.Start(user, factor, minutes, now, session.Attributes, claims) : null;
    }

    private void RevokeSessions(UserRecord user, StytchSession? keep)
    {
        foreach (var other in _store.Sessions.Live(_store.Clock.Now, user.UserId).Where(s => s.SessionId != keep?.SessionId))
        {
            _store.Sessions.Remove(other);
        }
    }
}
