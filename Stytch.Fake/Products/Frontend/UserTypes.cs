using Stytch.Fake.Core;
using Stytch.Fake.Products.Consumer.Users;

namespace Stytch.Fake.Products.Frontend;

/// <summary>
/// What the frontend SDK's pre-built password login asks before it picks a screen (<c>POST /sdk/v1/users/search</c>):
/// whether an address has no user yet, a user with a password, or a user without one.
/// </summary>
internal static class UserTypes
{
    public const string New = "new";
    public const string Password = "password";
    public const string Passwordless = "passwordless";

    /// <summary>The type of the user with <paramref name="email"/>; an address that is not an email is <c>invalid_email</c>.</summary>
    public static string Of(ProjectStore store, UserService users, string? email)
    {
        var address = Validate.Email(email);
        return store.Transact(() => users.ByEmail(address) switch
        {
            null => New,
            { PasswordId.Length: > 0 } => Password,
            _ => Passwordless,
        });
    }
}
