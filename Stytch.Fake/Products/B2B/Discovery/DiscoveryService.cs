using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Mfa;
using Stytch.Fake.Products.B2B.Organizations;
using Stytch.Fake.Products.B2B.Sessions;

namespace Stytch.Fake.Products.B2B.Discovery;

/// <summary>
/// B2B discovery: a person proves an email address (a discovery email OTP or magic link) before naming an organization,
/// gets an intermediate session bound to no organization, and sees the organizations that address can reach
/// (<c>/v1/b2b/discovery/organizations</c>). Codes and links are one-time secrets of the project's store and go through
/// its outbox with kind <c>discovery</c>. Every operation validates first and changes state only when it succeeds, in
/// one transaction.
/// </summary>
internal sealed partial class DiscoveryService
{
    /// <summary>The purpose of discovery email OTP codes in <see cref="OneTimeSecrets"/>; the subject is the email address.</summary>
    public const string OtpPurpose = "b2b.discovery.email_otp";

    /// <summary>Minutes a discovery code lives by default: 10, within 2..15 (the spec's <c>discovery_expiration_minutes</c>).</summary>
    public const int DefaultOtpMinutes = 10;

    private readonly ProjectStore _store;
    private readonly OrganizationService _organizations;
    private readonly MemberService _members;
    private readonly LoginGate _gate;

    public DiscoveryService(ProjectStore store, OrganizationService organizations, MemberService members, LoginGate gate)
    {
        _store = store;
        _organizations = organizations;
        _members = members;
        _gate = gate;
    }

    private IntermediateSessionTable Intermediate => _store.Part<IntermediateSessionTable>();

    /// <summary><c>POST /v1/b2b/otps/email/discovery/send</c>: a code for any address, member or not.</summary>
    public void SendOtp(DiscoveryOtpSendCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var email = Validate.Email(command.EmailAddress);
        var locale = Validate.Locale(command.Locale);
        var minutes = Validate.Range(command.DiscoveryExpirationMinutes, 2, 15, DefaultOtpMinutes, StytchError.InvalidExpirationOtp);
        _store.Transact(() =>
        {
            // Inferred: a discovery email is for no member yet, so its message names no email id.
            _store.SendCode(OtpKey(email), TimeSpan.FromMinutes(minutes), new CodeEmail(email, "", MessageKind.Discovery, locale)
            {
                LoginTemplateId = command.LoginTemplateId,
            }, _store.Clock.Now);
        });
    }

    /// <summary><c>POST /v1/b2b/otps/email/discovery/authenticate</c>: the code proves the address; an intermediate session follows.</summary>
    public DiscoveryAuthenticated AuthenticateOtp(string? emailAddress, string? code)
    {
        var email = Validate.Email(emailAddress);
        Validate.Code(code);
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            _store.Secrets.Consume(OtpKey(email), code!, now).ThrowUnlessConsumed(StytchError.OtpCodeNotFound, StytchError.UnableToAuthOtpCode);
            return Begin(email, AuthenticationFactor.EmailOtp("", email, now), now);
        });
    }

    /// <summary>
    /// <c>POST /v1/b2b/discovery/organizations</c> with exactly one of an intermediate session token, a member session
    /// token or a member session id (from a verified JWT). An intermediate session lists every kind of membership; a
    /// member session only its address's existing memberships. Uses up neither.
    /// </summary>
    public DiscoveryList List(string? intermediateSessionToken, string? sessionToken, string? sessionId)
    {
        CheckListArguments(intermediateSessionToken, sessionToken, sessionId);
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            if (!string.IsNullOrEmpty(intermediateSessionToken))
            {
                var intermediate = Intermediate.Find(intermediateSessionToken, now);
                return new DiscoveryList(intermediate.EmailAddress, Discover(intermediate.EmailAddress, intermediate.Factors, includeJit: true), intermediate.OrganizationId);
            }

            var session = _store.MemberSessions.Find(sessionToken, sessionId, now);
            var email = _members.ById(session.MemberId).EmailAddress;
            return new DiscoveryList(email, Discover(email, session.AuthenticationFactors, includeJit: false), null);
        });
    }

    /// <summary>
    /// The spec: <c>discovery/organizations</c> "requires either an intermediate_session_token, session_jwt or
    /// session_token be included in the request. It will return an error if multiple are present." The types are the
    /// ones sessions/authenticate answers for the same mistakes (inferred).
    /// </summary>
    public static void CheckListArguments(params string?[] given)
    {
        var count = given.Count(v => !string.IsNullOrEmpty(v));
        if (count > 1)
        {
            throw new StytchException(StytchError.TooManySessionArguments);
        }

        if (count == 0)
        {
            throw new StytchException(StytchError.NoSessionArguments);
        }
    }

    /// <summary>
    /// Starts discovery for <paramref name="email"/>, just proved by <paramref name="factor"/> (whose email id may be
    /// empty): a new intermediate session bound to no organization, and the organizations the address can reach. For
    /// every discovery login (email OTP, magic links, passwords); under the store's lock, after the factor's checks.
    /// </summary>
    public DiscoveryAuthenticated Begin(string email, AuthenticationFactor factor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(factor);
        var session = Intermediate.Issue(_store.Ids, email, null, null, [factor], now);
        return new DiscoveryAuthenticated(session, email, Discover(email, session.Factors, includeJit: true));
    }

    /// <summary>
    /// The organizations <paramref name="email"/> can reach, oldest first: those where it has a live member (active,
    /// pending or invited) and, when <paramref name="includeJit"/>, those it may join by its domain
    /// (<see cref="IsJoinableByDomain"/>); under the store's lock.
    /// </summary>
    public IReadOnlyList<DiscoveredOrganization> Discover(string email, IReadOnlyList<AuthenticationFactor> factors, bool includeJit)
    {
        var domain = OrganizationRules.DomainOf(email);
        var found = new List<DiscoveredOrganization>();
        foreach (var organization in _organizations.Table.All)
        {
            var member = _members.WithEmail(organization, email);
            if (member is not null)
            {
                var (mfa, primary) = Steps(organization, member, factors);
                found.Add(new DiscoveredOrganization(organization, MembershipTypes.Of(member.Status), member, null, mfa, primary));
            }
            else if (includeJit && IsJoinableByDomain(organization, email))
            {
                var (mfa, primary) = Steps(organization, DraftMember(organization, email, _store.Clock.Now), factors);
                found.Add(new DiscoveredOrganization(organization, MembershipTypes.EligibleByEmailDomain, null, domain, mfa, primary));
            }
        }

        return found;
    }

    /// <summary>
    /// True when <paramref name="email"/> (with no member in <paramref name="organization"/>) may join it by its domain,
    /// as the spec's <c>discovered_organizations</c> lists them: the organization's email JIT provisioning admits the
    /// address (RESTRICTED, an allowed domain not claimed by another organization), and another member with a verified
    /// address of the same domain exists, "to prevent phishing attacks"; under the store's lock.
    /// </summary>
    public bool IsJoinableByDomain(StytchOrganization organization, string email)
    {
        var domain = OrganizationRules.DomainOf(email);
        return OrganizationRules.JitRefusal(organization, email, _organizations.Table) is null
            && _members.Table.Of(organization.OrganizationId).Any(m => m.Status != MemberStatus.Deleted && m.EmailAddressVerified
                && m.EmailAddress != email && OrganizationRules.DomainOf(m.EmailAddress) == domain);
    }

    /// <summary>
    /// The steps an exchange of <paramref name="factors"/> into <paramref name="organization"/> as <paramref name="member"/>
    /// would still ask for, as the login gate judges it; no code is sent (the spec: no secondary authentication is
    /// initiated by the discovery authenticate and list calls).
    /// </summary>
    private (MfaRequired? Mfa, PrimaryRequired? Primary) Steps(StytchOrganization organization, StytchMember member, IReadOnlyList<AuthenticationFactor> factors) =>
        _gate.Preview(new LoginAttempt { Organization = organization, Member = member, CarriedFactors = factors, InitiateSms = false });

    /// <summary>The member a new address would be in <paramref name="organization"/>, before it is made (nothing is added).</summary>
    private static StytchMember DraftMember(StytchOrganization organization, string email, DateTimeOffset now) => new()
    {
        OrganizationId = organization.OrganizationId,
        MemberId = "",
        EmailAddress = email,
        EmailId = "",
        Status = MemberStatus.Pending,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static SecretKey OtpKey(string email) => new(OtpPurpose, email);
}
