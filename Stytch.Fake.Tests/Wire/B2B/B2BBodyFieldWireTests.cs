namespace Stytch.Fake.Tests.Wire.B2B;

/// <summary>
/// Unknown and mistyped fields inside the B2B bodies' structured values (search queries, role assignments,
/// authorization checks), over loopback HTTP: unknown ones are ignored and listed with their path, or refused by a
/// strict project; a wrong type is a 400 <c>bad_request</c> naming the path and what it must be.
/// </summary>
public sealed class B2BBodyFieldWireTests : B2BWireTest
{
    private const string SearchPath = OrganizationsPath + "/search";

    private IReadOnlyList<string> LastIgnored => Stytch.DefaultProject.Requests.All[^1].IgnoredFields;

    [SetUp]
    public Task CreateOrganization() => CreateJitOrganizationAsync();

    [Test]
    public async Task OrganizationsSearch_UnknownKeysInTheQuery_AreIgnoredAndListedWithTheirPaths()
    {
        var response = await Client.PostRawAsync(SearchPath,
            """{"query":{"operator":"AND","sort":"name","operands":[{"filter_name":"organization_slugs","filter_value":["acme"],"negate":false}]}}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["organizations"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(LastIgnored, Is.EqualTo(new[] { "query.sort", "query.operands[0].negate" }));
    }

    [Test]
    public async Task OrganizationsSearch_FilterValueNumber_Returns400BadRequestNamingItsPath()
    {
        var response = await Client.PostRawAsync(SearchPath, """{"query":{"operator":"AND","operands":[{"filter_name":"organization_slugs","filter_value":5}]}}""");

        AssertError(response, 400, "bad_request");
        Assert.That(response["error_message"], Is.EqualTo("query.operands[0].filter_value must be a string, a boolean or an array of strings, not the number 5."));
    }

    [Test]
    public async Task OrganizationsSearch_QueryWithoutOperator_Returns400BadRequestNamingIt()
    {
        var response = await Client.PostRawAsync(SearchPath, """{"query":{"operands":[]}}""");

        Assert.That(response["error_message"], Is.EqualTo("query.operator must be a string."));
    }

    [Test]
    public async Task OrganizationsUpdate_UnknownKeyInARoleAssignment_IsIgnoredAndListed()
    {
        var response = await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/acme",
            """{"rbac_email_implicit_role_assignments":[{"domain":"acme.io","role_id":"stytch_admin","priority":1}]}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(LastIgnored, Is.EqualTo(new[] { "rbac_email_implicit_role_assignments[0].priority" }));
    }

    [Test]
    public async Task OrganizationsUpdate_RoleAssignmentWithoutRoleId_Returns400BadRequestNamingIt()
    {
        var response = await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/acme", """{"rbac_email_implicit_role_assignments":[{"domain":"acme.io"}]}""");

        AssertError(response, 400, "bad_request");
        Assert.That(response["error_message"], Is.EqualTo("rbac_email_implicit_role_assignments[0].role_id must be a string."));
    }

    [Test]
    public async Task OrganizationsUpdate_TrustedMetadataAsString_Returns400BadRequestNamingIt()
    {
        var response = await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/acme", """{"trusted_metadata":"gold"}""");

        Assert.That(response["error_message"], Is.EqualTo("trusted_metadata must be an object, not a string."));
    }

    [Test]
    public async Task MembersCreate_RolesAsString_Returns400BadRequestNamingIt()
    {
        var response = await Client.PostRawAsync($"{OrganizationsPath}/acme/members", """{"email_address":"ada@acme.io","roles":"stytch_admin"}""");

        Assert.That(response["error_message"], Is.EqualTo("roles must be an array of strings, not a string."));
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Is.Empty);
    }

    [Test]
    public async Task SessionsAuthenticate_UnknownKeyInTheAuthorizationCheck_IsIgnoredAndListed()
    {
        var login = await LoginMemberAsync("acme", "ada@acme.io");
        var org = login.Json["organization_id"]!.GetValue<string>();

        var response = await Client.PostAsync(SessionsAuthenticatePath, new
        {
            session_token = login["session_token"],
            authorization_check = new { organization_id = org, resource_id = "stytch.self", action = "update.info.name", resource_owner = "me" },
        });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(LastIgnored, Is.EqualTo(new[] { "authorization_check.resource_owner" }));
    }

    [Test]
    public async Task StrictProject_UnknownKeyInTheQuery_Returns400BadRequestNamingItsPath()
    {
        var project = Stytch.CreateProject(new StytchProjectOptions { StrictFields = true, TimeProvider = Time });
        using var client = new WireClient(Stytch, project);

        var response = await client.PostRawAsync(SearchPath, """{"query":{"operator":"AND","operands":[{"filter_name":"organization_slugs","filter_value":["acme"],"negate":false}]}}""");

        AssertError(response, 400, "bad_request");
        Assert.That(response["error_message"], Does.StartWith("Unknown field: query.operands[0].negate. This project is strict"));
    }
}
