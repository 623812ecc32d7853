namespace Stytch.Fake;

public sealed partial record StytchError
{
    // The reset errors every password product shares. S: Stytch's own SDK strings (stytchauth's iOS SDK); the statuses
    // and the other wordings are inferred (I).

    /// <summary>401 (I): no reset token has this value, or it was already used or has expired.</summary>
    public static readonly StytchError UnableToAuthPasswordResetToken = new("unable_to_auth_password_reset_token", 401, "The password reset token could not be authenticated because it was either already used or expired. Start another password reset for this user.");
    /// <summary>400 (S): session reset with a session none of whose password, email OTP or magic-link factors is from the last 5 minutes.</summary>
    public static readonly StytchError SessionTooOldToResetPassword = new("session_too_old_to_reset_password", 400, "The provided session cannot be used to reset a password. It does not have an authentication_factor that was authenticated within the last 5 minutes. Please prompt the user to authenticate again before retrying the endpoint.");
    /// <summary>400 (I): an existing-password reset whose new password is the existing one.</summary>
    public static readonly StytchError CannotResetPasswordWithExistingPassword = new("cannot_reset_password_with_existing_password", 400, "The new password must be different from the existing password.");
}
