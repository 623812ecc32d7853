namespace Stytch.Fake.Tests.Wire.Frontend;

/// <summary>A project's public token and allowed origins, in process and over the back doors.</summary>
public sealed class FrontendProjectWireTests : FrontendWireTest
{
    [Test]
    public void PublicToken_TestProject_IsPublicTokenTestUuid() =>
        Assert.That(PublicToken, Does.Match("^public-token-test-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"));

    [Test]
    public void PublicToken_LiveProject_IsPublicTokenLiveUuid() =>
        Assert.That(Stytch.CreateProject(new StytchProjectOptions { Live = true }).PublicToken, Does.StartWith("public-token-live-"));

    [Test]
    public void PublicToken_SameFixedProjectId_IsTheSame()
    {
        const string id = "project-test-11111111-2222-4333-8444-555555555555";

        var first = Stytch.CreateProject(new StytchProjectOptions { ProjectId = id }).PublicToken;
        Stytch.RemoveProject(id);
        var second = Stytch.CreateProject(new StytchProjectOptions { ProjectId = id }).PublicToken;

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public void PublicToken_FixedInOptions_IsUsed()
    {
        const string token = "public-token-test-aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

        Assert.That(Stytch.CreateProject(new StytchProjectOptions { PublicToken = token }).PublicToken, Is.EqualTo(token));
    }

    [Test]
    public void PublicToken_Malformed_IsRefused() =>
        Assert.That(() => Stytch.CreateProject(new StytchProjectOptions { PublicToken = "pk_123" }), Throws.ArgumentException);

    [Test]
    public async Task ProjectBackDoor_Get_ShowsPublicTokenAndOrigins()
    {
        var response = await Client.GetAsync("/_fake/v1/projects/" + Stytch.ProjectId);

        Assert.That(response["public_token"], Is.EqualTo(PublicToken));
        Assert.That(response.Json["allow_loopback_origins"]!.GetValue<bool>(), Is.True);
        Assert.That(response.Json["allowed_origins"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task AllowedOriginsBackDoor_Put_AllowsTheOrigin()
    {
        var set = await Client.SendAsync(HttpMethod.Put, $"/_fake/v1/projects/{Stytch.ProjectId}/allowed_origins", "{\"origins\":[\"https://app.example.com/\"]}");

        var response = await SdkPostAsync("/sdk/v1/otps/email/login_or_create", new { email = "ada@example.com" }, origin: "https://app.example.com");

        Assert.That(set.Status, Is.EqualTo(200), set.Text);
        Assert.That(set.Json["allowed_origins"]![0]!.GetValue<string>(), Is.EqualTo("https://app.example.com"));
        Assert.That(response.Header("Access-Control-Allow-Origin"), Is.EqualTo("https://app.example.com"));
    }

    [Test]
    public async Task AllowedOriginsBackDoor_PutNotAnOrigin_IsBadRequest()
    {
        var set = await Client.SendAsync(HttpMethod.Put, $"/_fake/v1/projects/{Stytch.ProjectId}/allowed_origins", "{\"origins\":[\"https://app.example.com/login\"]}");

        Assert.That(set.Status, Is.EqualTo(400), set.Text);
        Assert.That(set.ErrorType, Is.EqualTo("bad_request"));
        Assert.That(Stytch.DefaultProject.Origins.All, Is.Empty);
    }

    [Test]
    public void Origins_InOptions_AreAllowed()
    {
        var project = Stytch.CreateProject(new StytchProjectOptions { AllowedOrigins = ["https://app.example.com:8443"], AllowLoopbackOrigins = false });

        Assert.That(project.Origins.Allows("https://app.example.com:8443"), Is.True);
        Assert.That(project.Origins.Allows("http://localhost:3000"), Is.False);
    }

    [Test]
    public async Task ProjectsBackDoor_CreateWithTokenAndOrigins_MakesTheProjectWithThem()
    {
        const string token = "public-token-test-3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";

        var created = await Client.PostAsync("/_fake/v1/projects", new { public_token = token, allowed_origins = new[] { "https://app.example.com" }, allow_loopback_origins = false });

        Assert.That(created.Status, Is.EqualTo(201), created.Text);
        var project = Stytch.FindProject(created["project_id"]!)!;
        Assert.That(project.PublicToken, Is.EqualTo(token));
        Assert.That(project.Origins.Allows("https://app.example.com"), Is.True);
        Assert.That(project.Origins.Allows("http://localhost:3000"), Is.False);
    }

    [TestCase("{\"public_token\":\"pk_123\"}")]
    [TestCase("{\"allowed_origins\":[\"https://app.example.com/login\"]}")]
    public async Task ProjectsBackDoor_CreateWithABadTokenOrOrigin_IsBadRequestAndMakesNone(string body)
    {
        var before = Stytch.DefaultProject.ProjectId;

        var created = await Client.PostRawAsync("/_fake/v1/projects", body);

        Assert.That(created.Status, Is.EqualTo(400), created.Text);
        Assert.That(created.ErrorType, Is.EqualTo("bad_request"));
        Assert.That((await Client.GetAsync("/_fake/v1/projects")).Json["total"]!.GetValue<int>(), Is.EqualTo(1), before);
    }
}
