using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Wire.B2B.Passwords;

/// <summary>Cross-organization passwords (<c>/v1/b2b/passwords/discovery/*</c>) over loopback HTTP.</summary>
public sealed class B2BPasswordDiscoveryWireTests : B2BPasswordWireTest
{
    private const string DiscoveryAuthenticatePath = "/v1/b2b/passwords/discovery/authenticate";
    private const string DiscoveryResetStartPath = "/v1/b2b/passwords/discovery/email/reset/start";
    private const string DiscoveryResetPath = "/v1/b2b/passwords/discovery/email/reset";
    private const string ExchangePath = "/v1/b2b/discovery/intermediate_sessions/exchange";

    private Task<WireResult> DiscoveryLoginAsync(string email, string password) =>
        Client.PostAsync(DiscoveryAuthenticatePath, new { email_address = email, password });

    private async Task<string> DiscoveryResetTokenAsync(string email = "ada@acme.io", object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["email_address"] = email };
        foreach (var property in extra?.GetType().GetProperties() ?? [])
        {
            body[property.Name] = property.GetValue(extra);
        }

        var started = await Client.PostAsync(DiscoveryResetStartPath, body);
        Assert.That(started.Status, Is.EqualTo(200), started.Text);
        return Stytch.Outbox.LatestFor(email, MessageKind.PasswordReset).Token!;
    }

    [Test]
    public async Task DiscoveryAuthenticate_MembersPassword_AnswersIntermediateSessionAndItsOrganizations()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);

        var response = await DiscoveryLoginAsync("ada@acme.io", Password);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "status_code", "intermediate_session_token", "email_address", "discovered_organizations")));
        Assert.That(response["intermediate_session_token"], Has.Length.EqualTo(44));
        Assert.That(response["email_address"], Is.EqualTo("ada@acme.io"));
        var found = response.Json["discovered_organizations"]!.AsArray().Single()!;
        Assert.That(Str(found["organization"]!["organization_id"]), Is.EqualTo(org));
        Assert.That(found["member_authenticated"]!.GetValue<bool>(), Is.True);
    }

    [Test]
    public async Task DiscoveryAuthenticate_ThenExchange_StartsASessionWithThePasswordFactorOfTheMembersEmail()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        var emailId = (await Client.PostAsync(ResetStartPath, new { organization_id = org, email_address = "ada@acme.io" }))["member_email_id"];
        var discovered = await DiscoveryLoginAsync("ada@acme.io", Password);

        var exchanged = await Client.PostAsync(ExchangePath, new { intermediate_session_token = discovered["intermediate_session_token"], organization_id = org });

        Assert.That(exchanged.Status, Is.EqualTo(200), exchanged.Text);
        var factor = exchanged.Json["member_session"]!["authentication_factors"]!.AsArray().Single()!;
        Assert.That(Str(factor["type"]), Is.EqualTo("password"));
        Assert.That(Str(factor["email_factor"]!["email_id"]), Is.EqualTo(emailId).And.Not.Empty);
    }

    [Test]
    public async Task DiscoveryAuthenticate_PasswordOfTheSecondOrganizationsMember_Answers200()
    {
        var first = await OrganizationAsync();
        await CreateMemberAsync(first, "ada@acme.io");
        var second = Str((await CreateJitOrganizationAsync("globex"))["organization_id"]);
        await MemberWithPasswordAsync(second);

        var response = await DiscoveryLoginAsync("ada@acme.io", Password);

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["discovered_organizations"]!.AsArray(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task DiscoveryAuthenticate_WrongPassword_Returns401UnauthorizedCredentials()
    {
        await MemberWithPasswordAsync(await OrganizationAsync());

        AssertError(await DiscoveryLoginAsync("ada@acme.io", "Wrong-Password-12"), 401, "unauthorized_credentials");
    }

    [Test]
    public async Task DiscoveryAuthenticate_AddressWithoutPassword_Returns401UnauthorizedCredentials()
    {
        await CreateMemberAsync(await OrganizationAsync(), "ada@acme.io");

        AssertError(await DiscoveryLoginAsync("ada@acme.io", Password), 401, "unauthorized_credentials");
    }

    [Test]
    public async Task DiscoveryAuthenticate_TenWrongPasswords_LocksEvenTheRightOne()
    {
        await MemberWithPasswordAsync(await OrganizationAsync());
        for (var i = 0; i < 10; i++)
        {
            await DiscoveryLoginAsync("ada@acme.io", "Wrong-Password-12");
        }

        AssertError(await DiscoveryLoginAsync("ada@acme.io", Password), 429, "user_lock_limit_reached");
    }

    [Test]
    public async Task DiscoveryAuthenticate_BreachedPassword_Returns400MemberResetPassword()
    {
        var org = await OrganizationAsync();
        // "correct horse battery staple" is on the fake's built-in breached list; its MD-5 by Python's hashlib.
        await MigrateAsync(org, "ada@acme.io", new { hash = "9cc2ae8a1ba7a93da39b46fc1019c481" });

        AssertError(await DiscoveryLoginAsync("ada@acme.io", "correct horse battery staple"), 400, "member_reset_password");
    }

    [Test]
    public async Task DiscoveryAuthenticate_MissingPassword_Returns400BadRequest()
    {
        AssertError(await Client.PostAsync(DiscoveryAuthenticatePath, new { email_address = "ada@acme.io" }), 400, "bad_request");
    }

    [Test]
    public async Task DiscoveryResetStart_Member_SendsADiscoveryResetLinkOnTheResetRedirectUrl()
    {
        await MemberWithPasswordAsync(await OrganizationAsync());

        var response = await Client.PostAsync(DiscoveryResetStartPath, new { email_address = "ada@acme.io", reset_password_expiration_minutes = 45 });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(WireShapes.Keys(response.Json), Is.EqualTo(WireShapes.Sorted("request_id", "status_code")));
        var message = Stytch.Outbox.LatestFor("ada@acme.io", MessageKind.PasswordReset);
        Assert.That(message.Link, Does.StartWith(RedirectUrls.FreshProjectDefault + "?"));
        Assert.That(message.Link, Does.Contain("stytch_token_type=discovery").And.Contain("stytch_redirect_type=reset_password"));
        Assert.That(message.Link, Does.EndWith("token=" + message.Token));
        Assert.That(message.ExpiresAt, Is.EqualTo(Start.AddMinutes(45)));
    }

    [Test]
    public async Task DiscoveryResetStart_UnknownEmail_Returns404MemberNotFound()
    {
        await OrganizationAsync();

        AssertError(await Client.PostAsync(DiscoveryResetStartPath, new { email_address = "nobody@acme.io" }), 404, "member_not_found");
    }

    [Test]
    public async Task DiscoveryResetStart_UnlistedDiscoveryRedirectUrl_Returns400()
    {
        await MemberWithPasswordAsync(await OrganizationAsync());

        var response = await Client.PostAsync(DiscoveryResetStartPath, new { email_address = "ada@acme.io", discovery_redirect_url = "https://elsewhere.example/" });

        AssertError(response, 400, "no_match_for_provided_magic_link_url");
    }

    [Test]
    public async Task DiscoveryReset_Token_SetsThePasswordInEveryOrganizationAndAnswersIntermediateSession()
    {
        var first = await OrganizationAsync();
        await MemberWithPasswordAsync(first);
        var second = Str((await CreateJitOrganizationAsync("globex"))["organization_id"]);
        await CreateMemberAsync(second, "ada@acme.io");
        var token = await DiscoveryResetTokenAsync();

        var response = await Client.PostAsync(DiscoveryResetPath, new { password_reset_token = token, password = NewPassword });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response["intermediate_session_token"], Has.Length.EqualTo(44));
        Assert.That(response.Json["discovered_organizations"]!.AsArray(), Has.Count.EqualTo(2));
        Assert.That((await PasswordLoginAsync(first, "ada@acme.io", NewPassword)).Status, Is.EqualTo(200));
        Assert.That((await PasswordLoginAsync(second, "ada@acme.io", NewPassword)).Status, Is.EqualTo(200));
        AssertError(await PasswordLoginAsync(first, "ada@acme.io", Password), 401, "unauthorized_credentials");
    }

    [Test]
    public async Task DiscoveryReset_TokenUsedTwice_Returns401()
    {
        await MemberWithPasswordAsync(await OrganizationAsync());
        var token = await DiscoveryResetTokenAsync();
        await Client.PostAsync(DiscoveryResetPath, new { password_reset_token = token, password = NewPassword });

        var again = await Client.PostAsync(DiscoveryResetPath, new { password_reset_token = token, password = NewPassword + "2" });

        AssertError(again, 401, "unable_to_auth_password_reset_token");
    }

    [Test]
    public async Task DiscoveryReset_ExpiredToken_Returns401()
    {
        await MemberWithPasswordAsync(await OrganizationAsync());
        var token = await DiscoveryResetTokenAsync();
        Stytch.Clock.Advance(TimeSpan.FromMinutes(30));

        AssertError(await Client.PostAsync(DiscoveryResetPath, new { password_reset_token = token, password = NewPassword }), 401, "unable_to_auth_password_reset_token");
    }

    [Test]
    public async Task DiscoveryReset_WeakPassword_Returns400AndLeavesTheTokenUsable()
    {
        await MemberWithPasswordAsync(await OrganizationAsync());
        var token = await DiscoveryResetTokenAsync();

        AssertError(await Client.PostAsync(DiscoveryResetPath, new { password_reset_token = token, password = "password" }), 400, "weak_password");
        Assert.That((await Client.PostAsync(DiscoveryResetPath, new { password_reset_token = token, password = NewPassword })).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task DiscoveryReset_PkceChallengeWithoutVerifier_Returns400AndLeavesTheTokenUsable()
    {
        const string verifier = "a-pkce-code-verifier-of-enough-length-0123456789";
        await MemberWithPasswordAsync(await OrganizationAsync());
        var token = await DiscoveryResetTokenAsync(extra: new { pkce_code_challenge = Pkce.ChallengeOf(verifier) });

        AssertError(await Client.PostAsync(DiscoveryResetPath, new { password_reset_token = token, password = NewPassword }), 400, "pkce_expected_code_verifier");
        var response = await Client.PostAsync(DiscoveryResetPath, new { password_reset_token = token, password = NewPassword, pkce_code_verifier = verifier });
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task DiscoveryReset_RevokesTheMembersSessions()
    {
        var org = await OrganizationAsync();
        await MemberWithPasswordAsync(org);
        var before = await PasswordLoginAsync(org, "ada@acme.io", Password);
        var token = await DiscoveryResetTokenAsync();

        await Client.PostAsync(DiscoveryResetPath, new { password_reset_token = token, password = NewPassword });

        AssertError(await Client.PostAsync(SessionsAuthenticatePath, new { session_token = before["session_token"] }), 404, "session_not_found");
    }
}
