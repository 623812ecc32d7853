namespace Stytch.Fake.Tests.Wire.B2B.Discovery;

/// <summary>Which organizations a discovery login finds, and how it names each membership, over loopback HTTP.</summary>
public sealed class DiscoveredOrganizationsWireTests : DiscoveryWireTest
{
    [Test]
    public async Task Authenticate_ActiveMember_ListsAnActiveMembershipWithTheMember()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        var member = await CreateMemberAsync("acme", "ada@acme.io");

        var found = BySlug(await DiscoverAsync("ada@acme.io"))["acme"];

        Assert.Multiple(() =>
        {
            Assert.That(Str(found["membership"]!["type"]), Is.EqualTo("active_member"));
            Assert.That(found["membership"]!["details"], Is.Null);
            Assert.That(Str(found["membership"]!["member"]!["member_id"]), Is.EqualTo(Str(member["member_id"])));
            Assert.That(found["member_authenticated"]!.GetValue<bool>(), Is.True);
            Assert.That(found["mfa_required"], Is.Null);
            Assert.That(found["primary_required"], Is.Null);
        });
    }

    [Test]
    public async Task Authenticate_PendingAndInvitedMembers_ListPendingAndInvitedMemberships()
    {
        await CreateOrganizationAsync(new { organization_name = "Pending", organization_slug = "pending" });
        await CreateMemberAsync("pending", "ada@acme.io", pending: true);
        await CreateOrganizationAsync(new { organization_name = "Invited", organization_slug = "invited" });
        var invite = await Client.PostAsync("/v1/b2b/magic_links/email/invite", new { organization_id = "invited", email_address = "ada@acme.io" });
        Assert.That(invite.Status, Is.EqualTo(200), invite.Text);

        var types = MembershipTypes(await DiscoverAsync("ada@acme.io"));

        Assert.That(types, Is.EquivalentTo(new Dictionary<string, string> { ["pending"] = "pending_member", ["invited"] = "invited_member" }));
    }

    [Test]
    public async Task Authenticate_JitOrganizationWithAVerifiedColleague_ListsItAsEligibleByEmailDomain()
    {
        await CreateJoinableOrganizationAsync();

        var found = BySlug(await DiscoverAsync("ada@acme.io"))["acme"];

        Assert.Multiple(() =>
        {
            Assert.That(Str(found["membership"]!["type"]), Is.EqualTo("eligible_to_join_by_email_domain"));
            Assert.That(Str(found["membership"]!["details"]!["domain"]), Is.EqualTo("acme.io"));
            Assert.That(found["membership"]!["member"], Is.Null);
            Assert.That(found["member_authenticated"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public async Task Authenticate_JitOrganizationWithNoVerifiedColleague_IsNotListed()
    {
        await CreateJitOrganizationAsync();
        await CreateMemberAsync("acme", "boss@acme.io");

        Assert.That(BySlug(await DiscoverAsync("ada@acme.io")), Is.Empty);
    }

    [Test]
    public async Task Authenticate_JitOrganizationOfAnotherDomain_IsNotListed()
    {
        await CreateJoinableOrganizationAsync();

        Assert.That(BySlug(await DiscoverAsync("ada@elsewhere.io")), Is.Empty);
    }

    [Test]
    public async Task Authenticate_OrganizationWithoutJit_IsNotListedForANewAddress()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme", email_allowed_domains = new[] { "acme.io" } });
        await CreateMemberAsync("acme", "boss@acme.io");
        await LoginMemberAsync("acme", "boss@acme.io");

        Assert.That(BySlug(await DiscoverAsync("ada@acme.io")), Is.Empty);
    }

    [Test]
    public async Task Authenticate_DeletedMember_IsNotListed()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        var member = await CreateMemberAsync("acme", "ada@acme.io");
        var deleted = await Client.DeleteAsync($"{OrganizationsPath}/acme/members/{Str(member["member_id"])}");
        Assert.That(deleted.Status, Is.EqualTo(200), deleted.Text);

        Assert.That(BySlug(await DiscoverAsync("ada@acme.io")), Is.Empty);
    }

    [Test]
    public async Task Authenticate_Organizations_AreListedOldestFirst()
    {
        foreach (var slug in new[] { "first", "second", "third" })
        {
            await CreateOrganizationAsync(new { organization_name = slug, organization_slug = slug });
            await CreateMemberAsync(slug, "ada@acme.io");
            Time.Advance(TimeSpan.FromSeconds(1));
        }

        var slugs = (await DiscoverAsync("ada@acme.io")).Json["discovered_organizations"]!.AsArray().Select(o => Str(o!["organization"]!["organization_slug"]));

        Assert.That(slugs, Is.EqualTo(new[] { "first", "second", "third" }));
    }

    [Test]
    public async Task Authenticate_OrganizationRequiringMfa_ListsItNotAuthenticatedWithMfaRequiredAndSendsNoSms()
    {
        await CreateOrganizationAsync(new { organization_name = "Secure", organization_slug = "secure", mfa_policy = "REQUIRED_FOR_ALL" });
        var created = await Client.PostAsync($"{OrganizationsPath}/secure/members", new { email_address = "ada@acme.io", mfa_phone_number = "+14155550123" });
        Assert.That(created.Status, Is.EqualTo(200), created.Text);

        var found = BySlug(await DiscoverAsync("ada@acme.io"))["secure"];

        Assert.Multiple(() =>
        {
            Assert.That(found["member_authenticated"]!.GetValue<bool>(), Is.False);
            Assert.That(Str(found["mfa_required"]!["member_options"]!["mfa_phone_number"]), Is.EqualTo("+14155550123"));
            Assert.That(found["mfa_required"]!["secondary_auth_initiated"], Is.Null);
            Assert.That(Stytch.Outbox.All.Where(m => m.Channel == DeliveryChannel.Sms), Is.Empty);
        });
    }

    [Test]
    public async Task Authenticate_OrganizationRestrictedToPasswords_ListsItWithPrimaryRequired()
    {
        await CreateOrganizationAsync(new { organization_name = "Strict", organization_slug = "strict", auth_methods = "RESTRICTED", allowed_auth_methods = new[] { "password" } });
        await CreateMemberAsync("strict", "ada@acme.io");

        var found = BySlug(await DiscoverAsync("ada@acme.io"))["strict"];

        Assert.That(found["member_authenticated"]!.GetValue<bool>(), Is.False);
        Assert.That(found["primary_required"]!["allowed_auth_methods"]!.AsArray().Select(m => m!.GetValue<string>()), Is.EqualTo(new[] { "password" }));
    }

    [Test]
    public async Task Authenticate_PendingMember_StaysPending()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        await CreateMemberAsync("acme", "ada@acme.io", pending: true);

        await DiscoverAsync("ada@acme.io");

        Assert.That(Stytch.DefaultProject.B2B.Members.All.Single().Status, Is.EqualTo("pending"));
    }
}
