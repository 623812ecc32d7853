using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// The fake's own server answers straight from the pipeline while it holds only the fake's mapping, and through
/// WireMock's matching once a test adds one of its own: either way a test's mapping wins, and both read a request alike.
/// </summary>
public sealed class OwnServerMappingWireTests : FakeWireTest
{
    // The composition tests' canned 429 for login_or_create, mapped on the fake's own server.
    private Guid MapRateLimitedLoginOrCreate() => CompositionWireTests.MapRateLimitedLoginOrCreate(Stytch.Server);

    [Test]
    public async Task OwnServer_UserMappingAddedAfterStart_WinsOverTheFake()
    {
        var before = await Client.PostAsync("v1/otps/email/login_or_create", new { email = "ada@example.com" });
        MapRateLimitedLoginOrCreate();

        var after = await Client.PostAsync("v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.Multiple(() =>
        {
            Assert.That(before.Status, Is.EqualTo(200));
            Assert.That(after.Status, Is.EqualTo(429));
            Assert.That(after.Text, Is.EqualTo(CompositionWireTests.CannedRateLimit));
        });
    }

    [Test]
    public async Task OwnServer_UserMappingForOneEndpoint_OtherEndpointsStillReachTheFake()
    {
        Stytch.Users.Create("ada@example.com");
        MapRateLimitedLoginOrCreate();

        var send = await Client.PostAsync("v1/otps/email/send", new { email = "ada@example.com" });

        Assert.That(send.Status, Is.EqualTo(200), send.Text);
        Assert.That(Stytch.Outbox.LatestFor("ada@example.com").Code, Has.Length.EqualTo(6));
    }

    [Test]
    public async Task OwnServer_UserMappingRemoved_TheFakeAnswersAgain()
    {
        var id = MapRateLimitedLoginOrCreate();
        Stytch.Server.DeleteMapping(id);

        var result = await Client.PostAsync("v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.That(result.Status, Is.EqualTo(200));
        Assert.That(result["email_id"], Does.StartWith("email-test-"));
    }

    [TestCase(false)]
    [TestCase(true)]
    public async Task OwnServer_QueryValueWithAComma_ReachesTheFakeWhole(bool withUserMapping)
    {
        if (withUserMapping)
        {
            Stytch.Server.Given(Request.Create().WithPath("/other").UsingGet()).RespondWith(Response.Create().WithStatusCode(204));
        }

        const string url = "http://localhost:3000/a?x=1,2";
        Stytch.RedirectUrls.Add(new RedirectUrl(url, RedirectUrlType.Login, IsDefault: false));

        var removed = await Client.DeleteAsync($"_fake/v1/projects/{Stytch.ProjectId}/redirect_urls?url={url}");

        Assert.That(removed.Status, Is.EqualTo(200), removed.Text);
        Assert.That(Stytch.RedirectUrls.All.Select(r => r.Url), Does.Not.Contain(url));
    }
}
