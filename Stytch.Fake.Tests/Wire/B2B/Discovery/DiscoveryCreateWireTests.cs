namespace Stytch.Fake.Tests.Wire.B2B.Discovery;

/// <summary><c>POST /v1/b2b/discovery/organizations/create</c> over loopback HTTP.</summary>
public sealed class DiscoveryCreateWireTests : DiscoveryWireTest
{
    private const string CreatePath = "/v1/b2b/discovery/organizations/create";

    private Task<WireResult> CreateAsync(string? ist, Dictionary<string, object?>? extra = null) =>
        Client.PostAsync(CreatePath, new Dictionary<string, object?>(extra ?? []) { ["intermediate_session_token"] = ist });

    [Test]
    public async Task Create_NameAndSlug_Returns200TheOrganizationAndALoggedInCreator()
    {
        var response = await CreateAsync(await IntermediateSessionAsync("ada@acme.io"), new() { ["organization_name"] = "Acme Inc", ["organization_slug"] = "acme" });

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
            Assert.That(response.Json.ContainsKey("organization_id"), Is.False, "the spec's create answer has no organization_id");
            Assert.That(Str(response.Json["organization"]!["organization_name"]), Is.EqualTo("Acme Inc"));
            Assert.That(Str(response.Json["organization"]!["organization_slug"]), Is.EqualTo("acme"));
            Assert.That(Str(response.Json["organization"]!["organization_id"]), Does.Match(OrganizationId()));
            Assert.That(Str(response.Json["member"]!["email_address"]), Is.EqualTo("ada@acme.io"));
            Assert.That(Str(response.Json["member"]!["status"]), Is.EqualTo("active"));
            Assert.That(response.Json["member"]!["email_address_verified"]!.GetValue<bool>(), Is.True);
            Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.True);
            Assert.That(response["session_token"], Has.Length.EqualTo(44));
            Assert.That(Str(response.Json["member_session"]!["organization_id"]), Is.EqualTo(Str(response.Json["organization"]!["organization_id"])));
        });
    }

    [Test]
    public async Task Create_Creator_GetsStytchAdmin()
    {
        var response = await CreateAsync(await IntermediateSessionAsync("ada@acme.io"), new() { ["organization_slug"] = "acme" });

        var roles = response.Json["member"]!["roles"]!.AsArray().Select(r => Str(r!["role_id"]));
        Assert.That(roles, Is.SupersetOf(new[] { "stytch_admin", "stytch_member" }));
        Assert.That(response.Json["member_session"]!["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Does.Contain("stytch_admin"));
    }

    [Test]
    public async Task Create_NoName_NamesTheOrganizationAfterTheEmailDomain()
    {
        var response = await CreateAsync(await IntermediateSessionAsync("ada@acme.io"));

        Assert.That(Str(response.Json["organization"]!["organization_name"]), Is.EqualTo("acme.io"));
        Assert.That(Str(response.Json["organization"]!["organization_slug"]), Is.EqualTo("acme.io"));
    }

    [Test]
    public async Task Create_NoNameForAGmailAddress_NamesTheOrganizationAfterTheNameBeforeTheAt()
    {
        var response = await CreateAsync(await IntermediateSessionAsync("ada.lovelace@gmail.com"));

        Assert.That(Str(response.Json["organization"]!["organization_name"]), Is.EqualTo("ada.lovelace"));
    }

    [Test]
    public async Task Create_IntermediateSession_IsUsedUp()
    {
        var ist = await IntermediateSessionAsync("ada@acme.io");
        await CreateAsync(ist, new() { ["organization_slug"] = "acme" });

        AssertError(await CreateAsync(ist, new() { ["organization_slug"] = "acme-2" }), 404, "intermediate_session_not_found");
    }

    [Test]
    public async Task Create_SlugTaken_Returns400AndCreatesNothing()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        var ist = await IntermediateSessionAsync("ada@acme.io");

        var response = await CreateAsync(ist, new() { ["organization_slug"] = "acme" });

        AssertError(response, 400, "organization_slug_already_used");
        Assert.That(Stytch.DefaultProject.B2B.Organizations.All, Has.Count.EqualTo(1));
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Is.Empty);
        Assert.That((await Client.PostAsync(ListPath, new { intermediate_session_token = ist })).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Create_MfaRequiredForAll_AnswersAnIntermediateSessionWithMfaRequired()
    {
        var ist = await IntermediateSessionAsync("ada@acme.io");

        var response = await CreateAsync(ist, new() { ["organization_slug"] = "secure", ["mfa_policy"] = "REQUIRED_FOR_ALL" });

        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
            Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.False);
            Assert.That(response["intermediate_session_token"], Is.EqualTo(ist));
            Assert.That(response.Json["member_session"], Is.Null);
            Assert.That(response.Json["mfa_required"], Is.Not.Null);
            Assert.That(Str(response.Json["organization"]!["mfa_policy"]), Is.EqualTo("REQUIRED_FOR_ALL"));
        });
    }

    [Test]
    public async Task Create_NewOrganization_IsListedForTheCreatorsNextDiscoveryLogin()
    {
        await CreateAsync(await IntermediateSessionAsync("ada@acme.io"), new() { ["organization_slug"] = "acme" });

        Assert.That(MembershipTypes(await DiscoverAsync("ada@acme.io")), Is.EquivalentTo(new Dictionary<string, string> { ["acme"] = "active_member" }));
    }

    [Test]
    public async Task Create_UnknownIntermediateSession_Returns404IntermediateSessionNotFound() =>
        AssertError(await CreateAsync("no-such-token", new() { ["organization_slug"] = "acme" }), 404, "intermediate_session_not_found");
}
