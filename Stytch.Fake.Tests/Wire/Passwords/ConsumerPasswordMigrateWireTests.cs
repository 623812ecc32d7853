using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.Passwords;

/// <summary><c>POST /v1/passwords/migrate</c> over loopback HTTP.</summary>
public sealed class ConsumerPasswordMigrateWireTests : FakeWireTest
{
    private const string MigratePath = "/v1/passwords/migrate";
    private const string AuthenticatePath = "/v1/passwords/authenticate";
    private const string Email = "ada@example.com";

    /// <summary>A password zxcvbn scores 4 that is on no breached list, and its MD-5 (hex, computed by Python's hashlib).</summary>
    private const string Password = "Plover-Quartz-91!";
    private const string PasswordMd5 = "2ee220973e9e0639bfce3288cc491f0e";

    private Task<WireResult> MigrateAsync(string email = Email, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["email"] = email, ["hash_type"] = "md_5", ["hash"] = PasswordMd5 };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(extra);
        }

        return Client.PostAsync(MigratePath, body);
    }

    private Task<WireResult> LoginAsync(string password = Password) =>
        Client.PostAsync(AuthenticatePath, new { email = Email, password, session_duration_minutes = 30 });

    private static string Str(JsonNode? node) => node!.GetValue<string>();

    private static void AssertError(WireResult response, int status, string errorType) =>
        Assert.That((response.Status, response.ErrorType), Is.EqualTo((status, errorType)), response.Text);

    [Test]
    public async Task Migrate_NewEmail_CreatesAnActiveUserWithAPasswordId()
    {
        var response = await MigrateAsync();

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "user_id", "email_id", "user_created", "user", "status_code")));
        Assert.That(response.Json["user_created"]!.GetValue<bool>(), Is.True);
        var user = response.Json["user"]!;
        Assert.That((Str(user["user_id"]), Str(user["status"])), Is.EqualTo((response["user_id"], "active")));
        Assert.That(Str(user["password"]!["password_id"]), Does.StartWith("password-test-"));
        Assert.That(Str(user["emails"]![0]!["email_id"]), Is.EqualTo(response["email_id"]));
    }

    [Test]
    public async Task Migrate_WithoutSetEmailVerified_LeavesTheEmailUnverified()
    {
        var response = await MigrateAsync();

        Assert.That(response.Json["user"]!["emails"]![0]!["verified"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Migrate_SetEmailVerified_VerifiesTheEmail()
    {
        var response = await MigrateAsync(extra: new { set_email_verified = true });

        Assert.That(response.Json["user"]!["emails"]![0]!["verified"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Migrate_ThenAuthenticate_LogsInWithTheMigratedPassword()
    {
        var migrated = await MigrateAsync();

        var response = await LoginAsync();

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["user_id"], Is.EqualTo(migrated["user_id"]));
        Assert.That(Str(response.Json["session"]!["authentication_factors"]![0]!["type"]), Is.EqualTo("password"));
    }

    [Test]
    public async Task Migrate_ThenAuthenticateWithAnotherPassword_Returns401UnauthorizedCredentials()
    {
        await MigrateAsync();

        AssertError(await LoginAsync("Rook-Ember-Vista-42"), 401, "unauthorized_credentials");
    }

    [Test]
    public async Task Migrate_AfterTheFirstLogin_TheHashIsTheProjectsOwnAndStillVerifies()
    {
        await MigrateAsync();
        await LoginAsync();

        var again = await LoginAsync();

        Assert.That(again.Status, Is.EqualTo(200), again.Text);
        Assert.That(Stytch.DefaultProject.ExportSnapshot(), Does.Not.Contain(PasswordMd5));
    }

    // Published vectors of each hash type (the engine's tests cite them); their passwords are weak or breached, so the
    // breach check on authenticate is off here.
    [TestCase("bcrypt", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW", null, null, "U*U")]
    [TestCase("sha_1", "94aea62df50dc295941404d83e760de45f7e93c4", "sha_1_config", """{"prepend_salt":"pre"}""", Password)]
    [TestCase("sha_512", "d41a73e8381c65f593ac746bf4d043148d3977e01226eed079ea1b884f404c9d93f11bae0c92b8b156d1f81e72dbb512cd711c40c62395f61d1a588e7295ae39", "sha_512_config", """{"append_salt":"post"}""", Password)]
    [TestCase("md_5", "9c43b62d071380a529c98f5f7acfc986", "md_5_config", """{"prepend_salt":"pre","append_salt":"post"}""", "hunter2")]
    [TestCase("argon_2i", "$argon2i$v=19$m=256,t=1,p=1$c2FsdHlzYWx0$ddjdUWzvRoDji4oVBZUFYA", null, null, "hunter2")]
    [TestCase("argon_2id", "dcc8e1c3873d2d843df70e0b4bd4a01a", "argon_2_config", """{"salt":"somesaltsalt","iteration_amount":3,"memory":1024,"threads":2,"key_length":16}""", "password")]
    [TestCase("scrypt", "EPZU3WjnHpxi0QtrX4GzDbz/ZuRIvaWQx6giXOiN5zU=", "scrypt_config", """{"salt":"c2FsdHNhbHRzYWx0","n_parameter":16,"r_parameter":8,"p_parameter":1,"key_length":32}""", Password)]
    [TestCase("pbkdf_2", "QwxuWoNafqPQNfzbUDhw+e4iwIVGBRG8/e1kXzZWT4I=", "pbkdf_2_config", """{"salt":"c2FsdHNhbHRzYWx0","iteration_amount":1000,"key_length":32,"algorithm":"sha256"}""", Password)]
    public async Task Migrate_EachHashType_AuthenticatesWithItsPassword(string hashType, string hash, string? configName, string? config, string password)
    {
        Stytch.DefaultProject.Passwords.Policy = PasswordPolicy.Default with { BreachDetectionOnAuthenticate = false };
        var body = new JsonObject { ["email"] = Email, ["hash_type"] = hashType, ["hash"] = hash };
        if (configName is not null)
        {
            body[configName] = JsonNode.Parse(config!);
        }

        var migrated = await Client.PostAsync(MigratePath, body);
        Assert.That(migrated.Status, Is.EqualTo(200), migrated.Text);

        var response = await LoginAsync(password);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Migrate_ExistingUserWithoutPassword_KeepsTheUser()
    {
        var existing = Stytch.DefaultProject.Users.Create(Email);

        var response = await MigrateAsync();

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["user_created"]!.GetValue<bool>(), Is.False);
        Assert.That((response["user_id"], response["email_id"]), Is.EqualTo((existing.UserId, existing.EmailId)));
        Assert.That(Stytch.DefaultProject.Users.All, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Migrate_UserWhoHasAPassword_Returns400PasswordAlreadyExists()
    {
        await MigrateAsync();

        AssertError(await MigrateAsync(), 400, "password_already_exists");
    }

    [Test]
    public async Task Migrate_NewUserFields_AreSetOnTheUser()
    {
        var response = await MigrateAsync(extra: new
        {
            name = new { first_name = "Ada", last_name = "Lovelace" },
            trusted_metadata = new { tier = 1 },
            untrusted_metadata = new { theme = "dark" },
            external_id = "legacy-1",
        });

        var user = response.Json["user"]!;
        Assert.That((Str(user["name"]!["first_name"]), Str(user["name"]!["last_name"])), Is.EqualTo(("Ada", "Lovelace")));
        Assert.That(user["trusted_metadata"]!["tier"]!.GetValue<int>(), Is.EqualTo(1));
        Assert.That(Str(user["untrusted_metadata"]!["theme"]), Is.EqualTo("dark"));
        Assert.That(Str(user["external_id"]), Is.EqualTo("legacy-1"));
    }

    [Test]
    public async Task Migrate_ExternalIdForAnExistingUser_IsIgnored()
    {
        Stytch.DefaultProject.Users.Create(Email);

        var response = await MigrateAsync(extra: new { external_id = "legacy-1" });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["user"]!["external_id"]), Is.Empty);
    }

    [Test]
    public async Task Migrate_PhoneNumberWithSetPhoneNumberVerified_AddsAVerifiedPhone()
    {
        var response = await MigrateAsync(extra: new { phone_number = "+12025550123", set_phone_number_verified = true });

        var phone = response.Json["user"]!["phone_numbers"]!.AsArray().Single()!;
        Assert.That((Str(phone["phone_number"]), phone["verified"]!.GetValue<bool>()), Is.EqualTo(("+12025550123", true)));
    }

    [Test]
    public async Task Migrate_PhoneNumberOfAnotherUser_Returns400DuplicatePhoneNumberAndChangesNothing()
    {
        await MigrateAsync("grace@example.com", new { phone_number = "+12025550123" });

        AssertError(await MigrateAsync(extra: new { phone_number = "+12025550123" }), 400, "duplicate_phone_number");
        Assert.That(Stytch.DefaultProject.Users.All, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Migrate_ABadPhoneNumber_Returns400InvalidPhoneNumber()
    {
        AssertError(await MigrateAsync(extra: new { phone_number = "555-0123" }), 400, "invalid_phone_number");
    }

    [Test]
    public async Task Migrate_ABadEmail_Returns400InvalidEmail()
    {
        AssertError(await MigrateAsync("not-an-email"), 400, "invalid_email");
    }

    [TestCase("bcrypt", "not-a-bcrypt-hash", "invalid_bcrypt_hash")]
    [TestCase("md_5", "abc", "invalid_md_5_hash")]
    [TestCase("sha_512", "abc", "invalid_sha_512_hash")]
    [TestCase("phpass", "$P$984478476IagS59wHZvyQMArzfx58u.", "invalid_hash_type")]
    [TestCase("", "x", "invalid_hash_type")]
    [TestCase("bcrypt", "", "invalid_hash")]
    public async Task Migrate_AHashItsTypeCannotUse_Returns400WithItsTypeAndCreatesNoUser(string hashType, string hash, string errorType)
    {
        var response = await Client.PostAsync(MigratePath, new { email = Email, hash_type = hashType, hash });

        AssertError(response, 400, errorType);
        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
    }

    [Test]
    public async Task Migrate_ConfigMemberOfTheWrongKind_Returns400BadRequest()
    {
        var response = await Client.PostAsync(MigratePath, new
        {
            email = Email,
            hash_type = "pbkdf_2",
            hash = "QwxuWoNafqPQNfzbUDhw+e4iwIVGBRG8/e1kXzZWT4I=",
            pbkdf_2_config = new { salt = "c2FsdHNhbHRzYWx0", iteration_amount = "1000", key_length = 32 },
        });

        AssertError(response, 400, "bad_request");
    }
}
