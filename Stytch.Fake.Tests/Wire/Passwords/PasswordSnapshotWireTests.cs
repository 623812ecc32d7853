using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire.Passwords;

/// <summary>Password state in snapshots: hashes (never passwords), locks, reset tokens and the policy, both audiences.</summary>
public sealed class PasswordSnapshotWireTests : FakeWireTest
{
    private const string Email = "ada@example.com";
    private const string Strong = ConsumerPasswordWireTests.Strong;
    private const string Other = "Rook-Ember-Vista-42";

    private string SnapshotPath => $"/_fake/v1/projects/{Stytch.ProjectId}/snapshot";

    private async Task CreateAsync(string password = Strong)
    {
        var created = await Client.PostAsync("/v1/passwords", new { email = Email, password });
        Assert.That(created.Status, Is.EqualTo(200), created.Text);
    }

    private Task<WireResult> LoginAsync(string password = Strong) =>
        Client.PostAsync("/v1/passwords/authenticate", new { email = Email, password });

    /// <summary>Exports the project, wipes it and loads the export back.</summary>
    private async Task<string> RoundTripAsync(Func<JsonObject, JsonObject>? edit = null)
    {
        var snapshot = (await Client.GetAsync(SnapshotPath)).Text;
        if (edit is not null)
        {
            snapshot = edit(JsonNode.Parse(snapshot)!.AsObject()).ToJsonString();
        }

        Stytch.Reset();
        var loaded = await Client.SendAsync(HttpMethod.Put, SnapshotPath, snapshot);
        Assert.That(loaded.Status, Is.EqualTo(200), loaded.Text);
        return snapshot;
    }

    [Test]
    public async Task Snapshot_RoundTrip_TheUserLogsInWithTheirPassword()
    {
        await CreateAsync();

        await RoundTripAsync();

        var response = await LoginAsync();
        Assert.That(response.Status, Is.EqualTo(200), response.Text);
    }

    [Test]
    public async Task Snapshot_RoundTrip_AWrongPasswordIsStillWrong()
    {
        await CreateAsync();

        await RoundTripAsync();

        Assert.That((await LoginAsync(Other)).ErrorType, Is.EqualTo("unauthorized_credentials"));
    }

    [Test]
    public async Task Snapshot_WithPasswordsAndAddedBreachedOnes_HoldsNoPasswordAsText()
    {
        await CreateAsync();
        Stytch.DefaultProject.Passwords.AddBreached(Other);

        var snapshot = await Client.GetAsync(SnapshotPath);

        Assert.That(snapshot.Text, Does.Not.Contain(Strong).And.Not.Contain(Other));
        Assert.That(snapshot.Json["passwords"]!["hashes"]![0]!["hash"]!.GetValue<string>(), Does.StartWith("pbkdf2-sha256$"));
    }

    [Test]
    public async Task Snapshot_RoundTrip_KeepsThePolicyAndTheAddedBreachedPasswords()
    {
        var policy = PasswordPolicy.Default with { Strategy = PasswordStrategy.Luds, LudsMinLength = 12, LockThreshold = 4, LockDuration = TimeSpan.FromMinutes(30) };
        Stytch.DefaultProject.Passwords.Policy = policy;
        Stytch.DefaultProject.Passwords.AddBreached(Other);

        await RoundTripAsync();

        Assert.That(Stytch.DefaultProject.Passwords.Policy, Is.EqualTo(policy));
        var check = await Client.PostAsync("/v1/passwords/strength_check", new { password = Other, email = Email });
        Assert.That(check.Json["breached_password"]!.GetValue<bool>(), Is.True, check.Text);
    }

    [Test]
    public async Task Snapshot_RoundTrip_KeepsALockUntilItEndsOnTheClock()
    {
        await CreateAsync();
        Stytch.DefaultProject.Passwords.Policy = PasswordPolicy.Default with { LockThreshold = 1 };
        await LoginAsync(Other);

        await RoundTripAsync();

        Assert.That((await LoginAsync()).ErrorType, Is.EqualTo("user_lock_limit_reached"));
        Time.Advance(TimeSpan.FromHours(1));
        Assert.That((await LoginAsync()).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Snapshot_RoundTrip_KeepsTheRunOfFailures()
    {
        await CreateAsync();
        Stytch.DefaultProject.Passwords.Policy = PasswordPolicy.Default with { LockThreshold = 2 };
        await LoginAsync(Other);

        await RoundTripAsync();

        await LoginAsync(Other);
        Assert.That((await LoginAsync()).ErrorType, Is.EqualTo("user_lock_limit_reached"));
    }

    [Test]
    public async Task Snapshot_RoundTrip_AnOutstandingResetLinkStillResets()
    {
        await CreateAsync();
        await Client.PostAsync("/v1/passwords/email/reset/start", new { email = Email });
        var token = Stytch.Outbox.LatestFor(Email).Token;

        await RoundTripAsync();

        var reset = await Client.PostAsync("/v1/passwords/email/reset", new { token, password = Other });
        Assert.That(reset.Status, Is.EqualTo(200), reset.Text);
        Assert.That((await LoginAsync(Other)).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Snapshot_RoundTrip_AUsedResetLinkStaysUsed()
    {
        await CreateAsync();
        await Client.PostAsync("/v1/passwords/email/reset/start", new { email = Email });
        var token = Stytch.Outbox.LatestFor(Email).Token;
        await Client.PostAsync("/v1/passwords/email/reset", new { token, password = Other });

        await RoundTripAsync();

        var again = await Client.PostAsync("/v1/passwords/email/reset", new { token, password = "Third-Harbor-Lemon-63" });
        Assert.That((again.Status, again.ErrorType), Is.EqualTo((401, "unable_to_auth_password_reset_token")));
    }

    [Test]
    public async Task Snapshot_RoundTrip_AMigratedHashVerifiesOnTheFirstLogin()
    {
        var migrated = await Client.PostAsync("/v1/passwords/migrate", new { email = Email, hash_type = "md_5", hash = "2ee220973e9e0639bfce3288cc491f0e" });
        Assert.That(migrated.Status, Is.EqualTo(200), migrated.Text);

        await RoundTripAsync();

        Assert.That((await LoginAsync("Plover-Quartz-91!")).Status, Is.EqualTo(200));
    }

    [Test]
    public async Task Snapshot_RoundTrip_AMemberKeepsTheirPasswordAndPasswordId()
    {
        var org = Stytch.DefaultProject.Seed.Organization(o => o.Name("Acme").Slug("acme"));
        var migrated = await Client.PostAsync("/v1/b2b/passwords/migrate", new { organization_id = org.OrganizationId, email_address = "ada@acme.io", hash_type = "md_5", hash = "2ee220973e9e0639bfce3288cc491f0e" });
        var passwordId = migrated.Json["member"]!["member_password_id"]!.GetValue<string>();

        await RoundTripAsync();

        var login = await Client.PostAsync("/v1/b2b/passwords/authenticate", new { organization_id = org.OrganizationId, email_address = "ada@acme.io", password = "Plover-Quartz-91!" });
        Assert.That(login.Status, Is.EqualTo(200), login.Text);
        Assert.That(login.Json["member"]!["member_password_id"]!.GetValue<string>(), Is.EqualTo(passwordId));
    }

    [Test]
    public async Task Snapshot_RoundTrip_ADiscoveryResetLinkStillResetsTheAddressesPassword()
    {
        var org = Stytch.DefaultProject.Seed.Organization(o => o.Name("Acme").Slug("acme"));
        await Client.PostAsync("/v1/b2b/passwords/migrate", new { organization_id = org.OrganizationId, email_address = "ada@acme.io", hash_type = "md_5", hash = "2ee220973e9e0639bfce3288cc491f0e" });
        var started = await Client.PostAsync("/v1/b2b/passwords/discovery/email/reset/start", new { email_address = "ada@acme.io" });
        Assert.That(started.Status, Is.EqualTo(200), started.Text);
        var token = Stytch.Outbox.LatestFor("ada@acme.io", MessageKind.PasswordReset).Token;

        await RoundTripAsync();

        var reset = await Client.PostAsync("/v1/b2b/passwords/discovery/email/reset", new { password_reset_token = token, password = Other });
        Assert.That(reset.Status, Is.EqualTo(200), reset.Text);
    }

    [Test]
    public async Task PutSnapshot_AHashOfAnUnknownUser_Is400AndChangesNothing()
    {
        await CreateAsync();
        var snapshot = JsonNode.Parse((await Client.GetAsync(SnapshotPath)).Text)!.AsObject();
        snapshot["passwords"]!["hashes"]![0]!["subject_id"] = "user-test-00000000-0000-4000-8000-000000000000";
        var before = Stytch.DefaultProject.ExportSnapshot();

        var response = await Client.SendAsync(HttpMethod.Put, SnapshotPath, snapshot.ToJsonString());

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")), response.Text);
        Assert.That(Stytch.DefaultProject.ExportSnapshot(), Is.EqualTo(before));
    }

    [TestCase("hunter2")]
    [TestCase("pbkdf2-sha256$1000$bad")]
    public async Task PutSnapshot_AHashThatIsNoHash_Is400(string hash)
    {
        await CreateAsync();
        var snapshot = JsonNode.Parse((await Client.GetAsync(SnapshotPath)).Text)!.AsObject();
        snapshot["passwords"]!["hashes"]![0]!["hash"] = hash;

        var response = await Client.SendAsync(HttpMethod.Put, SnapshotPath, snapshot.ToJsonString());

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")), response.Text);
    }

    [Test]
    public async Task PutSnapshot_APolicyOutOfRange_Is400()
    {
        var snapshot = JsonNode.Parse((await Client.GetAsync(SnapshotPath)).Text)!.AsObject();
        snapshot["passwords"]!["policy"]!["lock_threshold"] = 0;

        var response = await Client.SendAsync(HttpMethod.Put, SnapshotPath, snapshot.ToJsonString());

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "bad_request")), response.Text);
    }

    [Test]
    public async Task PutSnapshot_Version4File_LoadsWithStytchsDefaultPolicyAndNoPasswords()
    {
        Stytch.Users.Create(Email);
        Stytch.DefaultProject.Passwords.Policy = PasswordPolicy.Default with { LockThreshold = 3 };
        var v4 = SnapshotLayouts.AsVersion4(JsonNode.Parse((await Client.GetAsync(SnapshotPath)).Text)!.AsObject());
        v4["version"] = 4;

        var loaded = await Client.SendAsync(HttpMethod.Put, SnapshotPath, v4.ToJsonString());

        Assert.That(loaded.Status, Is.EqualTo(200), loaded.Text);
        Assert.That(Stytch.DefaultProject.Passwords.Policy, Is.EqualTo(PasswordPolicy.Default));
        Assert.That((await LoginAsync()).ErrorType, Is.EqualTo("no_user_password"));
    }
}
