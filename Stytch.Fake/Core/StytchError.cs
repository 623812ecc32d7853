namespace Stytch.Fake;

/// <summary>
/// One Stytch error: the <c>error_type</c>, the HTTP status it is sent with and its <c>error_message</c>.
/// The static members form the fake's whole error catalogue (see <see cref="Catalogue"/>).
/// </summary>
/// <param name="ErrorType">Stytch's <c>error_type</c> string, e.g. <c>invalid_email</c>.</param>
/// <param name="StatusCode">The HTTP status code, also echoed as <c>status_code</c> in the body.</param>
/// <param name="Message">The <c>error_message</c> text.</param>
public sealed partial record StytchError(string ErrorType, int StatusCode, string Message)
{
    // Messages are Stytch's own where ../shared/reference/ERRORS.md marks them confirmed (C) or
    // taken from Stytch's SDK strings (S); the rest are this fake's wording for inferred types (I).

    /// <summary>400: the body is not valid JSON or not the expected shape.</summary>
    public static readonly StytchError BadRequest = new("bad_request", 400, "The submitted request is invalid.");
    /// <summary>400: the email address is missing or malformed.</summary>
    public static readonly StytchError InvalidEmail = new("invalid_email", 400, "Email format is invalid.");
    /// <summary>400: <c>locale</c> is not one of en, es, fr, pt-br.</summary>
    public static readonly StytchError InvalidLocale = new("invalid_locale", 400, "locale is invalid.");
    /// <summary>
    /// 400: consumer <c>expiration_minutes</c> outside 1..10, or B2B <c>login_expiration_minutes</c> /
    /// <c>signup_expiration_minutes</c> outside 2..15.
    /// </summary>
    public static readonly StytchError InvalidExpirationOtp = new("invalid_expiration_otp", 400, "expiration_minutes is invalid, should be between 1 to 10 minutes (B2B login_expiration_minutes and signup_expiration_minutes: 2 to 15 minutes).");
    /// <summary>400: the OTP code is missing or not six digits.</summary>
    public static readonly StytchError InvalidCode = new("invalid_code", 400, "Code format is invalid.");
    /// <summary>400: <c>method_id</c> is missing or not shaped like an email id.</summary>
    public static readonly StytchError InvalidMethodId = new("invalid_method_id", 400, "method_id format is invalid.");
    /// <summary>400: <c>user_id</c> is not shaped like a user id.</summary>
    public static readonly StytchError InvalidUserId = new("invalid_user_id", 400, "user_id format is invalid.");
    /// <summary>400: <c>session_duration_minutes</c> is outside 5..527040.</summary>
    public static readonly StytchError InvalidSessionDurationMinutes = new("invalid_session_duration_minutes", 400, "session_duration_minutes is invalid, should be between 5 to 527040 minutes.");
    /// <summary>400: the Basic auth user name is not shaped like a project id.</summary>
    public static readonly StytchError InvalidProjectIdAuthentication = new("invalid_project_id_authentication", 400, "The project ID provided in the basic authentication header is invalid. Please check to make sure the format is correct and there are no trailing whitespaces. To create a new project or confirm an existing project ID please visit the Stytch dashboard here: https://stytch.com/dashboard/api-keys.");
    /// <summary>401: missing, malformed or wrong Basic auth credentials.</summary>
    public static readonly StytchError UnauthorizedCredentials = new("unauthorized_credentials", 401, "Unauthorized credentials.");
    /// <summary>401: the OTP expired or was already used.</summary>
    public static readonly StytchError UnableToAuthOtpCode = new("unable_to_auth_otp_code", 401, "The passcode could not be authenticated because it was either already used or expired. Send another passcode to this user.");
    /// <summary>404: the OTP does not match the newest code sent for that method.</summary>
    public static readonly StytchError OtpCodeNotFound = new("otp_code_not_found", 404, "The passcode was incorrect and could not be authenticated, encourage the user to try inputting the passcode again or send another passcode.");
    /// <summary>404: no user owns this email (<c>otps/email/send</c>).</summary>
    public static readonly StytchError EmailNotFound = new("email_not_found", 404, "Email could not be found.");
    /// <summary>404: no user has this id.</summary>
    public static readonly StytchError UserNotFound = new("user_not_found", 404, "User could not be found.");
    /// <summary>400: a user with this email already exists.</summary>
    public static readonly StytchError DuplicateEmail = new("duplicate_email", 400, "A user with the specified email already exists for this project.");
    /// <summary>400: the session token is not shaped like a session token.</summary>
    public static readonly StytchError InvalidSessionToken = new("invalid_session_token", 400, "Session token format is invalid.");
    /// <summary>400: the session id is not shaped like a session id.</summary>
    public static readonly StytchError InvalidSessionId = new("invalid_session_id", 400, "session_id format is invalid.");
    /// <summary>400: the session JWT cannot be parsed or its signature is not the project's.</summary>
    public static readonly StytchError UnableToParseSessionJwt = new("unable_to_parse_session_jwt", 400, "The session JWT could not be parsed or its signature is invalid.");
    /// <summary>400: both a session token and a session JWT were sent.</summary>
    public static readonly StytchError TooManySessionArguments = new("too_many_session_arguments", 400, "Please include at most one of session_token, session_jwt, or intermediate_session_token in an authenticate request, not multiple.");
    /// <summary>400: neither a session token nor a session JWT was sent.</summary>
    public static readonly StytchError NoSessionArguments = new("no_session_arguments", 400, "Please include one of session_token or session_jwt in the request.");
    /// <summary>400: more than one of session_id, session_token and session_jwt were sent to revoke.</summary>
    public static readonly StytchError TooManySessionRevokeArguments = new("too_many_session_revoke_arguments", 400, "Please include only one of session_id, session_token, or session_jwt in a revoke request.");
    /// <summary>400: none of session_id, session_token and session_jwt were sent to revoke.</summary>
    public static readonly StytchError NoSessionRevokeArguments = new("no_session_revoke_arguments", 400, "Please include one of session_id, session_token, or session_jwt in a revoke request.");
    /// <summary>404: the session is unknown, expired or revoked.</summary>
    public static readonly StytchError SessionNotFound = new("session_not_found", 404, "Session could not be found.");
    /// <summary>401: <c>options.ip_match_required</c> / <c>user_agent_match_required</c> and the attributes differ from the send's (C: stytch.com/docs/api/errors/401).</summary>
    public static readonly StytchError AttributeMismatch = new("attribute_mismatch", 401, "Unable to authenticate because attributes on request don't match stored attributes.");
    /// <summary>400 (I): the session's custom claims would exceed four kilobytes.</summary>
    public static readonly StytchError CustomClaimsTooLarge = new("custom_claims_too_large", 400, "Total custom claims size cannot exceed four kilobytes.");
    /// <summary>400 (I): <c>session_custom_claims</c> names a reserved JWT claim (iss, sub, aud, exp, nbf, iat, jti).</summary>
    public static readonly StytchError ReservedClaimsInCustomClaims = new("reserved_claims_in_custom_claims", 400, "Custom claims may not include the reserved claims iss, sub, aud, exp, nbf, iat or jti.");
    /// <summary>400 (I): <c>session_custom_claims</c> names a claim under <c>https://stytch.com/</c>.</summary>
    public static readonly StytchError StytchClaimsInCustomClaims = new("stytch_claims_in_custom_claims", 400, "Custom claims may not include claims under https://stytch.com/, which Stytch sets itself.");
    /// <summary>400 (I): a custom claim value has no JSON representation Stytch keeps (a number beyond a double's range).</summary>
    public static readonly StytchError UnableToRepresentCustomClaimsJson = new("unable_to_represent_custom_claims_json", 400, "The custom claims could not be represented as JSON.");
    /// <summary>404: no route under <c>/v1/</c> has this path.</summary>
    public static readonly StytchError RouteNotFound = new("route_not_found", 404, "The route provided is not supported.");
    /// <summary>405: the path exists but not with this HTTP method.</summary>
    public static readonly StytchError MethodNotAllowed = new("method_not_allowed", 405, "The method used is not supported.");
    /// <summary>429: a rate limit was hit.</summary>
    public static readonly StytchError TooManyRequests = new("too_many_requests", 429, "Too many requests have been made.");
    /// <summary>500: an unexpected failure.</summary>
    public static readonly StytchError InternalServerError = new("internal_server_error", 500, "Oops, something seems to have gone wrong, please reach out to support@stytch.com to let us know what went wrong.");
    /// <summary>503: a temporary outage.</summary>
    public static readonly StytchError ServerUnavailable = new("server_unavailable", 503, "Oops, something seems to have gone wrong. Please retry the request. If this issue persists, please reach out to support.");

    // ---- B2B (../shared/reference/ERRORS.md sections E, F, G, H) ----------------------------------

    /// <summary>400: <c>organization_id</c> is missing or empty.</summary>
    public static readonly StytchError InvalidOrganizationId = new("invalid_organization_id", 400, "organization_id format is invalid.");
    /// <summary>404: no organization has this id, slug or external id.</summary>
    public static readonly StytchError OrganizationNotFound = new("organization_not_found", 404, "Organization could not be found.");
    /// <summary>400: another organization of the project has this slug.</summary>
    public static readonly StytchError OrganizationSlugAlreadyUsed = new("organization_slug_already_used", 400, "The provided organization_slug is already used in another organization.");
    /// <summary>400: the slug is shorter than 2 or longer than 128 characters, or has characters other than alphanumerics and - . _ ~.</summary>
    public static readonly StytchError InvalidOrganizationSlug = new("invalid_organization_slug", 400, "The organization_slug must be at least 2 characters long and may only contain alphanumerics and the reserved characters '-', '.', '_', or '~'. At least one character must be alphanumeric.");
    /// <summary>400: <c>organization_name</c> is missing or empty on create.</summary>
    public static readonly StytchError OrganizationNameMissing = new("organization_name_missing", 400, "organization_name is required.");
    /// <summary>400: <c>organization_name</c> is longer than 128 characters, or empty on update.</summary>
    public static readonly StytchError InvalidOrganizationName = new("invalid_organization_name", 400, "organization_name must be between 1 and 128 characters.");
    /// <summary>400: <c>organization_external_id</c> is longer than 128 characters or has characters other than alphanumerics and . _ - |.</summary>
    public static readonly StytchError InvalidOrganizationExternalId = new("invalid_organization_external_id", 400, "organization_external_id may only contain alphanumerics and '.', '_', '-', '|', and be at most 128 characters.");
    /// <summary>400: another organization of the project has this external id.</summary>
    public static readonly StytchError OrganizationExternalIdAlreadyUsed = new("organization_external_id_already_used", 400, "The provided organization_external_id is already used in another organization.");
    /// <summary>400: <c>auth_methods</c> is RESTRICTED and <c>allowed_auth_methods</c> is empty.</summary>
    public static readonly StytchError AllowedAuthMethodsRequiredForRestricted = new("allowed_auth_methods_required_for_restricted", 400, "Allowed auth methods must be set for 'RESTRICTED' auth methods");
    /// <summary>400: <c>mfa_methods</c> is RESTRICTED and <c>allowed_mfa_methods</c> is empty.</summary>
    public static readonly StytchError AllowedMfaMethodsRequiredForRestricted = new("allowed_mfa_methods_required_for_restricted", 400, "Allowed mfa methods must be set for 'RESTRICTED' auth methods");
    /// <summary>400: <c>allowed_auth_methods</c> names a method Stytch does not know.</summary>
    public static readonly StytchError InvalidOrganizationAllowedAuthMethods = new("invalid_organization_allowed_auth_methods", 400, "allowed_auth_methods may only contain sso, magic_link, email_otp, password, google_oauth, microsoft_oauth, slack_oauth, github_oauth and hubspot_oauth.");
    /// <summary>400: <c>allowed_mfa_methods</c> names a method other than sms_otp and totp.</summary>
    public static readonly StytchError InvalidOrganizationAllowedMfaMethods = new("invalid_organization_allowed_mfa_methods", 400, "allowed_mfa_methods may only contain sms_otp and totp.");
    /// <summary>400: an organization setting (a JIT, invite, auth, MFA or connected-app policy) has a value outside its enum.</summary>
    public static readonly StytchError InvalidRequestValue = new("invalid_request_value", 400, "A value in the request is not one of the accepted values for its field.");
    /// <summary>400: a domain in <c>email_allowed_domains</c>, <c>claimed_email_domains</c> or a role assignment is not a domain.</summary>
    public static readonly StytchError OrganizationSettingsInvalidDomain = new("organization_settings_invalid_domain", 400, "The provided email domain is invalid.");
    /// <summary>400: a common email provider's domain (gmail.com, …) in <c>email_allowed_domains</c>.</summary>
    public static readonly StytchError OrganizationSettingsDomainTooCommon = new("organization_settings_domain_too_common", 400, "The provided email domain is too common to be used as an allowed domain.");
    /// <summary>404: no member of the organization has this id, external id or email.</summary>
    public static readonly StytchError MemberNotFound = new("member_not_found", 404, "Member could not be found.");
    /// <summary>400: a member of the organization already has this email address.</summary>
    public static readonly StytchError DuplicateMemberEmail = new("duplicate_member_email", 400, "A member with the specified email already exists for this organization.");
    /// <summary>400: a member of the organization already has this external id.</summary>
    public static readonly StytchError DuplicateMemberExternalId = new("duplicate_member_external_id", 400, "A member with the specified external_id already exists for this organization.");
    /// <summary>400: <c>GET …/member</c> with neither <c>member_id</c> nor <c>email_address</c>.</summary>
    public static readonly StytchError InvalidMemberGetFields = new("invalid_member_get_fields", 400, "Please include one of member_id or email_address.");
    /// <summary>400: <c>mfa_phone_number</c> is not in E.164 format.</summary>
    public static readonly StytchError InvalidPhoneNumber = new("invalid_phone_number", 400, "Phone number format is invalid.");
    /// <summary>400: <c>default_mfa_method</c> is not sms_otp or totp.</summary>
    public static readonly StytchError InvalidMfaDefaultMethod = new("invalid_mfa_default_method", 400, "default_mfa_method must be sms_otp or totp.");
    /// <summary>400: members search with an empty <c>organization_ids</c>.</summary>
    public static readonly StytchError MemberSearchOrganizationIdsEmpty = new("member_search_organization_ids_empty", 400, "organization_ids must contain at least one organization_id.");
    /// <summary>400: login_or_signup for an unknown email while the organization's <c>email_jit_provisioning</c> is NOT_ALLOWED.</summary>
    public static readonly StytchError EmailJitProvisioningNotAllowed = new("email_jit_provisioning_not_allowed", 400, "The organization does not allow new members to join by email: email_jit_provisioning is NOT_ALLOWED.");
    /// <summary>400: login_or_signup for an unknown email whose domain is not in the organization's <c>email_allowed_domains</c>.</summary>
    public static readonly StytchError InvalidEmailForJitProvisioning = new("invalid_email_for_jit_provisioning", 400, "The email's domain is not in the organization's email_allowed_domains, so the member cannot be provisioned.");
    /// <summary>400: login_or_signup for an unknown email whose domain another organization claims.</summary>
    public static readonly StytchError ActionNotAllowedEmailDomainIsClaimed = new("action_not_allowed_email_domain_is_claimed", 400, "Members with this email domain are restricted to organizations that have claimed this domain.");
    /// <summary>404: an <c>intermediate_session_token</c> the fake never issued.</summary>
    public static readonly StytchError IntermediateSessionNotFound = new("intermediate_session_not_found", 404, "Intermediate session could not be found.");
    /// <summary>403: the member's roles do not grant the <c>authorization_check</c>.</summary>
    public static readonly StytchError SessionAuthorizationError = new("session_authorization_error", 403, "The Member is not authorized to perform the requested action on that resource.");
    /// <summary>403: <c>authorization_check.organization_id</c> is not the session's organization.</summary>
    public static readonly StytchError SessionAuthorizationTenancyError = new("session_authorization_tenancy_error", 403, "OrganizationID in AuthorizationCheck request does not match session's Organization ID");

    /// <summary>404, back door: no project has this id.</summary>
    public static readonly StytchError ProjectNotFound = new("project_not_found", 404, "Project could not be found.");
    /// <summary>404, back door: no fault rule has this id.</summary>
    public static readonly StytchError FaultNotFound = new("fault_not_found", 404, "No fault rule has this id.");
    // The caps of StytchFakeLimits. Stytch names its own quota errors too_many_<things> (too_many_projects is one
    // of its types; the other two are this fake's); 400 is inferred. Each cap throws a copy whose message names the
    // cap's value and how to raise it.

    /// <summary>400, back door: the server already hosts as many projects as its limits allow.</summary>
    public static readonly StytchError TooManyProjects = new("too_many_projects", 400, "This server already hosts as many projects as it allows (StytchFakeOptions.Limits.MaxProjects, --max-projects).");
    /// <summary>400, back door: the project already publishes as many signing keys as the server's limits allow.</summary>
    public static readonly StytchError TooManySigningKeys = new("too_many_signing_keys", 400, "The project already publishes as many signing keys as this server allows (StytchFakeOptions.Limits.MaxSigningKeysPerProject, --max-signing-keys).");
    /// <summary>400, back door: the project already has as many fault rules as the server's limits allow.</summary>
    public static readonly StytchError TooManyFaultRules = new("too_many_fault_rules", 400, "The project already has as many fault rules as this server allows (StytchFakeOptions.Limits.MaxFaultRulesPerProject, --max-fault-rules).");
    /// <summary>429, back door: too many key rotations are already waiting for a new RSA key.</summary>
    public static readonly StytchError TooManyKeyRotations = new("too_many_key_rotations", 429, "Too many key rotations are already waiting for a new RSA key; retry when some have finished.");
    /// <summary>401, back door: the server was started with an admin token and the call did not send it.</summary>
    public static readonly StytchError AdminTokenRequired = new("unauthorized_credentials", 401, "This server requires its admin token for /_fake/ calls (X-Admin-Token header or Authorization: Bearer).");

    // The next three guard the server itself, not a Stytch API: Stytch has no such errors, so their types,
    // statuses and wording are this fake's own.

    /// <summary>403, any path: the <c>Host</c> header names a host the server does not answer to (a DNS-rebinding guard).</summary>
    public static readonly StytchError HostNotAllowed = new("host_not_allowed", 403, "The Host header names a host this server does not answer to: it answers to localhost, 127.0.0.1, [::1] and its --host on its own port, and to the hosts added with --allowed-host (StytchFakeOptions.AllowedHosts).");
    /// <summary>403, back door: a call that changes state came from a page whose <c>Origin</c> is not an allowed host.</summary>
    public static readonly StytchError OriginNotAllowed = new("origin_not_allowed", 403, "Back-door calls that change state are refused from a page on another site: the Origin header names a host this server does not answer to.");
    /// <summary>415, back door: a call that changes state did not send <c>Content-Type: application/json</c>.</summary>
    public static readonly StytchError JsonContentTypeRequired = new("json_content_type_required", 415, "Back-door calls that change state (POST, PUT, PATCH, DELETE) must send Content-Type: application/json, even with an empty body.");

    /// <summary>
    /// Every error this fake can answer with, one row per <c>error_type</c>, ordered by type: each public static entry,
    /// here or in a product's own part of this record.
    /// </summary>
    // Built on first read rather than as a field initializer: the entries live in several partial files, whose
    // initializers run in no defined order.
    public static IReadOnlyList<StytchError> Catalogue => _catalogue ??= typeof(StytchError)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(StytchError))
        .Select(f => (StytchError)f.GetValue(null)!)
        .OrderBy(e => e.ErrorType, StringComparer.Ordinal)
        .ThenBy(e => e.StatusCode)
        .ThenBy(e => e.Message, StringComparer.Ordinal)
        .ToArray();

    private static IReadOnlyList<StytchError>? _catalogue;

    /// <summary>Finds a catalogue entry by its <c>error_type</c>.</summary>
    public static StytchError? Find(string errorType) =>
        Catalogue.Where(e => e != AdminTokenRequired).FirstOrDefault(e => string.Equals(e.ErrorType, errorType, StringComparison.Ordinal));
}

/// <summary>Thrown by the engine to answer a request with a Stytch error; nothing was changed.</summary>
public sealed class StytchException : Exception
{
    /// <summary>Creates the exception for <paramref name="error"/>.</summary>
    public StytchException(StytchError error) : base($"{error.ErrorType} ({error.StatusCode}): {error.Message}")
    {
        Error = error;
    }

    /// <summary>The Stytch error to answer with.</summary>
    public StytchError Error { get; }
}
