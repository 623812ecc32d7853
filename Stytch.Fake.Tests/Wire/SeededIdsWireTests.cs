using System.Text.RegularExpressions;

namespace Stytch.Fake.Tests.Wire;

/// <summary>A seeded project draws every id, code and key id from one stream: replayable, and never a UUID twice.</summary>
public sealed partial class SeededIdsWireTests
{
    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Uuid();

    /// <summary>Everything a seeded run hands out: project id, secret, kid, ids, code, request ids, in that order.</summary>
    private static async Task<string[]> RunAsync(int seed)
    {
        await using var fake = await StytchFake.StartAsync(new StytchFakeOptions { Project = new StytchProjectOptions { Seed = seed } });
        using var client = new WireClient(fake);
        var jwks = await client.GetAsync("/v1/sessions/jwks/" + fake.ProjectId);
        var sent = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });
        var code = fake.Outbox.LatestFor("ada@example.com").Code;
        var auth = await client.PostAsync("/v1/otps/authenticate", new { method_id = sent["email_id"], code, session_duration_minutes = 60 });
        Assert.That(auth.Status, Is.EqualTo(200), auth.Text);
        return
        [
            fake.ProjectId, fake.Secret, jwks.Json["keys"]![0]!["kid"]!.GetValue<string>(), jwks["request_id"]!,
            sent["user_id"]!, sent["email_id"]!, sent["request_id"]!, code, auth.Json["session"]!["session_id"]!.GetValue<string>(),
            auth["request_id"]!,
        ];
    }

    [Test]
    public async Task Seed1_EveryIdAndTheJwksKid_HaveDistinctUuids()
    {
        var run = await RunAsync(1);

        var uuids = run.Select(v => Uuid().Match(v)).Where(m => m.Success).Select(m => m.Value).ToList();

        Assert.That(run[2], Does.StartWith("jwk-test-"));
        Assert.That(uuids, Has.Count.EqualTo(8));
        Assert.That(uuids, Is.Unique);
    }

    [Test]
    public async Task SameSeed_TwoRuns_HandOutTheSameIdsCodesAndKid()
    {
        var first = await RunAsync(7);
        var second = await RunAsync(7);

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task DifferentSeeds_TwoRuns_HandOutDifferentIds()
    {
        var first = await RunAsync(7);
        var second = await RunAsync(8);

        Assert.That(second[0], Is.Not.EqualTo(first[0]));
        Assert.That(second[2], Is.Not.EqualTo(first[2]));
        Assert.That(second[4], Is.Not.EqualTo(first[4]));
    }

    [Test]
    public async Task SameSeedTwiceOnOneServer_SecondProject_IsRefusedWithTheReason()
    {
        await using var fake = await StytchFake.StartAsync(new StytchFakeOptions { Project = new StytchProjectOptions { Seed = 3 } });

        var error = Assert.Throws<ArgumentException>(() => fake.CreateProject(new StytchProjectOptions { Seed = 3 }));

        Assert.That(error!.Message, Does.Contain("already exists").And.Contain("seed"));
    }
}
