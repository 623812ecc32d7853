using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Organizations;
using Stytch.Fake.Products.B2B.Sessions;

namespace Stytch.Fake.Products.B2B.Mfa;

/// <summary>What an MFA call (SMS OTP, TOTP, recovery codes) names: the member, and the session it continues.</summary>
internal sealed record MfaStepCommand
{
    /// <summary>The organization id, slug or external id.</summary>
    public required string? OrganizationId { get; init; }
    /// <summary>The member id or external id.</summary>
    public required string? MemberId { get; init; }
    /// <summary>The intermediate session of the primary factor, or null.</summary>
    public string? IntermediateSessionToken { get; init; }
    /// <summary>A member session to step up, by token, or null.</summary>
    public string? SessionToken { get; init; }
    /// <summary>A member session to step up, by id (from a verified JWT), or null.</summary>
    public string? SessionId { get; init; }
    /// <summary>Session lifetime, 5..527040; default 60 for a new session, unchanged for an extended one.</summary>
    public int? SessionDurationMinutes { get; init; }
    /// <summary>Claims to merge into the member session's custom claims; null when none were sent.</summary>
    public IReadOnlyDictionary<string, object?>? CustomClaims { get; init; }
    /// <summary><c>enroll</c> or <c>unenroll</c>: the member's <c>mfa_enrolled</c> after success, when the policy is OPTIONAL.</summary>
    public string? SetMfaEnrollment { get; init; }
    /// <summary>Make this method the member's <c>default_mfa_method</c> after success.</summary>
    public bool? SetDefaultMfa { get; init; }
}

/// <summary>An MFA call's member and session, found and checked.</summary>
internal sealed record MfaStepContext(
    StytchOrganization Organization,
    StytchMember Member,
    IntermediateSession? Intermediate,
    MemberSession? Existing,
    IReadOnlyDictionary<string, object?> Claims);

/// <summary>
/// What the MFA products share: finding the member and the session an MFA call continues, the login it ends in (through
/// <see cref="LoginGate"/>), and the member's enrolment after a factor was authenticated.
/// </summary>
internal sealed class MfaStep(OrganizationService organizations, MemberService members, MemberSessionService sessions, LoginGate gate)
{
    private static readonly string[] Enrollments = ["enroll", "unenroll"];

    public LoginGate Gate => gate;

    /// <summary>The checks of the command itself, before any state is read.</summary>
    public static void Check(MfaStepCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        OrganizationRules.CheckReference(command.OrganizationId);
        if (string.IsNullOrEmpty(command.MemberId))
        {
            throw new StytchException(StytchError.MemberNotFound);
        }

        Validate.SessionMinutes(command.SessionDurationMinutes);
        CustomClaims.CheckKeys(command.CustomClaims);
        if (!string.IsNullOrEmpty(command.SetMfaEnrollment) && Array.IndexOf(Enrollments, command.SetMfaEnrollment) < 0)
        {
            throw Validate.BadRequest("set_mfa_enrollment must be enroll or unenroll.");
        }
    }

    /// <summary>
    /// The member and the session the call continues. At most one of an intermediate session and a member session; with
    /// <paramref name="sessionRequired"/>, exactly one (the spec, sms authenticate: "Exactly one of
    /// intermediate_session_token, session_token, or session_jwt must be provided"). Under the store's lock.
    /// </summary>
    public MfaStepContext Open(MfaStepCommand command, DateTimeOffset now, bool sessionRequired)
    {
        ArgumentNullException.ThrowIfNull(command);
        var given = new[] { command.IntermediateSessionToken, command.SessionToken, command.SessionId }.Count(v => !string.IsNullOrEmpty(v));
        if (given > 1)
        {
            throw new StytchException(StytchError.TooManySessionArguments);
        }

        if (given == 0 && sessionRequired)
        {
            throw new StytchException(StytchError.NoSessionArguments);
        }

        var organization = organizations.Resolve(command.OrganizationId);
        var member = members.Resolve(organization, command.MemberId, includeDeleted: false);
        var intermediate = gate.FindIntermediate(command.IntermediateSessionToken, now);
        var existing = sessions.FindToExtend(command.SessionToken, command.SessionId, now);
        if (existing is not null && existing.MemberId != member.MemberId)
        {
            throw new StytchException(StytchError.MemberSessionMemberIdMismatch);
        }

        var claims = CustomClaims.Merge(existing?.CustomClaims ?? CustomClaims.None, command.CustomClaims);
        return new MfaStepContext(organization, member, intermediate, existing, claims);
    }

    /// <summary>Saves a changed member; under the store's lock.</summary>
    public void Replace(StytchMember current, StytchMember updated) => members.Table.Replace(current, updated);

    /// <summary>The login attempt of <paramref name="factor"/> in <paramref name="context"/>.</summary>
    public static LoginAttempt Attempt(MfaStepContext context, MfaStepCommand command, AuthenticationFactor factor)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(command);
        return new LoginAttempt
        {
            Organization = context.Organization,
            Member = context.Member,
            Factor = factor,
            Intermediate = context.Intermediate,
            Existing = context.Existing,
            SessionDurationMinutes = command.SessionDurationMinutes,
            Claims = context.Claims,
        };
    }

    /// <summary>
    /// The member after <paramref name="method"/> (<c>sms_otp</c> or <c>totp</c>) was authenticated, saved: enrolled when
    /// the organization requires MFA of everyone, else as <c>set_mfa_enrollment</c> says (the spec, sms authenticate);
    /// <paramref name="method"/> as the default when asked, or when the member has none (inferred). Under the store's lock.
    /// </summary>
    public StytchMember Enroll(StytchOrganization organization, StytchMember member, string method, MfaStepCommand command, Func<StytchMember, StytchMember> change, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(organization);
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(change);
        var enrolled = organization.MfaPolicy == AuthMethods.RequiredForAll || command.SetMfaEnrollment switch
        {
            "enroll" => true,
            "unenroll" => false,
            _ => member.MfaEnrolled,
        };
        var updated = change(member) with
        {
            MfaEnrolled = enrolled,
            DefaultMfaMethod = command.SetDefaultMfa == true || member.DefaultMfaMethod.Length == 0 ? method : member.DefaultMfaMethod,
            UpdatedAt = now,
        };
        members.Table.Replace(member, updated);
        return updated;
    }
}
