using Stytch.Sample.Web.Stytch;

namespace Stytch.Sample.Web;

/// <summary>What to tell a person when Stytch says no, and with which status.</summary>
internal static class Friendly
{
    public static (int Status, string Message) For(StytchApiError error) => error switch
    {
        { IsRateLimited: true } => (StatusCodes.Status429TooManyRequests, "Too many attempts, try again later."),
        { IsUnavailable: true } => (StatusCodes.Status503ServiceUnavailable, "Stytch is unavailable, try again."),
        { ErrorType: "otp_code_not_found" } => (StatusCodes.Status422UnprocessableEntity, "That code is not right. Check the email we sent and try again."),
        { ErrorType: "unable_to_auth_otp_code" } => (StatusCodes.Status422UnprocessableEntity, "That code has expired or was already used. Send yourself a new one."),
        { ErrorType: "invalid_code" } => (StatusCodes.Status422UnprocessableEntity, "The code is the 6 digits from the email."),
        { ErrorType: "invalid_email" } => (StatusCodes.Status422UnprocessableEntity, "That does not look like an email address."),
        { ErrorType: "invalid_method_id" } => (StatusCodes.Status422UnprocessableEntity, "Please start again."),
        { ErrorType: "unable_to_auth_magic_link" } => (StatusCodes.Status422UnprocessableEntity, "That link has expired or was already used. Send yourself a new one."),
        { ErrorType: "magic_link_not_found" } => (StatusCodes.Status422UnprocessableEntity, "That link is not valid. Send yourself a new one."),
        // One answer for an unknown email and a wrong password: the form does not tell who has an account.
        { ErrorType: "unauthorized_credentials" or "email_not_found" } => (StatusCodes.Status422UnprocessableEntity, "That email and password do not match."),
        { ErrorType: "no_user_password" } => (StatusCodes.Status422UnprocessableEntity, "This account has no password yet. Sign in with a code, or choose one with \"Forgot your password?\"."),
        { ErrorType: "weak_password" } => (StatusCodes.Status422UnprocessableEntity, "That password is too weak or too common. Try a longer one, e.g. a few unrelated words."),
        { ErrorType: "duplicate_email" } => (StatusCodes.Status422UnprocessableEntity, "There is already an account with that email. Sign in instead."),
        { ErrorType: "reset_password" } => (StatusCodes.Status422UnprocessableEntity, "That password must be changed. Choose a new one with \"Forgot your password?\"."),
        { ErrorType: "unable_to_auth_password_reset_token" } => (StatusCodes.Status422UnprocessableEntity, "That reset link has expired or was already used. Ask for a new one."),
        _ => (StatusCodes.Status502BadGateway, "Signing in did not work. Please try again."),
    };
}

internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Stytch did not revoke the session: {Status} {ErrorType}")]
    public static partial void RevokeFailed(ILogger logger, int status, string errorType);
}
