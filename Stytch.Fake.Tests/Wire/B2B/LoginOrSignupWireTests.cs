using System.Text.Json.Nodes;
using System.Text.Json;

namespace Stytch.Fake.Tests.Wire.B2B;

/// <summary><c>POST /v1/b2b/otps/email/login_or_signup</c> over loopback HTTP (seeds 000, 001, 002).</summary>
public sealed class LoginOrSignupWireTests : B2BWireTest
{
    // ---- email JIT provisioning -------------------------------------------------------------------

    [Test]
    public async Task LoginOrSignup_JitRestrictedAndAllowedDomain_CreatesPendingMemberWithSignupCode()
    {
        var org = await CreateJitOrganizationAsync();

        var response = await LoginOrSignupAsync("acme", "ada@acme.io");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member_created"]!.GetValue<bool>(), Is.True);
        Assert.That(Str(response.Json["member"]!["status"]), Is.EqualTo("pending"));
        Assert.That(response["member_id"], Does.Match(MemberId()));
        var message = Stytch.Outbox.LatestFor("ada@acme.io");
        Assert.That(message.Kind, Is.EqualTo(MessageKind.Signup));
        Assert.That(message.OrganizationId, Is.EqualTo(Str(org["organization_id"])));
        Assert.That(message.MemberId, Is.EqualTo(response["member_id"]));
        Assert.That(message.UserId, Is.Null);
    }

    [Test]
    public async Task LoginOrSignup_JitRestrictedAndOtherDomain_Returns400InvalidEmailForJitProvisioningAndCreatesNothing()
    {
        await CreateJitOrganizationAsync();

        var response = await LoginOrSignupAsync("acme", "eve@evil.io");

        AssertError(response, 400, "invalid_email_for_jit_provisioning");
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Is.Empty);
        Assert.That(Stytch.Outbox.All, Is.Empty);
    }

    [Test]
    public async Task LoginOrSignup_JitNotAllowedByDefault_Returns400EmailJitProvisioningNotAllowed()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme", email_allowed_domains = new[] { "acme.io" } });

        var response = await LoginOrSignupAsync("acme", "ada@acme.io");

        AssertError(response, 400, "email_jit_provisioning_not_allowed");
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Is.Empty);
    }

    [Test]
    public async Task LoginOrSignup_DomainClaimedByAnotherOrganization_Returns400ActionNotAllowedEmailDomainIsClaimed()
    {
        await CreateJitOrganizationAsync("acme", "shared.io");
        await CreateOrganizationAsync(new { organization_name = "Owner", organization_slug = "owner", claimed_email_domains = new[] { "shared.io" } });

        var response = await LoginOrSignupAsync("acme", "ada@shared.io");

        AssertError(response, 400, "action_not_allowed_email_domain_is_claimed");
    }

    // ---- existing members -------------------------------------------------------------------------

    [Test]
    public async Task LoginOrSignup_ActiveMember_SendsLoginCodeAndCreatesNoMember()
    {
        var org = await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        var member = await CreateMemberAsync("acme", "ada@acme.io");

        var response = await LoginOrSignupAsync(Str(org["organization_id"]), "ada@acme.io");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(response.Json["member_created"]!.GetValue<bool>(), Is.False);
        Assert.That(response["member_id"], Is.EqualTo(Str(member["member_id"])));
        Assert.That(Stytch.Outbox.LatestFor("ada@acme.io").Kind, Is.EqualTo(MessageKind.Login));
    }

    [Test]
    public async Task LoginOrSignup_PendingMember_SendsSignupCodeAndMemberStaysPending()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        await CreateMemberAsync("acme", "ada@acme.io", pending: true);

        var first = await LoginOrSignupAsync("acme", "ada@acme.io");
        var second = await LoginOrSignupAsync("acme", "ada@acme.io");

        Assert.That(Str(second.Json["member"]!["status"]), Is.EqualTo("pending"));
        Assert.That(second.Json["member_created"]!.GetValue<bool>(), Is.False);
        Assert.That(Stytch.Outbox.For("ada@acme.io").Select(m => m.Kind), Is.EqualTo(new[] { MessageKind.Signup, MessageKind.Signup }));
        Assert.That(first["member_id"], Is.EqualTo(second["member_id"]));
    }

    [Test]
    public async Task LoginOrSignup_InvitedMember_SendsSignupCodeAndMemberStaysInvitedUntilAuthenticated()
    {
        Stytch.Seed.Organization(o => o.Slug("acme")).WithInvitedMember("ada@acme.io");

        var sent = await LoginOrSignupAsync("acme", "ada@acme.io");
        var message = Stytch.Outbox.LatestFor("ada@acme.io");
        var auth = await AuthenticateOtpAsync("acme", "ada@acme.io", message.Code);

        Assert.That(message.Kind, Is.EqualTo(MessageKind.Signup));
        Assert.That(Str(sent.Json["member"]!["status"]), Is.EqualTo("invited"));
        Assert.That(Str(auth.Json["member"]!["status"]), Is.EqualTo("active"));
    }

    [Test]
    public async Task LoginOrSignup_AfterSignupAuthenticated_SendsLoginCode()
    {
        await CreateJitOrganizationAsync();
        await LoginMemberAsync("acme", "ada@acme.io");

        await LoginOrSignupAsync("acme", "ada@acme.io");

        Assert.That(Stytch.Outbox.For("ada@acme.io").Select(m => m.Kind), Is.EqualTo(new[] { MessageKind.Login, MessageKind.Signup }));
    }

    [Test]
    public async Task LoginOrSignup_SameEmailInTwoOrganizations_CreatesTwoMembersWithTheirOwnCodes()
    {
        await CreateJitOrganizationAsync("acme", "acme.io");
        await CreateJitOrganizationAsync("acme-eu", "acme.io");

        var first = await LoginOrSignupAsync("acme", "ada@acme.io");
        var second = await LoginOrSignupAsync("acme-eu", "ada@acme.io");

        Assert.That(first["member_id"], Is.Not.EqualTo(second["member_id"]));
        Assert.That(Stytch.Outbox.For("ada@acme.io").Select(m => m.MemberId), Is.EqualTo(new[] { second["member_id"], first["member_id"] }));
    }

    [Test]
    public async Task LoginOrSignup_SameNewEmailInParallel_CreatesExactlyOneMember()
    {
        await CreateJitOrganizationAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => LoginOrSignupAsync("acme", "ada@acme.io")));

        Assert.That(responses.Select(r => r.Status), Has.All.EqualTo(200));
        Assert.That(responses.Count(r => r.Json["member_created"]!.GetValue<bool>()), Is.EqualTo(1));
        Assert.That(responses.Select(r => r["member_id"]).Distinct().Count(), Is.EqualTo(1));
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Has.Count.EqualTo(1));
        Assert.That(Stytch.Outbox.For("ada@acme.io"), Has.Count.EqualTo(16));
    }

    // ---- organization lookup ----------------------------------------------------------------------

    [Test]
    public async Task LoginOrSignup_OrganizationBySlug_ReachesTheOrganization()
    {
        var org = await CreateJitOrganizationAsync("acme-corp");

        var response = await LoginOrSignupAsync("acme-corp", "ada@acme.io");

        Assert.That(Str(response.Json["organization"]!["organization_id"]), Is.EqualTo(Str(org["organization_id"])));
    }

    [Test]
    public async Task LoginOrSignup_OrganizationByExternalId_ReachesTheOrganization()
    {
        var org = await CreateOrganizationAsync(new
        {
            organization_name = "Acme", organization_slug = "acme", organization_external_id = "crm|42",
            email_jit_provisioning = "RESTRICTED", email_allowed_domains = new[] { "acme.io" },
        });

        var response = await LoginOrSignupAsync("crm|42", "ada@acme.io");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Str(response.Json["member"]!["organization_id"]), Is.EqualTo(Str(org["organization_id"])));
    }

    [Test]
    public async Task LoginOrSignup_UnknownOrganization_Returns404OrganizationNotFound()
    {
        var response = await LoginOrSignupAsync("organization-test-00000000-0000-4000-8000-000000000000", "ada@acme.io");

        AssertError(response, 404, "organization_not_found");
    }

    [Test]
    public async Task LoginOrSignup_MissingOrganizationId_Returns400InvalidOrganizationId()
    {
        var response = await Client.PostAsync(LoginOrSignupPath, new { email_address = "ada@acme.io" });

        AssertError(response, 400, "invalid_organization_id");
    }

    // ---- options and validation -------------------------------------------------------------------

    [Test]
    public async Task LoginOrSignup_DefaultExpiry_IsTenMinutes()
    {
        await CreateJitOrganizationAsync();

        await LoginOrSignupAsync("acme", "ada@acme.io");

        var message = Stytch.Outbox.LatestFor("ada@acme.io");
        Assert.That(message.SentAt, Is.EqualTo(Start));
        Assert.That(message.ExpiresAt - message.SentAt, Is.EqualTo(TimeSpan.FromMinutes(10)));
    }

    [Test]
    public async Task LoginOrSignup_ExpirationMinutes_LoginAndSignupApplyToTheirKind()
    {
        await CreateOrganizationAsync(new { organization_name = "Acme", organization_slug = "acme" });
        await CreateMemberAsync("acme", "active@acme.io");
        await CreateMemberAsync("acme", "pending@acme.io", pending: true);
        var options = new Dictionary<string, object> { ["login_expiration_minutes"] = 2, ["signup_expiration_minutes"] = 15 };

        foreach (var email in new[] { "active@acme.io", "pending@acme.io" })
        {
            var body = new Dictionary<string, object>(options) { ["organization_id"] = "acme", ["email_address"] = email };
            Assert.That((await Client.PostAsync(LoginOrSignupPath, body)).Status, Is.EqualTo(200));
        }

        var login = Stytch.Outbox.LatestFor("active@acme.io");
        var signup = Stytch.Outbox.LatestFor("pending@acme.io");
        Assert.That(login.ExpiresAt - login.SentAt, Is.EqualTo(TimeSpan.FromMinutes(2)));
        Assert.That(signup.ExpiresAt - signup.SentAt, Is.EqualTo(TimeSpan.FromMinutes(15)));
    }

    [TestCase("login_expiration_minutes", 1)]
    [TestCase("login_expiration_minutes", 16)]
    [TestCase("signup_expiration_minutes", 1)]
    [TestCase("signup_expiration_minutes", 0)]
    [TestCase("signup_expiration_minutes", 16)]
    public async Task LoginOrSignup_ExpirationOutOfRange_Returns400InvalidExpirationOtpAndSendsNothing(string field, int minutes)
    {
        await CreateJitOrganizationAsync();
        var body = new Dictionary<string, object> { ["organization_id"] = "acme", ["email_address"] = "ada@acme.io", [field] = minutes };

        var response = await Client.PostAsync(LoginOrSignupPath, body);

        AssertError(response, 400, "invalid_expiration_otp");
        Assert.That(Stytch.Outbox.All, Is.Empty);
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Is.Empty);
    }

    [Test]
    public async Task LoginOrSignup_LocaleAndTemplates_AreRecordedOnTheMessage()
    {
        await CreateJitOrganizationAsync();

        var response = await Client.PostAsync(LoginOrSignupPath, new
        {
            organization_id = "acme", email_address = "ada@acme.io", locale = "pt-br",
            login_template_id = "tpl-login", signup_template_id = "tpl-signup",
        });

        var message = Stytch.Outbox.LatestFor("ada@acme.io");
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(message.Locale, Is.EqualTo("pt-br"));
        Assert.That(message.LoginTemplateId, Is.EqualTo("tpl-login"));
        Assert.That(message.SignupTemplateId, Is.EqualTo("tpl-signup"));
    }

    [Test]
    public async Task LoginOrSignup_UnsupportedLocale_Returns400InvalidLocale()
    {
        await CreateJitOrganizationAsync();

        var response = await Client.PostAsync(LoginOrSignupPath, new { organization_id = "acme", email_address = "ada@acme.io", locale = "de" });

        AssertError(response, 400, "invalid_locale");
    }

    [TestCase("no-at-sign")]
    [TestCase("ada@")]
    [TestCase("")]
    public async Task LoginOrSignup_MalformedEmail_Returns400InvalidEmail(string email)
    {
        await CreateJitOrganizationAsync();

        AssertError(await LoginOrSignupAsync("acme", email), 400, "invalid_email");
    }

    [Test]
    public async Task LoginOrSignup_ConsumerExpirationField_IsIgnoredAndRecorded()
    {
        await CreateJitOrganizationAsync();

        var response = await Client.PostAsync(LoginOrSignupPath, new { organization_id = "acme", email_address = "ada@acme.io", expiration_minutes = 5 });

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        var message = Stytch.Outbox.LatestFor("ada@acme.io");
        Assert.That(message.ExpiresAt - message.SentAt, Is.EqualTo(TimeSpan.FromMinutes(10)), "B2B codes read login_/signup_expiration_minutes only");
        Assert.That(Stytch.DefaultProject.Requests.All[^1].IgnoredFields, Is.EqualTo(new[] { "expiration_minutes" }));
    }

    [Test]
    public async Task LoginOrSignup_MixedCaseEmail_FindsTheSameMember()
    {
        await CreateJitOrganizationAsync();
        var first = await LoginOrSignupAsync("acme", "ada@acme.io");

        var second = await LoginOrSignupAsync("acme", "Ada@ACME.io");

        Assert.That(second["member_id"], Is.EqualTo(first["member_id"]));
        Assert.That(Str(second.Json["member"]!["email_address"]), Is.EqualTo("ada@acme.io"));
    }

    // ---- response shape ---------------------------------------------------------------------------

    [Test]
    public async Task LoginOrSignup_Response_HasExactlyTheDocumentedTopLevelKeysAndNoCode()
    {
        await CreateJitOrganizationAsync();

        var response = await LoginOrSignupAsync("acme", "ada@acme.io");

        Assert.That(WireShapes.Keys(response.Json),
            Is.EqualTo(WireShapes.Sorted("request_id", "member_id", "member_created", "member", "organization", "status_code")));
        Assert.That(response["request_id"], Does.Match(WireShapes.RequestId()));
        Assert.That(response.Json["status_code"]!.GetValue<int>(), Is.EqualTo(200));
        Assert.That(WireShapes.AllStrings(response.Json), Does.Not.Contain(Stytch.Outbox.LatestFor("ada@acme.io").Code));
    }

    [Test]
    public async Task LoginOrSignup_NewMember_HasStytchDefaultsForEveryMemberField()
    {
        await CreateJitOrganizationAsync();

        var member = (await LoginOrSignupAsync("acme", "ada@acme.io")).Json["member"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(Str(member["email_address"]), Is.EqualTo("ada@acme.io"));
            Assert.That(Str(member["name"]), Is.Empty);
            Assert.That(member["email_address_verified"]!.GetValue<bool>(), Is.False);
            Assert.That(member["is_breakglass"]!.GetValue<bool>(), Is.False);
            Assert.That(member["is_admin"]!.GetValue<bool>(), Is.False);
            Assert.That(member["is_locked"]!.GetValue<bool>(), Is.False);
            Assert.That(member["sso_registrations"]!.AsArray(), Is.Empty);
            Assert.That(member["trusted_metadata"]!.AsObject(), Is.Empty);
            Assert.That(Str(member["created_at"]), Is.EqualTo("2030-01-02T03:04:05Z"));
            Assert.That(Str(member["roles"]![0]!["role_id"]), Is.EqualTo("stytch_member"));
            Assert.That(Str(member["roles"]![0]!["sources"]![0]!["type"]), Is.EqualTo("direct_assignment"));
            Assert.That(member["scim_registration"]!.AsObject(), Is.Not.Null);
        });
    }

    [Test]
    public async Task LoginOrSignup_DefaultOrganization_MatchesTheSeedGoldenFileKeyByKey()
    {
        await CreateJitOrganizationAsync();

        var response = await LoginOrSignupAsync("acme", "ada@acme.io");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(GoldenShape.Differences(WireShapes.Fixture("b2b/login_or_signup_200.json"), response.Json), Is.Empty);
    }

    [Test]
    public async Task LoginOrSignup_EveryArrayFilled_MatchesTheSeedGoldenFileElementShapes()
    {
        await CreateOrganizationAsync(new
        {
            organization_name = "Acme", organization_slug = "acme",
            email_jit_provisioning = "RESTRICTED", email_allowed_domains = new[] { "acme.io" },
            claimed_email_domains = new[] { "acme.io" },
            auth_methods = "RESTRICTED", allowed_auth_methods = new[] { "email_otp", "sso" },
            mfa_methods = "RESTRICTED", allowed_mfa_methods = new[] { "totp" },
            rbac_email_implicit_role_assignments = new[] { new { domain = "acme.io", role_id = "engineer" } },
            first_party_connected_apps_allowed_type = "RESTRICTED", allowed_first_party_connected_apps = new[] { "app-1" },
            third_party_connected_apps_allowed_type = "RESTRICTED", allowed_third_party_connected_apps = new[] { "app-3" },
            trusted_metadata = new { tier = "gold" },
        });
        var put = await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/acme", """{"sso_jit_provisioning_allowed_connections":["conn-1"]}""");
        var member = await CreateMemberAsync("acme", "old@acme.io");
        var moved = await Client.SendAsync(HttpMethod.Put, $"{OrganizationsPath}/acme/members/{Str(member["member_id"])}",
            """{"email_address":"ada@acme.io","roles":["stytch_admin"],"untrusted_metadata":{"theme":"dark"}}""");

        var response = await LoginOrSignupAsync("acme", "ada@acme.io");

        Assert.That(put.Status, Is.EqualTo(200), put.Text);
        Assert.That(moved.Status, Is.EqualTo(200), moved.Text);
        Assert.That(response.Json["member"]!["retired_email_addresses"]!.AsArray(), Has.Count.EqualTo(1));
        Assert.That(response.Json["member"]!["is_admin"]!.GetValue<bool>(), Is.True);
        Assert.That(GoldenShape.Differences(WireShapes.Fixture("b2b/login_or_signup_200.json"), response.Json), Is.Empty);
    }

    [Test]
    public void GoldenShape_MissingKeyOrWrongKind_IsReported()
    {
        var expected = JsonNode.Parse("""{"a":"<string>","b":true,"c":[{"d":1}],"e":{"f":"<string>"}}""")!;
        var actual = JsonNode.Parse("""{"a":"x","b":"true","c":[{"g":1}],"e":{"f":"y","h":2}}""")!;

        var differences = GoldenShape.Differences(expected, actual);

        Assert.That(differences, Has.Some.Contains("$.b"));
        Assert.That(differences, Has.Some.Contains("$.c[0]"));
        Assert.That(differences, Has.Some.Contains("$.e"));
        Assert.That(differences, Has.None.Contains("$.a"));
    }

    // ---- back doors and faults --------------------------------------------------------------------

    [Test]
    public async Task OutboxBackDoor_B2BMessage_CarriesOrganizationAndMemberIdAndNoUserId()
    {
        var org = await CreateJitOrganizationAsync();
        var sent = await LoginOrSignupAsync("acme", "ada@acme.io");
        await LoginOrCreateAsync("bob@example.com");

        var outbox = await Client.GetAsync($"/_fake/v1/projects/{Stytch.ProjectId}/outbox");

        var messages = outbox.Json["messages"]!.AsArray();
        var b2b = messages.Single(m => Str(m!["email_address"]) == "ada@acme.io")!;
        var consumer = messages.Single(m => Str(m!["email_address"]) == "bob@example.com")!;
        Assert.That(Str(b2b["organization_id"]), Is.EqualTo(Str(org["organization_id"])));
        Assert.That(Str(b2b["member_id"]), Is.EqualTo(sent["member_id"]));
        Assert.That(b2b["user_id"], Is.Null);
        Assert.That(Str(b2b["kind"]), Is.EqualTo("signup"));
        Assert.That(consumer["organization_id"], Is.Null);
        Assert.That(consumer["member_id"], Is.Null);
    }

    [Test]
    public async Task FaultRule_ForB2BEndpointAndEmail_FailsOnlyThatEmail()
    {
        await CreateJitOrganizationAsync();
        Stytch.Faults.Always("b2b.otps.email.login_or_signup").ForEmail("ada@acme.io").Fail(StytchError.TooManyRequests);

        var faulted = await LoginOrSignupAsync("acme", "ada@acme.io");
        var other = await LoginOrSignupAsync("acme", "bob@acme.io");

        AssertError(faulted, 429, "too_many_requests");
        Assert.That(other.Status, Is.EqualTo(200), other.Text);
    }

    [Test]
    public void FaultRules_EndpointNames_CoverConsumerAndB2BEndpoints()
    {
        Assert.That(() => Stytch.Faults.Next("b2b.organizations.create"), Throws.Nothing);
        Assert.That(() => Stytch.Faults.Next("b2b.sessions.revoke"), Throws.Nothing);
        Assert.That(() => Stytch.Faults.Next("otps.email.login_or_create"), Throws.Nothing);
        Assert.That(() => Stytch.Faults.Next("b2b.nope"), Throws.ArgumentException.With.Message.Contains("b2b.otps.email.login_or_signup"));
    }
}

/// <summary>
/// Compares a response with a golden body from the seed: the same keys at every level, the same JSON value kinds,
/// "&lt;string&gt;" placeholders standing for any string. An array shows one example element: every element of the
/// response's array must have its shape (an empty array is accepted). An empty object stands for any object.
/// </summary>
internal static class GoldenShape
{
    public static IReadOnlyList<string> Differences(JsonNode expected, JsonNode? actual)
    {
        var differences = new List<string>();
        Compare(expected, actual, "$", differences);
        return differences;
    }

    private static void Compare(JsonNode? expected, JsonNode? actual, string path, List<string> differences)
    {
        var expectedKind = expected?.GetValueKind() ?? JsonValueKind.Null;
        var actualKind = actual?.GetValueKind() ?? JsonValueKind.Null;
        if (Kind(expectedKind) != Kind(actualKind))
        {
            differences.Add($"{path}: expected {expectedKind}, got {actualKind}");
            return;
        }

        switch (expected)
        {
            case JsonObject e when e.Count > 0:
                var a = actual!.AsObject();
                var missing = e.Select(p => p.Key).Except(a.Select(p => p.Key)).ToArray();
                var extra = a.Select(p => p.Key).Except(e.Select(p => p.Key)).ToArray();
                if (missing.Length > 0 || extra.Length > 0)
                {
                    differences.Add($"{path}: missing [{string.Join(", ", missing)}], extra [{string.Join(", ", extra)}]");
                }

                foreach (var (key, value) in e)
                {
                    if (a.ContainsKey(key))
                    {
                        Compare(value, a[key], $"{path}.{key}", differences);
                    }
                }

                break;
            case JsonArray e when e.Count > 0:
                var items = actual!.AsArray();
                for (var i = 0; i < items.Count; i++)
                {
                    Compare(e[0], items[i], $"{path}[{i}]", differences);
                }

                break;
        }
    }

    private static JsonValueKind Kind(JsonValueKind kind) => kind == JsonValueKind.False ? JsonValueKind.True : kind;
}
