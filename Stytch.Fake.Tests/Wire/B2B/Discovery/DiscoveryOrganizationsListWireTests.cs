namespace Stytch.Fake.Tests.Wire.B2B.Discovery;

/// <summary><c>POST /v1/b2b/discovery/organizations</c> over loopback HTTP.</summary>
public sealed class DiscoveryOrganizationsListWireTests : DiscoveryWireTest
{
    [Test]
    public async Task List_IntermediateSession_ListsWhatAuthenticateListedWithANullHint()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "members" });
        await CreateMemberAsync("members", "ada@acme.io");
        await CreateJoinableOrganizationAsync("joinable");
        var auth = await DiscoverAsync("ada@acme.io");

        var response = await Client.PostAsync(ListPath, new { intermediate_session_token = auth["intermediate_session_token"] });

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
            Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "status_code", "email_address", "discovered_organizations", "organization_id_hint")));
            Assert.That(response["email_address"], Is.EqualTo("ada@acme.io"));
            Assert.That(response.Json["organization_id_hint"], Is.Null);
            Assert.That(response.Json["discovered_organizations"]!.ToJsonString(), Is.EqualTo(auth.Json["discovered_organizations"]!.ToJsonString()));
        });
    }

    [Test]
    public async Task List_SameIntermediateSessionTwice_DoesNotUseItUp()
    {
        var ist = await IntermediateSessionAsync("ada@acme.io");
        await Client.PostAsync(ListPath, new { intermediate_session_token = ist });

        var again = await Client.PostAsync(ListPath, new { intermediate_session_token = ist });

        Assert.That(again.Status, Is.EqualTo(200), again.Text);
    }

    [Test]
    public async Task List_IntermediateSessionAfterTenMinutes_Returns404IntermediateSessionNotFound()
    {
        var ist = await IntermediateSessionAsync("ada@acme.io");
        Time.Advance(TimeSpan.FromMinutes(10));

        AssertError(await Client.PostAsync(ListPath, new { intermediate_session_token = ist }), 404, "intermediate_session_not_found");
    }

    [Test]
    public async Task List_IntermediateSessionJustBeforeTenMinutes_Returns200()
    {
        var ist = await IntermediateSessionAsync("ada@acme.io");
        Time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));

        var response = await Client.PostAsync(ListPath, new { intermediate_session_token = ist });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task List_UnknownIntermediateSession_Returns404IntermediateSessionNotFound() =>
        AssertError(await Client.PostAsync(ListPath, new { intermediate_session_token = "no-such-token" }), 404, "intermediate_session_not_found");

    [Test]
    public async Task List_MemberSessionToken_ListsOnlyExistingMembershipsWithANullHint()
    {
        await CreateOrganizationAsync(new { organization_name = "Home", organization_slug = "home" });
        await CreateMemberAsync("home", "ada@acme.io");
        await CreateOrganizationAsync(new { organization_name = "Pending", organization_slug = "pending" });
        await CreateMemberAsync("pending", "ada@acme.io", pending: true);
        await CreateJoinableOrganizationAsync("joinable");
        var login = await LoginMemberAsync("home", "ada@acme.io");

        var response = await Client.PostAsync(ListPath, new { session_token = login["session_token"] });

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
            Assert.That(response["email_address"], Is.EqualTo("ada@acme.io"));
            Assert.That(response.Json["organization_id_hint"], Is.Null);
            Assert.That(MembershipTypes(response), Is.EquivalentTo(new Dictionary<string, string> { ["home"] = "active_member", ["pending"] = "pending_member" }));
        });
    }

    [Test]
    public async Task List_MemberSessionJwt_ListsTheMembersOrganizations()
    {
        await CreateOrganizationAsync(new { organization_name = "Home", organization_slug = "home" });
        await CreateMemberAsync("home", "ada@acme.io");
        var login = await LoginMemberAsync("home", "ada@acme.io");

        var response = await Client.PostAsync(ListPath, new { session_jwt = login["session_jwt"] });

        Assert.That(MembershipTypes(response), Is.EquivalentTo(new Dictionary<string, string> { ["home"] = "active_member" }));
    }

    [Test]
    public async Task List_RevokedMemberSession_Returns404SessionNotFound()
    {
        await CreateOrganizationAsync(new { organization_name = "Home", organization_slug = "home" });
        await CreateMemberAsync("home", "ada@acme.io");
        var token = (await LoginMemberAsync("home", "ada@acme.io"))["session_token"];
        await Client.PostAsync(SessionsRevokePath, new { session_token = token });

        AssertError(await Client.PostAsync(ListPath, new { session_token = token }), 404, "session_not_found");
    }

    [Test]
    public async Task List_IntermediateSessionAndSessionToken_Returns400TooManySessionArguments()
    {
        var ist = await IntermediateSessionAsync("ada@acme.io");

        AssertError(await Client.PostAsync(ListPath, new { intermediate_session_token = ist, session_token = "x" }), 400, "too_many_session_arguments");
    }

    [Test]
    public async Task List_NoArgument_Returns400NoSessionArguments() =>
        AssertError(await Client.PostAsync(ListPath, new { }), 400, "no_session_arguments");
}
