using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Stytch.Fake.Tests.Wire;

/// <summary>The caps on projects, signing keys and fault rules, and the start-up checks of the options.</summary>
public sealed class LimitWireTests
{
    private static Task<StytchFake> StartAsync(StytchFakeLimits limits, GatedKeyGenerator? keys = null) =>
        StytchFake.StartAsync(new StytchFakeOptions { Limits = limits, KeyGenerator = keys?.Generator });

    private static void AssertCapError(WireResult response, int status, string errorType, params string[] messageParts)
    {
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(status), response.Text);
            Assert.That(response.ErrorType, Is.EqualTo(errorType), response.Text);
            Assert.That(response.Json["status_code"]!.GetValue<int>(), Is.EqualTo(status));
            Assert.That(response["request_id"], Does.Match(WireShapes.RequestId()));
            Assert.That(response["error_url"], Is.EqualTo($"https://stytch.com/docs/api/errors/{status}"));
            foreach (var part in messageParts)
            {
                Assert.That(response["error_message"], Does.Contain(part));
            }
        });
    }

    [Test]
    public async Task CreateProject_AtTheProjectCap_Returns400TooManyProjects()
    {
        await using var stytch = await StartAsync(new StytchFakeLimits { MaxProjects = 2 });
        using var client = new WireClient(stytch);
        var second = await client.PostAsync("/_fake/v1/projects", new { });

        var third = await client.PostAsync("/_fake/v1/projects", new { });

        Assert.That(second.Status, Is.EqualTo(201), second.Text);
        AssertCapError(third, 400, "too_many_projects", "2 projects", "StytchFakeOptions.Limits.MaxProjects", "--max-projects");
        Assert.That(stytch.Projects, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task CreateProject_InProcessAtTheProjectCap_ThrowsTooManyProjects()
    {
        await using var stytch = await StartAsync(new StytchFakeLimits { MaxProjects = 1 });

        var thrown = Assert.Throws<StytchException>(() => stytch.CreateProject());

        Assert.That(thrown!.Error.ErrorType, Is.EqualTo("too_many_projects"));
    }

    [Test]
    public async Task CreateProject_AfterOneIsRemoved_IsAllowedAgain()
    {
        await using var stytch = await StartAsync(new StytchFakeLimits { MaxProjects = 2 });
        using var client = new WireClient(stytch);
        stytch.RemoveProject(stytch.CreateProject().ProjectId);

        var created = await client.PostAsync("/_fake/v1/projects", new { });

        Assert.That(created.Status, Is.EqualTo(201), created.Text);
    }

    [Test]
    public async Task CreateProject_DuplicateIdAtTheCap_DoesNotUseUpASlot()
    {
        await using var stytch = await StartAsync(new StytchFakeLimits { MaxProjects = 2 });
        using var client = new WireClient(stytch);

        var duplicate = await client.PostAsync("/_fake/v1/projects", new { project_id = stytch.ProjectId });
        var created = await client.PostAsync("/_fake/v1/projects", new { });

        Assert.That(duplicate.ErrorType, Is.EqualTo("bad_request"), duplicate.Text);
        Assert.That(created.Status, Is.EqualTo(201), created.Text);
    }

    [Test]
    public async Task RotateKeys_AtTheSigningKeyCap_Returns400TooManySigningKeys()
    {
        using var keys = new GatedKeyGenerator();
        await using var stytch = await StartAsync(new StytchFakeLimits { MaxSigningKeysPerProject = 2 }, keys);
        using var client = new WireClient(stytch);
        var rotated = await client.PostAsync($"/_fake/v1/projects/{stytch.ProjectId}/keys/rotate", new { });

        var refused = await client.PostAsync($"/_fake/v1/projects/{stytch.ProjectId}/keys/rotate", new { });

        var jwks = await client.GetAsync($"/v1/sessions/jwks/{stytch.ProjectId}");
        Assert.That(rotated.Status, Is.EqualTo(200), rotated.Text);
        AssertCapError(refused, 400, "too_many_signing_keys", "2 signing keys", "keys/remove_old", "MaxSigningKeysPerProject", "--max-signing-keys");
        Assert.That(jwks.Json["keys"]!.AsArray(), Has.Count.EqualTo(2));
    }

    [Test]
    public async Task RotateKeys_AfterRemoveOldAtTheCap_IsAllowedAgain()
    {
        using var keys = new GatedKeyGenerator();
        await using var stytch = await StartAsync(new StytchFakeLimits { MaxSigningKeysPerProject = 2 }, keys);
        using var client = new WireClient(stytch);
        await client.PostAsync($"/_fake/v1/projects/{stytch.ProjectId}/keys/rotate", new { });
        await client.PostAsync($"/_fake/v1/projects/{stytch.ProjectId}/keys/remove_old", new { });

        var rotated = await client.PostAsync($"/_fake/v1/projects/{stytch.ProjectId}/keys/rotate", new { });

        Assert.That(rotated.Status, Is.EqualTo(200), rotated.Text);
    }

    [Test]
    public async Task RotateSigningKey_InProcessAtTheCap_ThrowsTooManySigningKeys()
    {
        using var keys = new GatedKeyGenerator();
        await using var stytch = await StartAsync(new StytchFakeLimits { MaxSigningKeysPerProject = 1 }, keys);

        var thrown = Assert.Throws<StytchException>(() => stytch.DefaultProject.RotateSigningKey());

        Assert.That(thrown!.Error.ErrorType, Is.EqualTo("too_many_signing_keys"));
    }

    [Test]
    public async Task ImportSnapshot_MoreSigningKeysThanTheCap_Returns400TooManySigningKeysAndKeepsTheKeys()
    {
        using var keys = new GatedKeyGenerator();
        await using var source = await StartAsync(new StytchFakeLimits(), keys);
        source.DefaultProject.RotateSigningKey();
        source.DefaultProject.RotateSigningKey();
        await using var target = await StartAsync(new StytchFakeLimits { MaxSigningKeysPerProject = 2 }, keys);
        using var client = new WireClient(target);
        var before = (await client.GetAsync($"/v1/sessions/jwks/{target.ProjectId}")).Json["keys"]!.ToJsonString();

        var imported = await client.SendAsync(HttpMethod.Put, $"/_fake/v1/projects/{target.ProjectId}/snapshot", source.DefaultProject.ExportSnapshot());

        AssertCapError(imported, 400, "too_many_signing_keys", "2 signing keys");
        Assert.That((await client.GetAsync($"/v1/sessions/jwks/{target.ProjectId}")).Json["keys"]!.ToJsonString(), Is.EqualTo(before));
    }

    [Test]
    public async Task ImportSnapshot_SigningKeyOf1024Bits_Returns400BadRequest()
    {
        using var keys = new GatedKeyGenerator();
        await using var stytch = await StartAsync(new StytchFakeLimits(), keys);
        using var client = new WireClient(stytch);
        using var small = RSA.Create(1024);
        var snapshot = JsonNode.Parse(stytch.DefaultProject.ExportSnapshot())!.AsObject();
        snapshot["signing_keys"]![0]!["private_key_pem"] = small.ExportPkcs8PrivateKeyPem();

        var imported = await client.SendAsync(HttpMethod.Put, $"/_fake/v1/projects/{stytch.ProjectId}/snapshot", snapshot.ToJsonString());

        AssertCapError(imported, 400, "bad_request", "1024-bit", "2048 to 4096 bits");
    }

    [Test]
    public async Task AddFault_AtTheFaultRuleCap_Returns400TooManyFaultRules()
    {
        await using var stytch = await StartAsync(new StytchFakeLimits { MaxFaultRulesPerProject = 2 });
        using var client = new WireClient(stytch);
        var path = $"/_fake/v1/projects/{stytch.ProjectId}/faults";
        var rule = new { endpoint = "otps.email.send", error_type = "too_many_requests" };
        await client.PostAsync(path, rule);
        await client.PostAsync(path, rule);

        var refused = await client.PostAsync(path, rule);

        AssertCapError(refused, 400, "too_many_fault_rules", "2 fault rules", "MaxFaultRulesPerProject", "--max-fault-rules");
        Assert.That(stytch.Faults.All, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task AddFault_AfterClearingAtTheCap_IsAllowedAgain()
    {
        await using var stytch = await StartAsync(new StytchFakeLimits { MaxFaultRulesPerProject = 1 });
        using var client = new WireClient(stytch);
        var path = $"/_fake/v1/projects/{stytch.ProjectId}/faults";
        await client.PostAsync(path, new { endpoint = "*", latency_ms = 1 });
        await client.DeleteAsync(path);

        var added = await client.PostAsync(path, new { endpoint = "*", latency_ms = 1 });

        Assert.That(added.Status, Is.EqualTo(201), added.Text);
    }

    [Test]
    public async Task FaultsNext_InProcessAtTheCap_ThrowsTooManyFaultRules()
    {
        await using var stytch = await StartAsync(new StytchFakeLimits { MaxFaultRulesPerProject = 1 });
        stytch.Faults.Always("*").Delay(TimeSpan.FromMilliseconds(1));

        var thrown = Assert.Throws<StytchException>(() => stytch.Faults.Next("otps.email.send").Fail(StytchError.TooManyRequests));

        Assert.That(thrown!.Error.ErrorType, Is.EqualTo("too_many_fault_rules"));
    }

    [Test]
    public void Limits_Defaults_AreFarAboveATestSuite()
    {
        var limits = new StytchFakeLimits();

        Assert.Multiple(() =>
        {
            Assert.That(limits.MaxProjects, Is.EqualTo(100_000));
            Assert.That(limits.MaxSigningKeysPerProject, Is.EqualTo(1_000));
            Assert.That(limits.MaxFaultRulesPerProject, Is.EqualTo(10_000));
        });
    }

    [TestCase("")]
    [TestCase(" ")]
    [TestCase("\t\n")]
    public void StartAsync_EmptyOrBlankAdminToken_ThrowsArgumentException(string token)
    {
        Assert.That(async () => await StytchFake.StartAsync(new StytchFakeOptions { AdminToken = token }),
            Throws.ArgumentException.With.Message.Contains("AdminToken is empty or blank"));
    }

    [TestCase(0, 1, 1)]
    [TestCase(1, 0, 1)]
    [TestCase(1, 1, -1)]
    public void StartAsync_LimitBelowOne_ThrowsArgumentException(int projects, int keys, int faults)
    {
        var limits = new StytchFakeLimits { MaxProjects = projects, MaxSigningKeysPerProject = keys, MaxFaultRulesPerProject = faults };

        Assert.That(async () => await StytchFake.StartAsync(new StytchFakeOptions { Limits = limits }),
            Throws.ArgumentException.With.Message.Contains("at least 1"));
    }
}
