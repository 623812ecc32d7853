namespace Stytch.Fake;

public sealed partial record StytchError
{
    // The B2B login policies' errors. Their types are in error-types.txt; Stytch documents no status or message for
    // them, so both are inferred (I) from the names.

    /// <summary>400 (I): an <c>intermediate_session_token</c> bound to another organization.</summary>
    public static readonly StytchError InvalidIntermediateSessionTokenForOrganization = new("invalid_intermediate_session_token_for_organization", 400, "The intermediate_session_token was issued for another organization.");
    /// <summary>400 (I): an <c>intermediate_session_token</c> that proves factors of another member or email address.</summary>
    public static readonly StytchError InvalidExchangePrimaryFactorUser = new("invalid_exchange_primary_factor_user", 400, "The intermediate_session_token holds the factors of another member or email address.");
    /// <summary>400 (I): the organization's <c>auth_methods</c> is RESTRICTED and its <c>allowed_auth_methods</c> lack this method.</summary>
    public static readonly StytchError OperationRestrictedByOrganizationAuthMethods = new("operation_restricted_by_organization_auth_methods", 400, "The organization's auth settings (auth_methods RESTRICTED, allowed_auth_methods) do not allow this authentication method.");
    /// <summary>400 (I): the organization's <c>mfa_methods</c> is RESTRICTED and its <c>allowed_mfa_methods</c> lack this method.</summary>
    public static readonly StytchError OperationRestrictedByOrganizationMfaMethods = new("operation_restricted_by_organization_mfa_methods", 400, "The organization's MFA settings (mfa_methods RESTRICTED, allowed_mfa_methods) do not allow this MFA method.");
    /// <summary>400 (I): an MFA factor shown with no primary factor before it (no intermediate session nor member session).</summary>
    public static readonly StytchError InvalidSessionMissingPrimaryFactor = new("invalid_session_missing_primary_factor", 400, "An MFA factor cannot log a member in on its own: send the intermediate_session_token, session_token or session_jwt of a primary authentication.");
}
