using NUnit.Framework.Interfaces;
using Stytch.Fake.NUnit;

namespace Stytch.Fake.Tests.NUnitSupport;

// The two tests run in order inside one fixture (its tests never run at once): the second sees none of the first's state.
public sealed class StytchFakeTestTests : StytchFakeTest
{
    [Test, Order(1)]
    public async Task First_SendsACode_OutboxHoldsIt()
    {
        using var http = Stytch.CreateClient();
        using var response = await http.PostAsync("v1/otps/email/login_or_create",
            new StringContent("""{"email":"first@example.com"}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.That(Stytch.Outbox.All, Has.Count.EqualTo(1));
    }

    [Test, Order(2)]
    public void Second_AfterReset_OutboxAndUsersAreEmpty()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Stytch.Outbox.All, Is.Empty);
            Assert.That(Stytch.DefaultProject.Users.All, Is.Empty);
        });
    }
}

public sealed class StytchFakeReporterTests
{
    [Test]
    public async Task WriteIfFailed_FailedTest_WritesOutboxAndRequests()
    {
        await using var stytch = await StytchFake.StartAsync();
        using var http = stytch.CreateClient();
        using var _ = await http.PostAsync("v1/otps/email/login_or_create",
            new StringContent("""{"email":"ada@example.com"}""", System.Text.Encoding.UTF8, "application/json"));
        using var __ = await http.PostAsync("v1/otps/email/send",
            new StringContent("""{"email":"nobody@example.com"}""", System.Text.Encoding.UTF8, "application/json"));
        using var output = new StringWriter();

        var written = StytchFakeReporter.WriteIfFailed(ResultState.Failure, stytch.DefaultProject, output);

        var code = stytch.Outbox.LatestFor("ada@example.com").Code;
        Assert.Multiple(() =>
        {
            Assert.That(written, Is.True);
            Assert.That(output.ToString(), Does.Contain("ada@example.com").And.Contain(code));
            Assert.That(output.ToString(), Does.Contain("POST   /v1/otps/email/send -> 404 email_not_found"));
        });
    }

    [Test]
    public async Task WriteIfFailed_PassedTest_WritesNothing()
    {
        await using var stytch = await StytchFake.StartAsync();
        using var output = new StringWriter();

        var written = StytchFakeReporter.WriteIfFailed(ResultState.Success, stytch.DefaultProject, output);

        Assert.Multiple(() =>
        {
            Assert.That(written, Is.False);
            Assert.That(output.ToString(), Is.Empty);
        });
    }
}
