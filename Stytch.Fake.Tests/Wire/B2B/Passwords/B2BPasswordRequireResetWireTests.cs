namespace Stytch.Fake.Tests.Wire.B2B.Passwords;

/// <summary><c>POST /v1/b2b/passwords/email/require_reset</c> over loopback HTTP.</summary>
public sealed class B2BPasswordRequireResetWireTests : B2BPasswordWireTest
{
    private const string RequireResetPath = "/v1/b2b/passwords/email/require_reset";

    [Test]
    public async Task RequireReset_OnlyActiveMemberWithTheAddress_DeletesThePasswordAndNamesTheMember()
    {
        var org = await OrganizationAsync();
        var ada = await MemberWithPasswordAsync(org);

        var response = await Client.PostAsync(RequireResetPath, new { email_address = "ada@acme.io", organization_id = org });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "status_code", "member_id", "member", "organization")));
        Assert.That(response["member_id"], Is.EqualTo(Str(ada["member_id"])));
        Assert.That(Str(response.Json["member"]!["member_password_id"]), Is.Empty);
        AssertError(await PasswordLoginAsync(org, "ada@acme.io", Password), 401, "unauthorized_credentials");
    }

    [Test]
    public async Task RequireReset_MemberWithTheAddressInAnotherOrganizationToo_MarksOnlyTheNamedOne()
    {
        var acme = await OrganizationAsync();
        var globex = Str((await CreateJitOrganizationAsync("globex", "acme.io"))["organization_id"]);
        await MemberWithPasswordAsync(acme);
        await MemberWithPasswordAsync(globex);

        var response = await Client.PostAsync(RequireResetPath, new { email_address = "ada@acme.io", organization_id = acme });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        AssertError(await PasswordLoginAsync(acme, "ada@acme.io", Password), 400, "member_reset_password");
        Assert.That((await PasswordLoginAsync(globex, "ada@acme.io", Password)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task RequireReset_ThenExistingPasswordReset_TheNewPasswordLogsIn()
    {
        var acme = await OrganizationAsync();
        var globex = Str((await CreateJitOrganizationAsync("globex", "acme.io"))["organization_id"]);
        await MemberWithPasswordAsync(acme);
        await MemberWithPasswordAsync(globex);
        await Client.PostAsync(RequireResetPath, new { email_address = "ada@acme.io", organization_id = acme });

        var reset = await Client.PostAsync(ExistingResetPath, new { organization_id = acme, email_address = "ada@acme.io", existing_password = Password, new_password = NewPassword });

        Assert.That(reset.Status, Is.EqualTo(200), reset.Text);
        Assert.That((await PasswordLoginAsync(acme, "ada@acme.io", NewPassword)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task RequireReset_AddressInTwoOrganizations_MarksBothAndNamesNoMember()
    {
        var acme = await OrganizationAsync();
        var globex = Str((await CreateJitOrganizationAsync("globex", "acme.io"))["organization_id"]);
        await MemberWithPasswordAsync(acme);
        await MemberWithPasswordAsync(globex);

        var response = await Client.PostAsync(RequireResetPath, new { email_address = "ada@acme.io" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "status_code")));
        AssertError(await PasswordLoginAsync(acme, "ada@acme.io", Password), 400, "member_reset_password");
        AssertError(await PasswordLoginAsync(globex, "ada@acme.io", Password), 400, "member_reset_password");
    }

    [Test]
    public async Task RequireReset_OnlyMemberOfTheProjectWithoutOrganization_DeletesThePasswordAndNamesIt()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);

        var response = await Client.PostAsync(RequireResetPath, new { email_address = "ada@acme.io" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["organization"]!["organization_id"]), Is.EqualTo(org));
        AssertError(await PasswordLoginAsync(org, "ada@acme.io", Password), 401, "unauthorized_credentials");
    }

    [Test]
    public async Task RequireReset_UnknownAddress_Answers404()
    {
        var org = await OrganizationAsync();

        AssertError(await Client.PostAsync(RequireResetPath, new { email_address = "nobody@acme.io", organization_id = org }), 404, "member_not_found");
    }

    [Test]
    public async Task RequireReset_MemberWithoutPassword_Answers404()
    {
        var org = await OrganizationAsync();
        await CreateMemberAsync(org, "bob@acme.io");

        AssertError(await Client.PostAsync(RequireResetPath, new { email_address = "bob@acme.io", organization_id = org }), 404, "member_password_not_found");
    }

    [Test]
    public async Task RequireReset_MemberIdOfAnotherAddress_Answers404AndMarksNothing()
    {
        var org = await OrganizationAsync();
        var ada = await MemberWithPasswordAsync(org);

        var response = await Client.PostAsync(RequireResetPath, new { email_address = "bob@acme.io", organization_id = org, member_id = Str(ada["member_id"]) });

        AssertError(response, 404, "member_not_found");
        Assert.That((await PasswordLoginAsync(org, "ada@acme.io", Password)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task RequireReset_MemberIdWithoutOrganization_Answers400()
    {
        var response = await Client.PostAsync(RequireResetPath, new { email_address = "ada@acme.io", member_id = "member-test-00000000-0000-4000-8000-000000000000" });

        AssertError(response, 400, "bad_request");
    }
}
