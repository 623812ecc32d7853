namespace Stytch.Fake.Tests.Wire.B2B;

/// <summary>
/// Path ids repeated in the body, over loopback HTTP. The bodies are byte for byte what the official .NET SDK
/// (stytchauth/stytch-dotnet) sends: it serialises its whole request model with Newtonsoft.Json and
/// <c>NullValueHandling.Ignore</c>, so the path's <c>organization_id</c> / <c>member_id</c> come first, then the fields
/// that were set, in declaration order, and unset ones are left out.
/// </summary>
public sealed class PathIdsInBodyWireTests : B2BWireTest
{
    private string _orgId = "";
    private string _memberId = "";

    [SetUp]
    public async Task CreateOrganizationAndMember()
    {
        _orgId = Str((await CreateOrganizationAsync(new { organization_name = "Acme Inc", organization_slug = "acme" }))["organization_id"]);
        _memberId = Str((await CreateMemberAsync(_orgId, "ada@acme.io"))["member_id"]);
    }

    private IReadOnlyList<string> LastIgnored => Stytch.DefaultProject.Requests.All[^1].IgnoredFields;

    // ---- the .NET SDK's bodies --------------------------------------------------------------------

    [Test]
    public async Task OrganizationsUpdate_DotNetSdkBody_UpdatesTheOrganization()
    {
        var response = await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/{_orgId}", $$"""{"organization_id":"{{_orgId}}","organization_name":"Acme Corp"}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["organization"]!["organization_name"]), Is.EqualTo("Acme Corp"));
        Assert.That(Stytch.DefaultProject.B2B.Organizations.Get(_orgId).OrganizationName, Is.EqualTo("Acme Corp"));
        Assert.That(LastIgnored, Is.Empty);
    }

    [Test]
    public async Task OrganizationsUpdate_DotNetSdkBodyWithSettings_UpdatesEveryField()
    {
        var body = $$"""{"organization_id":"{{_orgId}}","organization_name":"Acme Corp","trusted_metadata":{"plan":"gold"},"email_allowed_domains":["acme.io"],"email_jit_provisioning":"RESTRICTED","mfa_policy":"OPTIONAL","rbac_email_implicit_role_assignments":[{"domain":"acme.io","role_id":"stytch_admin"}],"first_party_connected_apps_allowed_type":"NOT_ALLOWED"}""";

        var response = await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/{_orgId}", body);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var organization = response.Json["organization"]!;
        Assert.Multiple(() =>
        {
            Assert.That(organization["trusted_metadata"]!["plan"]!.GetValue<string>(), Is.EqualTo("gold"));
            Assert.That(organization["email_allowed_domains"]!.AsArray().Select(d => d!.GetValue<string>()), Is.EqualTo(new[] { "acme.io" }));
            Assert.That(Str(organization["email_jit_provisioning"]), Is.EqualTo("RESTRICTED"));
            Assert.That(Str(organization["rbac_email_implicit_role_assignments"]![0]!["role_id"]), Is.EqualTo("stytch_admin"));
            Assert.That(Str(organization["first_party_connected_apps_allowed_type"]), Is.EqualTo("NOT_ALLOWED"));
            Assert.That(LastIgnored, Is.Empty);
        });
    }

    [Test]
    public async Task OrganizationsUpdate_SlugInPathAndInBody_IsAccepted()
    {
        // The SDK puts whatever the caller passed as OrganizationId in both places: here the slug.
        var response = await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/acme", """{"organization_id":"acme","organization_name":"Acme Corp"}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(LastIgnored, Is.Empty);
    }

    [Test]
    public async Task MembersCreate_DotNetSdkBody_CreatesTheMember()
    {
        var response = await Client.PostRawAsync($"{OrganizationsPath}/{_orgId}/members", $$"""{"organization_id":"{{_orgId}}","email_address":"grace@acme.io","name":"Grace Hopper"}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["member"]!["email_address"]), Is.EqualTo("grace@acme.io"));
        Assert.That(Str(response.Json["member"]!["name"]), Is.EqualTo("Grace Hopper"));
        Assert.That(Str(response.Json["member"]!["status"]), Is.EqualTo("active"));
        Assert.That(LastIgnored, Is.Empty);
    }

    [Test]
    public async Task MembersCreate_DotNetSdkBodyWithEveryField_CreatesThePendingMember()
    {
        var body = $$"""{"organization_id":"{{_orgId}}","email_address":"grace@acme.io","name":"Grace Hopper","trusted_metadata":{"tier":1},"untrusted_metadata":{"theme":"dark"},"create_member_as_pending":true,"is_breakglass":true,"mfa_enrolled":false,"roles":["stytch_admin"],"external_id":"grace-1"}""";

        var response = await Client.PostRawAsync($"{OrganizationsPath}/{_orgId}/members", body);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var member = response.Json["member"]!;
        Assert.Multiple(() =>
        {
            Assert.That(Str(member["status"]), Is.EqualTo("pending"));
            Assert.That(member["is_breakglass"]!.GetValue<bool>(), Is.True);
            Assert.That(Str(member["external_id"]), Is.EqualTo("grace-1"));
            Assert.That(member["trusted_metadata"]!["tier"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(Str(member["untrusted_metadata"]!["theme"]), Is.EqualTo("dark"));
            Assert.That(member["roles"]!.AsArray().Select(r => Str(r!["role_id"])), Does.Contain("stytch_admin"));
            Assert.That(LastIgnored, Is.Empty);
        });
    }

    [Test]
    public async Task MembersUpdate_DotNetSdkBody_UpdatesTheMember()
    {
        var response = await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/{_orgId}/members/{_memberId}",
            $$"""{"organization_id":"{{_orgId}}","member_id":"{{_memberId}}","name":"Ada King"}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["member"]!["name"]), Is.EqualTo("Ada King"));
        Assert.That(LastIgnored, Is.Empty);
    }

    [Test]
    public async Task MembersUpdate_DotNetSdkBodyWithEveryField_UpdatesTheMember()
    {
        var body = $$"""{"organization_id":"{{_orgId}}","member_id":"{{_memberId}}","name":"Ada King","trusted_metadata":{"tier":2},"untrusted_metadata":{"theme":"light"},"is_breakglass":true,"mfa_enrolled":false,"roles":["stytch_admin"],"preserve_existing_sessions":true,"external_id":"ada-2"}""";

        var response = await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/{_orgId}/members/{_memberId}", body);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var member = response.Json["member"]!;
        Assert.Multiple(() =>
        {
            Assert.That(Str(member["name"]), Is.EqualTo("Ada King"));
            Assert.That(member["is_breakglass"]!.GetValue<bool>(), Is.True);
            Assert.That(Str(member["external_id"]), Is.EqualTo("ada-2"));
            Assert.That(member["trusted_metadata"]!["tier"]!.GetValue<int>(), Is.EqualTo(2));
            Assert.That(LastIgnored, Is.Empty);
        });
    }

    [Test]
    public async Task MembersDelete_DotNetSdkBody_DeletesTheMember()
    {
        var response = await Client.SendAsync(HttpMethod.Delete, $"{OrganizationsPath}/{_orgId}/members/{_memberId}",
            $$"""{"organization_id":"{{_orgId}}","member_id":"{{_memberId}}"}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.DefaultProject.B2B.Members.All.Single().Status, Is.EqualTo("deleted"));
    }

    [Test]
    public async Task OrganizationsDelete_DotNetSdkBody_DeletesTheOrganization()
    {
        var response = await Client.SendAsync(HttpMethod.Delete, $"{OrganizationsPath}/{_orgId}", $$"""{"organization_id":"{{_orgId}}"}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.DefaultProject.B2B.Organizations.All, Is.Empty);
    }

    // ---- a body id that is not the path's ---------------------------------------------------------

    [Test]
    public async Task OrganizationsUpdate_BodyIdOfAnotherOrganization_UpdatesThePathsAndRecordsTheField()
    {
        var other = Str((await CreateOrganizationAsync(new { organization_name = "Beta", organization_slug = "beta" }))["organization_id"]);

        var response = await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/{_orgId}", $$"""{"organization_id":"{{other}}","organization_name":"Acme Corp"}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["organization"]!["organization_id"]), Is.EqualTo(_orgId));
        Assert.That(Stytch.DefaultProject.B2B.Organizations.Get(_orgId).OrganizationName, Is.EqualTo("Acme Corp"));
        Assert.That(Stytch.DefaultProject.B2B.Organizations.Get(other).OrganizationName, Is.EqualTo("Beta"));
        Assert.That(LastIgnored, Is.EqualTo(new[] { "organization_id (differs from the path's, which is used)" }));
    }

    [Test]
    public async Task MembersUpdate_BodyMemberIdOfAnotherMember_UpdatesThePathsAndRecordsTheField()
    {
        var grace = Str((await CreateMemberAsync(_orgId, "grace@acme.io"))["member_id"]);

        var response = await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/{_orgId}/members/{_memberId}",
            $$"""{"organization_id":"{{_orgId}}","member_id":"{{grace}}","name":"Ada King"}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["member_id"], Is.EqualTo(_memberId));
        Assert.That(Stytch.DefaultProject.B2B.Members.All.Single(m => m.MemberId == grace).Name, Is.Not.EqualTo("Ada King"));
        Assert.That(LastIgnored, Is.EqualTo(new[] { "member_id (differs from the path's, which is used)" }));
    }

    [Test]
    public async Task MembersCreate_BodyOrganizationIdNotAString_Returns400BadRequestNamingIt()
    {
        var response = await Client.PostRawAsync($"{OrganizationsPath}/{_orgId}/members", """{"organization_id":5,"email_address":"grace@acme.io"}""");

        AssertError(response, 400, "bad_request");
        Assert.That(response["error_message"], Is.EqualTo("organization_id must be a string (the same id as in the path), not the number 5."));
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task MembersUpdate_NullPathIdsInBody_AreTreatedAsAbsent()
    {
        var response = await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/{_orgId}/members/{_memberId}",
            """{"organization_id":null,"member_id":null,"name":"Ada King"}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(LastIgnored, Is.Empty);
    }

    [Test]
    public async Task OrganizationsCreate_OrganizationIdInBody_IsAnUnknownFieldThere()
    {
        var response = await Client.PostRawAsync(OrganizationsPath, $$"""{"organization_id":"{{_orgId}}","organization_name":"Beta","organization_slug":"beta"}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["organization"]!["organization_id"]), Is.Not.EqualTo(_orgId));
        Assert.That(LastIgnored, Is.EqualTo(new[] { "organization_id" }));
    }

    // ---- strict projects --------------------------------------------------------------------------

    [Test]
    public async Task StrictProject_DotNetSdkBodies_AreAccepted()
    {
        var project = Stytch.CreateProject(new StytchProjectOptions { StrictFields = true, TimeProvider = Time });
        using var client = new WireClient(Stytch, project);
        var org = Str((await client.PostAsync(OrganizationsPath, new { organization_name = "Acme Inc" })).Json["organization"]!["organization_id"]);

        var updated = await client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/{org}", $$"""{"organization_id":"{{org}}","organization_name":"Acme Corp"}""");
        var created = await client.PostRawAsync($"{OrganizationsPath}/{org}/members", $$"""{"organization_id":"{{org}}","email_address":"ada@acme.io","name":"Ada"}""");
        var member = created["member_id"];
        var memberUpdated = await client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/{org}/members/{member}",
            $$"""{"organization_id":"{{org}}","member_id":"{{member}}","name":"Ada King"}""");

        Assert.Multiple(() =>
        {
            Assert.That(updated.Status, Is.EqualTo(200), updated.Text);
            Assert.That(created.Status, Is.EqualTo(200), created.Text);
            Assert.That(memberUpdated.Status, Is.EqualTo(200), memberUpdated.Text);
        });
    }

    [Test]
    public async Task StrictProject_BodyIdDiffersFromThePath_Returns400BadRequestNamingItAndChangesNothing()
    {
        var project = Stytch.CreateProject(new StytchProjectOptions { StrictFields = true, TimeProvider = Time });
        using var client = new WireClient(Stytch, project);
        var org = Str((await client.PostAsync(OrganizationsPath, new { organization_name = "Acme Inc" })).Json["organization"]!["organization_id"]);

        var response = await client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/{org}", """{"organization_id":"beta","organization_name":"Acme Corp"}""");

        AssertError(response, 400, "bad_request");
        Assert.That(response["error_message"], Is.EqualTo("organization_id in the body differs from the organization_id in the path; send the same id or leave it out."));
        Assert.That(project.B2B.Organizations.Get(org).OrganizationName, Is.EqualTo("Acme Inc"));
    }
}
