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

public sealed partial record StytchError
{
    // The MFA products' errors (SMS OTP, TOTP, recovery codes). Types from error-types.txt; statuses and messages
    // inferred (I), 404 for what is missing, 401 for a code that does not authenticate, as for email OTP codes.

    /// <summary>400 (I): the session sent with an MFA call is another member's.</summary>
    public static readonly StytchError MemberSessionMemberIdMismatch = new("member_session_member_id_mismatch", 400, "The session or intermediate session sent belongs to another member than member_id.");
    /// <summary>404 (I): an SMS call for a member without an MFA phone number, and none was given.</summary>
    public static readonly StytchError MemberPhoneNumberNotFound = new("member_phone_number_not_found", 404, "The member has no MFA phone number: send mfa_phone_number to set one.");
    /// <summary>400 (I): <c>mfa_phone_number</c> differs from the number the member already has.</summary>
    public static readonly StytchError DuplicateMemberPhoneNumberForMember = new("duplicate_member_phone_number_for_member", 400, "The member already has another MFA phone number; delete it before setting a new one.");
    /// <summary>400 (I): a TOTP create for a member who already has an active TOTP registration.</summary>
    public static readonly StytchError ActiveTotpExists = new("active_totp_exists", 400, "The member already has an active TOTP registration.");
    /// <summary>404 (I): a TOTP authenticate for a member without a TOTP registration.</summary>
    public static readonly StytchError TotpNotFound = new("totp_not_found", 404, "The member has no TOTP registration.");
    /// <summary>401 (I): the TOTP registration was not authenticated within its expiration_minutes.</summary>
    public static readonly StytchError ExpiredTotp = new("expired_totp", 401, "The TOTP registration expired before it was authenticated; create a new one.");
    /// <summary>401 (I): the TOTP code is not the member's current one.</summary>
    public static readonly StytchError UnableToAuthenticateTotp = new("unable_to_authenticate_totp", 401, "The TOTP code could not be authenticated.");
    /// <summary>401 (I): the TOTP code of this time step was already used.</summary>
    public static readonly StytchError TotpCodeAlreadyAuthenticated = new("totp_code_already_authenticated", 401, "This TOTP code was already used; wait for the next one.");
    /// <summary>400 (I): a recovery code sent as a TOTP code.</summary>
    public static readonly StytchError RecoveryCodeUsedAsTotpCode = new("recovery_code_used_as_totp_code", 400, "A recovery code was sent as a TOTP code: use the recovery codes recover endpoint.");
    /// <summary>400 (I): a TOTP code sent as a recovery code.</summary>
    public static readonly StytchError TotpCodeUsedAsRecoveryCode = new("totp_code_used_as_recovery_code", 400, "A TOTP code was sent as a recovery code: use the TOTP authenticate endpoint.");
    /// <summary>404 (I): recovery codes of a member without an active TOTP registration.</summary>
    public static readonly StytchError NoActiveRecoveryCodeBackedFactor = new("no_active_recovery_code_backed_factor", 404, "The member has no active TOTP registration, so no recovery codes.");
    /// <summary>401 (I): the recovery code is not one of the member's unused codes.</summary>
    public static readonly StytchError UnableToAuthenticateRecoveryCode = new("unable_to_authenticate_recovery_code", 401, "The recovery code could not be authenticated: it is not one of the member's unused codes.");
}
