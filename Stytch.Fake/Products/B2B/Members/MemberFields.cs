namespace Stytch.Fake.Products.B2B.Members;

/// <summary>Member fields to create or update with; null means "not given".</summary>
internal sealed record MemberFields
{
    /// <summary>The email address (required on create).</summary>
    public string? EmailAddress { get; init; }
    /// <summary>The member's name.</summary>
    public string? Name { get; init; }
    /// <summary>JSON object text, already checked to be an object.</summary>
    public string? TrustedMetadata { get; init; }
    /// <summary>JSON object text, already checked to be an object.</summary>
    public string? UntrustedMetadata { get; init; }
    /// <summary>Break glass member.</summary>
    public bool? IsBreakglass { get; init; }
    /// <summary>E.164 phone number.</summary>
    public string? MfaPhoneNumber { get; init; }
    /// <summary>MFA enrolment.</summary>
    public bool? MfaEnrolled { get; init; }
    /// <summary>Explicit roles; replaces the current ones on update.</summary>
    public IReadOnlyList<string>? Roles { get; init; }
    /// <summary>The organization-unique external id.</summary>
    public string? ExternalId { get; init; }
    /// <summary>Update only: <c>sms_otp</c> or <c>totp</c>.</summary>
    public string? DefaultMfaMethod { get; init; }
    /// <summary>Update only: drop the old address instead of retiring it when <see cref="EmailAddress"/> changes.</summary>
    public bool? UnlinkEmail { get; init; }
}
