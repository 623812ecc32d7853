namespace Stytch.Fake.Tests.Wire.B2B.Passwords;

/// <summary><c>POST /v1/b2b/passwords/authenticate</c> over loopback HTTP.</summary>
public sealed class B2BPasswordAuthenticateWireTests : B2BPasswordWireTest
{
    [Test]
    public async Task Authenticate_MigratedMd5Password_Returns200AndAMemberSession()
    {
        var org = await OrganizationAsync();
        var member = await MemberWithPasswordAsync(org);

        var response = await PasswordLoginAsync(org, "ada@acme.io", Password);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["member_id"], Is.EqualTo(Str(member["member_id"])));
        Assert.That(response["organization_id"], Is.EqualTo(org));
        Assert.That(response.Json["member_authenticated"]!.GetValue<bool>(), Is.True);
        Assert.That(response["session_token"], Is.Not.Empty);
        Assert.That(Str(response.Json["member_session"]!["expires_at"]), Is.EqualTo("2030-01-02T04:04:05Z"));
    }

    [Test]
    public async Task Authenticate_Password_RendersAPasswordFactorWithTheEmail()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);

        var response = await PasswordLoginAsync(org, "ada@acme.io", Password);

        var factor = response.Json["member_session"]!["authentication_factors"]!.AsArray().Single()!;
        Assert.That(Str(factor["type"]), Is.EqualTo("password"));
        Assert.That(Str(factor["delivery_method"]), Is.EqualTo("knowledge"));
        Assert.That(Str(factor["email_factor"]!["email_address"]), Is.EqualTo("ada@acme.io"));
    }

    [Test]
    public async Task Authenticate_MigratedBcryptPassword_Returns200()
    {
        var org = await OrganizationAsync();
        // Openwall's crypt_blowfish test vector: "U*U".
        var migrated = await Client.PostAsync(MigratePath, new { organization_id = org, email_address = "ada@acme.io", hash_type = "bcrypt", hash = "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW" });
        Assert.That(migrated.Status, Is.EqualTo(200), migrated.Text);

        var response = await PasswordLoginAsync(org, "ada@acme.io", "U*U");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Authenticate_MigratedPasswordTwice_WorksAfterItIsRehashed()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        await PasswordLoginAsync(org, "ada@acme.io", Password);

        var second = await PasswordLoginAsync(org, "ada@acme.io", Password);

        Assert.That(second.Status, Is.EqualTo(200), second.Text);
    }

    [Test]
    public async Task Authenticate_WrongPassword_Returns401UnauthorizedCredentials()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);

        AssertError(await PasswordLoginAsync(org, "ada@acme.io", Password + "x"), 401, "unauthorized_credentials");
    }

    [Test]
    public async Task Authenticate_UnknownEmail_Returns401UnauthorizedCredentials()
    {
        var org = await OrganizationAsync();

        AssertError(await PasswordLoginAsync(org, "nobody@acme.io", Password), 401, "unauthorized_credentials");
    }

    [Test]
    public async Task Authenticate_MemberWithoutPassword_Returns401UnauthorizedCredentials()
    {
        var org = await OrganizationAsync();
        await CreateMemberAsync(org, "ada@acme.io");

        AssertError(await PasswordLoginAsync(org, "ada@acme.io", Password), 401, "unauthorized_credentials");
    }

    [Test]
    public async Task Authenticate_AnotherOrganizationsMember_Returns401()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        var other = Str((await CreateOrganizationAsync(new { organization_name = "Other", organization_slug = "other" }))["organization_id"]);

        AssertError(await PasswordLoginAsync(other, "ada@acme.io", Password), 401, "unauthorized_credentials");
    }

    [Test]
    public async Task Authenticate_TenWrongPasswords_LocksTheMemberEvenWithTheRightOne()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        for (var i = 0; i < 10; i++)
        {
            await PasswordLoginAsync(org, "ada@acme.io", "wrong");
        }

        AssertError(await PasswordLoginAsync(org, "ada@acme.io", Password), 429, "user_lock_limit_reached");
    }

    [Test]
    public async Task Authenticate_LockedMemberAfterAnHour_LogsIn()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        for (var i = 0; i < 10; i++)
        {
            await PasswordLoginAsync(org, "ada@acme.io", "wrong");
        }

        Stytch.Clock.Advance(TimeSpan.FromHours(1));

        Assert.That((await PasswordLoginAsync(org, "ada@acme.io", Password)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Authenticate_BreachedPassword_Returns400MemberResetPassword()
    {
        var org = await OrganizationAsync();
        // "correct horse battery staple" is on the fake's built-in breached list; its MD-5 by Python's hashlib.
        await MigrateAsync(org, "ada@acme.io", new { hash = "9cc2ae8a1ba7a93da39b46fc1019c481" });

        AssertError(await PasswordLoginAsync(org, "ada@acme.io", "correct horse battery staple"), 400, "member_reset_password");
    }

    [Test]
    public async Task Authenticate_SessionTokenOfTheMember_ExtendsThatSession()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        var first = await PasswordLoginAsync(org, "ada@acme.io", Password);

        var second = await PasswordLoginAsync(org, "ada@acme.io", Password, new { session_token = first["session_token"], session_duration_minutes = 120 });

        Assert.That(second.Status, Is.EqualTo(200), second.Text);
        Assert.That(second["session_token"], Is.EqualTo(first["session_token"]));
        Assert.That(Str(second.Json["member_session"]!["expires_at"]), Is.EqualTo("2030-01-02T05:04:05Z"));
    }

    [Test]
    public async Task Authenticate_MissingPassword_Returns400BadRequest()
    {
        var org = await OrganizationAsync();

        AssertError(await Client.PostAsync(AuthenticatePath, new { organization_id = org, email_address = "ada@acme.io" }), 400, "bad_request");
    }
}
