using System.Net.Http.Headers;

namespace Stytch.Fake.Tests.Wire;

public sealed class AdminTokenWireTests
{
    private const string Token = "s3cret-admin-token";

    private static async Task<(int Status, string Text)> GetAsync(StytchFake fake, string path, Action<HttpRequestHeaders>? headers = null)
    {
        using var http = new HttpClient { BaseAddress = fake.Url };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        headers?.Invoke(request.Headers);
        using var response = await http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task BackDoor_TokenSetButNotSent_Is401()
    {
        await using var fake = await StytchFake.StartAsync(new StytchFakeOptions { AdminToken = Token });

        var (status, text) = await GetAsync(fake, $"_fake/v1/projects/{fake.ProjectId}/outbox");

        Assert.Multiple(() =>
        {
            Assert.That(status, Is.EqualTo(401));
            Assert.That(text, Does.Contain("\"error_type\":\"unauthorized_credentials\""));
        });
    }

    [Test]
    public async Task BackDoor_WrongToken_Is401()
    {
        await using var fake = await StytchFake.StartAsync(new StytchFakeOptions { AdminToken = Token });

        var (status, _) = await GetAsync(fake, "_fake/v1/health", h => h.Add("X-Admin-Token", "nope"));

        Assert.That(status, Is.EqualTo(401));
    }

    [Test]
    public async Task BackDoor_TokenInHeader_IsServed()
    {
        await using var fake = await StytchFake.StartAsync(new StytchFakeOptions { AdminToken = Token });

        var (status, _) = await GetAsync(fake, "_fake/v1/health", h => h.Add("X-Admin-Token", Token));

        Assert.That(status, Is.EqualTo(200));
    }

    [Test]
    public async Task BackDoor_TokenAsBearer_IsServed()
    {
        await using var fake = await StytchFake.StartAsync(new StytchFakeOptions { AdminToken = Token });

        var (status, _) = await GetAsync(fake, "_fake/v1/health", h => h.Authorization = new AuthenticationHeaderValue("Bearer", Token));

        Assert.That(status, Is.EqualTo(200));
    }

    [Test]
    public async Task StytchApi_TokenSet_StillUsesProjectCredentialsOnly()
    {
        await using var fake = await StytchFake.StartAsync(new StytchFakeOptions { AdminToken = Token });
        using var client = new WireClient(fake);

        var response = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public void StartAsync_NonLoopbackHostWithoutToken_IsRefused()
    {
        Assert.That(async () => await StytchFake.StartAsync(new StytchFakeOptions { Host = "0.0.0.0" }),
            Throws.ArgumentException.With.Message.Contains("AdminToken"));
    }
}
