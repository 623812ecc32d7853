namespace Stytch.Fake.Tests.Wire.B2B.Sessions;

/// <summary><c>GET /v1/b2b/sessions</c> over loopback HTTP: a member's live sessions.</summary>
public sealed class MemberSessionListWireTests : B2BWireTest
{
    private SeededOrganization _acme = null!;

    [SetUp]
    public void SeedAcme() => _acme = Stytch.Seed.Organization(o => o.Slug("acme")).WithMember("ada@acme.io").WithMember("bob@acme.io");

    private string Ada => _acme.MemberFor("ada@acme.io").MemberId;

    private MintedMemberSession Mint(string memberId, int minutes = 60) =>
        Stytch.DefaultProject.B2B.Sessions.Mint("acme", memberId, TimeSpan.FromMinutes(minutes));

    private Task<WireResult> ListAsync(string query) => Client.GetAsync("/v1/b2b/sessions?" + query);

    [Test]
    public async Task Get_MemberWithSessions_ListsTheMembersSessionsOldestFirst()
    {
        var first = Mint(Ada);
        Stytch.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = Mint(Ada);
        Mint(_acme.MemberFor("bob@acme.io").MemberId);

        var response = await ListAsync($"organization_id={_acme.OrganizationId}&member_id={Ada}");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "status_code", "member_sessions")));
        Assert.That(response.Json["member_sessions"]!.AsArray().Select(s => Str(s!["member_session_id"])),
            Is.EqualTo(new[] { first.Session.MemberSessionId, second.Session.MemberSessionId }));
    }

    [Test]
    public async Task Get_BySlug_ListsTheSessions()
    {
        Mint(Ada);

        var response = await ListAsync($"organization_id=acme&member_id={Ada}");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member_sessions"]!.AsArray(), Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Get_ExpiredSession_IsNotListed()
    {
        Mint(Ada, minutes: 5);
        var live = Mint(Ada, minutes: 60);
        Stytch.Clock.Advance(TimeSpan.FromMinutes(6));

        var response = await ListAsync($"organization_id=acme&member_id={Ada}");

        Assert.That(response.Json["member_sessions"]!.AsArray().Select(s => Str(s!["member_session_id"])), Is.EqualTo(new[] { live.Session.MemberSessionId }));
    }

    [Test]
    public async Task Get_MemberWithoutSessions_ListsNone()
    {
        var response = await ListAsync($"organization_id=acme&member_id={Ada}");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member_sessions"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task Get_MemberOfAnotherOrganization_Returns404MemberNotFound()
    {
        Stytch.Seed.Organization(o => o.Slug("globex"));

        AssertError(await ListAsync($"organization_id=globex&member_id={Ada}"), 404, "member_not_found");
    }

    [Test]
    public async Task Get_NoMemberId_Returns404MemberNotFound() =>
        AssertError(await ListAsync("organization_id=acme"), 404, "member_not_found");

    [Test]
    public async Task Get_NoOrganizationId_Returns400InvalidOrganizationId() =>
        AssertError(await ListAsync($"member_id={Ada}"), 400, "invalid_organization_id");

    [Test]
    public async Task Get_UnknownOrganization_Returns404OrganizationNotFound() =>
        AssertError(await ListAsync($"organization_id=nowhere&member_id={Ada}"), 404, "organization_not_found");
}
