namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// Body fields the fake does not know, over loopback HTTP: a Stytch call ignores them and the request log lists them
/// (in process, over the back door and in the diagnostic report); a strict project refuses them naming the field;
/// back-door bodies are always strict.
/// </summary>
public sealed class UnknownFieldWireTests : FakeWireTest
{
    private const string LoginOrCreatePath = "/v1/otps/email/login_or_create";

    private IReadOnlyList<string> LastIgnored => Stytch.DefaultProject.Requests.All[^1].IgnoredFields;

    // ---- ignored by default -----------------------------------------------------------------------

    [Test]
    public async Task LoginOrCreate_UnknownField_IsIgnoredAndSendsTheCode()
    {
        var response = await Client.PostRawAsync(LoginOrCreatePath, """{"email":"ada@example.com","favourite_colour":"blue"}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.Outbox.LatestFor("ada@example.com").Code, Does.Match("^[0-9]{6}$"));
    }

    [Test]
    public async Task LoginOrCreate_UnknownFields_AreListedInTheRequestLogInOrder()
    {
        await Client.PostRawAsync(LoginOrCreatePath, """{"favourite_colour":"blue","email":"ada@example.com","shoe_size":9}""");

        Assert.That(LastIgnored, Is.EqualTo(new[] { "favourite_colour", "shoe_size" }));
    }

    [Test]
    public async Task LoginOrCreate_UnknownAttribute_IsIgnoredAndListedWithItsPath()
    {
        var response = await Client.PostRawAsync(LoginOrCreatePath, """{"email":"ada@example.com","attributes":{"ip_address":"203.0.113.7","shoe_size":"9"}}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(LastIgnored, Is.EqualTo(new[] { "attributes.shoe_size" }));
    }

    [Test]
    public async Task OtpsAuthenticate_UnknownOptionsMember_IsIgnoredAndListedWithItsPath()
    {
        var created = await LoginOrCreateAsync("ada@example.com");

        var response = await Client.PostAsync("/v1/otps/authenticate", new
        {
            method_id = created["email_id"],
            code = Stytch.Outbox.LatestFor("ada@example.com").Code,
            options = new { ip_match_required = false, geo_match_required = true },
        });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(LastIgnored, Is.EqualTo(new[] { "options.geo_match_required" }));
    }

    [Test]
    public async Task LoginOrCreate_UnknownFieldOfTheWrongType_IsIgnoredNotTypeChecked()
    {
        var response = await Client.PostRawAsync(LoginOrCreatePath, """{"email":"ada@example.com","future_option":{"nested":[1,2,3]}}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(LastIgnored, Is.EqualTo(new[] { "future_option" }));
    }

    [Test]
    public async Task LoginOrCreate_OnlyKnownFields_ListsNothing()
    {
        await Client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", expiration_minutes = 5 });

        Assert.That(LastIgnored, Is.Empty);
    }

    [Test]
    public async Task LoginOrCreate_UnknownFieldAndABadEmail_AnswersTheEmailErrorAndStillListsTheField()
    {
        var response = await Client.PostRawAsync(LoginOrCreatePath, """{"email":"not-an-email","nope":1}""");

        Assert.That(response.ErrorType, Is.EqualTo("invalid_email"));
        Assert.That(LastIgnored, Is.EqualTo(new[] { "nope" }));
    }

    [Test]
    public async Task LoginOrCreate_ThousandUnknownFields_ListsTwentyAndCountsTheRest()
    {
        var body = "{\"email\":\"ada@example.com\"," + string.Join(",", Enumerable.Range(0, 1000).Select(i => $"\"f{i}\":{i}")) + "}";

        var response = await Client.PostRawAsync(LoginOrCreatePath, body);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(LastIgnored, Has.Count.EqualTo(21));
        Assert.That(LastIgnored[0], Is.EqualTo("f0"));
        Assert.That(LastIgnored[^1], Is.EqualTo("… and 980 more"));
    }

    [Test]
    public async Task LoginOrCreate_LongUnknownFieldName_IsListedCutTo64Characters()
    {
        var name = new string('n', 5000);

        await Client.PostRawAsync(LoginOrCreatePath, $$"""{"email":"ada@example.com","{{name}}":1}""");

        Assert.That(LastIgnored.Single(), Is.EqualTo(new string('n', 64) + "…"));
    }

    [Test]
    public async Task RequestsBackDoor_UnknownField_ListsIgnoredFields()
    {
        await Client.PostRawAsync(LoginOrCreatePath, """{"email":"ada@example.com","nope":1}""");

        var log = await Client.GetAsync($"/_fake/v1/projects/{Stytch.ProjectId}/requests");

        var newest = log.Json["requests"]![0]!;
        Assert.That(newest["path"]!.GetValue<string>(), Is.EqualTo(LoginOrCreatePath));
        Assert.That(newest["ignored_fields"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EqualTo(new[] { "nope" }));
    }

    [Test]
    public async Task RequestsBackDoor_KnownFieldsOnly_ListsAnEmptyArray()
    {
        await LoginOrCreateAsync("ada@example.com");

        var log = await Client.GetAsync($"/_fake/v1/projects/{Stytch.ProjectId}/requests");

        Assert.That(log.Json["requests"]![0]!["ignored_fields"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task DiagnosticReport_UnknownField_ShowsTheIgnoredFieldsOnTheRequestLine()
    {
        await Client.PostRawAsync(LoginOrCreatePath, """{"email":"ada@example.com","nope":1,"attributes":{"shoe_size":"9"}}""");

        var report = DiagnosticReport.Describe(Stytch.DefaultProject);

        Assert.That(report, Does.Contain($"POST   {LoginOrCreatePath} -> 200 (").And.Contain("); ignored fields: nope, attributes.shoe_size"));
    }

    // ---- strict projects --------------------------------------------------------------------------

    [Test]
    public async Task StrictProject_UnknownField_Returns400BadRequestNamingTheFieldAndChangesNothing()
    {
        using var client = StrictClient(out var project);

        var response = await client.PostRawAsync(LoginOrCreatePath, """{"email":"ada@example.com","favourite_colour":"blue"}""");

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
        Assert.That(response["error_message"], Does.StartWith("Unknown field: favourite_colour. This project is strict"));
        Assert.That(project.Users.All, Is.Empty);
        Assert.That(project.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task StrictProject_UnknownAttribute_Returns400BadRequestNamingItsPath()
    {
        using var client = StrictClient(out var project);

        var response = await client.PostRawAsync(LoginOrCreatePath, """{"email":"ada@example.com","attributes":{"shoe_size":"9"}}""");

        Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
        Assert.That(response["error_message"], Does.StartWith("Unknown field: attributes.shoe_size."));
        Assert.That(project.Users.All, Is.Empty);
    }

    [Test]
    public async Task StrictProject_KnownFields_Answers200()
    {
        using var client = StrictClient(out var project);

        var response = await client.PostAsync(LoginOrCreatePath, new { email = "ada@example.com", expiration_minutes = 5, attributes = new { ip_address = "203.0.113.7" } });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(project.StrictFields, Is.True);
    }

    [Test]
    public async Task StrictProject_OtherProjectsOfTheServer_StillIgnoreUnknownFields()
    {
        using var strict = StrictClient(out _);

        var response = await Client.PostRawAsync(LoginOrCreatePath, """{"email":"ada@example.com","nope":1}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.DefaultProject.StrictFields, Is.False);
    }

    [Test]
    public async Task CreateProjectBackDoor_StrictFields_CreatesAStrictProject()
    {
        var created = await Client.PostAsync("/_fake/v1/projects", new { strict_fields = true });
        using var client = new WireClient(Stytch.Url, created["project_id"]!, created["secret"]!);

        var response = await client.PostRawAsync(LoginOrCreatePath, """{"email":"ada@example.com","nope":1}""");

        Assert.That(created.Status, Is.EqualTo(201), created.Text);
        Assert.That(created.Json["strict_fields"]!.GetValue<bool>(), Is.True);
        Assert.That(response["error_message"], Does.StartWith("Unknown field: nope."));
    }

    [Test]
    public async Task GetProjectBackDoor_DefaultProject_SaysItIsNotStrict()
    {
        var project = await Client.GetAsync($"/_fake/v1/projects/{Stytch.ProjectId}");

        Assert.That(project.Json["strict_fields"]!.GetValue<bool>(), Is.False);
    }

    // ---- back doors stay strict -------------------------------------------------------------------

    [Test]
    public async Task ClockAdvanceBackDoor_UnknownField_Returns400BadRequestNamingItAndLeavesTheClock()
    {
        var before = Stytch.Clock.Now;

        var response = await Client.PostRawAsync($"/_fake/v1/projects/{Stytch.ProjectId}/clock/advance", """{"seconds":60,"minutes":1}""");

        Assert.That(response.Status, Is.EqualTo(400));
        Assert.That(response["error_message"], Is.EqualTo("Unknown field: minutes. Back-door bodies take only the fields they document."));
        Assert.That(Stytch.Clock.Now, Is.EqualTo(before));
    }

    [Test]
    public async Task ClockAdvanceBackDoor_SecondsAsString_Returns400BadRequestNamingTheField()
    {
        var response = await Client.PostRawAsync($"/_fake/v1/projects/{Stytch.ProjectId}/clock/advance", """{"seconds":"60"}""");

        Assert.That(response["error_message"], Is.EqualTo("seconds must be a finite number, not a string."));
    }

    private WireClient StrictClient(out StytchFakeProject project)
    {
        project = Stytch.CreateProject(new StytchProjectOptions { StrictFields = true, TimeProvider = Time });
        return new WireClient(Stytch, project);
    }
}
