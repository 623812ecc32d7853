namespace Stytch.Fake;

public sealed partial record StytchError
{
    // M2M clients (/v1/m2m/clients): the types are Stytch's (error-types.txt); statuses and wording are inferred (I).

    /// <summary>404 (I): no M2M client has this client id.</summary>
    public static readonly StytchError M2MClientNotFound = new("m2m_client_not_found", 404, "M2M client could not be found.");
    /// <summary>400 (I): a client with the custom <c>client_id</c> already exists in the project.</summary>
    public static readonly StytchError DuplicateM2MClientId = new("duplicate_m2m_client_id", 400, "An M2M client with this client_id already exists in the project.");
    /// <summary>400 (I): the custom <c>client_id</c> is empty, too long or holds characters outside letters, digits, '-', '_', '.' and '~'.</summary>
    public static readonly StytchError M2MClientInvalidClientId = new("m2m_client_invalid_client_id", 400, "client_id is invalid: use 1 to 128 letters, digits, '-', '_', '.' or '~'.");
    /// <summary>400 (I): the custom <c>client_secret</c> is longer than 256 characters or holds whitespace or control characters.</summary>
    public static readonly StytchError M2MClientInvalidClientSecret = new("m2m_client_invalid_client_secret", 400, "client_secret is invalid: at most 256 characters, with no whitespace or control characters.");
    /// <summary>400 (I): the custom <c>client_secret</c> is shorter than 8 characters or has too few distinct characters.</summary>
    public static readonly StytchError InsecureM2MClientSecret = new("insecure_m2m_client_secret", 400, "client_secret must be at least 8 characters long and pass entropy requirements (at least 5 distinct characters).");
    /// <summary>400 (I): <c>client_name</c> is longer than 128 characters or holds control characters.</summary>
    public static readonly StytchError M2MClientInvalidClientName = new("m2m_client_invalid_client_name", 400, "client_name is invalid: at most 128 characters, with no control characters.");
    /// <summary>400 (I): <c>client_description</c> is longer than 1024 characters or holds control characters.</summary>
    public static readonly StytchError M2MClientInvalidClientDescription = new("m2m_client_invalid_client_description", 400, "client_description is invalid: at most 1024 characters, with no control characters.");
    /// <summary>400 (I): a scope is empty, longer than 128 characters or holds whitespace (scopes are space-separated in a token request).</summary>
    public static readonly StytchError InvalidM2MClientScope = new("invalid_m2m_client_scope", 400, "A scope is invalid: scopes are 1 to 128 characters with no whitespace or control characters.");
    /// <summary>400 (I): more than 100 scopes.</summary>
    public static readonly StytchError TooManyM2MClientScopes = new("too_many_m2m_client_scopes", 400, "An M2M client may have at most 100 scopes.");
    /// <summary>400 (I): <c>status</c> is neither <c>active</c> nor <c>inactive</c>.</summary>
    public static readonly StytchError M2MClientInvalidStatus = new("m2m_client_invalid_status", 400, "status must be active or inactive.");
    /// <summary>400 (I): a secret rotation was started while one is under way.</summary>
    public static readonly StytchError M2MClientAlreadyRotatingSecret = new("m2m_client_already_rotating_secret", 400, "The M2M client is already rotating its secret: complete or cancel that rotation first.");
    /// <summary>400 (I): a rotation was completed or cancelled with none under way.</summary>
    public static readonly StytchError M2MClientNotRotatingSecret = new("m2m_client_not_rotating_secret", 400, "The M2M client is not rotating its secret: start a rotation first.");
    /// <summary>400 (I): an M2M search operand's <c>filter_value</c> is not an array of strings.</summary>
    public static readonly StytchError M2MSearchExpectedArrayOfStrings = new("m2m_search_expected_array_of_strings", 400, "The filter_value of an M2M search operand must be an array of strings.");
    /// <summary>400 (I): an M2M search operand's <c>filter_name</c> is not a string.</summary>
    public static readonly StytchError M2MSearchFilterNameMustBeString = new("m2m_search_filter_name_must_be_string", 400, "The filter_name of an M2M search operand must be a string.");
    /// <summary>400 (I): an M2M search operand names a filter other than client_id, client_name and scopes.</summary>
    public static readonly StytchError M2MSearchFilterNameNotRecognized = new("m2m_search_filter_name_not_recognized", 400, "The filter_name of an M2M search operand is not recognized: use client_id, client_name or scopes.");
    /// <summary>400 (I): an M2M search operand has no <c>filter_name</c>.</summary>
    public static readonly StytchError M2MSearchMissingFilterName = new("m2m_search_missing_filter_name", 400, "An M2M search operand is missing its filter_name.");
    /// <summary>400 (I): an M2M search operand has no <c>filter_value</c>.</summary>
    public static readonly StytchError M2MSearchMissingFilterValue = new("m2m_search_missing_filter_value", 400, "An M2M search operand is missing its filter_value.");

    // The M2M token endpoint (POST /v1/public/{project_id}/oauth2/token) answers RFC 6749 section 5.2 errors: the type
    // is the body's `error`, the message its `error_description` (stytch-node lib/shared/errors.ts, OAuth2ErrorJSON).
    // The codes are RFC 6749's; statuses follow it and stytch-node issue 314 (400 for a bogus client secret); wording (I).

    /// <summary>400, token endpoint: a required parameter is missing or repeated, or the body cannot be read.</summary>
    public static readonly StytchError OAuthInvalidRequest = new("invalid_request", 400, "The token request is malformed: grant_type is required, and no parameter may be sent twice.");
    /// <summary>400 (401 when the credentials came in an Authorization header), token endpoint: client authentication failed.</summary>
    public static readonly StytchError OAuthInvalidClient = new("invalid_client", 400, "Client authentication failed: the client_id and client_secret do not name an active M2M client of this project.");
    /// <summary>400, token endpoint: <c>grant_type</c> is not <c>client_credentials</c>.</summary>
    public static readonly StytchError OAuthUnsupportedGrantType = new("unsupported_grant_type", 400, "Only the client_credentials grant_type is supported for M2M clients.");
    /// <summary>400, token endpoint: a requested scope is not one of the client's.</summary>
    public static readonly StytchError OAuthInvalidScope = new("invalid_scope", 400, "The requested scope is not a subset of the scopes assigned to the M2M client.");
}
