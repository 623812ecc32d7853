namespace Stytch.Fake.Tests.Wire.B2B.Passwords;

/// <summary><c>POST /v1/b2b/passwords/migrate</c> over loopback HTTP.</summary>
public sealed class B2BPasswordMigrateWireTests : B2BPasswordWireTest
{
    [Test]
    public async Task Migrate_NewEmail_CreatesAnActiveVerifiedMemberWithAPasswordId()
    {
        var org = await OrganizationAsync();

        var response = await MigrateAsync(org, "ada@acme.io", new { name = "Ada", external_id = "legacy-1" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member_created"]!.GetValue<bool>(), Is.True);
        var member = response.Json["member"]!;
        Assert.That(Str(member["status"]), Is.EqualTo("active"));
        Assert.That(member["email_address_verified"]!.GetValue<bool>(), Is.True);
        Assert.That(Str(member["member_password_id"]), Does.StartWith("password-test-"));
        Assert.That(Str(member["external_id"]), Is.EqualTo("legacy-1"));
        Assert.That(response["member_id"], Is.EqualTo(Str(member["member_id"])));
    }

    [Test]
    public async Task Migrate_ExistingMemberWithoutPassword_KeepsTheMember()
    {
        var org = await OrganizationAsync();
        var existing = await CreateMemberAsync(org, "ada@acme.io", pending: true);

        var response = await MigrateAsync(org, "ada@acme.io");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member_created"]!.GetValue<bool>(), Is.False);
        Assert.That(response["member_id"], Is.EqualTo(Str(existing["member_id"])));
        Assert.That(Str(response.Json["member"]!["status"]), Is.EqualTo("active"));
    }

    [Test]
    public async Task Migrate_MemberWhoHasAPassword_Returns400PasswordAlreadyExists()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);

        AssertError(await MigrateAsync(org, "ada@acme.io"), 400, "password_already_exists");
    }

    [Test]
    public async Task Migrate_MemberPasswordId_ShowsOnTheMemberObject()
    {
        var org = await OrganizationAsync();
        var member = await MemberWithPasswordAsync(org);

        var got = await Client.GetAsync($"{OrganizationsPath}/{org}/member?member_id={Str(member["member_id"])}");

        Assert.That(got.Status, Is.EqualTo(200), got.Text);
        Assert.That(Str(got.Json["member"]!["member_password_id"]), Is.EqualTo(Str(member["member_password_id"])));
    }

    [TestCase("bcrypt", "not-a-bcrypt-hash", "invalid_bcrypt_hash")]
    [TestCase("md_5", "abc", "invalid_md_5_hash")]
    [TestCase("phpass", "$P$984478476IagS59wHZvyQMArzfx58u.", "invalid_hash_type")]
    [TestCase("rot13", "x", "invalid_hash_type")]
    [TestCase("scrypt", "%%%", "invalid_base64_scrypt_hash")]
    public async Task Migrate_AHashItsTypeCannotUse_Returns400WithItsType(string hashType, string hash, string errorType)
    {
        var org = await OrganizationAsync();

        var response = await Client.PostAsync(MigratePath, new { organization_id = org, email_address = "ada@acme.io", hash_type = hashType, hash });

        AssertError(response, 400, errorType);
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Is.Empty);
    }

    [Test]
    public async Task Migrate_Pbkdf2WithoutItsConfig_Returns400InvalidPbkdf2Salt()
    {
        var org = await OrganizationAsync();

        var response = await Client.PostAsync(MigratePath, new { organization_id = org, email_address = "ada@acme.io", hash_type = "pbkdf_2", hash = "xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=" });

        AssertError(response, 400, "invalid_pbkdf_2_salt");
    }

    [Test]
    public async Task Migrate_ConfigMemberOfTheWrongKind_Returns400BadRequest()
    {
        var org = await OrganizationAsync();

        var response = await Client.PostAsync(MigratePath, new
        {
            organization_id = org,
            email_address = "ada@acme.io",
            hash_type = "pbkdf_2",
            hash = "xeR41ZKIyEGqUw22hFxMjZYok6ABzk4RpJY4c6qYE0o=",
            pbkdf_2_config = new { salt = "c2FsdA==", iteration_amount = "4096", key_length = 32, algorithm = "sha256" },
        });

        AssertError(response, 400, "bad_request");
    }

    [Test]
    public async Task Migrate_UnknownOrganization_Returns404()
    {
        var response = await MigrateAsync("organization-test-00000000-0000-4000-8000-000000000000", "ada@acme.io");

        AssertError(response, 404, "organization_not_found");
    }
}
