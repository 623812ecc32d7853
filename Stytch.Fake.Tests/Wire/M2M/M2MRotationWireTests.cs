namespace Stytch.Fake.Tests.Wire.M2M;

/// <summary>Secret rotation over loopback HTTP: start, cancel, complete, and which secrets the token endpoint takes meanwhile.</summary>
public sealed class M2MRotationWireTests : M2MWireTest
{
    private Task<WireResult> RotateAsync(string clientId, string step) =>
        Client.PostRawAsync($"{ClientsPath}/{clientId}/secrets/{step}", "{}");

    [Test]
    public async Task RotateStart_Client_ShowsTheNextSecretOnceAndItsLastFour()
    {
        var created = await CreateClientAsync("a");

        var response = await RotateAsync(Str(created["client_id"]), "rotate/start");

        var client = response.Json["m2m_client"]!.AsObject();
        var next = Str(client["next_client_secret"]);
        Assert.Multiple(() =>
        {
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
            Assert.That(next, Does.Match("^[A-Za-z0-9_-]{44}$").And.Not.EqualTo(Str(created["client_secret"])));
            Assert.That(Str(client["next_client_secret_last_four"]), Is.EqualTo(next[^4..]));
            Assert.That(Str(client["client_secret_last_four"]), Is.EqualTo(Str(created["client_secret_last_four"])));
            Assert.That(client.ContainsKey("client_secret"), Is.False);
            Assert.That(Stytch.M2M.Get(Str(created["client_id"])).NextClientSecretLastFour, Is.EqualTo(next[^4..]));
        });
    }

    [Test]
    public async Task RotateStart_WhileRotating_AnswersAlreadyRotatingSecret()
    {
        var created = await CreateClientAsync("a");
        await RotateAsync(Str(created["client_id"]), "rotate/start");

        var response = await RotateAsync(Str(created["client_id"]), "rotate/start");

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "m2m_client_already_rotating_secret")));
    }

    [TestCase("rotate")]
    [TestCase("rotate/cancel")]
    public async Task RotateOrCancel_NotRotating_AnswersNotRotatingSecret(string step)
    {
        var created = await CreateClientAsync("a");

        var response = await RotateAsync(Str(created["client_id"]), step);

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((400, "m2m_client_not_rotating_secret")));
    }

    [TestCase("rotate/start")]
    [TestCase("rotate")]
    [TestCase("rotate/cancel")]
    public async Task Rotation_UnknownClient_AnswersM2MClientNotFound(string step)
    {
        var response = await RotateAsync("nobody", step);

        Assert.That((response.Status, response.ErrorType), Is.EqualTo((404, "m2m_client_not_found")));
    }

    [Test]
    public async Task Token_DuringRotation_TakesBothSecrets()
    {
        var created = await CreateClientAsync("a");
        var started = await RotateAsync(Str(created["client_id"]), "rotate/start");
        var next = Str(started.Json["m2m_client"]!["next_client_secret"]);

        var withOld = await TokenAsync(created);
        var withNext = await TokenAsync(created, secret: next);

        Assert.That((withOld.Status, withNext.Status), Is.EqualTo((200, 200)), withOld.Text + withNext.Text);
    }

    [Test]
    public async Task Rotate_Completed_NextSecretWorksAndTheOldOneNoLonger()
    {
        var created = await CreateClientAsync("a");
        var id = Str(created["client_id"]);
        var next = Str((await RotateAsync(id, "rotate/start")).Json["m2m_client"]!["next_client_secret"]);

        var rotated = await RotateAsync(id, "rotate");
        var withOld = await TokenAsync(created);
        var withNext = await TokenAsync(created, secret: next);

        var client = rotated.Json["m2m_client"]!.AsObject();
        Assert.Multiple(() =>
        {
            Assert.That(rotated.Status, Is.EqualTo(200), rotated.Text);
            Assert.That(Str(client["client_secret_last_four"]), Is.EqualTo(next[^4..]));
            Assert.That(client["next_client_secret_last_four"], Is.Null);
            Assert.That((withOld.Status, withOld["error"]), Is.EqualTo((400, "invalid_client")));
            Assert.That(withNext.Status, Is.EqualTo(200), withNext.Text);
        });
    }

    [Test]
    public async Task RotateCancel_NextSecretNoLongerWorksAndTheOldOneDoes()
    {
        var created = await CreateClientAsync("a");
        var id = Str(created["client_id"]);
        var next = Str((await RotateAsync(id, "rotate/start")).Json["m2m_client"]!["next_client_secret"]);

        var cancelled = await RotateAsync(id, "rotate/cancel");
        var withOld = await TokenAsync(created);
        var withNext = await TokenAsync(created, secret: next);

        Assert.Multiple(() =>
        {
            Assert.That(cancelled.Status, Is.EqualTo(200), cancelled.Text);
            Assert.That(cancelled.Json["m2m_client"]!["next_client_secret_last_four"], Is.Null);
            Assert.That(withOld.Status, Is.EqualTo(200), withOld.Text);
            Assert.That((withNext.Status, withNext["error"]), Is.EqualTo((400, "invalid_client")));
        });
    }
}
