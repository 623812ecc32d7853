using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Mfa;

namespace Stytch.Fake.Products.B2B.Totps;

/// <summary>A new TOTP registration, as <c>b2b/totp</c> create answers it.</summary>
/// <param name="Member">The member.</param>
/// <param name="Organization">Its organization.</param>
/// <param name="Registration">The registration: id, secret and recovery codes.</param>
/// <param name="Uri">The <c>otpauth://</c> URI of the QR code.</param>
internal sealed record TotpCreated(StytchMember Member, StytchOrganization Organization, TotpRegistration Registration, string Uri);

/// <summary>
/// B2B TOTP (<c>/v1/b2b/totp</c>, <c>/v1/b2b/totp/authenticate</c>): a member has one registration, pending until a code
/// of it is authenticated; authenticating a code finishes the login the intermediate session started, or steps up a
/// member session, through the login gate. Codes follow RFC 6238 on the project clock (<see cref="TotpCodes"/>).
/// </summary>
internal sealed partial class B2BTotpService
{
    public const int DefaultMinutes = 60;
    private const int MinMinutes = 5;
    private const int MaxMinutes = 1440;

    private readonly ProjectStore _store;
    private readonly MfaStep _step;

    public B2BTotpService(ProjectStore store, MemberService members, MfaStep step)
    {
        _store = store;
        _step = step;
        members.Deleting.Add(member => Table.Remove(member.MemberId));
    }

    /// <summary>The registrations; only touch under the store's lock.</summary>
    public TotpTable Table => _store.Part<TotpTable>();

    /// <summary>
    /// <c>POST /v1/b2b/totp</c>: a new pending registration with ten recovery codes, replacing a pending one (inferred);
    /// refused while the member has an active one. The spec: "expiration_minutes … Defaults to 60 (1 hour) with a minimum
    /// of 5 and a maximum of 1440".
    /// </summary>
    public TotpCreated Create(MfaStepCommand step, int? expirationMinutes)
    {
        MfaStep.Check(step);
        var minutes = Validate.Range(expirationMinutes, MinMinutes, MaxMinutes, DefaultMinutes, StytchError.InvalidExpiration);
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var context = _step.Open(step, now, sessionRequired: false);
            var (organization, member) = (context.Organization, context.Member);
            if (!AuthMethods.AllowsMfa(organization, AuthMethods.Totp))
            {
                throw new StytchException(StytchError.OperationRestrictedByOrganizationMfaMethods);
            }

            if (Table.Of(member.MemberId) is { Active: true })
            {
                throw new StytchException(StytchError.ActiveTotpExists);
            }

            var secret = TotpCodes.NewSecret(_store.Ids);
            var registration = Table.Put(new TotpRegistration(
                _store.Ids.New("member-totp"), organization.OrganizationId, member.MemberId, secret,
                TotpCodes.NewRecoveryCodes(_store.Ids), Active: false, now, now.AddMinutes(minutes), LastUsedStep: -1));
            return new TotpCreated(member, organization, registration, TotpCodes.Uri(organization.OrganizationName, member.EmailAddress, secret));
        });
    }

    /// <summary><c>POST /v1/b2b/totp/authenticate</c>: the registration becomes active, and the login ends through the gate.</summary>
    public (StytchMember Member, B2BLogin Login) Authenticate(MfaStepCommand step, string? code)
    {
        MfaStep.Check(step);
        if (code is not null && TotpCodes.LooksLikeRecoveryCode(code))
        {
            throw new StytchException(StytchError.RecoveryCodeUsedAsTotpCode);
        }

        Validate.Code(code);
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var context = _step.Open(step, now, sessionRequired: false);
            var member = context.Member;
            var registration = Table.Of(member.MemberId) ?? throw new StytchException(StytchError.TotpNotFound);
            if (!registration.Active && registration.ExpiresAt <= now)
            {
                throw new StytchException(StytchError.ExpiredTotp);
            }

            var attempt = MfaStep.Attempt(context, step, AuthenticationFactor.Of(FactorKind.Totp, null, null, "", now, now)!);
            _step.Gate.Check(attempt);
            var matched = TotpCodes.MatchingStep(registration.Secret, code!, now) ?? throw new StytchException(StytchError.UnableToAuthenticateTotp);
            if (matched <= registration.LastUsedStep)
            {
                throw new StytchException(StytchError.TotpCodeAlreadyAuthenticated);
            }

            Table.Put(registration with { Active = true, LastUsedStep = matched });
            member = _step.Enroll(context.Organization, member, AuthMethods.Totp, step, m => m with { TotpRegistrationId = registration.RegistrationId }, now);
            return (member, _step.Gate.Pass(attempt with { Member = member }, now));
        });
    }

    /// <summary>
    /// Seeding: gives the member an active registration at once, enrolled in MFA with TOTP as its default method (as if
    /// it had created one and authenticated a code).
    /// </summary>
    public (StytchMember Member, TotpRegistration Registration) Enroll(string organizationId, string memberId) => _store.Transact(() =>
    {
        var now = _store.Clock.Now;
        var context = _step.Open(new MfaStepCommand { OrganizationId = organizationId, MemberId = memberId }, now, sessionRequired: false);
        var registration = Table.Put(new TotpRegistration(
            _store.Ids.New("member-totp"), organizationId, context.Member.MemberId, TotpCodes.NewSecret(_store.Ids),
            TotpCodes.NewRecoveryCodes(_store.Ids), Active: true, now, now, LastUsedStep: -1));
        var member = context.Member with { TotpRegistrationId = registration.RegistrationId, MfaEnrolled = true, DefaultMfaMethod = AuthMethods.Totp, UpdatedAt = now };
        _step.Replace(context.Member, member);
        return (member, registration);
    });

    /// <summary>The unused recovery codes of the member's registration, active or pending (the in-process helper).</summary>
    public IReadOnlyList<string> RecoveryCodesOf(string? organizationReference, string? memberReference) => _store.Transact(() =>
    {
        var context = _step.Open(new MfaStepCommand { OrganizationId = organizationReference, MemberId = memberReference }, _store.Clock.Now, sessionRequired: false);
        return (Table.Of(context.Member.MemberId) ?? throw new StytchException(StytchError.TotpNotFound)).RecoveryCodes;
    });

    /// <summary>The current code of the member's registration on the project clock (the in-process helper).</summary>
    public string CurrentCode(string? organizationReference, string? memberReference) => _store.Transact(() =>
    {
        var context = _step.Open(new MfaStepCommand { OrganizationId = organizationReference, MemberId = memberReference }, _store.Clock.Now, sessionRequired: false);
        var registration = Table.Of(context.Member.MemberId) ?? throw new StytchException(StytchError.TotpNotFound);
        return TotpCodes.CodeAt(registration.Secret, _store.Clock.Now);
    });
}
