using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// Snapshot versions: a version-1 file (fixtures/snapshots/v1.json, written by the fake before version 2) still loads
/// whole and exports as the current version (3, which added M2M clients); a version the fake does not know is refused
/// and changes nothing.
/// </summary>
public sealed class SnapshotVersionWireTests : FakeWireTest
{
    private static string SnapshotPath(string projectId) => $"/_fake/v1/projects/{projectId}/snapshot";

    private static string V1Text() => File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "fixtures", "snapshots", "v1.json"));

    private static JsonObject V1() => JsonNode.Parse(V1Text())!.AsObject();

    private static string Str(JsonNode? node) => node!.GetValue<string>();

    private async Task<WireResult> PutAsync(string body) => await Client.SendAsync(HttpMethod.Put, SnapshotPath(Stytch.ProjectId), body);

    private async Task PutV1Async()
    {
        var response = await PutAsync(V1Text());
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task PutSnapshot_Version1File_LoadsTheUsersAndTheirLiveCodes()
    {
        var state = V1()["state"]!;
        var bob = state["users"]!.AsArray().Single(u => Str(u!["email"]) == "bob@example.com")!;
        var code = state["otps"]!.AsArray().Single(o => Str(o!["email_id"]) == Str(bob["email_id"]))!;

        await PutV1Async();
        var users = Stytch.DefaultProject.Users.All;
        var auth = await AuthenticateAsync(Str(bob["email_id"]), Str(code["code"]));

        Assert.That(users.Select(u => (u.UserId, u.Email, u.EmailId, u.EmailVerified, u.Status, u.CreatedAt)), Is.EqualTo(
            state["users"]!.AsArray().Select(u => (Str(u!["user_id"]), Str(u["email"]), Str(u["email_id"]), u["email_verified"]!.GetValue<bool>(),
                Str(u["status"]), u["created_at"]!.GetValue<DateTimeOffset>()))));
        Assert.That(auth.Status, Is.EqualTo(200), auth.Text);
    }

    [Test]
    public async Task PutSnapshot_Version1File_LoadsSessionsWithTheirClaimsAndAttributes()
    {
        var session = V1()["state"]!["sessions"]![0]!;

        await PutV1Async();
        var auth = await Client.PostAsync("/v1/sessions/authenticate", new { session_token = Str(session["session_token"]) });

        Assert.That(auth.Status, Is.EqualTo(200), auth.Text);
        Assert.That(auth.Json["session"]!["custom_claims"]!.ToJsonString(), Is.EqualTo("""{"nested":{"list":[1,null,"x",true]},"plan":"pro","seats":3}"""));
        Assert.That(auth.Json["session"]!["attributes"]!.ToJsonString(), Is.EqualTo("""{"ip_address":"198.51.100.9","user_agent":"Phone/2.0"}"""));
    }

    [Test]
    public async Task PutSnapshot_Version1File_LoadsTheOutbox()
    {
        await PutV1Async();

        var bob = Stytch.Outbox.LatestFor("bob@example.com");
        var member = Stytch.Outbox.LatestFor("bob@acme.io");
        Assert.That(Stytch.Outbox.All, Has.Count.EqualTo(6));
        Assert.That((bob.Kind, bob.Locale, bob.LoginTemplateId, bob.SignupTemplateId), Is.EqualTo((MessageKind.Signup, "es", "login-tpl", "signup-tpl")));
        Assert.That(Stytch.Outbox.LatestFor("ada@example.com").Kind, Is.EqualTo(MessageKind.Login));
        Assert.That((member.UserId, member.OrganizationId, member.Locale), Is.EqualTo(((string?)null, Stytch.DefaultProject.B2B.Organizations.All[0].OrganizationId, "fr")));
    }

    [Test]
    public async Task PutSnapshot_Version1File_LoadsOrganizationsAndMembers()
    {
        await PutV1Async();
        var acme = await Client.GetAsync("/v1/b2b/organizations/" + Stytch.DefaultProject.B2B.Organizations.All[0].OrganizationId);

        var grace = Stytch.DefaultProject.B2B.Members.All.Single(m => m.EmailAddress == "grace.hopper@acme.io");
        Assert.That(Stytch.DefaultProject.B2B.Organizations.All.Select(o => o.OrganizationSlug), Is.EqualTo(new[] { "acme", "globex" }));
        Assert.That(acme.Json["organization"]!["trusted_metadata"]!.ToJsonString(), Is.EqualTo("""{"tier":"gold","regions":["eu","us"],"limits":{"seats":50}}"""));
        Assert.That(acme.Json["organization"]!["rbac_email_implicit_role_assignments"]![0]!["role_id"]!.GetValue<string>(), Is.EqualTo("stytch_admin"));
        Assert.That((grace.Name, grace.ExternalId, grace.IsBreakglass, grace.Roles.Single(), grace.UntrustedMetadata), Is.EqualTo(("Grace H", "grace-ext", true, "stytch_admin", """{"theme":"dark"}""")));
        Assert.That(grace.RetiredEmailAddresses.Single().EmailAddress, Is.EqualTo("grace@acme.io"));
        Assert.That(Stytch.DefaultProject.B2B.Members.All.Select(m => m.Status), Is.EqualTo(new[] { "active", "pending", "active", "deleted" }));
    }

    [Test]
    public async Task PutSnapshot_Version1File_LoadsMemberCodesAndMemberSessions()
    {
        var b2b = V1()["b2b"]!;
        var code = b2b["otps"]!.AsArray().Single(o => Str(o!["email_address"]) == "bob@acme.io")!;

        await PutV1Async();
        var session = await Client.PostAsync("/v1/b2b/sessions/authenticate", new { session_token = Str(b2b["sessions"]![0]!["session_token"]) });
        var auth = await Client.PostAsync("/v1/b2b/otps/email/authenticate", new { organization_id = "acme", email_address = "bob@acme.io", code = Str(code["code"]) });

        Assert.That(session.Status, Is.EqualTo(200), session.Text);
        Assert.That(session.Json["member_session"]!["custom_claims"]!.ToJsonString(), Is.EqualTo("""{"flags":[null,2.5],"team":"core"}"""));
        Assert.That(auth.Status, Is.EqualTo(200), auth.Text);
    }

    [Test]
    public async Task PutSnapshot_Version1File_PublishesBothSigningKeysAndSignsWithTheNewest()
    {
        var kids = V1()["signing_keys"]!.AsArray().Select(k => Str(k!["kid"])).ToArray();

        await PutV1Async();
        var jwks = await Client.GetAsync($"/v1/sessions/jwks/{Stytch.ProjectId}");
        var minted = Stytch.DefaultProject.Sessions.Mint(Stytch.DefaultProject.Users.All[0].UserId);

        Assert.That(jwks.Json["keys"]!.AsArray().Select(k => Str(k!["kid"])), Is.EquivalentTo(kids));
        Assert.That(new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(minted.SessionJwt).Kid, Is.EqualTo(kids[^1]));
    }

    [Test]
    public async Task GetSnapshot_AfterAVersion1Import_IsTheCurrentVersionWithTheSameState()
    {
        var v1 = V1();
        var state = v1["state"]!;
        var b2b = v1["b2b"]!;

        await PutV1Async();
        var v2 = (await Client.GetAsync(SnapshotPath(Stytch.ProjectId))).Json;

        // What version 2 changed: the layout, the names of code and member session lists, the outbox kind's spelling,
        // metadata as objects, and no computed is_empty in attributes. Version 3 added M2M clients, which v1 had none of.
        Assert.That(v2["version"]!.GetValue<int>(), Is.EqualTo(5));
        Assert.That(v2["m2m_clients"]!.AsArray(), Is.Empty);
        Assert.That(Same(v2["clock"], state["clock"]) && Same(v2["signing_keys"], v1["signing_keys"]), "clock, keys");
        // Version 5 gave users Stytch's whole User object (their one email in `emails`) and factors a phone.
        Assert.That(Same(v2["users"], Edit(state["users"], u =>
        {
            u["emails"] = new JsonArray(new JsonObject { ["email_id"] = u["email_id"]!.DeepClone(), ["email"] = u["email"]!.DeepClone(), ["verified"] = u["email_verified"]!.DeepClone() });
            u.Remove("email");
            u.Remove("email_id");
            u.Remove("email_verified");
            u["phone_numbers"] = new JsonArray();
            u["name"] = new JsonObject { ["first_name"] = "", ["middle_name"] = "", ["last_name"] = "" };
            u["trusted_metadata"] = new JsonObject();
            u["untrusted_metadata"] = new JsonObject();
            u["external_id"] = "";
            u["password_id"] = "";
            u["password_requires_reset"] = false;
            u["updated_at"] = u["created_at"]!.DeepClone();
        })), "users");
        Assert.That(Same(v2["codes"], WithoutIsEmpty(state["otps"])), "codes");
        Assert.That(Same(v2["sessions"], Edit(WithoutIsEmpty(state["sessions"]), s => WithEmptyPhones(s))), "sessions");
        // Version 4 added redirect URLs (a fresh project's then) and each message's channel, phone number, token, link and invite template.
        Assert.That(Same(v2["outbox"], Edit(state["outbox"], m =>
        {
            m["kind"] = Str(m["kind"]).ToLowerInvariant();
            m["channel"] = "email";
            m["phone_number"] = "";
            m["token"] = null;
            m["link"] = null;
            m["invite_template_id"] = null;
        })), "outbox");
        Assert.That(v2["redirect_urls"]!.AsArray(), Has.Count.EqualTo(5));
        Assert.That(Same(v2["b2b"]!["organizations"], Edit(b2b["organizations"], o => Parse(o, "trusted_metadata", "allowed_oauth_tenants"))), "organizations");
        // Version 5 gave members their MFA phone verification and TOTP registration id.
        Assert.That(Same(v2["b2b"]!["members"], Edit(b2b["members"], m =>
        {
            Parse(m, "trusted_metadata", "untrusted_metadata");
            m["mfa_phone_number_verified"] = false;
            m["totp_registration_id"] = "";
        })), "members");
        Assert.That(Same(v2["b2b"]!["codes"], b2b["otps"]) && Same(v2["b2b"]!["member_sessions"], Edit(b2b["sessions"], s => WithEmptyPhones(s))), "b2b codes, member sessions");
    }

    [Test]
    public async Task PutSnapshot_Version1WithoutB2B_LoadsWithNoOrganizations()
    {
        await LoginOrCreateAsync("zed@example.com");
        Stytch.DefaultProject.Seed.Organization(o => o.Slug("old"));
        var v1 = V1();
        v1.Remove("b2b");

        var response = await PutAsync(v1.ToJsonString());

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(Stytch.DefaultProject.B2B.Organizations.All, Is.Empty);
        Assert.That(Stytch.DefaultProject.Users.All, Has.Count.EqualTo(4));
    }

    [Test]
    public async Task PutSnapshot_Version1FieldOfWrongType_Is400NamingTheVersionAndTheCurrentPath()
    {
        var response = await PutAsync("""{"version":1,"state":{"clock":42}}""");

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(Str(response.Json["error_message"]), Does.StartWith("The snapshot is not valid JSON of a Stytch.Fake snapshot (version 1, read in the layout of version 5): ").And.Contain("$.clock"));
    }

    [TestCase(6)]
    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(1000)]
    public async Task PutSnapshot_UnknownVersion_Is400NamingItAndChangesNothing(int version)
    {
        var before = await ArrangeStateAsync();
        var snapshot = JsonNode.Parse(before)!.AsObject();
        snapshot["version"] = version;
        Stytch.DefaultProject.Users.Create("late@example.com");
        var expected = Stytch.DefaultProject.ExportSnapshot();

        var response = await PutAsync(snapshot.ToJsonString());

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
        Assert.That(Str(response.Json["error_message"]), Is.EqualTo($"The snapshot has version {version}, which this Stytch.Fake does not read: it reads versions 1 to 5."));
        Assert.That(Stytch.DefaultProject.ExportSnapshot(), Is.EqualTo(expected));
    }

    [Test]
    public async Task ImportSnapshot_UnknownVersion_ThrowsStytchExceptionNamingItAndChangesNothing()
    {
        var snapshot = JsonNode.Parse(await ArrangeStateAsync())!.AsObject();
        snapshot["version"] = 6;
        Stytch.DefaultProject.Users.Create("late@example.com");
        var expected = Stytch.DefaultProject.ExportSnapshot();

        var error = Assert.Throws<StytchException>(() => Stytch.DefaultProject.ImportSnapshot(snapshot.ToJsonString()))!.Error;

        Assert.That((error.StatusCode, error.ErrorType), Is.EqualTo((400, "bad_request")));
        Assert.That(error.Message, Does.Contain("version 6"));
        Assert.That(Stytch.DefaultProject.ExportSnapshot(), Is.EqualTo(expected));
    }

    [TestCase("version", "\"2\"")]
    [TestCase("version", "2.5")]
    [TestCase("version", "null")]
    public async Task PutSnapshot_VersionNotAWholeNumber_Is400(string field, string value)
    {
        var snapshot = JsonNode.Parse(await ArrangeStateAsync())!.AsObject();
        snapshot[field] = JsonNode.Parse(value);

        var response = await PutAsync(snapshot.ToJsonString());

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(Str(response.Json["error_message"]), Is.EqualTo("The snapshot must be an object with a version: 1 to 5."));
    }

    [TestCase("trusted_metadata", "\"{}\"")]
    [TestCase("trusted_metadata", "[]")]
    [TestCase("allowed_oauth_tenants", "null")]
    public async Task PutSnapshot_OrganizationObjectFieldNotAnObject_Is400AndChangesNothing(string field, string value)
    {
        var snapshot = JsonNode.Parse(await ArrangeStateAsync())!.AsObject();
        snapshot["b2b"]!["organizations"]![0]![field] = JsonNode.Parse(value);

        var response = await PutAsync(snapshot.ToJsonString());

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
        Assert.That(Stytch.DefaultProject.B2B.Organizations.All.Single().OrganizationSlug, Is.EqualTo("acme"));
    }

    [Test]
    public async Task PutSnapshot_Version1MetadataNotJson_Is400AndChangesNothing()
    {
        var v1 = V1();
        v1["b2b"]!["members"]![0]!["untrusted_metadata"] = "{not json";

        var response = await PutAsync(v1.ToJsonString());

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(Stytch.DefaultProject.B2B.Members.All, Is.Empty);
    }

    [Test]
    public async Task PutSnapshot_OutboxKindUnknown_Is400NamingIt()
    {
        var snapshot = JsonNode.Parse(await ArrangeStateAsync())!.AsObject();
        snapshot["outbox"]![0]!["kind"] = "reminder";

        var response = await PutAsync(snapshot.ToJsonString());

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(Str(response.Json["error_message"]), Is.EqualTo("The snapshot could not be loaded: An outbox message's kind must be one of login, signup, invite, discovery, mfa, password_reset, not 'reminder'."));
    }

    [TestCase("version")]
    [TestCase("email")]
    public async Task PutSnapshot_DuplicateKey_Is400AndChangesNothing(string key)
    {
        var snapshot = await ArrangeStateAsync();
        var index = snapshot.IndexOf($"\"{key}\":", StringComparison.Ordinal);
        var duplicated = snapshot.Insert(index, $"\"{key}\": \"x\", ");

        var response = await PutAsync(duplicated);

        Assert.That(response.Status, Is.EqualTo(400), response.Text);
        Assert.That(response.ErrorType, Is.EqualTo("bad_request"));
        Assert.That(Stytch.DefaultProject.ExportSnapshot(), Is.EqualTo(snapshot));
    }

    /// <summary>A user with a code and an organization; returns the snapshot of that.</summary>
    private async Task<string> ArrangeStateAsync()
    {
        await LoginOrCreateAsync("ada@example.com");
        Stytch.DefaultProject.Seed.Organization(o => o.Slug("acme"));
        return Stytch.DefaultProject.ExportSnapshot();
    }

    private static bool Same(JsonNode? actual, JsonNode? expected) => JsonNode.DeepEquals(actual, expected);

    private static JsonArray Edit(JsonNode? list, Action<JsonObject> change)
    {
        var copy = list!.DeepClone().AsArray();
        foreach (var item in copy)
        {
            change(item!.AsObject());
        }

        return copy;
    }

    // A session's factors as version 5 reads an older file's: for an email, with an empty phone.
    private static void WithEmptyPhones(JsonObject session)
    {
        foreach (var factor in session["authentication_factors"]!.AsArray().OfType<JsonObject>())
        {
            factor["phone_id"] = "";
            factor["phone_number"] = "";
        }
    }

    private static JsonArray WithoutIsEmpty(JsonNode? list) => Edit(list, item => item["attributes"]!.AsObject().Remove("is_empty"));

    private static void Parse(JsonObject item, params string[] fields)
    {
        foreach (var field in fields)
        {
            item[field] = JsonNode.Parse(Str(item[field]));
        }
    }
}
