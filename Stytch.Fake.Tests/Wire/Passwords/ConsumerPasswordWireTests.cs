namespace Stytch.Fake.Tests.Wire.Passwords;

/// <summary>Consumer passwords over loopback HTTP: create, authenticate, strength check and user locks.</summary>
public sealed class ConsumerPasswordWireTests : FakeWireTest
{
    internal const string Strong = "violet-Tractor-umbrella-88";
    private const string CreatePath = "/v1/passwords";
    private const string AuthenticatePath = "/v1/passwords/authenticate";
    private const string StrengthPath = "/v1/passwords/strength_check";

    private async Task<WireResult> CreateAsync(string email = "ada@example.com", string password = Strong, int? minutes = null)
    {
        var response = await Client.PostAsync(CreatePath, new { email, password, session_duration_minutes = minutes });
        return response;
    }

    // ---- create ----------------------------------------------------------------------------------------

    [Test]
    public async Task Create_AStrongPassword_ReturnsTheNewUserWithoutASession()
    {
        var response = await CreateAsync();

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "user_id", "email_id", "session_token", "session_jwt", "user", "session", "status_code")));
        Assert.That((response["session_token"], response["session_jwt"], response.Json["session"]), Is.EqualTo(("", "", (System.Text.Json.Nodes.JsonNode?)null)));
        Assert.That(response["user_id"], Does.Match(WireShapes.UserId()));
        Assert.That(Stytch.DefaultProject.Users.Get(response["user_id"]!).Email, Is.EqualTo("ada@example.com"));
    }

    [Test]
    public async Task Create_WithSessionMinutes_StartsASessionWithAPasswordFactor()
    {
        var response = await CreateAsync(minutes: 60);

        var factor = response.Json["session"]!["authentication_factors"]!.AsArray().Single()!;
        Assert.That((factor["type"]!.GetValue<string>(), factor["delivery_method"]!.GetValue<string>()), Is.EqualTo(("password", "knowledge")));
        Assert.That(response["session_jwt"], Is.Not.Empty);
        Assert.That(response.Json["session"]!["expires_at"]!.GetValue<string>(), Does.StartWith("2030-01-02T04:04:05"));
    }

    [Test]
    public async Task Create_TheUsersPasswordField_NamesThePasswordAndNeedsNoReset()
    {
        var response = await CreateAsync();

        var user = await Client.GetAsync("/v1/users/" + response["user_id"]);
        Assert.That(user.Json["password"]!["password_id"]!.GetValue<string>(), Does.StartWith("password-test-"));
        Assert.That(user.Json["password"]!["requires_reset"]!.GetValue<bool>(), Is.False);
    }

    [Test]
    public async Task Create_AWeakPassword_Returns400WeakPasswordAndCreatesNoUser()
    {
        var response = await CreateAsync(password: "password1");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "weak_password")));
        Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
    }

    [Test]
    public async Task Create_ABreachedPassword_Returns400WeakPassword()
    {
        var response = await CreateAsync(password: "correct horse battery staple");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "weak_password")));
    }

    [Test]
    public async Task Create_APasswordTheTestAddedToTheBreachedList_Returns400WeakPassword()
    {
        Stytch.DefaultProject.Passwords.AddBreached(Strong);

        var response = await CreateAsync();

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "weak_password")));
    }

    [Test]
    public async Task Create_AnExistingEmail_Returns400DuplicateEmail()
    {
        Stytch.DefaultProject.Users.Create("ada@example.com");

        var response = await CreateAsync();

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "duplicate_email")));
    }

    [Test]
    public async Task Create_NoPassword_Returns400BadRequest()
    {
        var response = await Client.PostAsync(CreatePath, new { email = "ada@example.com" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")));
    }

    [Test]
    public async Task Create_ABadEmail_Returns400InvalidEmail()
    {
        var response = await CreateAsync(email: "not-an-email");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "invalid_email")));
    }

    [Test]
    public async Task Create_LudsProjectAndALudsPassword_Succeeds()
    {
        Stytch.DefaultProject.Passwords.Policy = PasswordPolicy.Default with { Strategy = PasswordStrategy.Luds };

        var response = await CreateAsync(password: "Aa1!aaaa");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Create_TheStoredPassword_IsNeverInASnapshot()
    {
        await CreateAsync();

        Assert.That(Stytch.DefaultProject.ExportSnapshot(), Does.Not.Contain(Strong));
    }

    // ---- authenticate ------------------------------------------------------------------------------------

    [Test]
    public async Task Authenticate_TheRightPassword_StartsAPasswordSession()
    {
        var created = await CreateAsync();

        var response = await Client.PostAsync(AuthenticatePath, new { email = "ada@example.com", password = Strong, session_duration_minutes = 30 });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "user_id", "session_token", "session_jwt", "user", "session", "status_code")));
        Assert.That(response["user_id"], Is.EqualTo(created["user_id"]));
        Assert.That(response.Json["session"]!["authentication_factors"]![0]!["type"]!.GetValue<string>(), Is.EqualTo("password"));
        var session = await Client.PostAsync("/v1/sessions/authenticate", new { session_token = response["session_token"] });
        Assert.That(session.Status, Is.EqualTo(200), session.Text);
    }

    [Test]
    public async Task Authenticate_AWrongPassword_Returns401UnauthorizedCredentials()
    {
        await CreateAsync();

        var response = await Client.PostAsync(AuthenticatePath, new { email = "ada@example.com", password = Strong + "x" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((401, "unauthorized_credentials")));
    }

    [Test]
    public async Task Authenticate_AnUnknownEmail_Returns404EmailNotFound()
    {
        var response = await Client.PostAsync(AuthenticatePath, new { email = "nobody@example.com", password = Strong });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((404, "email_not_found")));
    }

    [Test]
    public async Task Authenticate_AUserWithoutAPassword_Returns400NoUserPassword()
    {
        Stytch.DefaultProject.Users.Create("ada@example.com");

        var response = await Client.PostAsync(AuthenticatePath, new { email = "ada@example.com", password = Strong });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "no_user_password")));
    }

    [Test]
    public async Task Authenticate_APasswordBreachedAfterItWasSet_Returns400ResetPassword()
    {
        await CreateAsync();
        Stytch.DefaultProject.Passwords.AddBreached(Strong);

        var response = await Client.PostAsync(AuthenticatePath, new { email = "ada@example.com", password = Strong });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "reset_password")));
    }

    [Test]
    public async Task Authenticate_ABreachedPassword_MarksTheUsersPasswordRequiresReset()
    {
        var created = await CreateAsync();
        Stytch.DefaultProject.Passwords.AddBreached(Strong);
        await Client.PostAsync(AuthenticatePath, new { email = "ada@example.com", password = Strong });

        var user = await Client.GetAsync("/v1/users/" + created["user_id"]);
        Assert.That(user.Json["password"]!["requires_reset"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task Authenticate_AfterTenWrongPasswords_Returns429UserLockLimitReachedEvenForTheRightOne()
    {
        await CreateAsync();
        for (var i = 0; i < 10; i++)
        {
            await Client.PostAsync(AuthenticatePath, new { email = "ada@example.com", password = "wrong" + i });
        }

        var response = await Client.PostAsync(AuthenticatePath, new { email = "ada@example.com", password = Strong });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((429, "user_lock_limit_reached")));
    }

    [Test]
    public async Task Authenticate_AnHourAfterTheLock_LetsTheRightPasswordIn()
    {
        await CreateAsync();
        for (var i = 0; i < 10; i++)
        {
            await Client.PostAsync(AuthenticatePath, new { email = "ada@example.com", password = "wrong" + i });
        }

        Time.Advance(TimeSpan.FromHours(1));
        var response = await Client.PostAsync(AuthenticatePath, new { email = "ada@example.com", password = Strong });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Authenticate_WithAnotherUsersSession_Returns404SessionNotFound()
    {
        var other = await CreateAsync("bob@example.com", minutes: 60);
        await CreateAsync();

        var response = await Client.PostAsync(AuthenticatePath, new { email = "ada@example.com", password = Strong, session_token = other["session_token"] });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((404, "session_not_found")));
    }

    // ---- strength check ----------------------------------------------------------------------------------

    [Test]
    public async Task StrengthCheck_AStrongPassword_IsValidWithScoreFourAndNoFeedback()
    {
        var response = await Client.PostAsync(StrengthPath, new { password = Strong });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted(
            "request_id", "valid_password", "score", "breached_password", "strength_policy", "breach_detection_on_create", "feedback", "status_code")));
        Assert.That((response.Json["valid_password"]!.GetValue<bool>(), response.Json["score"]!.GetValue<int>(), response["strength_policy"]), Is.EqualTo((true, 4, "zxcvbn")));
        Assert.That(response.Json["feedback"]!["suggestions"]!.AsArray(), Is.Empty);
    }

    [Test]
    public async Task StrengthCheck_ACommonPassword_IsInvalidWithZxcvbnsWarningAndSuggestions()
    {
        var response = await Client.PostAsync(StrengthPath, new { password = "password" });

        Assert.That(response.Json["valid_password"]!.GetValue<bool>(), Is.False);
        Assert.That(response.Json["feedback"]!["warning"]!.GetValue<string>(), Is.EqualTo("This is a top-10 common password"));
        Assert.That(response.Json["feedback"]!["suggestions"]!.AsArray().Select(s => s!.GetValue<string>()), Does.Contain("Add another word or two. Uncommon words are better."));
    }

    [Test]
    public async Task StrengthCheck_ABreachedPasswordWithAnEmail_IsBreached()
    {
        var response = await Client.PostAsync(StrengthPath, new { password = "correct horse battery staple", email = "ada@example.com" });

        Assert.That((response.Json["valid_password"]!.GetValue<bool>(), response.Json["breached_password"]!.GetValue<bool>()), Is.EqualTo((false, true)));
    }

    [Test]
    public async Task StrengthCheck_ABreachedPasswordWithoutAnEmail_IsNotCheckedForBreaches()
    {
        var response = await Client.PostAsync(StrengthPath, new { password = "correct horse battery staple" });

        Assert.That((response.Json["valid_password"]!.GetValue<bool>(), response.Json["breached_password"]!.GetValue<bool>()), Is.EqualTo((true, false)));
    }

    [Test]
    public async Task StrengthCheck_LudsProject_AnswersLudsRequirements()
    {
        Stytch.DefaultProject.Passwords.Policy = PasswordPolicy.Default with { Strategy = PasswordStrategy.Luds, LudsMinLength = 10, LudsMinComplexity = 4 };

        var response = await Client.PostAsync(StrengthPath, new { password = "abcD1" });

        var luds = response.Json["feedback"]!["luds_requirements"]!;
        Assert.That(response["strength_policy"], Is.EqualTo("luds"));
        Assert.That(response.Json["valid_password"]!.GetValue<bool>(), Is.False);
        Assert.That((luds["has_symbol"]!.GetValue<bool>(), luds["missing_complexity"]!.GetValue<int>(), luds["missing_characters"]!.GetValue<int>()), Is.EqualTo((false, 1, 5)));
    }

    [Test]
    public async Task StrengthCheck_NoPassword_Returns400BadRequest()
    {
        var response = await Client.PostAsync(StrengthPath, new { email = "ada@example.com" });

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")));
    }
}
