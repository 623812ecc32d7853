using System.Security;
using System.Text.Json;
using System.Xml.Linq;
using Stytch.Fake.Tests.Readme;

namespace Stytch.Fake.Tests.Packaging;

/// <summary>
/// The libraries as a user gets them: Stytch.Fake and Stytch.Fake.NUnit packed from this build, and a new NUnit test
/// project that references only the packages (as <c>dotnet add package</c> would) and holds the README's quick start,
/// composable fixture and JWT examples, built with warnings as errors and run. Packed, built and run once for the fixture.
/// </summary>
[NonParallelizable]   // it builds a project of its own: let it have the machine's cores while it does
public sealed class ConsumerPackageTests
{
    private const string Project = "Consumer.Tests";
    private DirectoryInfo? _temp;
    private string _build = "";
    private string _test = "";

    [OneTimeSetUp]
    public async Task PackAndBuildAConsumerAsync()
    {
        // No budget for the whole setup: each dotnet command has its own hang guard (DotnetCli.HangAfter).
        var cancellation = CancellationToken.None;
        var root = RepoRoot.Find();
        _temp = Directory.CreateTempSubdirectory("stytch-fake-consumer-");
        var packages = Directory.CreateDirectory(Path.Combine(_temp.FullName, "packages")).FullName;
        var consumer = Directory.CreateDirectory(Path.Combine(_temp.FullName, "consumer")).FullName;

        // A version no earlier run can have left in a package cache, so the restore can only take this build's packages.
        // One prerelease identifier with a letter in it: twelve hex digits alone could be a number with a leading zero, which
        // SemVer (and so dotnet pack) refuses.
        var version = "0.1.0-consumer-" + Guid.NewGuid().ToString("N")[..12];
        var filter = Path.Combine(_temp.FullName, "libraries.slnf");
        await File.WriteAllTextAsync(filter, JsonSerializer.Serialize(new
        {
            solution = new
            {
                path = Path.Combine(root, "Stytch.Fake.sln"),
                projects = new[] { "Stytch.Fake/Stytch.Fake.csproj", "Stytch.Fake.NUnit/Stytch.Fake.NUnit.csproj" },
            },
        }), cancellation);
        // --no-build: pack what this test run already built, in the same configuration.
        await DotnetCli.RunAsync(null, cancellation, "pack", filter, "-c", DotnetCli.BuildConfiguration, "--no-build",
            "-o", packages, $"-p:PackageVersion={version}");

        await WriteConsumerAsync(root, packages, consumer, version, cancellation);
        _build = await DotnetCli.RunAsync(consumer, cancellation, "build", "--disable-build-servers");
        _test = await DotnetCli.RunAsync(consumer, cancellation, "test", "--no-build");
    }

    [OneTimeTearDown]
    public void RemoveTheScratchFolder() => _temp?.Delete(recursive: true);

    [Test]
    public void ConsumerProject_ReferencingThePackages_BuildsWithNoWarningAsErrors() =>
        Assert.Multiple(() =>
        {
            Assert.That(_build, Does.Contain(" 0 Warning(s)"));
            Assert.That(_build, Does.Contain(" 0 Error(s)"));
            Assert.That(_build, Does.Contain($"{Project} -> "));
        });

    [Test]
    public void ConsumerProject_ReadmeQuickStartFixtureAndJwtExamples_PassAgainstThePackagedFake() =>
        Assert.That(_test, Does.Contain("Passed!").And.Match(@"Passed:\s+3,"));

    /// <summary>
    /// The scratch project: outside the repository (its Directory.Build.props and central versions must not apply),
    /// fenced off from anything above it, restoring only from the packed folder and the packages this machine
    /// already holds, with the test framework versions this repository pins.
    /// </summary>
    private static async Task WriteConsumerAsync(string root, string packages, string consumer, string version, CancellationToken cancellation)
    {
        var parent = Path.GetDirectoryName(consumer)!;
        foreach (var fence in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
        {
            await File.WriteAllTextAsync(Path.Combine(parent, fence), "<Project />", cancellation);
        }

        var cache = DotnetCli.NuGetPackageRoot;
        await File.WriteAllTextAsync(Path.Combine(parent, "nuget.config"), $"""
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{Xml(packages)}" />
                <add key="machine" value="{Xml(cache)}" />
              </packageSources>
              <fallbackPackageFolders>
                <add key="machine" value="{Xml(cache)}" />
              </fallbackPackageFolders>
              <config>
                <add key="globalPackagesFolder" value="{Xml(Path.Combine(parent, "restored"))}" />
              </config>
            </configuration>
            """, cancellation);

        var pinned = XDocument.Load(Path.Combine(root, "Directory.Packages.props")).Descendants("PackageVersion")
            .ToDictionary(p => (string)p.Attribute("Include")!, p => (string)p.Attribute("Version")!, StringComparer.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(consumer, Project + ".csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>enable</ImplicitUsings>
                <IsPackable>false</IsPackable>
                <IsTestProject>true</IsTestProject>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <!-- NU1603: WireMock.Net.Minimal asks for Microsoft.IdentityModel.Protocols.OpenIdConnect >= 6.34.0, which
                     this machine's package source lacks, so restore takes a later version and warns. nuget.org has 6.34.0;
                     it is no fault of the packages under test. -->
                <NoWarn>$(NoWarn);NU1603</NoWarn>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="Stytch.Fake.NUnit" Version="{version}" />
                <PackageReference Include="Microsoft.NET.Test.Sdk" Version="{pinned["Microsoft.NET.Test.Sdk"]}" />
                <PackageReference Include="NUnit3TestAdapter" Version="{pinned["NUnit3TestAdapter"]}" />
                <PackageReference Include="NUnit.Analyzers" Version="{pinned["NUnit.Analyzers"]}" />
              </ItemGroup>
            </Project>
            """, cancellation);

        // The README's examples, exactly as a reader copies them.
        var readme = Path.Combine(root, "Stytch.Fake.Tests", "Readme");
        foreach (var (file, region) in new[] { ("LoginTests.cs", "quick-start"), ("FixtureTests.cs", "fixture"), ("SessionJwtClockTests.cs", "jwt-clock") })
        {
            var source = (await File.ReadAllTextAsync(Path.Combine(readme, file), cancellation)).Replace("\r\n", "\n", StringComparison.Ordinal);
            await File.WriteAllTextAsync(Path.Combine(consumer, file), ReadmeTests.Region(source, region) + "\n", cancellation);
        }
    }

    private static string Xml(string text) => SecurityElement.Escape(text) ?? text;
}
