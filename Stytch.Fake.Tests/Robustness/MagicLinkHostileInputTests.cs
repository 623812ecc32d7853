using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.Robustness;

/// <summary>
/// Every consumer magic-link endpoint given hostile bodies: each answers Stytch's 4xx error envelope, never a 5xx, and a
/// refused send leaves no user and no message behind.
/// </summary>
public sealed class MagicLinkHostileInputTests : FakeWireTest
{
    private static readonly string[] Paths =
    [
        "/v1/magic_links/email/login_or_create", "/v1/magic_links/email/send", "/v1/magic_links/email/invite",
        "/v1/magic_links/email/revoke_invite", "/v1/magic_links", "/v1/magic_links/authenticate",
    ];

    private static readonly string[] Bodies =
    [
        "",
        "null",
        "[]",
        "\"ada@example.com\"",
        "{\"email\":",
        "{\"email\":null,\"token\":null,\"user_id\":null}",
        "{\"email\":42,\"token\":42,\"user_id\":42}",
        "{\"email\":[\"ada@example.com\"],\"token\":{},\"user_id\":[]}",
        "{\"email\":\"ada@example.com\\u0000\",\"token\":\"\\u0000\",\"user_id\":\"user-test-\\u0000\"}",
        "{\"email\":\"ada@example.com\",\"token\":\"t\",\"user_id\":\"u\",\"login_expiration_minutes\":1e400,\"signup_expiration_minutes\":-1,\"invite_expiration_minutes\":2147483648,\"expiration_minutes\":\"60\"}",
        "{\"email\":\"ada@example.com\",\"token\":\"t\",\"user_id\":\"u\",\"attributes\":[],\"options\":\"x\",\"session_custom_claims\":[1],\"name\":7,\"trusted_metadata\":\"x\"}",
        "{\"email\":\"ada@example.com\",\"token\":\"t\",\"user_id\":\"u\",\"login_magic_link_url\":\"javascript:alert(1)\",\"signup_magic_link_url\":\"not a url\",\"invite_magic_link_url\":\"//evil.example\"}",
        "{\"email\":\"ada@example.com\",\"locale\":\"xx\",\"token\":\"t\",\"session_duration_minutes\":4,\"session_token\":\"x\",\"session_jwt\":\"a.b.c\",\"code_verifier\":7}",
        "{\"email\":\"ada@example.com\",\"locale\":\"de\",\"token\":\"" + new string('A', 20_000) + "\",\"user_id\":\"" + new string('u', 20_000) + "\"}",
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        from path in Paths
        from body in Bodies.Select((b, i) => (Text: b, Index: i))
        select new TestCaseData(path, body.Text).SetArgDisplayNames(path, $"body{body.Index:00}");

    [TestCaseSource(nameof(Cases))]
    public async Task AnyMagicLinkEndpoint_HostileBody_Answers4xxEnvelopeAndChangesNothing(string path, string body)
    {
        var response = await Client.PostRawAsync(path, body);

        Assert.That(response.Status, Is.InRange(400, 499), response.Text);
        Assert.That(response.ErrorType, Is.Not.Null.And.Not.Empty, response.Text);
        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }
}
