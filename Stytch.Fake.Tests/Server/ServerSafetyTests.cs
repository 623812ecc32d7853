using System.Diagnostics;
using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.Server;

/// <summary>
/// The standalone server's snapshot file survives a crash mid-save and is readable by its owner only; its admin token
/// cannot be blank; its limit flags reach the server.
/// </summary>
// File modes are Unix permissions; the Windows build keeps the directory's ACLs.
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class ServerSafetyTests
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const string PauseLine = "snapshot save paused halfway";

    private string _directory = "";

    private string SnapshotPath => Path.Combine(_directory, "state.json");

    [SetUp]
    public void CreateDirectory() =>
        _directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"stytch-fake-{Guid.NewGuid():N}")).FullName;

    [TearDown]
    public void DeleteDirectory() => Directory.Delete(_directory, recursive: true);

    private static async Task<(int ExitCode, string Output)> RunToExitAsync(params string[] args)
    {
        var (exitCode, stdout, stderr) = await ServerProcess.RunToExitAsync(args);
        return (exitCode, stderr + stdout);
    }

    /// <summary>A server run that creates a user with <paramref name="email"/> and saves on SIGTERM.</summary>
    private async Task SaveWithUserAsync(string email)
    {
        await using var server = await ServerProcess.StartAsync("--port", "0", "--snapshot", SnapshotPath, "--save-snapshot");
        using var client = new WireClient(server.Url, server.ProjectId, server.Secret);
        var created = await client.PostAsync("/v1/otps/email/login_or_create", new { email });
        Assert.That(created.Status, Is.EqualTo(200), created.Text);
        await server.TerminateAsync();
        Assert.That(server.Output, Does.Contain("saved snapshot"));
    }

    /// <summary>Loads the snapshot, adds <paramref name="email"/>, and stops on SIGTERM with the save paused halfway.</summary>
    private async Task<ServerProcess> PausedMidSaveAsync(string email)
    {
        var info = ServerProcess.StartInfo("--port", "0", "--snapshot", SnapshotPath, "--save-snapshot");
        info.Environment["STYTCH_FAKE_TEST_PAUSE_SNAPSHOT_SAVE"] = "1";
        var server = await ServerProcess.StartAsync(info);
        using var client = new WireClient(server.Url, server.ProjectId, server.Secret);
        await client.PostAsync("/v1/otps/email/login_or_create", new { email });
        await server.SendSigtermAsync();
        await server.WaitForLineAsync(PauseLine);
        return server;
    }

    [Test]
    public async Task Server_KilledDuringSnapshotSave_PreviousSnapshotSurvivesAndLoads()
    {
        await SaveWithUserAsync("ada@example.com");
        var before = await File.ReadAllBytesAsync(SnapshotPath);
        await using (var paused = await PausedMidSaveAsync("bob@example.com"))
        {
            await paused.KillAsync();
        }

        await using var next = await ServerProcess.StartAsync("--port", "0", "--snapshot", SnapshotPath);
        using var client = new WireClient(next.Url, next.ProjectId, next.Secret);
        var ada = await client.PostAsync("/v1/otps/email/send", new { email = "ada@example.com" });
        var bob = await client.PostAsync("/v1/otps/email/send", new { email = "bob@example.com" });

        Assert.Multiple(async () =>
        {
            Assert.That(await File.ReadAllBytesAsync(SnapshotPath), Is.EqualTo(before));
            Assert.That(next.Output, Does.Contain("loaded snapshot"));
            Assert.That(ada.Status, Is.EqualTo(200), ada.Text);
            Assert.That(bob.ErrorType, Is.EqualTo("email_not_found"), "the killed save never replaced the file");
        });
    }

    [Test]
    public async Task Server_SnapshotSaveInProgress_WritesAnOwnerOnlyFileBesideTheSnapshot()
    {
        await SaveWithUserAsync("ada@example.com");
        await using var paused = await PausedMidSaveAsync("bob@example.com");

        var temp = Directory.GetFiles(_directory).Where(f => f != SnapshotPath).ToArray();

        Assert.That(temp, Has.Length.EqualTo(1), "one file being written, in the snapshot's directory");
        Assert.Multiple(() =>
        {
            Assert.That(Path.GetFileName(temp[0]), Does.StartWith(".state.json.").And.EndWith(".tmp"));
            Assert.That(File.GetUnixFileMode(temp[0]), Is.EqualTo(OwnerOnly), "owner-only from creation, not after writing");
            Assert.That(new FileInfo(temp[0]).Length, Is.GreaterThan(0));
        });
    }

    [Test]
    public async Task Server_SaveSnapshot_OverAWorldReadableFile_LeavesItOwnerOnly()
    {
        await SaveWithUserAsync("ada@example.com");
        File.SetUnixFileMode(SnapshotPath, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        await SaveWithUserAsync("bob@example.com");

        Assert.Multiple(() =>
        {
            Assert.That(File.GetUnixFileMode(SnapshotPath), Is.EqualTo(OwnerOnly));
            Assert.That(Directory.GetFiles(_directory), Is.EqualTo(new[] { SnapshotPath }), "no temp file left behind");
        });
    }

    [Test]
    public async Task Server_SaveSnapshot_NewFile_IsOwnerOnly()
    {
        await SaveWithUserAsync("ada@example.com");

        Assert.That(File.GetUnixFileMode(SnapshotPath), Is.EqualTo(OwnerOnly));
    }

    [Test]
    public async Task Server_SaveSnapshotIntoAMissingDirectory_ExitsNonZeroWithClearError()
    {
        var missing = Path.Combine(_directory, "missing", "state.json");
        await using var server = await ServerProcess.StartAsync("--port", "0", "--snapshot", missing, "--save-snapshot");

        await server.TerminateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(server.ExitCode, Is.EqualTo(1), server.Output);
            Assert.That(server.Output, Does.Contain("--save-snapshot " + missing));
        });
    }

    [TestCase("")]
    [TestCase("   ")]
    public async Task Server_EmptyOrBlankAdminToken_ExitsNonZeroWithClearError(string token)
    {
        var (exitCode, output) = await RunToExitAsync("--port", "0", "--admin-token", token);

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.EqualTo(0));
            Assert.That(output, Does.Contain("--admin-token is empty or blank"));
        });
    }

    [Test]
    public async Task Server_EmptyAdminTokenOnANonLoopbackHost_ExitsNonZeroWithClearError()
    {
        var (exitCode, output) = await RunToExitAsync("--port", "0", "--host", "0.0.0.0", "--admin-token", "");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.EqualTo(0));
            Assert.That(output, Does.Contain("--admin-token is empty or blank"));
        });
    }

    [TestCase("--max-projects")]
    [TestCase("--max-signing-keys")]
    [TestCase("--max-fault-rules")]
    public async Task Server_LimitFlagBelowOne_ExitsNonZeroWithClearError(string flag)
    {
        var (exitCode, output) = await RunToExitAsync("--port", "0", flag, "0");

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Not.EqualTo(0));
            Assert.That(output, Does.Contain($"{flag} must be at least 1."));
        });
    }

    [TestCase("--max-projects", "/_fake/v1/projects", "too_many_projects")]
    [TestCase("--max-signing-keys", "/_fake/v1/projects/{0}/keys/rotate", "too_many_signing_keys")]
    [TestCase("--max-fault-rules", "/_fake/v1/projects/{0}/faults", "too_many_fault_rules")]
    public async Task Server_LimitFlagOfOne_RefusesTheNextOneWithItsError(string flag, string path, string errorType)
    {
        await using var server = await ServerProcess.StartAsync("--port", "0", flag, "1");
        using var client = new WireClient(server.Url, server.ProjectId, server.Secret);
        var target = string.Format(System.Globalization.CultureInfo.InvariantCulture, path, server.ProjectId);
        object body = errorType == "too_many_fault_rules" ? new { endpoint = "*", latency_ms = 1 } : new { };
        if (errorType == "too_many_fault_rules")
        {
            await client.PostAsync(target, body);
        }

        var refused = await client.PostAsync(target, body);

        Assert.Multiple(() =>
        {
            Assert.That(refused.Status, Is.EqualTo(400), refused.Text);
            Assert.That(refused.ErrorType, Is.EqualTo(errorType));
            Assert.That(refused["error_message"], Does.Contain(flag));
        });
    }
}
