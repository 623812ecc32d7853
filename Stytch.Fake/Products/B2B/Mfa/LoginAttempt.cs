using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Sessions;

namespace Stytch.Fake.Products.B2B.Mfa;

/// <summary>
/// What a B2B login has shown so far, as <see cref="LoginGate"/> judges it: the organization and member it is for, the
/// factor just proved, and what came before it (an intermediate session, factors carried from another session, or a
/// member session to extend).
/// </summary>
internal sealed record LoginAttempt
{
    /// <summary>The organization the member logs in to.</summary>
    public required StytchOrganization Organization { get; init; }
    /// <summary>The member who logs in (already checked to belong to <see cref="Organization"/>).</summary>
    public required StytchMember Member { get; init; }
    /// <summary>The factor the request just proved; null for an exchange, which only carries factors.</summary>
    public AuthenticationFactor? Factor { get; init; }
    /// <summary>The intermediate session sent with the request (see <see cref="LoginGate.FindIntermediate"/>), or null.</summary>
    public IntermediateSession? Intermediate { get; init; }
    /// <summary>Factors brought from elsewhere, such as the primary factors of a session exchanged into this organization.</summary>
    public IReadOnlyList<AuthenticationFactor> CarriedFactors { get; init; } = [];
    /// <summary>The member's own session in <see cref="Organization"/> to extend, or null to start one.</summary>
    public MemberSession? Existing { get; init; }
    /// <summary>The session lifetime asked for; null for the default on start, unchanged on extend.</summary>
    public int? SessionDurationMinutes { get; init; }
    /// <summary>The lifetime of a new session when none was asked for.</summary>
    public int DefaultSessionMinutes { get; init; } = 60;
    /// <summary>The custom claims the member session gets (already merged with an extended session's).</summary>
    public IReadOnlyDictionary<string, object?> Claims { get; init; } = CustomClaims.None;
    /// <summary>
    /// Whether an SMS code goes to the member's MFA phone when MFA is needed. Stytch sends none from the discovery
    /// authenticate and list calls (<c>secondary_auth_initiated</c>'s description in the spec).
    /// </summary>
    public bool InitiateSms { get; init; } = true;
    /// <summary>The locale of that SMS (already checked).</summary>
    public string Locale { get; init; } = "en";
}

/// <summary>
/// What a B2B login came to: a member session (<see cref="MemberAuthenticated"/>), or an intermediate session with
/// the step still missing (<see cref="MfaRequired"/>, <see cref="PrimaryRequired"/>).
/// </summary>
/// <param name="Member">The member.</param>
/// <param name="Organization">The organization.</param>
/// <param name="Session">The started or extended member session; null when a step is missing.</param>
/// <param name="IntermediateSessionToken">The intermediate session to finish with; empty when <see cref="Session"/> is set.</param>
/// <param name="MfaRequired">The MFA step still to do, or null.</param>
/// <param name="PrimaryRequired">The primary factor still to show, or null.</param>
internal sealed record B2BLogin(
    StytchMember Member,
    StytchOrganization Organization,
    MemberSession? Session,
    string IntermediateSessionToken,
    MfaRequired? MfaRequired,
    PrimaryRequired? PrimaryRequired)
{
    /// <summary>True when the login ended in a member session.</summary>
    public bool MemberAuthenticated => Session is not null;
}

/// <summary>Stytch's <c>mfa_required</c>: how the member can do the MFA step, and whether a code was already sent.</summary>
/// <param name="MemberOptions">The member's MFA phone and TOTP registration; null when the member has neither (inferred).</param>
/// <param name="SecondaryAuthInitiated"><c>sms_otp</c> when a code was sent to the member's phone, else null.</param>
internal sealed record MfaRequired(MfaMemberOptions? MemberOptions, string? SecondaryAuthInitiated);

/// <summary>Stytch's <c>member_options</c>.</summary>
/// <param name="MfaPhoneNumber">The member's MFA phone number, or empty.</param>
/// <param name="TotpRegistrationId">The member's TOTP registration id, or empty.</param>
internal sealed record MfaMemberOptions(string MfaPhoneNumber, string TotpRegistrationId);

/// <summary>Stytch's <c>primary_required</c>: the organization's primary methods, one of which the member must still show.</summary>
/// <param name="AllowedAuthMethods">The organization's <c>allowed_auth_methods</c>.</param>
internal sealed record PrimaryRequired(IReadOnlyList<string> AllowedAuthMethods);
