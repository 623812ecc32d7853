namespace Stytch.Fake.Tests.Server;

/// <summary><c>--rbac-policy</c>: the standalone server loads the project's RBAC policy from a JSON file at start.</summary>
public sealed class ServerRbacPolicyTests
{
    [Test]
    public async Task Server_RbacPolicyFile_IsServedByGetPolicy()
    {
        var file = Path.Combine(Path.GetTempPath(), $"stytch-fake-policy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"resources":[{"resource_id":"documents","actions":["read"]}],"roles":[{"role_id":"reader","permissions":[{"resource_id":"documents","actions":["read"]}]}]}""");
        try
        {
            await using var server = await ServerProcess.StartAsync("--port", "0", "--rbac-policy", file);
            using var client = new Wire.WireClient(server.Url, server.ProjectId, server.Secret);

            var policy = (await client.GetAsync("/v1/b2b/rbac/policy")).Json["policy"]!;

            Assert.Multiple(() =>
            {
                Assert.That(server.Output, Does.Contain("loaded RBAC policy"));
                Assert.That(policy["roles"]!.AsArray().Select(r => r!["role_id"]!.GetValue<string>()), Has.Member("reader"));
            });
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Test]
    public async Task Server_BrokenRbacPolicyFile_ExitsNonZeroNamingTheFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"stytch-fake-policy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"roles":[{"role_id":"a","permissions":[{"resource_id":"nope","actions":["read"]}]}]}""");
        try
        {
            var (exitCode, _, stderr) = await ServerProcess.RunToExitAsync("--port", "0", "--rbac-policy", file);

            Assert.Multiple(() =>
            {
                Assert.That(exitCode, Is.EqualTo(1));
                Assert.That(stderr, Does.StartWith($"--rbac-policy {file}: "));
            });
        }
        finally
        {
            File.Delete(file);
        }
    }
}
