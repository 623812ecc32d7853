namespace Stytch.Fake.Tests.Wire;

/// <summary>A project's credentials, once accepted, are remembered only as long as they stay right.</summary>
public sealed class CredentialCheckWireTests : FakeWireTest
{
    private const string Path = "v1/otps/email/login_or_create";

    [Test]
    public async Task RemovedProject_ItsAcceptedCredentials_AreRefused()
    {
        var project = Stytch.CreateProject();
        using var client = new WireClient(Stytch, project);
        var before = await client.PostAsync(Path, new { email = "ada@example.com" });

        Stytch.RemoveProject(project.ProjectId);
        var after = await client.PostAsync(Path, new { email = "ada@example.com" });

        Assert.That(before.Status, Is.EqualTo(200));
        Assert.That(after.Status, Is.EqualTo(401));
        Assert.That(after.ErrorType, Is.EqualTo("unauthorized_credentials"));
    }

    [Test]
    public async Task WrongSecret_AfterTheRightOneWasAccepted_IsRefused()
    {
        var accepted = await Client.PostAsync(Path, new { email = "ada@example.com" });
        using var wrong = new WireClient(Stytch.Url, Stytch.ProjectId, Stytch.Secret + "x");

        var refused = await wrong.PostAsync(Path, new { email = "ada@example.com" });

        Assert.That(accepted.Status, Is.EqualTo(200));
        Assert.That(refused.Status, Is.EqualTo(401));
        Assert.That(refused.ErrorType, Is.EqualTo("unauthorized_credentials"));
    }
}
