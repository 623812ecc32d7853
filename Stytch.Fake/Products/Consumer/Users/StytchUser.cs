namespace Stytch.Fake;

/// <summary>A consumer user as the engine holds it.</summary>
/// <param name="UserId">The <c>user-test-…</c> id.</param>
/// <param name="Email">The user's email address (lower case).</param>
/// <param name="EmailId">The <c>email-test-…</c> id of that address.</param>
/// <param name="EmailVerified">True once a code sent to the address was authenticated.</param>
/// <param name="Status"><c>active</c> or <c>pending</c>.</param>
/// <param name="CreatedAt">When the user was created, on the project clock.</param>
public sealed record StytchUser(
    string UserId,
    string Email,
    string EmailId,
    bool EmailVerified,
    string Status,
    DateTimeOffset CreatedAt);
