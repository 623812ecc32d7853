using System.Diagnostics;
using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.Server;

public sealed class ServerCommandLineTests
{
    private const string FixedProjectId = "project-test-11111111-2222-4333-8444-555555555555";

    [Test]
    public async Task Server_PortZero_PrintsUrlAndCredentialsAndServesStytch()
    {
        await using var server = await ServerProcess.StartAsync("--port", "0");
        using var client = new WireClient(server.Url, server.ProjectId, server.Secret);

        var response = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.Multiple(() =>
        {
            Assert.That(server.Url.Host, Is.EqualTo("127.0.0.1"));
            Assert.That(server.ProjectId, Does.StartWith("project-test-"));
            Assert.That(server.Secret, Does.StartWith("secret-test-"));
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
        });
    }

    [Test]
    public async Task Server_FixedCredentials_AreUsed()
    {
        await using var server = await ServerProcess.StartAsync("--port", "0", "--project-id", FixedProjectId, "--secret", "s3cret");
        using var client = new WireClient(server.Url, FixedProjectId, "s3cret");

        var response = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.Multiple(() =>
        {
            Assert.That(server.ProjectId, Is.EqualTo(FixedProjectId));
            Assert.That(response.Status, Is.EqualTo(200), response.Text);
        });
    }

    [Test]
    public async Task Server_Strict_RefusesUnknownFieldsNamingThem()
    {
        await using var server = await ServerProcess.StartAsync("--port", "0", "--strict");
        using var client = new WireClient(server.Url, server.ProjectId, server.Secret);

        var refused = await client.PostRawAsync("/v1/otps/email/login_or_create", """{"email":"ada@example.com","nope":1}""");
        var known = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });

        Assert.Multiple(() =>
        {
            Assert.That(refused.Status, Is.EqualTo(400), refused.Text);
            Assert.That(refused["error_message"], Does.StartWith("Unknown field: nope."));
            Assert.That(known.Status, Is.EqualTo(200), known.Text);
            Assert.That(server.Output, Does.Contain("fields:     strict"));
        });
    }

    [Test]
    public async Task Server_WithoutStrict_IgnoresUnknownFields()
    {
        await using var server = await ServerProcess.StartAsync("--port", "0");
        using var client = new WireClient(server.Url, server.ProjectId, server.Secret);

        var response = await client.PostRawAsync("/v1/otps/email/login_or_create", """{"email":"ada@example.com","nope":1}""");

        Assert.That(response.Status, Is.EqualTo(200), response.Text);
        Assert.That(server.Output, Does.Not.Contain("fields:"));
    }

    [Test]
    public async Task Server_Sigterm_StopsCleanlyWithExitCodeZero()
    {
        await using var server = await ServerProcess.StartAsync("--port", "0");

        await server.TerminateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(server.ExitCode, Is.EqualTo(0), server.Output);
            Assert.That(server.Output, Does.Contain("Stytch.Fake stopped."));
        });
    }

    [TestCase("--port", "70000", "--port must be between 0 and 65535")]
    [TestCase("--project-id", "my-project", "is not a Stytch project id")]
    [TestCase("--host", "0.0.0.0", "pass --admin-token")]
    [TestCase("--allowed-host", "evil example", "is not a host name")]
    [TestCase("--allowed-origin", "https://app.example.com/login", "is not an origin")]
    public async Task Server_BadArgument_ExitsNonZeroWithClearError(string option, string value, string message)
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunToExitAsync(option, value);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.EqualTo(0));
            Assert.That(stderr + stdout, Does.Contain(message));
        });
    }
}

public sealed class ServerSnapshotTests
{
    [Test]
    public async Task Server_SaveSnapshotThenLoad_KeepsTheUsers()
    {
        var file = Path.Combine(Path.GetTempPath(), $"stytch-fake-{Guid.NewGuid():N}.json");
        try
        {
            await using (var first = await ServerProcess.StartAsync("--port", "0", "--snapshot", file, "--save-snapshot"))
            {
                using var client = new Wire.WireClient(first.Url, first.ProjectId, first.Secret);
                await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });
                await first.TerminateAsync();
            }

            await using var second = await ServerProcess.StartAsync("--port", "0", "--snapshot", file);
            using var secondClient = new Wire.WireClient(second.Url, second.ProjectId, second.Secret);
            var send = await secondClient.PostAsync("/v1/otps/email/send", new { email = "ada@example.com" });

            Assert.Multiple(() =>
            {
                Assert.That(File.Exists(file), Is.True);
                Assert.That(second.Output, Does.Contain("loaded snapshot"));
                Assert.That(send.Status, Is.EqualTo(200), send.Text);
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Server_SnapshotFileOfFourGigabytes_IsRefusedByItsSizeBeforeItIsRead()
    {
        // Sparse: it takes no disk space, and reading it would need more memory than a string can hold.
        var file = Path.Combine(Path.GetTempPath(), $"stytch-fake-{Guid.NewGuid():N}.json");
        await using (var stream = File.Create(file))
        {
            stream.SetLength(4L * 1024 * 1024 * 1024);
        }

        try
        {
            var (exitCode, stdout, stderr) = await ServerProcess.RunToExitAsync("--port", "0", "--snapshot", file);

            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(1));
                Assert.That(stderr, Is.EqualTo($"--snapshot {file}: The snapshot is larger than 64 MB. The file is 4,294,967,296 bytes.\n"));
                Assert.That(stdout, Does.Not.Contain("listening on"));
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Server_MalformedSnapshot_ExitsNonZeroWithClearError()
    {
        var file = Path.Combine(Path.GetTempPath(), $"stytch-fake-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, "{ nope");
        try
        {
            var (exitCode, stdout, stderr) = await ServerProcess.RunToExitAsync("--port", "0", "--snapshot", file);

            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(1));
                Assert.That(stderr + stdout, Does.Contain("--snapshot").And.Contain("not valid JSON"));
            });
        }
        finally
        {
            File.Delete(file);
        }
    }
}
