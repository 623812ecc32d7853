namespace Stytch.Fake.Tests.Server;

/// <summary>The server's <c>--redirect-url</c> flag: the project's redirect URLs from the command line.</summary>
public sealed class ServerRedirectUrlTests
{
    [Test]
    public async Task Server_RedirectUrlFlags_AreTheProjectsList()
    {
        await using var server = await ServerProcess.StartAsync("--port", "0",
            "--redirect-url", "default:login,signup=https://app.example/cb", "--redirect-url", "invite=https://app.example/join");
        using var client = new Wire.WireClient(server.Url, server.ProjectId, server.Secret);

        var response = await client.GetAsync($"/_fake/v1/projects/{server.ProjectId}/redirect_urls");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["redirect_urls"]!.ToJsonString(), Is.EqualTo(
            """[{"url":"https://app.example/cb","type":"login","is_default":true},{"url":"https://app.example/cb","type":"signup","is_default":true},{"url":"https://app.example/join","type":"invite","is_default":false}]"""));
    }

    [TestCase("nope=https://app.example/cb", "'nope' is not a redirect URL type")]
    [TestCase("login=/cb", "is not an absolute http or https URL")]
    [TestCase("https://app.example/cb", "is not [default:]TYPE=URL")]
    public async Task Server_MalformedRedirectUrlFlag_ExitsNonZeroSayingWhy(string spec, string says)
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunToExitAsync("--port", "0", "--redirect-url", spec);

        Assert.That(exitCode, Is.Not.Zero, stdout);
        Assert.That(stderr, Does.Contain(says));
    }

    [Test]
    public async Task Server_TwoDefaultsForOneType_ExitsNonZero()
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunToExitAsync("--port", "0",
            "--redirect-url", "default:login=https://a.example/cb", "--redirect-url", "default:login=https://b.example/cb");

        Assert.That(exitCode, Is.Not.Zero, stdout);
        Assert.That(stderr, Does.Contain("Only one Login redirect URL can be the default"));
    }
}
