using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Mfa;
using Stytch.Fake.Products.B2B.Organizations;
using Stytch.Fake.Products.B2B.Sessions;

namespace Stytch.Fake.Products.B2B.EmailOtp;

/// <summary>
/// B2B email OTP (<c>/v1/b2b/otps/email/*</c>): codes are one-time secrets of the project's store, keyed by the
/// organization and the email address, sent through its outbox. login_or_signup may JIT provision a pending member;
/// authenticate makes the member active and verified, with a new or extended member session. Every operation
/// validates first and changes state only when it succeeds, in one transaction.
/// </summary>
internal sealed class B2BEmailOtpService
{
    /// <summary>The purpose of B2B email OTP codes in <see cref="OneTimeSecrets"/>; the subject is <see cref="MemberTable.Key"/>(organization, email).</summary>
    public const string Purpose = "b2b.email_otp";

    public const int DefaultMinutes = 10;
    public const int DefaultSessionMinutes = 60;

    private readonly ProjectStore _store;
    private readonly OrganizationService _organizations;
    private readonly MemberService _members;
    private readonly MemberSessionService _sessions;
    private readonly LoginGate _gate;

    public B2BEmailOtpService(ProjectStore store, OrganizationService organizations, MemberService members, MemberSessionService sessions, LoginGate gate)
    {
        _store = store;
        _organizations = organizations;
        _members = members;
        _sessions = sessions;
        _gate = gate;
        organizations.Deleting.Add(organization => store.Secrets.RemoveWhere(
            key => key.Purpose == Purpose && key.Subject.StartsWith(MemberTable.Key(organization.OrganizationId, ""), StringComparison.Ordinal)));
        members.Deleting.Add(RemoveCode);
        members.EmailReplacing.Add(RemoveCode);
    }

    /// <summary><c>POST /v1/b2b/otps/email/login_or_signup</c>.</summary>
    public B2BOtpSent LoginOrSignup(string? organizationReference, string? emailAddress, LoginOrSignupOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        OrganizationRules.CheckReference(organizationReference);
        var email = Validate.Email(emailAddress);
        var locale = Validate.Locale(options.Locale);
        var loginMinutes = Validate.Range(options.LoginExpirationMinutes, 2, 15, DefaultMinutes, StytchError.InvalidExpirationOtp);
        var signupMinutes = Validate.Range(options.SignupExpirationMinutes, 2, 15, DefaultMinutes, StytchError.InvalidExpirationOtp);

        return _store.Transact(() =>
        {
            var organization = _organizations.Resolve(organizationReference);
            var now = _store.Clock.Now;
            var login = _members.PlanEmailLogin(organization, email);
            var member = _members.Admit(login, now);
            var (created, kind) = (login.Existing is null, login.Kind);
            var minutes = kind == MessageKind.Login ? loginMinutes : signupMinutes;
            _store.SendCode(KeyOf(organization.OrganizationId, email), TimeSpan.FromMinutes(minutes), new CodeEmail(email, member.EmailId, kind, locale)
            {
                LoginTemplateId = options.LoginTemplateId,
                SignupTemplateId = options.SignupTemplateId,
                OrganizationId = organization.OrganizationId,
                MemberId = member.MemberId,
            }, now);
            return new B2BOtpSent(member, organization, created, kind);
        });
    }

    /// <summary><c>POST /v1/b2b/otps/email/authenticate</c>: the member becomes active and verified, with a member session.</summary>
    public B2BOtpAuthenticated Authenticate(B2BOtpAuthenticateCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        OrganizationRules.CheckReference(command.OrganizationId);
        var email = Validate.Email(command.EmailAddress);
        Validate.Code(command.Code);
        Validate.SessionMinutes(command.SessionDurationMinutes);
        var locale = Validate.Locale(command.Locale);
        CustomClaims.CheckKeys(command.CustomClaims);

        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var organization = _organizations.Resolve(command.OrganizationId);
            var intermediate = _gate.FindIntermediate(command.IntermediateSessionToken, now);
            var existing = _sessions.FindToExtend(command.SessionToken, command.SessionId, now);
            var member = _members.WithEmail(organization, email) ?? throw new StytchException(StytchError.MemberNotFound);

            // A session of someone else cannot be extended by this member's code; checked before the code is
            // used, so a refused call leaves the code usable.
            if (existing is not null && existing.MemberId != member.MemberId)
            {
                throw new StytchException(StytchError.SessionNotFound);
            }

            var claims = CustomClaims.Merge(existing?.CustomClaims ?? CustomClaims.None, command.CustomClaims);
            var attempt = new LoginAttempt
            {
                Organization = organization,
                Member = member,
                Factor = AuthenticationFactor.EmailOtp(member.EmailId, member.EmailAddress, now),
                Intermediate = intermediate,
                Existing = existing,
                SessionDurationMinutes = command.SessionDurationMinutes,
                DefaultSessionMinutes = DefaultSessionMinutes,
                Claims = claims,
                Locale = locale,
            };
            _gate.Check(attempt);
            _store.Secrets.Consume(KeyOf(organization.OrganizationId, email), command.Code!, now)
                .ThrowUnlessConsumed(StytchError.OtpCodeNotFound, StytchError.UnableToAuthOtpCode);
            member = _members.Verify(member, now);
            var login = _gate.Pass(attempt with { Member = member }, now);
            return new B2BOtpAuthenticated(member, organization, member.EmailId, login);
        });
    }

    /// <summary>The newest code of each (organization, email), for a snapshot; under the store's lock.</summary>
    public IReadOnlyList<B2BOtpSnapshot> Export() =>
        _store.Secrets.Of(Purpose).Select(p =>
        {
            var parts = p.Subject.Split('\n');
            return new B2BOtpSnapshot(parts[0], parts[1], p.Secret.Value, p.Secret.ExpiresAt, p.Secret.Used);
        }).ToArray();

    /// <summary>Puts back a snapshot's codes into an empty store; under the store's lock.</summary>
    public void Load(IEnumerable<B2BOtpSnapshot> codes)
    {
        foreach (var otp in codes)
        {
            _store.Secrets.Load(KeyOf(otp.OrganizationId, otp.EmailAddress), new OneTimeSecret(otp.Code, otp.ExpiresAt, otp.Used, RequestAttributes.None));
        }
    }

    private static SecretKey KeyOf(string organizationId, string email) => new(Purpose, MemberTable.Key(organizationId, email));

    private void RemoveCode(StytchMember member) => _store.Secrets.Remove(KeyOf(member.OrganizationId, member.EmailAddress));
}
