using System.Text.Json.Nodes;
using Stytch.Fake.Tests.Wire.B2B;

namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// The read-only back doors behind the inbox page: <c>GET /_fake/v1/projects/{id}/users</c>, <c>…/organizations</c>
/// and <c>…/sessions</c>, each listing objects exactly as the Stytch API renders them.
/// </summary>
public sealed class StateBackDoorWireTests : B2BWireTest
{
    private string ProjectPath => $"/_fake/v1/projects/{Stytch.ProjectId}";

    private async Task<JsonObject> GetAsync(string what)
    {
        var response = await Client.GetAsync($"{ProjectPath}/{what}");
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        return response.Json;
    }

    private async Task<(string EmailId, string Token)> LogInUserAsync(string email, int minutes = 60)
    {
        var sent = await LoginOrCreateAsync(email);
        var auth = await Client.PostAsync("/v1/otps/authenticate", new
        {
            method_id = sent["email_id"],
            code = Stytch.Outbox.LatestFor(email).Code,
            session_duration_minutes = minutes,
        });
        Assert.That(auth.Status, Is.EqualTo(200), auth.Text);
        return (sent["email_id"]!, auth["session_token"]!);
    }

    // ---- users ------------------------------------------------------------------------------------

    [Test]
    public async Task Users_FreshProject_ListsNone()
    {
        var json = await GetAsync("users");

        Assert.That(WireShapes.Keys(json), Is.EqualTo(new[] { "next_cursor", "total", "users" }));
        Assert.That(json["users"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Users_AfterLogins_ListsEveryUserOldestFirst()
    {
        await LoginOrCreateAsync("ada@example.com");
        Stytch.Clock.Advance(TimeSpan.FromSeconds(1));
        await LoginOrCreateAsync("bob@example.com");

        var users = (await GetAsync("users"))["users"]!.AsArray();

        Assert.That(users.Select(u => Str(u!["emails"]![0]!["email"])), Is.EqualTo(new[] { "ada@example.com", "bob@example.com" }));
    }

    [Test]
    public async Task Users_EachUser_IsTheObjectGetUserAnswers()
    {
        var created = await LoginOrCreateAsync("ada@example.com");

        var listed = (await GetAsync("users"))["users"]![0]!.AsObject();
        var fetched = (await Client.GetAsync($"/v1/users/{created["user_id"]}")).Json;
        fetched.Remove("request_id");
        fetched.Remove("status_code");

        Assert.That(listed.ToJsonString(), Is.EqualTo(fetched.ToJsonString()));
    }

    // ---- organizations ----------------------------------------------------------------------------

    [Test]
    public async Task Organizations_FreshProject_ListsNone()
    {
        var json = await GetAsync("organizations");

        Assert.That(WireShapes.Keys(json), Is.EqualTo(new[] { "next_cursor", "organizations", "total" }));
        Assert.That(json["organizations"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Organizations_WithMembers_ListsEachOrganizationWithOnlyItsMembers()
    {
        await CreateJitOrganizationAsync("acme");
        await CreateJitOrganizationAsync("initech", "initech.io");
        await CreateMemberAsync("acme", "ada@acme.io");
        await CreateMemberAsync("initech", "bob@initech.io");
        await CreateMemberAsync("acme", "carol@acme.io", pending: true);

        var organizations = (await GetAsync("organizations"))["organizations"]!.AsArray();

        Assert.That(organizations.Select(o => WireShapes.Keys(o!.AsObject())), Has.All.EqualTo(new[] { "members", "organization" }));
        Assert.That(organizations.Select(o => Str(o!["organization"]!["organization_slug"])), Is.EqualTo(new[] { "acme", "initech" }));
        Assert.That(organizations[0]!["members"]!.AsArray().Select(m => Str(m!["email_address"])), Is.EqualTo(new[] { "ada@acme.io", "carol@acme.io" }));
        Assert.That(organizations[0]!["members"]![1]!["status"]!.GetValue<string>(), Is.EqualTo("pending"));
        Assert.That(organizations[1]!["members"]!.AsArray().Select(m => Str(m!["email_address"])), Is.EqualTo(new[] { "bob@initech.io" }));
    }

    [Test]
    public async Task Organizations_EachOrganizationAndMember_AreTheObjectsTheStytchApiAnswers()
    {
        var organization = await CreateJitOrganizationAsync("acme");
        var member = await CreateMemberAsync("acme", "ada@acme.io");

        var listed = (await GetAsync("organizations"))["organizations"]![0]!;
        var fetched = await Client.GetAsync($"{OrganizationsPath}/acme");

        Assert.That(listed["organization"]!.ToJsonString(), Is.EqualTo(fetched.Json["organization"]!.ToJsonString()));
        Assert.That(listed["organization"]!.ToJsonString(), Is.EqualTo(organization.ToJsonString()));
        Assert.That(listed["members"]![0]!.ToJsonString(), Is.EqualTo(member.ToJsonString()));
    }

    [Test]
    public async Task Organizations_DeletedMember_IsListedWithStatusDeleted()
    {
        await CreateJitOrganizationAsync("acme");
        var member = await CreateMemberAsync("acme", "ada@acme.io");
        var deleted = await Client.DeleteAsync($"{OrganizationsPath}/acme/members/{Str(member["member_id"])}");
        Assert.That(deleted.Status, Is.EqualTo(200), deleted.Text);

        var members = (await GetAsync("organizations"))["organizations"]![0]!["members"]!.AsArray();

        Assert.That(members.Select(m => Str(m!["status"])), Is.EqualTo(new[] { "deleted" }));
    }

    // ---- sessions ---------------------------------------------------------------------------------

    [Test]
    public async Task Sessions_FreshProject_ListsNone()
    {
        var json = await GetAsync("sessions");

        Assert.That(WireShapes.Keys(json), Is.EqualTo(new[] { "member_sessions", "next_cursor", "sessions", "total" }));
        Assert.That(json["sessions"]!.AsArray(), Is.Empty);
        Assert.That(json["member_sessions"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Sessions_AfterAuthenticate_ListsTheSessionAsSessionsGetDoes()
    {
        await LogInUserAsync("ada@example.com");
        var userId = Stytch.DefaultProject.Users.All.Single().UserId;

        var listed = (await GetAsync("sessions"))["sessions"]!.AsArray();
        var fromStytch = await Client.GetAsync($"/v1/sessions?user_id={userId}");

        Assert.That(listed, Has.Count.EqualTo(1));
        Assert.That(listed.ToJsonString(), Is.EqualTo(fromStytch.Json["sessions"]!.ToJsonString()));
    }

    [Test]
    public async Task Sessions_Listed_CarryNoTokens()
    {
        var (_, token) = await LogInUserAsync("ada@example.com");

        var response = await Client.GetAsync($"{ProjectPath}/sessions");

        Assert.That(response.Text, Does.Not.Contain(token));
    }

    [Test]
    public async Task Sessions_PastTheirExpiry_AreNotListed()
    {
        await LogInUserAsync("ada@example.com", minutes: 5);
        await LogInUserAsync("bob@example.com", minutes: 60);

        Stytch.Clock.Advance(TimeSpan.FromMinutes(6));
        var listed = (await GetAsync("sessions"))["sessions"]!.AsArray();

        var bob = Stytch.DefaultProject.Users.All.Single(u => u.Email == "bob@example.com").UserId;
        Assert.That(listed.Select(s => Str(s!["user_id"])), Is.EqualTo(new[] { bob }));
    }

    [Test]
    public async Task Sessions_Revoked_AreNotListed()
    {
        var (_, token) = await LogInUserAsync("ada@example.com");
        var revoked = await Client.PostAsync("/v1/sessions/revoke", new { session_token = token });
        Assert.That(revoked.Status, Is.EqualTo(200), revoked.Text);

        var json = await GetAsync("sessions");

        Assert.That(json["sessions"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Sessions_MemberSession_IsListedUnderMemberSessions()
    {
        await CreateJitOrganizationAsync("acme");
        await CreateMemberAsync("acme", "ada@acme.io");
        var auth = await LoginMemberAsync("acme", "ada@acme.io");

        var json = await GetAsync("sessions");

        Assert.That(json["sessions"]!.AsArray(), Is.Empty);
        Assert.That(json["member_sessions"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(json["member_sessions"]![0]!.ToJsonString(), Is.EqualTo(auth.Json["member_session"]!.ToJsonString()));
    }

    // ---- access -----------------------------------------------------------------------------------

    [TestCase("users")]
    [TestCase("organizations")]
    [TestCase("sessions")]
    public async Task StateBackDoor_UnknownProject_Returns404ProjectNotFound(string what)
    {
        var response = await Client.GetAsync($"/_fake/v1/projects/project-test-00000000-0000-4000-8000-000000000000/{what}");

        Assert.That(response.Status, Is.EqualTo(404));
        Assert.That(response.ErrorType, Is.EqualTo("project_not_found"));
    }

    [TestCase("users")]
    [TestCase("organizations")]
    [TestCase("sessions")]
    public async Task StateBackDoor_Post_Returns405MethodNotAllowed(string what)
    {
        var response = await Client.PostRawAsync($"{ProjectPath}/{what}", "{}");

        Assert.That(response.Status, Is.EqualTo(405));
        Assert.That(response.ErrorType, Is.EqualTo("method_not_allowed"));
    }

    [TestCase("users")]
    [TestCase("organizations")]
    [TestCase("sessions")]
    public async Task StateBackDoor_ServerWithAdminTokenAndNoneSent_Returns401(string what)
    {
        await using var guarded = await StytchFake.StartAsync(new StytchFakeOptions { AdminToken = "t0ken" });
        using var client = new WireClient(guarded);

        var refused = await client.GetAsync($"/_fake/v1/projects/{guarded.ProjectId}/{what}");
        client.Http.DefaultRequestHeaders.Add("X-Admin-Token", "t0ken");
        var allowed = await client.GetAsync($"/_fake/v1/projects/{guarded.ProjectId}/{what}");

        Assert.That(refused.Status, Is.EqualTo(401));
        Assert.That(refused.ErrorType, Is.EqualTo("unauthorized_credentials"));
        Assert.That(allowed.Status, Is.EqualTo(200));
    }
}
