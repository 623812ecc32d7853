using Stytch.Fake.Core;
using Stytch.Fake.Products.Consumer.Sessions;
using Stytch.Fake.Products.Consumer.Users;

namespace Stytch.Fake.Products.Consumer.EmailOtp;

/// <summary>
/// Consumer email OTP (<c>/v1/otps/email/*</c>, <c>/v1/otps/authenticate</c>): codes are one-time secrets of the
/// project's store, keyed by the email id, sent through its outbox. Every operation validates first and changes state
/// only when it succeeds, in one transaction.
/// </summary>
internal sealed class EmailOtpService
{
    /// <summary>The purpose of consumer email OTP codes in <see cref="OneTimeSecrets"/>; the subject is the email id.</summary>
    public const string Purpose = "email_otp";

    private const int DefaultMinutes = 2;

    private readonly ProjectStore _store;
    private readonly UserService _users;
    private readonly SessionService _sessions;

    public EmailOtpService(ProjectStore store, UserService users, SessionService sessions)
    {
        _store = store;
        _users = users;
        _sessions = sessions;
    }

    private bool SandboxEnabled => !_store.Settings.Live;

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

        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var found = _users.ByEmailId(command.MethodId);
            var existing = _sessions.FindToExtend(command.SessionToken, command.SessionId, now);
            var user = found ?? throw new StytchException(StytchError.OtpCodeNotFound);

            // A session that belongs to someone else cannot be extended by this user's code. Checked
            // before the code is marked used, so a refused call leaves the code usable.
            if (existing is not null && existing.UserId != user.UserId)
            {
                throw new StytchException(StytchError.SessionNotFound);
            }

            // Merged (and size-checked) before the code is used, even when no session will carry them.
            var claims = CustomClaims.Merge(existing?.CustomClaims ?? CustomClaims.None, command.CustomClaims);
            if (command.MethodId == Sandbox.EmailId && SandboxEnabled)
            {
                if (command.Code != Sandbox.Code)
                {
                    throw new StytchException(StytchError.OtpCodeNotFound);
                }
            }
            else
            {
                _store.Secrets.Consume(
                    new SecretKey(Purpose, command.MethodId), command.Code, now,
                    otp => AttributeMatch.Check(otp.Attributes, command.Attributes, command.Options))
                    .ThrowUnlessConsumed(StytchError.OtpCodeNotFound, StytchError.UnableToAuthOtpCode);
            }

            user.Status = "active";
            user.VerifyEmail(command.MethodId);

            StytchSession? session = null;
            if (existing is not null || command.SessionDurationMinutes is not null)
            {
                var factor = AuthenticationFactor.EmailOtp(command.MethodId, user.EmailById(command.MethodId)!.Email, now);
                session = existing is null
                    ? _sessions.Start(user, factor, command.SessionDurationMinutes!.Value, now, command.Attributes, claims)
                    : _sessions.Extend(existing, factor, command.SessionDurationMinutes, now, command.Attributes, claims);
            }

            return new OtpAuthenticated(_users.Public(user), command.MethodId, session);
        });
    }

    /// <summary>The live code of each email id, for a snapshot; under the store's lock.</summary>
    public IReadOnlyList<OtpSnapshot> Export() =>
        _store.Secrets.Of(Purpose)
            .Select(p => new OtpSnapshot(p.Subject, p.Secret.Value, p.Secret.ExpiresAt, p.Secret.Used) { Attributes = p.Secret.Attributes })
            .ToArray();

    /// <summary>Puts back a snapshot's codes into an empty store; under the store's lock.</summary>
    public void Load(IEnumerable<OtpSnapshot> codes)
    {
        foreach (var otp in codes)
        {
            _store.Secrets.Load(new SecretKey(Purpose, otp.EmailId), new OneTimeSecret(otp.Code, otp.ExpiresAt, otp.Used, otp.Attributes));
        }
    }

    private EmailOtpSent SendCode(string? email, EmailOtpOptions options, bool create)
    {
        var normalized = Validate.Email(email);
        var minutes = Validate.Range(options.ExpirationMinutes, 1, 10, DefaultMinutes, StytchError.InvalidExpirationOtp);
        var locale = Validate.Locale(options.Locale);
        if (SandboxEnabled && normalized == Sandbox.Email)
        {
            return new EmailOtpSent(Sandbox.UserId, Sandbox.EmailId, false);
        }

        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var user = _users.ByEmail(normalized);
            var created = false;
            if (user is null)
            {
                if (!create)
                {
                    throw new StytchException(StytchError.EmailNotFound);
                }

                user = _users.Add(normalized, options.CreateUserAsPending, now);
                created = true;
            }

            var address = user.EmailOf(normalized)!;
            Issue(user, address, created, options, minutes, locale, now);
            return new EmailOtpSent(user.UserId, address.EmailId, created);
        });
    }

    private void Issue(UserRecord user, StytchUserEmail address, bool created, EmailOtpOptions options, int minutes, string locale, DateTimeOffset now) =>
        _store.SendCode(
            new SecretKey(Purpose, address.EmailId),
            TimeSpan.FromMinutes(minutes),
            new CodeEmail(address.Email, address.EmailId, created || user.Status == "pending" ? MessageKind.Signup : MessageKind.Login, locale)
            {
                LoginTemplateId = options.LoginTemplateId,
                SignupTemplateId = options.SignupTemplateId,
                UserId = user.UserId,
            },
            now,
            options.Attributes);
}
