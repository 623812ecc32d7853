using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Organizations;
using Stytch.Fake.Products.B2B.Sessions;

namespace Stytch.Fake.Products.B2B.Mfa;

/// <summary>
/// The one gate every B2B login passes before a member session is made. Given what the login has shown (a
/// <see cref="LoginAttempt"/>), it answers a member session when the organization's policies are met, or an
/// intermediate session and the missing step: <c>primary_required</c> when no primary factor the organization allows
/// was shown, <c>mfa_required</c> when MFA is needed and no allowed MFA factor was shown. Call <see cref="Check"/>
/// before using up a code or token, then <see cref="Pass"/>; both under the store's lock.
/// </summary>
/// <remarks>
/// Stytch's rules (stytch.com/docs/b2b/api/authenticate-email-otp and the spec's authenticate descriptions): with MFA
/// required the answer is <c>member_authenticated: false</c> and an <c>intermediate_session_token</c>, and
/// <c>session_duration_minutes</c> and <c>session_custom_claims</c> are ignored; "if a valid session_token or session_jwt
/// is passed in, the Member will not be required to complete an MFA step"; a member with an MFA phone gets an SMS code
/// at once (stytch.com/docs/api-reference/b2b/api/mfa/otp/send-sms-otp: "after a successful primary authentication
/// event … an SMS OTP will automatically be sent"). At most one of an intermediate session and a member session may
/// be sent.
/// </remarks>
internal sealed class LoginGate
{
    private readonly ProjectStore _store;
    private readonly MemberSessionService _sessions;

    public LoginGate(ProjectStore store, OrganizationService organizations, MemberService members, MemberSessionService sessions)
    {
        _store = store;
        _sessions = sessions;
        organizations.Deleting.Add(organization =>
        {
            Intermediates.RemoveWhere(s => s.OrganizationId == organization.OrganizationId);
            MfaSmsCodes.RemoveAllOf(store, organization.OrganizationId);
        });
        members.Deleting.Add(member =>
        {
            Intermediates.RemoveWhere(s => s.MemberId == member.MemberId);
            store.Secrets.Remove(MfaSmsCodes.KeyOf(member.OrganizationId, member.MemberId));
        });
    }

    private IntermediateSessionTable Intermediates => _store.Part<IntermediateSessionTable>();

    /// <summary>The live intermediate session of <paramref name="token"/>, or null when none was sent; under the store's lock.</summary>
    /// <exception cref="StytchException"><c>intermediate_session_not_found</c> for an unknown, used or expired token.</exception>
    public IntermediateSession? FindIntermediate(string? token, DateTimeOffset now) =>
        string.IsNullOrEmpty(token) ? null : Intermediates.Find(token, now);

    /// <summary>Throws what <see cref="Pass"/> would throw, changing nothing; under the store's lock.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "One half of the gate's Check-then-Pass pair, called on the gate.")]
    public void Check(LoginAttempt attempt) => Decide(attempt);

    /// <summary>
    /// Ends the login: starts or extends the member session, or issues (or updates) the intermediate session and sends
    /// the MFA SMS code; under the store's lock.
    /// </summary>
    public B2BLogin Pass(LoginAttempt attempt, DateTimeOffset now)
    {
        var decision = Decide(attempt);
        var (organization, member) = (attempt.Organization, attempt.Member);
        if (decision.Primary is null && decision.Mfa is null)
        {
            MemberSession session;
            if (attempt.Existing is { } existing)
            {
                session = _sessions.Extend(existing, member, organization, attempt.Factor, attempt.SessionDurationMinutes, now, attempt.Claims);
            }
            else
            {
                session = _sessions.Start(member, organization, decision.Factors, attempt.SessionDurationMinutes ?? attempt.DefaultSessionMinutes, now, attempt.Claims);
            }

            if (attempt.Intermediate is { } used)
            {
                // Exchanged for a member session: the intermediate session is used up (the spec, sms authenticate:
                // "If an intermediate session token is provided, this operation will consume it").
                Intermediates.Remove(used.Token);
            }

            return new B2BLogin(member, organization, session, "", null, null);
        }

        var intermediate = attempt.Intermediate is { } given
            ? Intermediates.Replace(given with { OrganizationId = organization.OrganizationId, MemberId = member.MemberId, Factors = decision.Factors })
            : Intermediates.Issue(_store.Ids, member.EmailAddress, organization.OrganizationId, member.MemberId, decision.Factors, now);
        var mfa = decision.Mfa;
        if (mfa is not null && decision.Primary is null && attempt.InitiateSms && SendsSms(organization, member))
        {
            MfaSmsCodes.Send(_store, member, member.MfaPhoneNumber, attempt.Locale, now);
            mfa = mfa with { SecondaryAuthInitiated = AuthMethods.SmsOtp };
        }

        return new B2BLogin(member, organization, null, intermediate.Token, mfa, decision.Primary);
    }

    /// <summary>
    /// The steps <see cref="Pass"/> would still ask for (both null for a member session), changing nothing and sending no
    /// code: how discovery lists each organization; under the store's lock.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Called on the gate, as Check and Pass are.")]
    public (MfaRequired? Mfa, PrimaryRequired? Primary) Preview(LoginAttempt attempt)
    {
        var decision = Decide(attempt);
        return (decision.Mfa, decision.Primary);
    }

    private static Decision Decide(LoginAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var (organization, member, factor) = (attempt.Organization, attempt.Member, attempt.Factor);
        if (attempt.Existing is not null && attempt.Intermediate is not null)
        {
            throw new StytchException(StytchError.TooManySessionArguments);
        }

        if (attempt.Intermediate is { } intermediate)
        {
            CheckIntermediate(intermediate, organization, member);
        }

        // The factor just shown must be one the organization allows; factors brought along that it does not allow
        // only leave the member to show another (primary_required), as the spec says of exchanges.
        if (factor is not null && AuthMethods.IsPrimary(factor) && !AuthMethods.AllowsPrimary(organization, member, factor))
        {
            throw new StytchException(StytchError.OperationRestrictedByOrganizationAuthMethods);
        }

        if (factor is not null && AuthMethods.MfaMethodOf(factor) is { } method && !AuthMethods.AllowsMfa(organization, method))
        {
            throw new StytchException(StytchError.OperationRestrictedByOrganizationMfaMethods);
        }

        var factors = Merge(NamingMember(attempt.Intermediate?.Factors ?? [], member), attempt.CarriedFactors, factor);
        var extending = attempt.Existing is not null;
        if (!extending && !factors.Any(AuthMethods.IsPrimary))
        {
            throw new StytchException(StytchError.InvalidSessionMissingPrimaryFactor);
        }

        var primaryMet = extending || factors.Any(f => AuthMethods.IsPrimary(f) && AuthMethods.AllowsPrimary(organization, member, f));
        var mfaMet = extending || !AuthMethods.NeedsMfa(organization, member)
            || factors.Any(f => AuthMethods.MfaMethodOf(f) is { } m && AuthMethods.AllowsMfa(organization, m));
        return new Decision(
            factors,
            primaryMet ? null : new PrimaryRequired(organization.AllowedAuthMethods),
            mfaMet ? null : new MfaRequired(OptionsOf(member), SecondaryAuthInitiated: null));
    }

    /// <summary>
    /// An intermediate session is for one organization (or any, after discovery) and one person: the member, or the
    /// email address of a discovery login.
    /// </summary>
    private static void CheckIntermediate(IntermediateSession intermediate, StytchOrganization organization, StytchMember member)
    {
        if (intermediate.OrganizationId is { } bound && bound != organization.OrganizationId)
        {
            throw new StytchException(StytchError.InvalidIntermediateSessionTokenForOrganization);
        }

        var samePerson = intermediate.MemberId is { } memberId
            ? memberId == member.MemberId
            : string.Equals(intermediate.EmailAddress, member.EmailAddress, StringComparison.Ordinal);
        if (!samePerson)
        {
            throw new StytchException(StytchError.InvalidExchangePrimaryFactorUser);
        }
    }

    /// <summary>
    /// The factors with their email factors for <paramref name="member"/>'s address naming its email id: a discovery
    /// login proves an address before any member has it, so its factors carry an empty id until a login to an
    /// organization names the member (then a new factor of the same kind replaces it instead of standing beside it).
    /// </summary>
    public static IReadOnlyList<AuthenticationFactor> NamingMember(IReadOnlyList<AuthenticationFactor> factors, StytchMember member)
    {
        ArgumentNullException.ThrowIfNull(factors);
        ArgumentNullException.ThrowIfNull(member);
        return [.. factors.Select(f => f.Email is { EmailId.Length: 0 } email && email.EmailAddress == member.EmailAddress && member.EmailId.Length > 0
            ? AuthenticationFactor.Of(f.Kind, new FactorEmail(member.EmailId, email.EmailAddress), f.Phone, f.Provider, f.CreatedAt, f.LastAuthenticatedAt) ?? f
            : f)];
    }

    /// <summary>The factors in the order shown, a later one of the same kind and method replacing an earlier one.</summary>
    private static List<AuthenticationFactor> Merge(IReadOnlyList<AuthenticationFactor> first, IReadOnlyList<AuthenticationFactor> carried, AuthenticationFactor? last)
    {
        var merged = new List<AuthenticationFactor>();
        foreach (var f in first.Concat(carried).Concat(last is null ? [] : [last]))
        {
            merged.RemoveAll(f.IsSameFactorAs);
            merged.Add(f);
        }

        return merged;
    }

    private static MfaMemberOptions? OptionsOf(StytchMember member)
    {
        return member.MfaPhoneNumber.Length == 0 && member.TotpRegistrationId.Length == 0
            ? null
            : new MfaMemberOptions(member.MfaPhoneNumber, member.TotpRegistrationId);
    }

    /// <summary>
    /// Whether the MFA step starts with an SMS code: the member has an MFA phone, the organization allows SMS, and the
    /// member has not chosen TOTP as its default method (inferred: a member who prefers TOTP is not sent a code).
    /// </summary>
    private static bool SendsSms(StytchOrganization organization, StytchMember member) =>
        member.MfaPhoneNumber.Length > 0 && AuthMethods.AllowsMfa(organization, AuthMethods.SmsOtp) && member.DefaultMfaMethod != AuthMethods.Totp;

    private sealed record Decision(IReadOnlyList<AuthenticationFactor> Factors, PrimaryRequired? Primary, MfaRequired? Mfa);
}
