namespace Stytch.Fake.Products.B2B.Mfa;

/// <summary>
/// The organization's auth policies as they apply to factors: which Stytch method a factor is
/// (<c>allowed_auth_methods</c>, <c>allowed_mfa_methods</c>), and whether the organization allows it
/// (stytch.com/docs/b2b/api/org-auth-settings: <c>auth_methods</c> and <c>mfa_methods</c> RESTRICTED allow only the
/// listed methods).
/// </summary>
internal static class AuthMethods
{
    /// <summary>The organization setting value that restricts methods to its list.</summary>
    public const string Restricted = "RESTRICTED";
    /// <summary>The <c>mfa_policy</c> that asks every member for MFA.</summary>
    public const string RequiredForAll = "REQUIRED_FOR_ALL";
    /// <summary>The MFA method of SMS codes.</summary>
    public const string SmsOtp = "sms_otp";
    /// <summary>The MFA method of authenticator apps.</summary>
    public const string Totp = "totp";

    /// <summary>True for a factor that can be a member's first factor (all but SMS, TOTP and recovery codes).</summary>
    public static bool IsPrimary(AuthenticationFactor factor) => MfaMethodOf(factor) is null;

    /// <summary>True for an MFA factor: SMS OTP, TOTP or a recovery code.</summary>
    public static bool IsMfa(AuthenticationFactor factor) => MfaMethodOf(factor) is not null;

    /// <summary>The <c>allowed_auth_methods</c> name of a primary factor (<c>email_otp</c>, <c>magic_link</c>, …).</summary>
    public static string PrimaryMethodOf(AuthenticationFactor factor) => factor.Kind switch
    {
        FactorKind.EmailOtp => "email_otp",
        FactorKind.Password => "password",
        FactorKind.OAuth => factor.Provider + "_oauth",
        _ => "magic_link",
    };

    /// <summary>
    /// The <c>allowed_mfa_methods</c> name of an MFA factor, or null for a primary one. A recovery code stands in for
    /// TOTP, so it counts as <c>totp</c> (inferred: Stytch issues recovery codes with TOTP registrations).
    /// </summary>
    public static string? MfaMethodOf(AuthenticationFactor factor) => factor.Kind switch
    {
        FactorKind.SmsOtp => SmsOtp,
        FactorKind.Totp or FactorKind.RecoveryCode => Totp,
        _ => null,
    };

    /// <summary>
    /// True when the organization lets <paramref name="member"/> log in with the primary <paramref name="factor"/>. A
    /// break-glass member bypasses the organization's auth settings (stytch.com/docs/b2b/api/member-object,
    /// <c>is_breakglass</c>).
    /// </summary>
    public static bool AllowsPrimary(StytchOrganization organization, StytchMember member, AuthenticationFactor factor) =>
        organization.AuthMethods != Restricted || member.IsBreakglass
        || organization.AllowedAuthMethods.Contains(PrimaryMethodOf(factor), StringComparer.Ordinal);

    /// <summary>True when the organization allows <paramref name="method"/> (<c>sms_otp</c> or <c>totp</c>) for MFA.</summary>
    public static bool AllowsMfa(StytchOrganization organization, string method) =>
        organization.MfaMethods != Restricted || organization.AllowedMfaMethods.Contains(method, StringComparer.Ordinal);

    /// <summary>
    /// True when the member must do an MFA step to log in: the organization requires it of everyone, or the member is
    /// enrolled (stytch.com/docs/b2b/api/member-object, <c>mfa_enrolled</c>: "If true, the Member must complete an MFA
    /// step whenever they wish to log in to their Organization").
    /// </summary>
    public static bool NeedsMfa(StytchOrganization organization, StytchMember member) =>
        organization.MfaPolicy == RequiredForAll || member.MfaEnrolled;
}
