using System.Diagnostics;
using System.Xml.Linq;
using Stytch.Fake.Tests.Packaging;
using Stytch.Fake.Tests.Readme;
using Stytch.Fake.Tests.Wire;

namespace Stytch.Fake.Tests.Server;

// The server as users get it: packed as a .NET tool, installed with `dotnet tool install`, run as `stytch-fake`.
// Packed and installed once for the fixture.
public sealed class ToolPackageTests
{
    private const string PackageId = "Stytch.Fake.Server";
    private DirectoryInfo? _temp;
    private string _tool = "";

    [OneTimeSetUp]
    public async Task PackAndInstallAsync()
    {
        // No budget for the whole setup: each dotnet command has its own hang guard (DotnetCli.HangAfter).
        var cancellation = CancellationToken.None;
        _temp = Directory.CreateTempSubdirectory("stytch-fake-tool-");
        var packages = Path.Combine(_temp.FullName, "packages");
        var tools = Path.Combine(_temp.FullName, "tools");
        // Only the local folder as a source: the tool package carries its dependencies, and nothing else can answer for its id.
        var config = Path.Combine(_temp.FullName, "nuget.config");
        await File.WriteAllTextAsync(config,
            "<configuration><packageSources><clear /></packageSources></configuration>", cancellation);
        var project = Path.Combine(RepoRoot.Find(), "Stytch.Fake.Server", "Stytch.Fake.Server.csproj");

        // --no-build: pack what this test run already built, in the same configuration.
        await DotnetCli.RunAsync(null, cancellation, "pack", project, "-c", DotnetCli.BuildConfiguration, "--no-build", "-o", packages);
        var version = Path.GetFileNameWithoutExtension(Directory.GetFiles(packages, $"{PackageId}.*.nupkg").Single())[(PackageId.Length + 1)..];
        await DotnetCli.RunAsync(null, cancellation, "tool", "install", "--tool-path", tools, "--configfile", config,
            "--add-source", packages, "--version", version, PackageId);
        _tool = Path.Combine(tools, ToolCommandName());
    }

    [OneTimeTearDown]
    public void RemoveTheTool() => _temp?.Delete(recursive: true);

    [Test]
    public async Task Tool_PackedAndInstalled_ServesStytchAndStopsOnSigterm()
    {
        var run = ToolStartInfo("--port", "0");
        await using var server = await ServerProcess.StartAsync(run);
        using var client = new WireClient(server.Url, server.ProjectId, server.Secret);
        var health = await client.GetAsync("/_fake/v1/health");
        var sent = await client.PostAsync("/v1/otps/email/login_or_create", new { email = "ada@example.com" });
        await server.TerminateAsync();

        Assert.Multiple(() =>
        {
            Assert.That(File.Exists(_tool), Is.True);
            Assert.That(health.Status, Is.EqualTo(200), health.Text);
            Assert.That(sent.Status, Is.EqualTo(200), sent.Text);
            Assert.That(server.ExitCode, Is.EqualTo(0), server.Output);
            Assert.That(server.Output, Does.Contain("Stytch.Fake stopped."));
        });
    }

    [Test]
    public async Task Tool_Help_NamesTheCommandStytchFake()
    {
        // Printing help takes a second; minutes mean the tool hangs.
        var (exitCode, help, errors) = await ChildProcess.RunAsync(ToolStartInfo("--help"), TimeSpan.FromMinutes(5));

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.EqualTo(0), errors);
            Assert.That(help, Does.Contain("Usage:\n  stytch-fake [options]"));
            Assert.That(help, Does.Not.Contain("Stytch.Fake.Server [options]"));
        });
    }

    [Test]
    public void Readme_InstallSection_NamesThePackagesAndTheToolsCommand()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot.Find(), "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);
        var added = System.Text.RegularExpressions.Regex.Matches(readme, @"dotnet add package (\S+)").Select(m => m.Groups[1].Value);

        Assert.Multiple(() =>
        {
            Assert.That(ToolCommandName(), Is.EqualTo("stytch-fake"));
            Assert.That(Property("Stytch.Fake.Server", "PackageId"), Is.EqualTo(PackageId));
            Assert.That(readme, Does.Contain($"dotnet tool install --global {PackageId}"));
            Assert.That(added, Is.EquivalentTo(new[] { Property("Stytch.Fake", "PackageId"), Property("Stytch.Fake.NUnit", "PackageId") }));
            Assert.That(readme, Does.Contain($"\n{ToolCommandName()} --help\n"));
        });
    }

    private static string ToolCommandName() => Property("Stytch.Fake.Server", "ToolCommandName");

    private static string Property(string project, string name) =>
        XDocument.Load(Path.Combine(RepoRoot.Find(), project, project + ".csproj")).Descendants(name).Single().Value;

    private ProcessStartInfo ToolStartInfo(params string[] args)
    {
        var info = new ProcessStartInfo(_tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        info.Environment["DOTNET_ROOT"] = DotnetCli.DotnetRoot;
        return info;
    }
}
