namespace Stytch.Fake;

public sealed partial record StytchError
{
    // The type is in error-types.txt; its status and wording are inferred (I) from Stytch's naming of the
    // organization's email_invites setting.

    /// <summary>400 (I): the organization's <c>email_invites</c> is <c>NOT_ALLOWED</c>, or <c>RESTRICTED</c> and the address is outside its allowed domains.</summary>
    public static readonly StytchError InvalidEmailForInvites = new("invalid_email_for_invites", 400, "This email address cannot be invited to the organization: its email_invites setting does not allow it.");
}
