namespace Stytch.Fake;

public sealed partial record StytchError
{
    // Consumer password errors. S: Stytch's own SDK string (stytchauth's iOS SDK); its status is inferred.

    /// <summary>400 (S): the user has no password to authenticate with.</summary>
    public static readonly StytchError NoUserPassword = new("no_user_password", 400, "user doesn't have an associated password.");
}
