using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using Stytch.Fake.Tests.Readme;
using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.Server;

// The server as users get it: packed as a .NET tool, installed with `dotnet tool install`, run as `stytch-fake`.
public sealed class ToolPackageTests
{
    private const string PackageId = "Stytch.Fake.Server";

    [Test, CancelAfter(180_000)]
    public async Task Tool_PackedAndInstalled_ServesStytchAndStopsOnSigterm(CancellationToken cancellation)
    {
        var temp = Directory.CreateTempSubdirectory("stytch-fake-tool-");
        try
        {
            var packages = Path.Combine(temp.FullName, "packages");
            var tools = Path.Combine(temp.FullName, "tools");
            // Only the local folder as a source: the tool package carries its dependencies, and nothing else can answer for its id.
            var config = Path.Combine(temp.FullName, "nuget.config");
            await File.WriteAllTextAsync(config,
                "<configuration><packageSources><clear /></packageSources></configuration>", cancellation);
            var project = Path.Combine(RepoRoot.Find(), "Stytch.Fake.Server", "Stytch.Fake.Server.csproj");

            // --no-build: pack what this test run already built, in the same configuration.
            await DotnetAsync(cancellation, "pack", project, "-c", BuildConfiguration, "--no-build", "-o", packages);
            var version = Path.GetFileNameWithoutExtension(Directory.GetFiles(packages, $"{PackageId}.*.nupkg").Single())[(PackageId.Length + 1)..];
            await DotnetAsync(cancellation, "tool", "install", "--tool-path", tools, "--configfile", config,
                "--add-source", packages, "--version", version, PackageId);

            var run = new ProcessStartInfo(Path.Combine(tools, "stytch-fake"))
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            run.ArgumentList.Add("--port");
            run.ArgumentList.Add("0");
            run.Environment["DOTNET_ROOT"] = DotnetRoot();
            await using var server = await ServerProcess.StartAsync(run);
            using var client = new WireClient(server.Url, server.ProjectId, server.Secret);
            var health = await client.GetAsync("/_fake/v1/health");
            var sent = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });
            await server.TerminateAsync();

            Assert.Multiple(() =>
            {
                Assert.That(File.Exists(Path.Combine(tools, "stytch-fake")), Is.True);
                Assert.That(health.Status, Is.EqualTo(200), health.Text);
                Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
                Assert.That(server.ExitCode, Is.EqualTo(0), server.Output);
                Assert.That(server.Output, Does.Contain("Stytch.Fake stopped."));
            });
        }
        finally
        {
            temp.Delete(recursive: true);
        }
    }

    private static string BuildConfiguration =>
        typeof(ToolPackageTests).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    // …/dotnet/shared/Microsoft.NETCore.App/<version>/ → …/dotnet: where the tool's launcher finds the runtime.
    private static string DotnetRoot() =>
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    private static async Task DotnetAsync(CancellationToken cancellation, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellation);
        var stderr = process.StandardError.ReadToEndAsync(cancellation);
        await process.WaitForExitAsync(cancellation);
        if (process.ExitCode != 0)
        {
            Assert.Fail($"dotnet {string.Join(' ', args)} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        }
    }
}
