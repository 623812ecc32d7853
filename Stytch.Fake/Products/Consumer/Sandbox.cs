namespace Stytch.Fake.Products.Consumer;

/// <summary>
/// The sandbox of Stytch's test environment: an address whose code is always <see cref="Code"/> and whose user always
/// exists, with fixed ids. A live project has none.
/// </summary>
internal static class Sandbox
{
    public const string Email = "sandbox@stytch.com";
    public const string UserId = "user-test-e3795c81-f849-4167-bfda-e4a6e9c280fd";
    public const string EmailId = "email-test-23873e89-d4ed-4e92-b3b9-e5c7198fa286";
    public const string Code = "000000";
}
