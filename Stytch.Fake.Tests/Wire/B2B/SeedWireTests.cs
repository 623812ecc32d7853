
namespace Stytch.Fake.Tests.Wire.B2B;

/// <summary>Seeding in process (<c>stytch.Seed</c>) and over <c>POST /_fake/v1/projects/{id}/seed</c>.</summary>
public sealed class SeedWireTests : B2BWireTest
{
    private string SeedPath => $"/_fake/v1/projects/{Stytch.ProjectId}/seed";

    private static async Task<(string[] OrgNames, string[] OrgIds, string[] MemberNames, string[] MemberEmails, string[] UserEmails)> SeedWithAsync(int seed)
    {
        await using var fake = await StytchFake.StartAsync(new StytchFakeOptions { Project = new StytchProjectOptions { Seed = seed } });
        var one = fake.Seed.Organization().WithMembers(3);
        var two = fake.Seed.Organization(o => o.JitDomains("initech.io")).WithMembers(2);
        var user = fake.Seed.User();
        return (
            [one.Organization.OrganizationName, two.Organization.OrganizationName],
            [one.OrganizationId, two.OrganizationId],
            one.Members.Concat(two.Members).Select(m => m.Name).ToArray(),
            one.Members.Concat(two.Members).Select(m => m.EmailAddress).ToArray(),
            [user.Email]);
    }

    // ---- in process -------------------------------------------------------------------------------

    [Test]
    public async Task Seed_OrganizationWithJitDomainAndActiveMember_MemberGetsALoginCode()
    {
        var acme = Stytch.Seed.Organization(o => o.Slug("acme").JitDomains("acme.io")).WithMember("ada@acme.io", active: true);

        var sent = await LoginOrSignupAsync("acme", "ada@acme.io");
        var jit = await LoginOrSignupAsync("acme", "new@acme.io");

        Assert.That(acme.Slug, Is.EqualTo("acme"));
        Assert.That(acme.Organization.EmailJitProvisioning, Is.EqualTo("RESTRICTED"));
        Assert.That(acme.MemberFor("ada@acme.io").Status, Is.EqualTo("active"));
        Assert.That(sent["member_id"], Is.EqualTo(acme.MemberFor("ada@acme.io").MemberId));
        Assert.That(Stytch.Outbox.LatestFor("ada@acme.io").Kind, Is.EqualTo(MessageKind.Login));
        Assert.That(jit.Json["member_created"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public void Seed_PendingMember_IsPending()
    {
        var acme = Stytch.Seed.Organization(o => o.Slug("acme")).WithMember("ada@acme.io", active: false);

        Assert.That(acme.Members.Single().Status, Is.EqualTo("pending"));
    }

    [Test]
    public async Task Seed_NothingGiven_MakesRealisticNamesSlugsAndAddresses()
    {
        var org = Stytch.Seed.Organization().WithMembers(3);

        var fetched = await Client.GetAsync($"{OrganizationsPath}/{org.Slug}");

        Assert.That(fetched.Status, Is.EqualTo(200), fetched.Text);
        Assert.That(org.Organization.OrganizationName, Does.Match("^[A-Z]").And.Match("[a-z]{2,}"));
        Assert.That(org.Slug, Does.Match("^[a-z0-9]+(-[a-z0-9]+)*$"));
        Assert.That(org.Members, Has.Count.EqualTo(3));
        Assert.That(org.Members.Select(m => m.Name), Has.All.Match(@"^\S+ \S+"));
        Assert.That(org.Members.Select(m => m.EmailAddress), Has.All.EndsWith("@" + org.Slug + ".com"));
        Assert.That(org.Members.Select(m => m.EmailAddress).Distinct().Count(), Is.EqualTo(3));
    }

    [Test]
    public void Seed_JitDomainsAndNoMemberEmail_UsesTheFirstAllowedDomain()
    {
        var org = Stytch.Seed.Organization(o => o.JitDomains("initech.io", "initech.com")).WithMember();

        Assert.That(org.Members.Single().EmailAddress, Does.EndWith("@initech.io"));
    }

    [Test]
    public async Task Seed_SameProjectSeed_MakesTheSameNamesAndIds()
    {
        var first = await SeedWithAsync(42);
        var second = await SeedWithAsync(42);

        Assert.That(second.OrgNames, Is.EqualTo(first.OrgNames));
        Assert.That(second.OrgIds, Is.EqualTo(first.OrgIds));
        Assert.That(second.MemberNames, Is.EqualTo(first.MemberNames));
        Assert.That(second.MemberEmails, Is.EqualTo(first.MemberEmails));
        Assert.That(second.UserEmails, Is.EqualTo(first.UserEmails));
    }

    [Test]
    public async Task Seed_DifferentProjectSeeds_MakeDifferentData()
    {
        var first = await SeedWithAsync(1);
        var second = await SeedWithAsync(2);

        Assert.That(second.OrgIds, Is.Not.EqualTo(first.OrgIds));
        Assert.That(second.MemberNames, Is.Not.EqualTo(first.MemberNames));
    }

    [Test]
    public void Seed_TakenSlug_ThrowsOrganizationSlugAlreadyUsed()
    {
        Stytch.Seed.Organization(o => o.Slug("acme"));

        var error = Assert.Throws<StytchException>(() => Stytch.Seed.Organization(o => o.Slug("acme")))!.Error;

        Assert.That(error, Is.EqualTo(StytchError.OrganizationSlugAlreadyUsed));
    }

    [Test]
    public void Seed_User_CreatesAConsumerUser()
    {
        var user = Stytch.Seed.User("ada@example.com", pending: true);

        Assert.That(Stytch.DefaultProject.Users.Get(user.UserId).Status, Is.EqualTo("pending"));
    }

    [Test]
    public void Reset_AfterSeeding_ForgetsOrganizationsAndMembers()
    {
        Stytch.Seed.Organization(o => o.Slug("acme")).WithMembers(2);

        Stytch.Reset();

        Assert.That(Stytch.DefaultProject.B2B.Organizations.All, Is.Empty);
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Is.Empty);
    }

    // ---- over HTTP --------------------------------------------------------------------------------

    [Test]
    public async Task SeedBackDoor_OrganizationsMembersAndUsers_AreCreatedAsTheBodySays()
    {
        var response = await Client.PostRawAsync(SeedPath, """
            {"organizations":[{"organization_name":"Acme Inc","organization_slug":"acme","email_jit_provisioning":"RESTRICTED",
                               "email_allowed_domains":["acme.io"],
                               "members":[{"email_address":"ada@acme.io","name":"Ada Lovelace"},{"email_address":"pat@acme.io","status":"pending"},
                                          {"email_address":"ivy@acme.io","status":"invited"}]}],
             "users":[{"email":"bob@example.com"},{"email":"sue@example.com","status":"pending"}]}
            """);

        Assert.That(response.Status, Is.EqualTo(201), response.Text);
        var org = response.Json["organizations"]![0]!;
        Assert.That(Str(org["organization"]!["organization_slug"]), Is.EqualTo("acme"));
        Assert.That(Str(org["organization"]!["email_jit_provisioning"]), Is.EqualTo("RESTRICTED"));
        Assert.That(org["members"]!.AsArray().Select(m => Str(m!["status"])), Is.EqualTo(new[] { "active", "pending", "invited" }));
        Assert.That(Str(org["members"]![0]!["name"]), Is.EqualTo("Ada Lovelace"));
        Assert.That(response.Json["users"]!.AsArray().Select(u => Str(u!["status"])), Is.EqualTo(new[] { "active", "pending" }));
        var member = await Client.GetAsync($"{OrganizationsPath}/acme/member?email_address=ada%40acme.io");
        Assert.That(member.Status, Is.EqualTo(200), member.Text);
        Assert.That(Stytch.DefaultProject.Users.All.Select(u => u.Email), Is.EqualTo(new[] { "bob@example.com", "sue@example.com" }));
    }

    [Test]
    public async Task SeedBackDoor_NamesOmitted_MakesRealisticOnes()
    {
        var response = await Client.PostRawAsync(SeedPath, """{"organizations":[{"members":[{"email_address":"ada@acme.io"}]}]}""");

        Assert.That(response.Status, Is.EqualTo(201), response.Text);
        var org = response.Json["organizations"]![0]!;
        Assert.That(Str(org["organization"]!["organization_name"]), Is.Not.Empty);
        Assert.That(Str(org["organization"]!["organization_slug"]), Does.Match("^[a-z0-9]+(-[a-z0-9]+)*$"));
        Assert.That(Str(org["members"]![0]!["name"]), Does.Match(@"^\S+ \S+"));
    }

    [Test]
    public async Task SeedBackDoor_OneItemRefused_CreatesNothingAndAnswersTheStytchError()
    {
        Stytch.Seed.Organization(o => o.Slug("taken"));

        var response = await Client.PostRawAsync(SeedPath, """
            {"organizations":[{"organization_slug":"fresh","members":[{"email_address":"ada@fresh.io"}]},{"organization_slug":"taken"}],
             "users":[{"email":"bob@example.com"}]}
            """);

        AssertError(response, 400, "organization_slug_already_used");
        Assert.That(Stytch.DefaultProject.B2B.Organizations.All.Select(o => o.OrganizationSlug), Is.EqualTo(new[] { "taken" }));
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Is.Empty);
        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
    }

    [TestCase("""{"organizations":{}}""")]
    [TestCase("""{"organizations":[{"organization_colour":"red"}]}""")]
    [TestCase("""{"organizations":[{"members":[{"name":"no email"}]}]}""")]
    [TestCase("""{"users":[{"email":42}]}""")]
    [TestCase("""{"projects":[]}""")]
    public async Task SeedBackDoor_MalformedBody_Returns400BadRequest(string body)
    {
        var response = await Client.PostRawAsync(SeedPath, body);

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
    }

    [Test]
    public async Task SeedBackDoor_BadMemberStatus_Returns400AndCreatesNothing()
    {
        var response = await Client.PostRawAsync(SeedPath, """{"organizations":[{"members":[{"email_address":"ada@acme.io","status":"deleted"}]}]}""");

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(Stytch.DefaultProject.B2B.Organizations.All, Is.Empty);
    }

    [Test]
    public async Task SeedBackDoor_UnknownProject_Returns404()
    {
        var response = await Client.PostRawAsync("/_fake/v1/projects/project-test-00000000-0000-4000-8000-000000000000/seed", "{}");

        Assert.That(response.Status, Is.EqualTo(404), response.Text);
    }

    [Test]
    public async Task Snapshot_WithB2BState_CarriesOrganizationsMembersCodesAndSessions()
    {
        await CreateJitOrganizationAsync();
        var login = await LoginMemberAsync("acme", "ada@acme.io");
        await LoginOrSignupAsync("acme", "bob@acme.io");
        var code = Stytch.Outbox.LatestFor("bob@acme.io").Code;
        var other = Stytch.CreateProject();
        using var otherClient = new WireClient(Stytch, other);

        other.ImportSnapshot(Stytch.DefaultProject.ExportSnapshot());
        var session = await otherClient.PostAsync(SessionsAuthenticatePath, new { session_token = login["session_token"] });
        var auth = await otherClient.PostAsync(OtpAuthenticatePath, new { organization_id = "acme", email_address = "bob@acme.io", code });

        Assert.That(other.B2B.Organizations.All.Select(o => o.OrganizationSlug), Is.EqualTo(new[] { "acme" }));
        Assert.That(session.Status, Is.EqualTo(200), session.Text);
        Assert.That(auth.Status, Is.EqualTo(200), auth.Text);
    }
}
