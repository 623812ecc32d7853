namespace Stytch.Fake.Engine;

/// <summary>
/// One Stytch error: the <c>error_type</c>, the HTTP status it is sent with and its <c>error_message</c>.
/// The static members form the fake's whole error catalogue (see <see cref="Catalogue"/>).
/// </summary>
/// <param name="ErrorType">Stytch's <c>error_type</c> string, e.g. <c>invalid_email</c>.</param>
/// <param name="StatusCode">The HTTP status code, also echoed as <c>status_code</c> in the body.</param>
/// <param name="Message">The <c>error_message</c> text.</param>
public sealed record StytchError(string ErrorType, int StatusCode, string Message)
{
    // Messages are Stytch's own where ../shared/reference/ERRORS.md marks them confirmed (C) or
    // taken from Stytch's SDK strings (S); the rest are this fake's wording for inferred types (I).

    /// <summary>400: the body is not valid JSON or not the expected shape.</summary>
    public static readonly StytchError BadRequest = new("bad_request", 400, "The submitted request is invalid.");
    /// <summary>400: the email address is missing or malformed.</summary>
    public static readonly StytchError InvalidEmail = new("invalid_email", 400, "Email format is invalid.");
    /// <summary>400: <c>locale</c> is not one of en, es, fr, pt-br.</summary>
    public static readonly StytchError InvalidLocale = new("invalid_locale", 400, "locale is invalid.");
    /// <summary>400: <c>expiration_minutes</c> is outside 1..10.</summary>
    public static readonly StytchError InvalidExpirationOtp = new("invalid_expiration_otp", 400, "expiration_minutes is invalid, should be between 1 to 10 minutes.");
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

    /// <summary>404, back door: no project has this id.</summary>
    public static readonly StytchError ProjectNotFound = new("project_not_found", 404, "Project could not be found.");
    /// <summary>404, back door: no fault rule has this id.</summary>
    public static readonly StytchError FaultNotFound = new("fault_not_found", 404, "No fault rule has this id.");
    /// <summary>401, back door: the server was started with an admin token and the call did not send it.</summary>
    public static readonly StytchError AdminTokenRequired = new("unauthorized_credentials", 401, "This server requires its admin token for /_fake/ calls (X-Admin-Token header or Authorization: Bearer).");

    /// <summary>Every error this fake can answer with, one row per <c>error_type</c>.</summary>
    public static IReadOnlyList<StytchError> Catalogue { get; } =
    [
        BadRequest, InvalidEmail, InvalidLocale, InvalidExpirationOtp, InvalidCode, InvalidMethodId, InvalidUserId,
        InvalidSessionDurationMinutes, DuplicateEmail, InvalidSessionToken, InvalidSessionId, UnableToParseSessionJwt,
        TooManySessionArguments, NoSessionArguments, TooManySessionRevokeArguments, NoSessionRevokeArguments,
        SessionNotFound, InvalidProjectIdAuthentication, UnauthorizedCredentials, UnableToAuthOtpCode,
        OtpCodeNotFound, EmailNotFound, UserNotFound, RouteNotFound, MethodNotAllowed, TooManyRequests,
        InternalServerError, ServerUnavailable, ProjectNotFound, FaultNotFound, AdminTokenRequired,
    ];

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
