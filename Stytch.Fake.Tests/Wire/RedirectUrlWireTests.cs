using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire;

/// <summary>The redirect-URL back doors and <c>project.RedirectUrls</c>: one list, per type, that links are built on.</summary>
public sealed class RedirectUrlWireTests : FakeWireTest
{
    private const string FreshList =
        """[{"url":"http://localhost:3000/authenticate","type":"login","is_default":true},{"url":"http://localhost:3000/authenticate","type":"signup","is_default":true},{"url":"http://localhost:3000/authenticate","type":"invite","is_default":true},{"url":"http://localhost:3000/authenticate","type":"discovery","is_default":true},{"url":"http://localhost:3000/authenticate","type":"reset_password","is_default":true}]""";

    private string Path => $"/_fake/v1/projects/{Stytch.ProjectId}/redirect_urls";

    private static string ListOf(WireResult response) => response.Json["redirect_urls"]!.ToJsonString();

    private Task<WireResult> PutAsync(object body) => Client.SendAsync(HttpMethod.Put, Path, JsonSerializerText(body));

    private static string JsonSerializerText(object body) => System.Text.Json.JsonSerializer.Serialize(body);

    [Test]
    public async Task GetRedirectUrls_FreshProject_AllowsLocalhostAuthenticateAsEveryTypesDefault()
    {
        var response = await Client.GetAsync(Path);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(ListOf(response), Is.EqualTo(FreshList));
    }

    [Test]
    public async Task PutRedirectUrls_AList_ReplacesTheProjectsList()
    {
        object[] urls =
        [
            new { url = "https://app.example/cb", type = "login", is_default = true },
            new { url = "https://app.example/other", type = "login" },
        ];

        var response = await PutAsync(new { redirect_urls = urls });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(ListOf(response), Is.EqualTo("""[{"url":"https://app.example/cb","type":"login","is_default":true},{"url":"https://app.example/other","type":"login","is_default":false}]"""));
        Assert.That(Stytch.RedirectUrls.All, Is.EqualTo(new RedirectUrl[] { new("https://app.example/cb", RedirectUrlType.Login, true), new("https://app.example/other", RedirectUrlType.Login) }));
    }

    [TestCase("""{"redirect_urls":[{"url":"/cb","type":"login"}]}""", "bad_request")]
    [TestCase("""{"redirect_urls":[{"url":"https://a.example/","type":"magic"}]}""", "invalid_redirect_url_type")]
    [TestCase("""{"redirect_urls":[{"url":"https://a.example/","type":"login","is_default":true},{"url":"https://b.example/","type":"login","is_default":true}]}""", "bad_request")]
    [TestCase("""{"redirect_urls":[{"url":"https://a.example/","type":"login"},{"url":"https://a.example/","type":"login"}]}""", "bad_request")]
    [TestCase("""{"redirect_urls":[{"url":"https://a.example/","type":"login","extra":1}]}""", "bad_request")]
    [TestCase("""{"redirect_urls":[{"type":"login"}]}""", "bad_request")]
    [TestCase("""{"redirect_urls":"https://a.example/"}""", "bad_request")]
    [TestCase("""{}""", "bad_request")]
    public async Task PutRedirectUrls_BadList_Is400AndChangesNothing(string body, string errorType)
    {
        var response = await Client.SendAsync(HttpMethod.Put, Path, body);

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo(errorType));
        Assert.That(ListOf(await Client.GetAsync(Path)), Is.EqualTo(FreshList));
    }

    [Test]
    public async Task PostRedirectUrls_ANewDefault_TakesOverFromTheOldOneWhichStaysAllowed()
    {
        var response = await Client.PostAsync(Path, new { url = "https://app.example/cb", type = "login", is_default = true });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.RedirectUrls.Of(RedirectUrlType.Login), Is.EqualTo(new RedirectUrl[]
        {
            new("http://localhost:3000/authenticate", RedirectUrlType.Login, false), new("https://app.example/cb", RedirectUrlType.Login, true),
        }));
    }

    [Test]
    public async Task DeleteRedirectUrls_AUrlOfOneType_RemovesOnlyThatOne()
    {
        var response = await Client.DeleteAsync(Path + "?url=http%3A%2F%2Flocalhost%3A3000%2Fauthenticate&type=invite");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.RedirectUrls.All.Select(u => u.Type), Is.EqualTo(new[] { RedirectUrlType.Login, RedirectUrlType.Signup, RedirectUrlType.Discovery, RedirectUrlType.ResetPassword }));
    }

    [Test]
    public async Task DeleteRedirectUrls_AUrlNotInTheList_Is404RedirectUrlNotFound()
    {
        var response = await Client.DeleteAsync(Path + "?url=https%3A%2F%2Fnowhere.example%2F");

        Assert.That(response.Status, Is.EqualTo(404), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("redirect_url_not_found"));
    }

    [Test]
    public async Task Reset_AfterChangingTheList_GoesBackToTheProjectsStartingList()
    {
        Stytch.RedirectUrls.Set([new("https://app.example/cb", RedirectUrlType.Login, true)]);

        await Client.PostAsync($"/_fake/v1/projects/{Stytch.ProjectId}/reset", new { });

        Assert.That(ListOf(await Client.GetAsync(Path)), Is.EqualTo(FreshList));
    }

    [Test]
    public async Task ProjectOptions_RedirectUrls_AreTheStartingListAndWhatAResetRestores()
    {
        await using var fake = await StytchFake.StartAsync(new StytchFakeOptions
        {
            Project = new StytchProjectOptions { RedirectUrls = [new("https://app.example/cb", RedirectUrlType.Login, IsDefault: true)] },
        });
        fake.RedirectUrls.Add("https://app.example/more", RedirectUrlType.Signup, isDefault: true);

        fake.DefaultProject.Reset();

        Assert.That(fake.RedirectUrls.All, Is.EqualTo(new RedirectUrl[] { new("https://app.example/cb", RedirectUrlType.Login, true) }));
    }

    [Test]
    public void ProjectOptions_MalformedRedirectUrl_IsRefusedAtStart() =>
        Assert.ThrowsAsync<ArgumentException>(async () => await StytchFake.StartAsync(new StytchFakeOptions
        {
            Project = new StytchProjectOptions { RedirectUrls = [new("app.example/cb", RedirectUrlType.Login)] },
        }));

    [Test]
    public void RedirectUrls_RemoveFromEveryType_SaysHowMany()
    {
        Assert.That(Stytch.RedirectUrls.Remove("http://localhost:3000/authenticate"), Is.EqualTo(5));
        Assert.That(Stytch.RedirectUrls.All, Is.Empty);
    }

    [Test]
    public async Task OtherProject_RedirectUrls_AreItsOwn()
    {
        var other = Stytch.CreateProject();
        other.RedirectUrls.Set([]);

        Assert.That(ListOf(await Client.GetAsync(Path)), Is.EqualTo(FreshList));
        Assert.That(JsonNode.Parse(ListOf(await Client.GetAsync($"/_fake/v1/projects/{other.ProjectId}/redirect_urls")))!.AsArray(), Is.Empty);
    }
}
