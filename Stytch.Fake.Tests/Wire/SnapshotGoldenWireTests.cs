using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Time.Testing;

namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// The snapshot format's golden file: a seeded project's export, with what the seed draws (ids, codes, tokens, keys)
/// replaced by placeholders, must be fixtures/snapshots/v5-golden.json. A change here is a format change: bump the
/// version (Stytch.Fake/Snapshots/SnapshotDocument.cs says when) and then update the file.
/// </summary>
public sealed partial class SnapshotGoldenWireTests
{
    [GeneratedRegex("^(?<kind>[a-z][a-z0-9]*(-[a-z0-9]+)*)-test-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex Id();

    // The hash of the custom secret "correct-horse-battery-staple": fixed, unlike those of drawn secrets.
    private static readonly string CustomSecretHash = "sha256:" + Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData("correct-horse-battery-staple"u8));

    [Test]
    public async Task GetSnapshot_SeededProject_MatchesTheGoldenFile()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        await using var fake = await StytchFake.StartAsync(new StytchFakeOptions { Project = new StytchProjectOptions { TimeProvider = time, Seed = 2 } });
        using var client = new WireClient(fake);
        await ArrangeAsync(fake, client, time);

        var exported = await client.GetAsync($"/_fake/v1/projects/{fake.ProjectId}/snapshot");
        var actual = Placeholders(exported.Json);

        var expected = WireShapes.Fixture("snapshots/v5-golden.json");
        var written = Path.Combine(TestContext.CurrentContext.WorkDirectory, "v5-golden.actual.json");
        await File.WriteAllTextAsync(written, actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) + "\n");
        Assert.That(JsonNode.DeepEquals(actual, expected), Is.True, $"The snapshot format changed; the export with placeholders is in {written}.");
    }

    /// <summary>One of everything a snapshot holds.</summary>
    private static async Task ArrangeAsync(StytchFake fake, WireClient client, FakeTimeProvider time)
    {
        async Task Ok(Task<WireResult> call)
        {
            var response = await call;
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
        }

        var sent = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com", attributes = new { ip_address = "203.0.113.7", user_agent = "Laptop/1.0" } });
        time.Advance(TimeSpan.FromSeconds(5));
        await Ok(client.PostAsync("/v1/otps/authenticate", new
        {
            method_id = sent["email_id"], code = fake.Outbox.LatestFor("ada@example.com").Code, session_duration_minutes = 60,
            session_custom_claims = new { plan = "pro" }, attributes = new { ip_address = "198.51.100.9", user_agent = "Phone/2.0" },
        }));
        await Ok(client.PostAsync("/v1/otps/email/login_or_create", new { email = "bob@example.com", create_user_as_pending = true, locale = "es", login_template_id = "login-tpl" }));
        await Ok(client.PostAsync("/v1/magic_links/email/login_or_create", new
        {
            email = "cleo@example.com", code_challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", attributes = new { ip_address = "203.0.113.8", user_agent = "Tablet/3.0" },
        }));
        time.Advance(TimeSpan.FromSeconds(5));
        var org = fake.DefaultProject.Seed.Organization(o => o.Name("Acme").Slug("acme").JitDomains("acme.io")
            .With(f => f with { TrustedMetadata = """{"tier":"gold"}""", RbacEmailImplicitRoleAssignments = [new("acme.io", "stytch_admin")] }));
        await Ok(client.PostAsync($"/v1/b2b/organizations/{org.OrganizationId}/members", new
        {
            email_address = "grace@acme.io", name = "Grace", roles = new[] { "stytch_admin" }, untrusted_metadata = new { theme = "dark" },
        }));
        await Ok(client.PostAsync("/v1/b2b/otps/email/login_or_signup", new { organization_id = "acme", email_address = "ada@acme.io" }));
        await Ok(client.PostAsync("/v1/b2b/otps/email/authenticate", new
        {
            organization_id = "acme", email_address = "ada@acme.io", code = fake.Outbox.LatestFor("ada@acme.io").Code, session_custom_claims = new { team = "core" },
        }));
        await Ok(client.PostAsync("/v1/b2b/magic_links/email/login_or_signup", new
        {
            organization_id = org.OrganizationId, email_address = "ada@acme.io", pkce_code_challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
        }));
        var member = fake.DefaultProject.B2B.Members.All.Single(m => m.EmailAddress == "grace@acme.io");
        await Ok(client.SendAsync(HttpMethod.Put, $"/v1/b2b/organizations/{org.OrganizationId}/members/{member.MemberId}", """{"email_address":"grace.h@acme.io"}"""));
        await Ok(client.PostAsync("/v1/m2m/clients", new
        {
            scopes = new[] { "read:users", "write:users" }, client_id = "billing", client_secret = "correct-horse-battery-staple",
            client_name = "Billing", client_description = "Charges cards", trusted_metadata = new { tier = "gold" },
        }));
        await Ok(client.PostRawAsync("/v1/m2m/clients/billing/secrets/rotate/start", "{}"));
        await Ok(client.PostAsync("/v1/m2m/clients", new { scopes = Array.Empty<string>() }));
        // A phone login with an SMS factor, and a WhatsApp code for a number added to a user (it goes in five minutes).
        var sms = await client.PostAsync("/v1/otps/sms/login_or_create", new { phone_number = "+14155550123", attributes = new { ip_address = "203.0.113.9" } });
        await Ok(client.PostAsync("/v1/otps/authenticate", new { method_id = sms["phone_id"], code = fake.Outbox.LatestFor("+14155550123").Code, session_duration_minutes = 30 }));
        await Ok(client.PostAsync("/v1/otps/whatsapp/send", new { phone_number = "+16505550199", user_id = sent["user_id"], locale = "fr" }));

        // A TOTP-enrolled member of an organization requiring MFA, stopped at the MFA step: a TOTP registration with its
        // recovery codes, and an intermediate session.
        fake.DefaultProject.Seed.Organization(o => o.Name("Secure").Slug("secure").With(f => f with { MfaPolicy = "REQUIRED_FOR_ALL" })).WithTotpMember("tess@acme.io");
        await Ok(client.PostAsync("/v1/b2b/otps/email/login_or_signup", new { organization_id = "secure", email_address = "tess@acme.io" }));
        await Ok(client.PostAsync("/v1/b2b/otps/email/authenticate", new { organization_id = "secure", email_address = "tess@acme.io", code = fake.Outbox.LatestFor("tess@acme.io").Code }));
        // Passwords: a hash of the fake's own, a migrated one of a user and of a member, a reset link, a failure, the policy.
        await Ok(client.PostAsync("/v1/passwords", new { email = "dana@example.com", password = "violet-Tractor-umbrella-88" }));
        await Ok(client.PostAsync("/v1/passwords/email/reset/start", new { email = "dana@example.com", code_challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM" }));
        await Ok(client.PostAsync("/v1/passwords/migrate", new { email = "eve@example.com", hash_type = "md_5", hash = "2ee220973e9e0639bfce3288cc491f0e" }));
        await Ok(client.PostAsync("/v1/b2b/passwords/migrate", new { organization_id = org.OrganizationId, email_address = "grace.h@acme.io", hash_type = "sha_1", hash = "94aea62df50dc295941404d83e760de45f7e93c4", sha_1_config = new { prepend_salt = "pre" } }));
        fake.DefaultProject.Passwords.Policy = PasswordPolicy.Default with { LockThreshold = 3, LockDuration = TimeSpan.FromMinutes(30) };
        fake.DefaultProject.Passwords.AddBreached("Plover-Quartz-91!");
        var wrong = await client.PostAsync("/v1/passwords/authenticate", new { email = "dana@example.com", password = "not-the-password" });
        Assert.That(wrong.Status, Is.EqualTo(401), wrong.Text);
    }

    /// <summary>
    /// <paramref name="snapshot"/> with each value the seed drew replaced by its kind and the order it first appears
    /// in, so that the golden file holds the format and not the draws.
    /// </summary>
    private static JsonNode Placeholders(JsonNode snapshot)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        string Placeholder(string kind, string value) =>
            seen.TryGetValue(value, out var placeholder) ? placeholder : seen[value] = $"<{kind} {seen.Count(p => p.Value.StartsWith($"<{kind} ", StringComparison.Ordinal)) + 1}>";

        JsonNode? Walk(string? name, JsonNode? node)
        {
            switch (node)
            {
                case JsonObject o:
                    return new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, Walk(p.Key, p.Value))));
                case JsonArray a:
                    return new JsonArray([.. a.Select(item => Walk(name, item))]);
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    var text = v.GetValue<string>();
                    return name switch
                    {
                        "private_key_pem" => "<private key>",
                        "code" => Placeholder("code", text),
                        "session_token" => Placeholder("session token", text),
                        "token" => Placeholder("token", text),
                        "secret" => Placeholder("totp secret", text),
                        "recovery_codes" => Placeholder("recovery code", text),
                        // The fake's own password hashes have drawn salts.
                        "hash" when text.StartsWith("pbkdf2-sha256$", StringComparison.Ordinal) => Placeholder("password hash", text),
                        // Drawn secrets: only their hashes and last four are kept, and those follow the draws.
                        "next_secret_hash" or "next_client_secret_last_four" => Placeholder(name, text),
                        "secret_hash" when text != CustomSecretHash => Placeholder(name, text),
                        "client_secret_last_four" when text != "aple" => Placeholder(name, text),
                        _ when Id().Match(text) is { Success: true } id => Placeholder(id.Groups["kind"].Value, text),
                        _ => v.DeepClone(),
                    };
                default:
                    return node?.DeepClone();
            }
        }

        return Walk(null, snapshot)!;
    }
}
