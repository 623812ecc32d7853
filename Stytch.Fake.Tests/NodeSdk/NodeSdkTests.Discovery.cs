namespace Stytch.Fake.Tests.NodeSdk;

/// <summary>
/// The B2B discovery and session exchange calls of the Node SDK (discovery.mjs): discovery email OTP, the organizations
/// found, the intermediate session exchange, a member session exchange, the member's sessions and organization create.
/// </summary>
public sealed partial class NodeSdkTests
{
    private ScriptRun _discovery = ScriptRun.NotRun;

    [OneTimeSetUp]
    public async Task RunDiscoverySdkAsync() => _discovery = await RunScriptAsync("discovery.mjs");

    private static IEnumerable<string> Discovered(System.Text.Json.Nodes.JsonNode value) =>
        value["discovered"]!.AsArray().Select(d => $"{d!["slug"]!.GetValue<string>()}:{d["type"]!.GetValue<string>()}");

    [Test]
    public void B2BOtpsEmailDiscoveryAuthenticate_CodeFromTheOutbox_ReturnsAnIntermediateSessionAndTheMembersOrganizations()
    {
        var value = Ok(_discovery, "discovery_authenticate");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["kind"]!.GetValue<string>(), Is.EqualTo("discovery"));
            Assert.That(value["intermediate_session_token_length"]!.GetValue<int>(), Is.EqualTo(44));
            Assert.That(Discovered(value), Is.EqualTo(new[] { "alpha:active_member", "beta:active_member" }));
        });
    }

    [Test]
    public void B2BDiscoveryOrganizationsList_IntermediateSession_ListsTheSameOrganizations()
    {
        var value = Ok(_discovery, "discovery_organizations_list");

        Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
        Assert.That(Discovered(value), Is.EqualTo(new[] { "alpha:active_member", "beta:active_member" }));
    }

    [Test]
    public void B2BDiscoveryIntermediateSessionsExchange_ActiveMember_ReturnsAMemberSession()
    {
        var value = Ok(_discovery, "discovery_exchange");

        Assert.Multiple(() =>
        {
            Assert.That(value["member_authenticated"]!.GetValue<bool>(), Is.True);
            Assert.That(value["organization_id"]!.GetValue<string>(), Is.EqualTo(Ok(_discovery, "setup")["alpha"]!.GetValue<string>()));
            Assert.That(value["session_token_length"]!.GetValue<int>(), Is.EqualTo(44));
            Assert.That(value["factors"]!.AsArray().Select(f => f!.GetValue<string>()), Is.EqualTo(new[] { "otp" }));
            Assert.That(value["email_id"]!.GetValue<string>(), Does.StartWith("email-test-"));
        });
    }

    [Test]
    public void B2BSessionsExchange_MemberOfAnotherOrganization_ReturnsAMemberSessionThere()
    {
        var value = Ok(_discovery, "sessions_exchange");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["member_authenticated"]!.GetValue<bool>(), Is.True);
            Assert.That(value["session_organization_id"]!.GetValue<string>(), Is.EqualTo(Ok(_discovery, "setup")["beta"]!.GetValue<string>()));
            Assert.That(value["email_id"]!.GetValue<string>(), Does.StartWith("email-test-"));
            Assert.That(value["email_id"]!.GetValue<string>(), Is.Not.EqualTo(Ok(_discovery, "discovery_exchange")["email_id"]!.GetValue<string>()), "the factor names the target member's email id");
        });
    }

    [Test]
    public void B2BSessionsGet_AfterTheExchange_ListsTheMembersSession()
    {
        var value = Ok(_discovery, "sessions_get");
        var memberId = Ok(_discovery, "sessions_exchange")["member_id"]!.GetValue<string>();

        Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
        Assert.That(value["sessions"]!.AsArray().Select(s => s!["member_id"]!.GetValue<string>()), Is.EqualTo(new[] { memberId }));
    }

    [Test]
    public void B2BSessionsExchange_NoMemberThere_ThrowsStytchErrorMemberNotFound() =>
        AssertStytchError(_discovery, "error_sessions_exchange_no_member", 404, "member_not_found");

    [Test]
    public void B2BDiscoveryOrganizationsCreate_NewAddress_CreatesTheOrganizationWithAnActiveAdmin()
    {
        var value = Ok(_discovery, "discovery_organizations_create");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["member_authenticated"]!.GetValue<bool>(), Is.True);
            Assert.That(value["organization_slug"]!.GetValue<string>(), Is.EqualTo("globex"));
            Assert.That(value["member_status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(value["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Does.Contain("stytch_admin"));
        });
    }
}
