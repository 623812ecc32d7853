namespace Stytch.Fake;

public sealed partial record StytchError
{
    // The type is in error-types.txt; its use by b2b/passwords/email/require_reset, status and wording are inferred (I).

    /// <summary>404 (I): none of the members named has a password.</summary>
    public static readonly StytchError MemberPasswordNotFound = new("member_password_not_found", 404, "The member has no password.");
}
