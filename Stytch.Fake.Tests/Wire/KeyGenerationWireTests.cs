namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// RSA keys come from a bounded background generator. These tests hold its worker inside a key, as a burst of
/// rotations would keep it busy, and check who waits for it (rotations, a new project's first key) and who never
/// does (every other call), without any timing assertion.
/// </summary>
public sealed class KeyGenerationWireTests
{
    private const int Rotations = 8;

    /// <summary>A fake on a gated generator, with a second project to rotate; both have their first key.</summary>
    private sealed class Run : IAsyncDisposable
    {
        private Run(GatedKeyGenerator keys, StytchFake stytch)
        {
            Keys = keys;
            Stytch = stytch;
            Rotating = stytch.CreateProject();
            Client = new WireClient(stytch, Rotating);
        }

        public GatedKeyGenerator Keys { get; }
        public StytchFake Stytch { get; }
        public StytchFakeProject Rotating { get; }
        /// <summary>Basic auth of <see cref="Rotating"/>; the back doors need none.</summary>
        public WireClient Client { get; }

        public static async Task<Run> StartAsync(int maxWaitingRotations = Tokens.RsaKeyGenerator.DefaultMaxWaitingRotations)
        {
            var keys = new GatedKeyGenerator(maxWaitingRotations);
            var run = new Run(keys, await StytchFake.StartAsync(new StytchFakeOptions { KeyGenerator = keys.Generator }));
            using var anonymous = new HttpClient { BaseAddress = run.Stytch.Url };
            // Both projects get their first key while the generator still runs.
            await anonymous.GetStringAsync($"v1/sessions/jwks/{run.Rotating.ProjectId}");
            await anonymous.GetStringAsync($"v1/sessions/jwks/{run.Stytch.ProjectId}");
            return run;
        }

        public async ValueTask DisposeAsync()
        {
            // Let waiting rotations finish first: the server's shutdown waits for its requests.
            Keys.Open();
            Client.Dispose();
            await Stytch.DisposeAsync();
            Keys.Dispose();
        }
    }

    private static Task<WireResult>[] Rotate(WireClient client, StytchFakeProject project, int times) =>
        Enumerable.Range(0, times).Select(_ => client.PostAsync($"/_fake/v1/projects/{project.ProjectId}/keys/rotate", new { })).ToArray();

    /// <summary>login_or_create, then otps/authenticate with a session: the JWT is signed with the project's key.</summary>
    private static async Task<WireResult> LoginAsync(StytchFakeProject project, WireClient client, string email)
    {
        var sent = await client.PostAsync("/v1/otps/email/login_or_create", new { email });
        var code = project.Outbox.LatestFor(email).Code;
        return await client.PostAsync("/v1/otps/authenticate", new { method_id = sent["email_id"], code, session_duration_minutes = 60 });
    }

    [Test]
    public async Task OtherProjectCalls_WhileRotationsWaitForTheGenerator_AllAnswerWithoutIt()
    {
        await using var run = await Run.StartAsync();
        var (keys, stytch) = (run.Keys, run.Stytch);
        using var other = new WireClient(stytch);
        keys.Close();
        var rotations = Rotate(run.Client, run.Rotating, Rotations);
        await keys.WaitUntilWaitingAsync(Rotations);
        var made = keys.Made;

        var answers = new List<WireResult>();
        for (var i = 0; i < 10; i++)
        {
            var login = await LoginAsync(stytch.DefaultProject, other, $"user{i}@example.com");
            answers.Add(login);
            answers.Add(await other.PostAsync("/v1/sessions/authenticate", new { session_jwt = login["session_jwt"] }));
        }

        answers.Add(await other.GetAsync($"/v1/sessions/jwks/{stytch.ProjectId}"));
        answers.Add(await other.GetAsync($"/_fake/v1/projects/{stytch.ProjectId}/snapshot"));
        var created = await other.PostAsync("/_fake/v1/projects", new { });
        using var newcomer = new WireClient(stytch.Url, created["project_id"]!, created["secret"]!);
        answers.Add(await newcomer.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" }));

        Assert.Multiple(() =>
        {
            Assert.That(answers.Select(a => a.Status), Is.All.EqualTo(200), string.Join("\n", answers.Select(a => a.Text)));
            Assert.That(created.Status, Is.EqualTo(201), created.Text);
            Assert.That(rotations.Count(r => r.IsCompleted), Is.Zero, "the rotations were still waiting for keys");
            Assert.That(keys.Made, Is.EqualTo(made), "no other call needed a new key");
        });

        keys.Open();
        var rotated = await Task.WhenAll(rotations);
        Assert.That(rotated.Select(r => r.Status), Is.All.EqualTo(200));
        Assert.That(rotated.Select(r => r["kid"]).Distinct().Count(), Is.EqualTo(Rotations));
    }

    [Test]
    public async Task FirstKeyOfAnotherProject_WhileRotationsWait_IsMadeBeforeThem()
    {
        await using var run = await Run.StartAsync();
        var keys = run.Keys;
        var fresh = run.Stytch.CreateProject();
        using var freshClient = new WireClient(run.Stytch, fresh);
        keys.Close();
        var rotations = Rotate(run.Client, run.Rotating, Rotations);
        await keys.WaitUntilWaitingAsync(Rotations);
        var jwks = freshClient.GetAsync($"/v1/sessions/jwks/{fresh.ProjectId}");
        await keys.WaitUntilWaitingAsync(Rotations + 1);

        keys.Allow(1);
        var first = await jwks;

        Assert.Multiple(() =>
        {
            Assert.That(first.Status, Is.EqualTo(200), first.Text);
            Assert.That(first.Json["keys"]!.AsArray(), Has.Count.EqualTo(1));
            Assert.That(rotations.Count(r => r.IsCompleted), Is.Zero, "the one key made went to the new project");
        });

        keys.Open();
        Assert.That((await Task.WhenAll(rotations)).Select(r => r.Status), Is.All.EqualTo(200));
    }

    [Test]
    public async Task RotateKeys_WhenTheGeneratorQueueIsFull_Returns429TooManyKeyRotations()
    {
        await using var run = await Run.StartAsync(maxWaitingRotations: 2);
        var keys = run.Keys;
        keys.Close();
        var waiting = Rotate(run.Client, run.Rotating, 2);
        await keys.WaitUntilWaitingAsync(2);

        var refused = await run.Client.PostAsync($"/_fake/v1/projects/{run.Stytch.ProjectId}/keys/rotate", new { });

        Assert.Multiple(() =>
        {
            Assert.That(refused.Status, Is.EqualTo(429), refused.Text);
            Assert.That(refused.ErrorType, Is.EqualTo("too_many_key_rotations"));
            Assert.That(refused["error_message"], Does.Contain("2 key rotations are already waiting"));
        });

        keys.Open();
        Assert.That((await Task.WhenAll(waiting)).Select(r => r.Status), Is.All.EqualTo(200));
    }

    [Test]
    public async Task RotateKeys_NinthWaitingOnOneProject_Returns429WhileAnotherProjectStillRotates()
    {
        await using var run = await Run.StartAsync();
        var keys = run.Keys;
        keys.Close();
        var waiting = Rotate(run.Client, run.Rotating, Rotations);
        await keys.WaitUntilWaitingAsync(Rotations);

        var refused = await run.Client.PostAsync($"/_fake/v1/projects/{run.Rotating.ProjectId}/keys/rotate", new { });
        var other = run.Client.PostAsync($"/_fake/v1/projects/{run.Stytch.ProjectId}/keys/rotate", new { });
        await keys.WaitUntilWaitingAsync(Rotations + 1);

        Assert.Multiple(() =>
        {
            Assert.That(refused.Status, Is.EqualTo(429), refused.Text);
            Assert.That(refused.ErrorType, Is.EqualTo("too_many_key_rotations"));
            Assert.That(refused["error_message"], Does.Contain("of this project"));
        });

        keys.Open();
        Assert.That((await other).Status, Is.EqualTo(200));
        Assert.That((await Task.WhenAll(waiting)).Select(r => r.Status), Is.All.EqualTo(200));
    }
}
