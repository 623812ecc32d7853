
namespace Stytch.Fake.Tests.Wire;

public sealed class RateLimitWireTests : FakeWireTest
{
    private string RateLimitsPath => $"/_fake/v1/projects/{Stytch.ProjectId}/rate_limits";

    [Test]
    public async Task RateLimits_Default_AreOff()
    {
        var results = new List<int>();
        for (var i = 0; i < 15; i++)
        {
            results.Add((await LoginOrCreateAsync("ada@example.com")).Status);
        }

        Assert.That(results, Is.All.EqualTo(200));
    }

    [Test]
    public async Task PerEmail_OverTheLimit_Is429AndIssuesNoCode()
    {
        Stytch.DefaultProject.RateLimits.PerEmail = new RateLimit(3, TimeSpan.FromMinutes(1));
        Stytch.DefaultProject.RateLimits.Enabled = true;

        for (var i = 0; i < 3; i++)
        {
            await LoginOrCreateAsync("ada@example.com");
        }

        var limited = await LoginOrCreateAsync("ada@example.com");
        var other = await LoginOrCreateAsync("bob@example.com");

        var expected = WireShapes.Fixture("errors/429_too_many_requests.json");
        Assert.Multiple(() =>
        {
            Assert.That(limited.Status, Is.EqualTo(429));
            Assert.That(limited["error_message"], Is.EqualTo(expected["error_message"]!.GetValue<string>()));
            Assert.That(Stytch.Outbox.For("ada@example.com"), Has.Count.EqualTo(3));
            Assert.That(other.Status, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task PerEmail_AfterTheWindowOnTheFakeClock_AllowsAgain()
    {
        Stytch.DefaultProject.RateLimits.PerEmail = new RateLimit(1, TimeSpan.FromMinutes(1));
        Stytch.DefaultProject.RateLimits.Enabled = true;
        await LoginOrCreateAsync("ada@example.com");

        var limited = await LoginOrCreateAsync("ada@example.com");
        Time.Advance(TimeSpan.FromMinutes(1));
        var allowed = await LoginOrCreateAsync("ada@example.com");

        Assert.Multiple(() =>
        {
            Assert.That(limited.Status, Is.EqualTo(429));
            Assert.That(allowed.Status, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task PerEndpoint_OverTheLimit_Is429ForAnyEmail()
    {
        await Client.PostAsync(RateLimitsPath, new { enabled = true, per_endpoint_limit = 2, per_endpoint_window_seconds = 60 });

        await LoginOrCreateAsync("a@example.com");
        await LoginOrCreateAsync("b@example.com");
        var limited = await LoginOrCreateAsync("c@example.com");
        var otherEndpoint = await Client.PostAsync("/v1/otps/email/send", new { email = "a@example.com" });

        Assert.Multiple(() =>
        {
            Assert.That(limited.ErrorType, Is.EqualTo("too_many_requests"));
            Assert.That(otherEndpoint.Status, Is.EqualTo(200));
        });
    }

    [Test]
    public async Task PostRateLimits_Settings_AreReadBack()
    {
        var set = await Client.PostAsync(RateLimitsPath, new { enabled = true, per_email_limit = 4, per_email_window_seconds = 30 });
        var get = await Client.GetAsync(RateLimitsPath);

        Assert.Multiple(() =>
        {
            Assert.That(set.Status, Is.EqualTo(200), set.Text);
            Assert.That(get.Json["enabled"]!.GetValue<bool>(), Is.True);
            Assert.That(get.Json["per_email_limit"]!.GetValue<int>(), Is.EqualTo(4));
            Assert.That(get.Json["per_email_window_seconds"]!.GetValue<double>(), Is.EqualTo(30));
            Assert.That(Stytch.DefaultProject.RateLimits.PerEmail, Is.EqualTo(new RateLimit(4, TimeSpan.FromSeconds(30))));
        });
    }

    [Test]
    public async Task PostRateLimits_ZeroLimit_Is400()
    {
        var response = await Client.PostAsync(RateLimitsPath, new { per_email_limit = 0 });

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(400));
            Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
        });
    }
}
