using Stytch.Fake.Core;
using Stytch.Fake.Products.Consumer.EmailOtp;
using Stytch.Fake.Products.Consumer.Sessions;
using Stytch.Fake.Products.Consumer.Users;

namespace Stytch.Fake.Products.Consumer.PhoneOtp;

/// <summary>
/// Consumer phone OTP (<c>/v1/otps/sms/*</c>, <c>/v1/otps/whatsapp/*</c>, and <c>/v1/otps/authenticate</c> for a phone
/// id): codes are one-time secrets of the project's store, keyed by the phone id and remembering their channel, sent
/// through its outbox as SMS or WhatsApp messages. Every operation validates first and changes state only when it
/// succeeds, in one transaction.
/// </summary>
internal sealed class PhoneOtpService
{
    /// <summary>The purpose of consumer phone OTP codes in <see cref="OneTimeSecrets"/>; the subject is the phone id.</summary>
    public const string Purpose = "phone_otp";

    private const string PhoneIdKind = "phone-number";
    private const int DefaultMinutes = 2;

    private readonly ProjectStore _store;
    private readonly UserService _users;
    private readonly SessionService _sessions;
    private readonly AddedPhones _added;

    public PhoneOtpService(ProjectStore store, UserService users, SessionService sessions)
    {
        _store = store;
        _users = users;
        _sessions = sessions;
        _added = store.Part<AddedPhones>();
        store.AddSweep(DropUnverifiedAddedPhones);
    }

    private bool SandboxEnabled => !_store.Settings.Live;

    /// <summary>True when <paramref name="methodId"/> names a phone (<c>phone-number-…</c>) rather than an email.</summary>
    public static bool IsPhoneId(string? methodId) => methodId?.StartsWith(PhoneIdKind + "-", StringComparison.Ordinal) == true;

    /// <summary><c>POST /v1/otps/sms/login_or_create</c> and <c>/v1/otps/whatsapp/login_or_create</c>.</summary>
    public PhoneOtpSent LoginOrCreate(DeliveryChannel channel, string? phoneNumber, PhoneOtpOptions options) =>
        SendCode(channel, phoneNumber, options, create: true);

    /// <summary>
    /// <c>POST /v1/otps/sms/send</c> and <c>/v1/otps/whatsapp/send</c>: a number some user has or, when the call names a
    /// user (by id, external id or session), a number added to that user unverified.
    /// </summary>
    public PhoneOtpSent Send(DeliveryChannel channel, string? phoneNumber, PhoneOtpOptions options) =>
        SendCode(channel, phoneNumber, options, create: false);

    /// <summary><c>POST /v1/otps/authenticate</c> with a phone id as <c>method_id</c>.</summary>
    public OtpAuthenticated Authenticate(OtpAuthenticateCommand command)
    {
        if (!Validate.IsId(command.MethodId, PhoneIdKind))
        {
            throw new StytchException(StytchError.InvalidMethodId);
        }

        Validate.Code(command.Code);
        Validate.SessionMinutes(command.SessionDurationMinutes);
        CustomClaims.CheckKeys(command.CustomClaims);

        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var sandbox = SandboxEnabled && command.MethodId == PhoneOtpSandbox.PhoneId;
            var user = sandbox ? _users.ByEmailId(Sandbox.EmailId) : _users.ByPhoneId(command.MethodId);
            var existing = _sessions.FindToExtend(command.SessionToken, command.SessionId, now);
            if (user is null)
            {
                throw new StytchException(StytchError.OtpCodeNotFound);
            }

            // As for email codes: another user's session is not extended, and the code stays usable.
            if (existing is not null && existing.UserId != user.UserId)
            {
                throw new StytchException(StytchError.SessionNotFound);
            }

            var claims = CustomClaims.Merge(existing?.CustomClaims ?? CustomClaims.None, command.CustomClaims);
            var channel = DeliveryChannel.Sms;
            if (sandbox)
            {
                if (command.Code != Sandbox.Code)
                {
                    throw new StytchException(StytchError.OtpCodeNotFound);
                }
            }
            else
            {
                var key = new SecretKey(Purpose, command.MethodId);
                channel = (_store.Secrets.Find(key)?.Payload as PhoneCodePayload)?.Channel ?? DeliveryChannel.Sms;
                _store.Secrets.Consume(key, command.Code, now, otp => AttributeMatch.Check(otp.Attributes, command.Attributes, command.Options))
                    .ThrowUnlessConsumed(StytchError.OtpCodeNotFound, StytchError.UnableToAuthOtpCode);
            }

            // Inferred: the sandbox number is no real number, so it is not put on the sandbox user.
            var phone = sandbox
                ? new StytchUserPhone(PhoneOtpSandbox.PhoneId, PhoneOtpSandbox.PhoneNumber, true)
                : user.PhoneById(command.MethodId)!;
            user.Status = "active";
            user.VerifyPhone(phone.PhoneId);
            _added.Remove(phone.PhoneId);

            StytchSession? session = null;
            if (existing is not null || command.SessionDurationMinutes is not null)
            {
                var kind = channel == DeliveryChannel.WhatsApp ? FactorKind.WhatsAppOtp : FactorKind.SmsOtp;
                var factor = AuthenticationFactor.Of(kind, null, new FactorPhone(phone.PhoneId, phone.PhoneNumber), "", now, now)!;
                session = existing is null
                    ? _sessions.Start(user, factor, command.SessionDurationMinutes!.Value, now, command.Attributes, claims)
                    : _sessions.Extend(existing, factor, command.SessionDurationMinutes, now, command.Attributes, claims);
            }

            return new OtpAuthenticated(_users.Public(user), phone.PhoneId, session);
        });
    }

    /// <summary>The live code of each phone id, with its channel, for a snapshot; under the store's lock.</summary>
    public IReadOnlyList<PhoneOtpSnapshot> Export() =>
        _store.Secrets.Of(Purpose)
            .Select(p => new PhoneOtpSnapshot(p.Subject, p.Secret.Value, ChannelOf(p.Secret), p.Secret.ExpiresAt, p.Secret.Used)
            {
                Attributes = p.Secret.Attributes,
                DropUnverifiedAt = _added.DropAt(p.Subject),
            })
            .ToArray();

    /// <summary>Puts back a snapshot's phone codes into an empty store; under the store's lock.</summary>
    public void Load(IEnumerable<PhoneOtpSnapshot> codes)
    {
        foreach (var otp in codes)
        {
            _store.Secrets.Load(
                new SecretKey(Purpose, otp.PhoneId),
                new OneTimeSecret(otp.Code, otp.ExpiresAt, otp.Used, otp.Attributes) { Payload = new PhoneCodePayload(otp.Channel) });
            if (otp.DropUnverifiedAt is { } at)
            {
                _added.Add(otp.PhoneId, at);
            }
        }
    }

    // An added number whose time has come goes, with its code, unless a code for it was authenticated; run by the
    // store before each operation, so that no read or login finds it after that.
    private void DropUnverifiedAddedPhones(DateTimeOffset now)
    {
        foreach (var phoneId in _added.Due(now))
        {
            _added.Remove(phoneId);
            var user = _users.ByPhoneId(phoneId);
            if (user?.PhoneById(phoneId) is { Verified: false } phone)
            {
                _users.RemovePhone(user, phone, now);
            }
        }
    }

    private static DeliveryChannel ChannelOf(OneTimeSecret secret) => (secret.Payload as PhoneCodePayload)?.Channel ?? DeliveryChannel.Sms;

    private PhoneOtpSent SendCode(DeliveryChannel channel, string? phoneNumber, PhoneOtpOptions options, bool create)
    {
        // The sandbox number is no real number: it is recognised before the E.164 check would refuse it.
        var sandbox = SandboxEnabled && phoneNumber == PhoneOtpSandbox.PhoneNumber;
        var number = sandbox ? PhoneOtpSandbox.PhoneNumber : E164.Check(phoneNumber);
        var minutes = Validate.Range(options.ExpirationMinutes, 1, 10, DefaultMinutes, StytchError.InvalidExpirationOtp);
        var locale = Validate.Locale(options.Locale);
        if (!string.IsNullOrEmpty(options.UserId))
        {
            UserService.CheckUserId(options.UserId);
        }

        if (sandbox)
        {
            return new PhoneOtpSent(Sandbox.UserId, PhoneOtpSandbox.PhoneId, false);
        }

        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var created = false;
            UserRecord? user;
            if (options.TargetsUser)
            {
                // Stytch adds a new number to the user the call names (for five minutes, unless verified); one another
                // user has is refused.
                user = Target(options, now);
                var added = user.PhoneOf(number) is null;
                var phoneId = _users.AddPhone(user, number, now).PhoneId;
                if (added)
                {
                    _added.Add(phoneId, now + AddedPhones.Grace);
                }
            }
            else
            {
                user = _users.ByPhone(number);
                if (user is null)
                {
                    if (!create)
                    {
                        throw new StytchException(StytchError.PhoneNumberNotFound);
                    }

                    user = _users.AddWithPhone(number, options.CreateUserAsPending, now);
                    created = true;
                }
            }

            var phone = user.PhoneOf(number)!;
            var kind = created || user.Status == "pending" ? MessageKind.Signup : MessageKind.Login;
            _store.SendCode(
                new SecretKey(Purpose, phone.PhoneId),
                TimeSpan.FromMinutes(minutes),
                new CodeText(channel, phone.PhoneNumber, phone.PhoneId, kind, locale) { UserId = user.UserId },
                now,
                options.Attributes,
                new PhoneCodePayload(channel));
            return new PhoneOtpSent(user.UserId, phone.PhoneId, created);
        });
    }

    // The user a send names: by user id (or external id) and by session; inferred: when both are given they must
    // name the same user, as a session that is someone else's is refused on authenticate.
    private UserRecord Target(PhoneOtpOptions options, DateTimeOffset now)
    {
        var byId = string.IsNullOrEmpty(options.UserId) ? null : _users.Resolve(options.UserId);
        var session = _sessions.FindToExtend(options.SessionToken, options.SessionId, now);
        if (session is null)
        {
            return byId!;
        }

        if (byId is not null && byId.UserId != session.UserId)
        {
            throw new StytchException(StytchError.SessionNotFound);
        }

        return byId ?? _users.Require(session.UserId);
    }
}

/// <summary>The newest code issued for one phone id, as a snapshot holds it.</summary>
/// <param name="PhoneId">The phone id the code authenticates.</param>
/// <param name="Code">The six-digit code.</param>
/// <param name="Channel">How it was sent: SMS or WhatsApp.</param>
/// <param name="ExpiresAt">When it stops working.</param>
/// <param name="Used">Whether it was already used.</param>
internal sealed record PhoneOtpSnapshot(string PhoneId, string Code, DeliveryChannel Channel, DateTimeOffset ExpiresAt, bool Used)
{
    /// <summary>The attributes the code was sent with.</summary>
    public RequestAttributes Attributes { get; init; } = RequestAttributes.None;

    /// <summary>For a number a send added to a user: when it goes unless verified; else null.</summary>
    public DateTimeOffset? DropUnverifiedAt { get; init; }
}
