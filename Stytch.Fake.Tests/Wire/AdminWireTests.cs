using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire;

/// <summary>The back doors under <c>/_fake/v1/</c>, over loopback HTTP.</summary>
public sealed class AdminWireTests : FakeWireTest
{
    private static readonly string[] MessageKeys = WireShapes.Sorted(
        "message_id", "channel", "kind", "email_address", "phone_number", "code", "token", "link", "method_id", "user_id",
        "organization_id", "member_id", "locale", "login_template_id", "signup_template_id", "invite_template_id", "sent_at", "expires_at");

    private string ProjectPath => $"/_fake/v1/projects/{Stytch.ProjectId}";

    private async Task<JsonArray> OutboxAsync(string? email = null)
    {
        var path = email is null ? $"{ProjectPath}/outbox" : $"{ProjectPath}/outbox?email_address={Uri.EscapeDataString(email)}";
        var response = await Client.GetAsync(path);
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(new[] { "messages" }));
        return response.Json["messages"]!.AsArray();
    }

    // ---- outbox -----------------------------------------------------------------------------------

    [Test]
    public async Task Outbox_FilteredByEmail_ReturnsNewestFirst()
    {
        await LoginOrCreateAsync("ada@example.com");
        Stytch.Clock.Advance(TimeSpan.FromSeconds(30));
        await Client.PostAsync("/v1/otps/email/send", new { email = "ada@example.com" });

        var messages = await OutboxAsync("ada@example.com");

        Assert.That(messages, Has.Count.EqualTo(2));
        Assert.That(messages[0]!["code"]!.GetValue<string>(), Is.EqualTo(Stytch.Outbox.LatestFor("ada@example.com").Code));
        Assert.That(messages[0]!["sent_at"]!.GetValue<string>(), Is.EqualTo("2030-01-02T03:04:35Z"));
        Assert.That(messages[1]!["sent_at"]!.GetValue<string>(), Is.EqualTo("2030-01-02T03:04:05Z"));
    }

    [Test]
    public async Task Outbox_Message_HasExactlyTheDocumentedKeys()
    {
        await LoginOrCreateAsync("ada@example.com");

        var messages = await OutboxAsync("ada@example.com");

        Assert.That(WireShapes.Keys(messages[0]!.AsObject()), Is.EqualTo(MessageKeys));
    }

    [Test]
    public async Task Outbox_Message_DescribesTheSentCode()
    {
        var created = await Client.PostAsync("/v1/otps/email/login_or_create", new
        {
            email = "ada@example.com",
            expiration_minutes = 5,
            locale = "es",
            signup_template_id = "tpl-signup",
        });

        var message = (await OutboxAsync("ada@example.com"))[0]!;

        Assert.That(message["email_address"]!.GetValue<string>(), Is.EqualTo("ada@example.com"));
        Assert.That(message["code"]!.GetValue<string>(), Does.Match("^[0-9]{6}$"));
        Assert.That(message["method_id"]!.GetValue<string>(), Is.EqualTo(created["email_id"]));
        Assert.That(message["user_id"]!.GetValue<string>(), Is.EqualTo(created["user_id"]));
        Assert.That(message["kind"]!.GetValue<string>(), Is.EqualTo("signup"));
        Assert.That(message["locale"]!.GetValue<string>(), Is.EqualTo("es"));
        Assert.That(message["login_template_id"], Is.Null);
        Assert.That(message["signup_template_id"]!.GetValue<string>(), Is.EqualTo("tpl-signup"));
        Assert.That(message["sent_at"]!.GetValue<string>(), Is.EqualTo("2030-01-02T03:04:05Z"));
        Assert.That(message["expires_at"]!.GetValue<string>(), Is.EqualTo("2030-01-02T03:09:05Z"));
    }

    [Test]
    public async Task Outbox_LoginMessage_HasKindLogin()
    {
        await LoginOrCreateAsync("ada@example.com");
        await LoginOrCreateAsync("ada@example.com");

        var messages = await OutboxAsync("ada@example.com");

        Assert.That(messages.Select(m => m!["kind"]!.GetValue<string>()), Is.EqualTo(new[] { "login", "signup" }));
    }

    [Test]
    public async Task Outbox_FilteredByEmail_ExcludesOtherRecipients()
    {
        await LoginOrCreateAsync("ada@example.com");
        await LoginOrCreateAsync("bob@example.com");

        var messages = await OutboxAsync("bob@example.com");

        Assert.That(messages.Select(m => m!["email_address"]!.GetValue<string>()), Is.EqualTo(new[] { "bob@example.com" }));
    }

    [Test]
    public async Task Outbox_FilteredByEmailInOtherCase_FindsTheMessages()
    {
        await LoginOrCreateAsync("ada@example.com");

        var messages = await OutboxAsync("ADA@example.com");

        Assert.That(messages, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Outbox_WithoutFilter_ListsEveryMessageNewestFirst()
    {
        await LoginOrCreateAsync("ada@example.com");
        await LoginOrCreateAsync("bob@example.com");

        var messages = await OutboxAsync();

        Assert.That(messages.Select(m => m!["email_address"]!.GetValue<string>()), Is.EqualTo(new[] { "bob@example.com", "ada@example.com" }));
    }

    [Test]
    public async Task Outbox_CodeFromBackDoor_AuthenticatesOverHttp()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var code = (await OutboxAsync("ada@example.com"))[0]!["code"]!.GetValue<string>();

        var auth = await AuthenticateAsync(created["email_id"], code);

        Assert.That(auth.Status, Is.EqualTo(200));
    }

    [Test]
    public async Task OutboxDelete_AfterSends_ClearsTheOutbox()
    {
        await LoginOrCreateAsync("ada@example.com");

        var cleared = await Client.DeleteAsync($"{ProjectPath}/outbox");

        Assert.That(cleared.Status, Is.EqualTo(200));
        Assert.That(await OutboxAsync(), Is.Empty);
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task OutboxDelete_AfterSends_KeepsTheCodesValid()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;
        await Client.DeleteAsync($"{ProjectPath}/outbox");

        var auth = await AuthenticateAsync(created["email_id"], code);

        Assert.That(auth.Status, Is.EqualTo(200));
    }

    // ---- clock ------------------------------------------------------------------------------------

    [Test]
    public async Task ClockGet_FreshProject_ReturnsTheProjectTime()
    {
        var clock = await Client.GetAsync($"{ProjectPath}/clock");

        Assert.That(clock.Status, Is.EqualTo(200));
        Assert.That(clock["now"], Is.EqualTo("2030-01-02T03:04:05.000Z"));
        Assert.That(clock.Json["offset_seconds"]!.GetValue<double>(), Is.Zero);
    }

    [Test]
    public async Task ClockAdvance_Seconds_MovesTheProjectClock()
    {
        var advanced = await Client.PostAsync($"{ProjectPath}/clock/advance", new { seconds = 90 });

        Assert.That(advanced.Status, Is.EqualTo(200));
        Assert.That(advanced["now"], Is.EqualTo("2030-01-02T03:05:35.000Z"));
        Assert.That(Stytch.Clock.Now, Is.EqualTo(Start.AddSeconds(90)));
    }

    [Test]
    public async Task ClockAdvance_PastExpiry_CodeExpiresOverHttp()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;

        await Client.PostAsync($"{ProjectPath}/clock/advance", new { seconds = 121 });
        var auth = await AuthenticateAsync(created["email_id"], code);

        Assert.That(auth.Status, Is.EqualTo(401));
        Assert.That(auth.ErrorType, Is.EqualTo("unable_to_auth_otp_code"));
    }

    [Test]
    public async Task ClockAdvance_WithinExpiry_CodeStillWorks()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;

        await Client.PostAsync($"{ProjectPath}/clock/advance", new { seconds = 119 });
        var auth = await AuthenticateAsync(created["email_id"], code);

        Assert.That(auth.Status, Is.EqualTo(200));
    }

    [TestCase("""{"seconds":-1}""")]
    [TestCase("""{"seconds":"60"}""")]
    [TestCase("""{}""")]
    [TestCase("""{"minutes":1}""")]
    public async Task ClockAdvance_InvalidBody_Returns400BadRequest(string body)
    {
        var advanced = await Client.PostRawAsync($"{ProjectPath}/clock/advance", body);

        Assert.That(advanced.Status, Is.EqualTo(400));
        Assert.That(advanced.ErrorType, Is.EqualTo("bad_request"));
        Assert.That(Stytch.Clock.Now, Is.EqualTo(Start));
    }

    [Test]
    public async Task ClockSet_Instant_SetsTheProjectClock()
    {
        var set = await Client.PostAsync($"{ProjectPath}/clock/set", new { now = "2031-06-07T08:09:10Z" });

        Assert.That(set.Status, Is.EqualTo(200));
        Assert.That(set["now"], Is.EqualTo("2031-06-07T08:09:10.000Z"));
        Assert.That(Stytch.Clock.Now, Is.EqualTo(new DateTimeOffset(2031, 6, 7, 8, 9, 10, TimeSpan.Zero)));
    }

    [Test]
    public async Task ClockSet_PastExpiry_CodeExpiresOverHttp()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;

        await Client.PostAsync($"{ProjectPath}/clock/set", new { now = "2030-01-02T03:06:05Z" });
        var auth = await AuthenticateAsync(created["email_id"], code);

        Assert.That(auth.Status, Is.EqualTo(401));
        Assert.That(auth.ErrorType, Is.EqualTo("unable_to_auth_otp_code"));
    }

    [Test]
    public async Task ClockSet_NotATime_Returns400BadRequest()
    {
        var set = await Client.PostAsync($"{ProjectPath}/clock/set", new { now = "tomorrow" });

        Assert.That(set.Status, Is.EqualTo(400));
        Assert.That(set.ErrorType, Is.EqualTo("bad_request"));
    }

    // ---- projects ---------------------------------------------------------------------------------

    [TestCase("project-test-00000000-0000-4000-8000-000000000000")]
    [TestCase("nope")]
    public async Task Outbox_UnknownProject_Returns404ProjectNotFound(string projectId)
    {
        var response = await Client.GetAsync($"/_fake/v1/projects/{projectId}/outbox");

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response.ErrorType, Is.EqualTo("project_not_found"));
    }

    [Test]
    public async Task ClockAdvance_UnknownProject_Returns404ProjectNotFound()
    {
        var response = await Client.PostAsync("/_fake/v1/projects/project-test-00000000-0000-4000-8000-000000000000/clock/advance", new { seconds = 1 });

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response.ErrorType, Is.EqualTo("project_not_found"));
    }

    [Test]
    public async Task Reset_AfterLogins_WipesUsers()
    {
        var created = await LoginOrCreateAsync("ada@example.com");

        var reset = await Client.PostRawAsync($"{ProjectPath}/reset", "");
        var user = await Client.GetAsync($"/v1/users/{created["user_id"]}");

        Assert.That(reset.Status, Is.EqualTo(200));
        Assert.That(user.Status, Is.EqualTo(404));
        Assert.That(user.ErrorType, Is.EqualTo("user_not_found"));
        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
    }

    [Test]
    public async Task Reset_AfterLogins_ClearsOutboxAndInvalidatesCodes()
    {
        var created = await LoginOrCreateAsync("ada@example.com");
        var code = Stytch.Outbox.LatestFor("ada@example.com").Code;

        await Client.PostRawAsync($"{ProjectPath}/reset", "");
        var auth = await AuthenticateAsync(created["email_id"], code);

        Assert.That(await OutboxAsync(), Is.Empty);
        Assert.That(auth.Status, Is.EqualTo(404));
        Assert.That(auth.ErrorType, Is.EqualTo("otp_code_not_found"));
    }

    [Test]
    public async Task Reset_AfterClockAdvance_PutsTheClockBack()
    {
        await Client.PostAsync($"{ProjectPath}/clock/advance", new { seconds = 600 });

        await Client.PostRawAsync($"{ProjectPath}/reset", "");

        Assert.That(Stytch.Clock.Now, Is.EqualTo(Start));
    }

    [Test]
    public async Task Reset_Credentials_KeepWorking()
    {
        var reset = await Client.PostRawAsync($"{ProjectPath}/reset", "");

        var created = await LoginOrCreateAsync("ada@example.com");

        Assert.That(reset["project_id"], Is.EqualTo(Stytch.ProjectId));
        Assert.That(created.Status, Is.EqualTo(200));
        Assert.That(created.Json["user_created"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task CreateProject_EmptyBody_Returns201WithNewCredentials()
    {
        var created = await Client.PostRawAsync("/_fake/v1/projects", "");

        Assert.That(created.Status, Is.EqualTo(201));
        Assert.That(created["project_id"], Does.Match("^project-test-[0-9a-f-]{36}$"));
        Assert.That(created["project_id"], Is.Not.EqualTo(Stytch.ProjectId));
        Assert.That(created["secret"], Is.Not.Empty.And.Not.EqualTo(Stytch.Secret));
    }

    [Test]
    public async Task CreateProject_NewCredentials_WorkOnTheStytchApi()
    {
        var created = await Client.PostRawAsync("/_fake/v1/projects", "{}");
        using var other = new WireClient(Stytch.Url, created["project_id"]!, created["secret"]!);

        var login = await other.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.That(login.Status, Is.EqualTo(200));
        Assert.That(login.Json["user_created"]!.GetValue<bool>(), Is.True);
        Assert.That(Stytch.FindProject(created["project_id"]!)!.Outbox.LatestFor("ada@example.com").MethodId, Is.EqualTo(login["email_id"]));
    }

    [Test]
    public async Task CreateProject_ItsUsers_AreNotVisibleFromTheFirstProject()
    {
        var created = await Client.PostRawAsync("/_fake/v1/projects", "{}");
        using var other = new WireClient(Stytch.Url, created["project_id"]!, created["secret"]!);
        var login = await other.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        var fromFirst = await Client.GetAsync($"/v1/users/{login["user_id"]}");
        var sendFromFirst = await Client.PostAsync("/v1/otps/email/send", new { email = "ada@example.com" });

        Assert.That(fromFirst.Status, Is.EqualTo(404));
        Assert.That(fromFirst.ErrorType, Is.EqualTo("user_not_found"));
        Assert.That(sendFromFirst.ErrorType, Is.EqualTo("email_not_found"));
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task CreateProject_SameEmailInBothProjects_GetsDifferentUsers()
    {
        var created = await Client.PostRawAsync("/_fake/v1/projects", "{}");
        using var other = new WireClient(Stytch.Url, created["project_id"]!, created["secret"]!);

        var first = await LoginOrCreateAsync("ada@example.com");
        var second = await other.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.That(second.Json["user_created"]!.GetValue<bool>(), Is.True);
        Assert.That(second["user_id"], Is.Not.EqualTo(first["user_id"]));
    }

    [Test]
    public async Task CreateProject_SecretOfOneProjectWithIdOfAnother_Returns401()
    {
        var created = await Client.PostRawAsync("/_fake/v1/projects", "{}");
        using var mixed = new WireClient(Stytch.Url, created["project_id"]!, Stytch.Secret);

        var login = await mixed.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.That(login.Status, Is.EqualTo(401));
        Assert.That(login.ErrorType, Is.EqualTo("unauthorized_credentials"));
    }

    [Test]
    public async Task CreateProject_FixedIdAndSecret_UsesThem()
    {
        const string id = "project-test-11111111-2222-4333-8444-555555555555";

        var created = await Client.PostAsync("/_fake/v1/projects", new { project_id = id, secret = "secret-test-fixed" });

        Assert.That(created.Status, Is.EqualTo(201));
        Assert.That(created["project_id"], Is.EqualTo(id));
        Assert.That(created["secret"], Is.EqualTo("secret-test-fixed"));
    }

    [Test]
    public async Task CreateProject_Live_IdsAndRequestIdsSayLive()
    {
        var created = await Client.PostAsync("/_fake/v1/projects", new { live = true });
        using var live = new WireClient(Stytch.Url, created["project_id"]!, created["secret"]!);

        var login = await live.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });
        var error = await live.PostAsync("/v1/otps/email/login_or_create", new { email = "no-at" });

        Assert.That(created["project_id"], Does.StartWith("project-live-"));
        Assert.That(login["user_id"], Does.StartWith("user-live-"));
        Assert.That(login["email_id"], Does.StartWith("email-live-"));
        Assert.That(login["request_id"], Does.StartWith("request-id-live-"));
        Assert.That(error["request_id"], Does.StartWith("request-id-live-"));
    }

    [Test]
    public async Task CreateProject_Live_HasNoSandboxAddress()
    {
        var created = await Client.PostAsync("/_fake/v1/projects", new { live = true });
        using var live = new WireClient(Stytch.Url, created["project_id"]!, created["secret"]!);

        var login = await live.PostAsync("/v1/otps/email/login_or_create", new { email = "sandbox@stytch.com" });

        Assert.That(login.Json["user_created"]!.GetValue<bool>(), Is.True);
        Assert.That(login["user_id"], Is.Not.EqualTo("user-test-e3795c81-f849-4167-bfda-e4a6e9c280fd"));
        Assert.That(Stytch.FindProject(created["project_id"]!)!.Outbox.All, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task CreateProject_ExistingId_Returns400BadRequest()
    {
        var created = await Client.PostAsync("/_fake/v1/projects", new { project_id = Stytch.ProjectId });

        Assert.That(created.Status, Is.EqualTo(400));
        Assert.That(created.ErrorType, Is.EqualTo("bad_request"));
    }

    [Test]
    public async Task CreateProject_MalformedId_Returns400BadRequest()
    {
        var created = await Client.PostAsync("/_fake/v1/projects", new { project_id = "acme" });

        Assert.That(created.Status, Is.EqualTo(400));
        Assert.That(created.ErrorType, Is.EqualTo("bad_request"));
    }

    [Test]
    public async Task ProjectsList_AfterCreate_ListsBothProjects()
    {
        var created = await Client.PostRawAsync("/_fake/v1/projects", "{}");

        var list = await Client.GetAsync("/_fake/v1/projects");

        var ids = list.Json["projects"]!.AsArray().Select(p => p!["project_id"]!.GetValue<string>());
        Assert.That(ids, Is.EquivalentTo(new[] { Stytch.ProjectId, created["project_id"] }));
    }

    [Test]
    public async Task Health_Always_ReturnsOk()
    {
        var health = await Client.GetAsync("/_fake/v1/health");

        Assert.That(health.Status, Is.EqualTo(200));
        Assert.That(health["status"], Is.EqualTo("ok"));
    }

    [Test]
    public async Task BackDoor_UnknownRoute_Returns404RouteNotFound()
    {
        var response = await Client.GetAsync("/_fake/v1/nope");

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response.ErrorType, Is.EqualTo("route_not_found"));
    }

    [Test]
    public async Task BackDoor_WithoutStytchCredentials_IsStillServed()
    {
        await LoginOrCreateAsync("ada@example.com");
        using var anonymous = new WireClient(Stytch);
        anonymous.Http.DefaultRequestHeaders.Authorization = null;

        var response = await anonymous.GetAsync($"{ProjectPath}/outbox");

        Assert.That(response.Status, Is.EqualTo(200));
        Assert.That(response.Json["messages"]!.AsArray(), Has.Count.EqualTo(1));
    }
}
