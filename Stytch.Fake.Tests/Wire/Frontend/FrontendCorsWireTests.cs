namespace Stytch.Fake.Tests.Wire.Frontend;

/// <summary>CORS of <c>/sdk/v1</c>: the preflight and the real call, for allowed and refused origins.</summary>
public sealed class FrontendCorsWireTests : FrontendWireTest
{
    private const string Foreign = "https://evil.example";

    private async Task<SdkResult> PreflightAsync(string origin)
    {
        using var http = new HttpClient { BaseAddress = Stytch.Url };
        using var request = new HttpRequestMessage(HttpMethod.Options, "sdk/v1/otps/email/login_or_create");
        request.Headers.TryAddWithoutValidation("Origin", origin);
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Method", "POST");
        request.Headers.TryAddWithoutValidation("Access-Control-Request-Headers", "authorization,content-type,x-sdk-client,x-sdk-parent-host");
        using var response = await http.SendAsync(request);
        var headers = response.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(", ", h.Value), StringComparer.Ordinal);
        return new SdkResult((int)response.StatusCode, await response.Content.ReadAsStringAsync(), headers);
    }

    [TestCase("http://127.0.0.1:5173")]
    [TestCase("http://localhost:3000")]
    [TestCase("https://localhost")]
    [TestCase("http://127.8.9.10:8080")]
    [TestCase("http://[::1]:4000")]
    public async Task Preflight_LoopbackOrigin_Answers204AllowingTheOriginWithCredentials(string origin)
    {
        var response = await PreflightAsync(origin);

        Assert.That(response.Status, Is.EqualTo(204));
        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.EqualTo(origin));
        Assert.That(response.Header("Access-Control-Allow-Credentials"), Is.EqualTo("true"));
    }

    [Test]
    public async Task Preflight_LoopbackOrigin_AllowsTheSdksHeaders()
    {
        var response = await PreflightAsync(PageOrigin);

        var allowed = response.Header("Access-Control-Allow-Headers")!.Split(',', StringSplitOptions.TrimEntries);
        Assert.That(allowed, Is.SupersetOf(new[] { "authorization", "content-type", "x-sdk-client", "x-sdk-parent-host" }));
    }

    [Test]
    public async Task Preflight_ForeignOrigin_HasNoCorsHeaders()
    {
        var response = await PreflightAsync(Foreign);

        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.Null);
        Assert.That(response.Header("Access-Control-Allow-Credentials"), Is.Null);
    }

    [Test]
    public async Task Preflight_OriginAddedToTheProject_IsAllowed()
    {
        Stytch.DefaultProject.Origins.Add("https://app.example.com");

        var response = await PreflightAsync("https://app.example.com");

        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.EqualTo("https://app.example.com"));
    }

    [Test]
    public async Task Call_AllowedOrigin_AnswersWithAllowOriginAndCredentials()
    {
        var response = await SdkPostAsync("/sdk/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.EqualTo(PageOrigin));
        Assert.That(response.Header("Access-Control-Allow-Credentials"), Is.EqualTo("true"));
    }

    [Test]
    public async Task Call_RefusedOrigin_IsBadDomainForStytchSdkWithoutCorsHeaders()
    {
        var response = await SdkPostAsync("/sdk/v1/otps/email/login_or_create", new { email = "ada@example.com" }, origin: Foreign);

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("bad_domain_for_stytch_sdk"));
        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.Null);
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task Call_LoopbackTurnedOff_IsBadDomainForStytchSdk()
    {
        Stytch.DefaultProject.Origins.Set(["https://app.example.com"], allowLoopback: false);

        var response = await SdkPostAsync("/sdk/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.That(response.ErrorType, Is.EqualTo("bad_domain_for_stytch_sdk"));
    }

    [Test]
    public async Task Call_ErrorForAllowedOrigin_CarriesCorsHeadersSoThePageCanReadIt()
    {
        var response = await SdkPostAsync("/sdk/v1/otps/email/login_or_create", new { email = "not-an-email" });

        Assert.That(response.ErrorType, Is.EqualTo("invalid_email"));
        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.EqualTo(PageOrigin));
    }

    [Test]
    public async Task Call_WithoutOrigin_IsServedWithoutCorsHeaders()
    {
        var response = await SdkPostAsync("/sdk/v1/otps/email/login_or_create", new { email = "ada@example.com" }, origin: null);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.Null);
    }
}
