namespace Stytch.Fake;

// A member as the engine holds it. Its metadata are kept as JSON object text, verbatim: the engine never parses
// JSON, the HTTP layer checks and renders it.

/// <summary>An email address a member used before an update replaced it.</summary>
/// <param name="EmailId">The email id it had.</param>
/// <param name="EmailAddress">The address.</param>
public sealed record RetiredEmail(string EmailId, string EmailAddress);

/// <summary>A B2B member of one organization.</summary>
public sealed record StytchMember
{
    /// <summary>The organization the member belongs to.</summary>
    public required string OrganizationId { get; init; }
    /// <summary>The <c>member-test-…</c> id.</summary>
    public required string MemberId { get; init; }
    /// <summary>The email address, lower case.</summary>
    public required string EmailAddress { get; init; }
    /// <summary>The <c>email-test-…</c> id of that address: the <c>method_id</c> and <c>email_factor.email_id</c>.</summary>
    public required string EmailId { get; init; }
    /// <summary><c>pending</c>, <c>invited</c>, <c>active</c> or <c>deleted</c>.</summary>
    public required string Status { get; init; }
    /// <summary>The member's name, or empty.</summary>
    public string Name { get; init; } = "";
    /// <summary>Whether the member bypasses the organization's auth settings.</summary>
    public bool IsBreakglass { get; init; }
    /// <summary>True once a code sent to the address was authenticated.</summary>
    public bool EmailAddressVerified { get; init; }
    /// <summary>The MFA phone number (E.164), or empty.</summary>
    public string MfaPhoneNumber { get; init; } = "";
    /// <summary>True once an SMS code sent to <see cref="MfaPhoneNumber"/> was authenticated; a new number is unverified.</summary>
    public bool MfaPhoneNumberVerified { get; init; }
    /// <summary>The id of the member's active (authenticated) TOTP registration, or empty.</summary>
    public string TotpRegistrationId { get; init; } = "";
    /// <summary>Whether the member is enrolled in MFA.</summary>
    public bool MfaEnrolled { get; init; }
    /// <summary><c>sms_otp</c>, <c>totp</c> or empty.</summary>
    public string DefaultMfaMethod { get; init; } = "";
    /// <summary>Explicitly assigned roles (every member also has <c>stytch_member</c>).</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];
    /// <summary>The trusted metadata as JSON object text.</summary>
    public string TrustedMetadata { get; init; } = "{}";
    /// <summary>The untrusted metadata as JSON object text.</summary>
    public string UntrustedMetadata { get; init; } = "{}";
    /// <summary>The organization-unique external id, or empty; usable wherever a member id is expected.</summary>
    public string ExternalId { get; init; } = "";
    /// <summary>The <c>password-test-…</c> id of the member's password (<c>member_password_id</c>), or empty for none.</summary>
    public string MemberPasswordId { get; init; } = "";
    /// <summary>Addresses the member had before.</summary>
    public IReadOnlyList<RetiredEmail> RetiredEmailAddresses { get; init; } = [];
    /// <summary>When the member was created, on the project clock.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>When the member was last changed, on the project clock.</summary>
    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>Where one of a member's roles comes from.</summary>
/// <param name="Type"><c>direct_assignment</c> or <c>email_assignment</c>.</param>
/// <param name="EmailDomain">For <c>email_assignment</c>, the domain that granted it; else null.</param>
internal sealed record RoleSource(string Type, string? EmailDomain);

/// <summary>One of a member's effective roles, with its sources.</summary>
/// <param name="RoleId">The role id.</param>
/// <param name="Sources">Why the member has it.</param>
internal sealed record MemberRole(string RoleId, IReadOnlyList<RoleSource> Sources);
