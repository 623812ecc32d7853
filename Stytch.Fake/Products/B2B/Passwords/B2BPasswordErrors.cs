namespace Stytch.Fake;

public sealed partial record StytchError
{
    // The type is in error-types.txt and named by the spec (b2b/passwords/authenticate: "this endpoint will return a
    // member_reset_password error even if the member enters a correct password"); status and wording inferred (I).

    /// <summary>400 (I): the member's password is right but must be reset first (marked for reset, or breached).</summary>
    public static readonly StytchError MemberResetPassword = new("member_reset_password", 400, "The member must reset their password before they can log in with it.");
}
