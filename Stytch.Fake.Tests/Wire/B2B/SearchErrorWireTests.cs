namespace Stytch.Fake.Tests.Wire.B2B;

/// <summary>
/// A B2B search (or member body) whose values break a rule, over loopback HTTP: 400 <c>bad_request</c> whose message
/// names the field, by its place in the body, and what it must be.
/// </summary>
public sealed class SearchErrorWireTests : B2BWireTest
{
    private const string Organizations = OrganizationsPath + "/search";
    private const string Members = OrganizationsPath + "/members/search";

    [SetUp]
    public Task CreateOrganization() => CreateJitOrganizationAsync();

    [TestCase(Organizations, """{"query":{"operator":"XOR","operands":[]}}""",
        "query.operator must be AND or OR, not 'XOR'.")]
    [TestCase(Organizations, """{"limit":1001}""",
        "limit must be from 1 to 1000 (0 or none for 100), not 1001.")]
    [TestCase(Members, """{"organization_ids":["acme"],"limit":-1}""",
        "limit must be from 1 to 1000 (0 or none for 100), not -1.")]
    [TestCase(Organizations, """{"cursor":"bm90LWEtY3Vyc29y"}""",
        "cursor is not one the organizations search gave: send the next_cursor of the previous page, or no cursor for the first page.")]
    [TestCase(Members, """{"organization_ids":["acme"],"cursor":"%%%"}""",
        "cursor is not one the members search gave: send the next_cursor of the previous page, or no cursor for the first page.")]
    [TestCase(Organizations, """{"query":{"operator":"AND","operands":[{"filter_name":"organization_colour","filter_value":"red"}]}}""",
        "query.operands[0].filter_name 'organization_colour' is not a filter of the organization search: use one of organization_ids, organization_slugs, organization_name_fuzzy, organization_slug_fuzzy, member_emails, member_email_fuzzy, allowed_domains, allowed_domain_fuzzy, claimed_email_domains.")]
    [TestCase(Members, """{"organization_ids":["acme"],"query":{"operator":"AND","operands":[{"filter_name":"shoe_size","filter_value":"9"}]}}""",
        "query.operands[0].filter_name 'shoe_size' is not a filter of the member search: use one of member_ids, member_emails, member_email_fuzzy, member_is_breakglass, statuses, member_roles, member_mfa_phone_numbers, member_mfa_phone_number_fuzzy, member_password_exists.")]
    [TestCase(Organizations, """{"query":{"operator":"AND","operands":[{"filter_name":"organization_name_fuzzy","filter_value":"ac"}]}}""",
        "query.operands[0].filter_value of organization_name_fuzzy must be a string of at least 3 characters, not 'ac'.")]
    [TestCase(Organizations, """{"query":{"operator":"AND","operands":[{"filter_name":"organization_ids","filter_value":"not-a-list"}]}}""",
        "query.operands[0].filter_value of organization_ids must be a non-empty array of strings, not a string.")]
    [TestCase(Organizations, """{"query":{"operator":"OR","operands":[{"filter_name":"organization_slugs","filter_value":["acme"]},{"filter_name":"organization_slugs","filter_value":[]}]}}""",
        "query.operands[1].filter_value of organization_slugs must be a non-empty array of strings, not an empty array.")]
    [TestCase(Members, """{"organization_ids":["acme"],"query":{"operator":"AND","operands":[{"filter_name":"member_is_breakglass","filter_value":"yes"}]}}""",
        "query.operands[0].filter_value of member_is_breakglass must be a boolean, not a string.")]
    [TestCase(Members, """{"organization_ids":["acme"],"query":{"operator":"AND","operands":[{"filter_name":"member_email_fuzzy","filter_value":true}]}}""",
        "query.operands[0].filter_value of member_email_fuzzy must be a string of at least 3 characters, not a boolean.")]
    [TestCase(Members, """{"organization_ids":["acme"],"query":{"operator":"AND","operands":[{"filter_name":"statuses","filter_value":["active","gone"]}]}}""",
        "query.operands[0].filter_value of statuses may hold only pending, invited, active, deleted, not 'gone'.")]
    [TestCase(OrganizationsPath + "/acme/members", """{"email_address":"ada@acme.io","external_id":"bad id!"}""",
        "external_id must be 1 to 128 letters, digits, '.', '_', '|' or '-', not 'bad id!'.")]
    [TestCase(OrganizationsPath + "/acme/members", """{"email_address":"ada@acme.io","roles":["stytch_admin"," "]}""",
        "roles must be role ids: an empty or blank one is not.")]
    public async Task Post_ValueBreaksARule_Returns400BadRequestNamingTheFieldAndWhatItMustBe(string path, string body, string message)
    {
        var response = await Client.PostRawAsync(path, body);

        AssertError(response, 400, "bad_request");
        Assert.That(response["error_message"], Is.EqualTo(message));
    }

    [Test]
    public async Task OrganizationsSearch_HugeUnknownFilterName_IsQuotedCutShort()
    {
        var name = new string('x', 5000);

        var response = await Client.PostRawAsync(Organizations, $$$"""{"query":{"operator":"AND","operands":[{"filter_name":"{{{name}}}","filter_value":"red"}]}}""");

        AssertError(response, 400, "bad_request");
        Assert.That(response["error_message"], Does.StartWith($"query.operands[0].filter_name '{new string('x', 64)}…' is not a filter"));
    }

    [Test]
    public async Task MembersCreate_BadExternalId_CreatesNoMember()
    {
        await Client.PostRawAsync(OrganizationsPath + "/acme/members", """{"email_address":"ada@acme.io","external_id":"bad id!"}""");

        Assert.That(Stytch.DefaultProject.B2B.Members.All, Is.Empty);
    }
}
