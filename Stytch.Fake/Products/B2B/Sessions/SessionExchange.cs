using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Mfa;
using Stytch.Fake.Products.B2B.Organizations;

namespace Stytch.Fake.Products.B2B.Sessions;

/// <summary>What <c>POST /v1/b2b/sessions/exchange</c> names: the target organization and the session to move there.</summary>
internal sealed record SessionExchangeCommand
{
    /// <summary>The target organization's id, slug or external id.</summary>
    public required string? OrganizationId { get; init; }
    /// <summary>The member session to exchange, by token; or null when <see cref="SessionId"/> names it.</summary>
    public string? SessionToken { get; init; }
    /// <summary>The member session to exchange, by id (from a verified JWT); or null.</summary>
    public string? SessionId { get; init; }
    /// <summary>The new session's lifetime, 5..527040; default 60.</summary>
    public int? SessionDurationMinutes { get; init; }
    /// <summary>The new session's custom claims; null when none were sent.</summary>
    public IReadOnlyDictionary<string, object?>? CustomClaims { get; init; }
    /// <summary>The locale of an MFA SMS code, if one is sent.</summary>
    public string? Locale { get; init; }
}

/// <summary>
/// <c>POST /v1/b2b/sessions/exchange</c>: a member session moved to another organization where the same email address
/// is a member, through the <see cref="LoginGate"/> with the factors that carry over. The original session is left as
/// it is (inferred: the spec says nothing of revoking it).
/// </summary>
/// <remarks>
/// stytch.com/docs/b2b/api/exchange-session: it "can be used to accept an invite, but not to create a new member via
/// domain matching"; "Only Email Magic Link, OAuth, and SMS OTP factors can be transferred between sessions … such as
/// password factors, will not be transferred"; "SMS OTP factors can be used to fulfill MFA requirements for the target
/// Organization if both the original and target Member have the same phone number and the phone number is verified for
/// both Members"; with MFA required, <c>session_duration_minutes</c> and <c>session_custom_claims</c> are ignored.
/// </remarks>
internal sealed class SessionExchange(ProjectStore store, OrganizationService organizations, MemberService members, LoginGate gate)
{
    /// <summary>Exchanges the session; a member session in the target organization, or an intermediate session and the step still missing.</summary>
    public B2BLogin Exchange(SessionExchangeCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        OrganizationRules.CheckReference(command.OrganizationId);
        Validate.SessionMinutes(command.SessionDurationMinutes);
        CustomClaims.CheckKeys(command.CustomClaims);
        var locale = Validate.Locale(command.Locale);
        return store.Transact(() =>
        {
            var now = store.Clock.Now;
            var session = store.MemberSessions.Find(command.SessionToken, command.SessionId, now);
            var source = members.ById(session.MemberId);
            var organization = organizations.Resolve(command.OrganizationId);
            // Inferred: no member of that address in the target organization is a missing member (no JIT provisioning here).
            var target = members.WithEmail(organization, source.EmailAddress) ?? throw new StytchException(StytchError.MemberNotFound);
            var carried = Carried(session.AuthenticationFactors, source, target);
            if (!carried.Any(AuthMethods.IsPrimary))
            {
                // Inferred: a session whose factors do not carry over (a password only) cannot be exchanged at all.
                throw new StytchException(StytchError.InsufficientFactorsForSessionExchange);
            }

            var attempt = new LoginAttempt
            {
                Organization = organization,
                Member = target,
                CarriedFactors = carried,
                SessionDurationMinutes = command.SessionDurationMinutes,
                Claims = CustomClaims.Merge(CustomClaims.None, command.CustomClaims),
                Locale = locale,
            };
            gate.Check(attempt);
            var login = gate.Pass(attempt, now);

            // Accepting an invite: an invited or pending member becomes active once the exchange ends in a member session
            // (inferred, as after a login to the organization).
            return login.MemberAuthenticated && target.Status != MemberStatus.Active ? login with { Member = members.Verify(target, now) } : login;
        });
    }

    /// <summary>
    /// The factors of the original session that carry over to <paramref name="target"/>: email magic links (and email
    /// OTP, inferred: it proves the same address), now naming the target member's email id, OAuth, and SMS OTP when both
    /// members have that phone number verified.
    /// </summary>
    private static List<AuthenticationFactor> Carried(IReadOnlyList<AuthenticationFactor> factors, StytchMember source, StytchMember target)
    {
        var carried = new List<AuthenticationFactor>();
        foreach (var factor in factors)
        {
            var moved = factor.Kind switch
            {
                FactorKind.MagicLink or FactorKind.EmailOtp when factor.Email is { } email && email.EmailAddress == target.EmailAddress =>
                    AuthenticationFactor.Of(factor.Kind, new FactorEmail(target.EmailId, email.EmailAddress), null, "", factor.CreatedAt, factor.LastAuthenticatedAt),
                FactorKind.OAuth => factor,
                FactorKind.SmsOtp when factor.Phone is { } phone && SharesVerifiedPhone(source, target, phone.PhoneNumber) => factor,
                _ => null,
            };
            if (moved is not null)
            {
                carried.Add(moved);
            }
        }

        return carried;
    }

    private static bool SharesVerifiedPhone(StytchMember source, StytchMember target, string phoneNumber) =>
        phoneNumber.Length > 0
        && source.MfaPhoneNumberVerified && source.MfaPhoneNumber == phoneNumber
        && target.MfaPhoneNumberVerified && target.MfaPhoneNumber == phoneNumber;
}
