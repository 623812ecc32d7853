using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Stytch.Fake.Tests.Packaging;

/// <summary>Runs the <c>dotnet</c> CLI from a test, as a user would, on what this test run already built.</summary>
internal static class DotnetCli
{
    /// <summary>The configuration this test assembly was built in, so <c>dotnet pack --no-build</c> finds its outputs.</summary>
    public static string BuildConfiguration =>
        typeof(DotnetCli).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";

    /// <summary>
    /// The NuGet global packages folder the test project restored into (baked in at build time): every package
    /// a scratch project needs besides the ones under test is already there, so a restore from it needs no network.
    /// </summary>
    public static string NuGetPackageRoot =>
        typeof(DotnetCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(a => a.Key == "NuGetPackageRoot")?.Value is { Length: > 0 } root
            ? root
            : throw new InvalidOperationException("The test assembly carries no NuGetPackageRoot metadata (see Stytch.Fake.Tests.csproj).");

    /// <summary>…/dotnet/shared/Microsoft.NETCore.App/&lt;version&gt;/ → …/dotnet: where an installed tool's launcher finds the runtime.</summary>
    public static string DotnetRoot =>
        Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));

    /// <summary>
    /// How long one <c>dotnet</c> command may run before it is taken for a hang. A pack, restore, build or test run
    /// here takes well under a minute alone and a few on a machine busy with other builds; twenty is far past that.
    /// </summary>
    public static readonly TimeSpan HangAfter = TimeSpan.FromMinutes(20);

    /// <summary>Runs <c>dotnet <paramref name="args"/></c> and fails the test, with its output, when it exits non-zero or hangs.</summary>
    public static async Task<string> RunAsync(string? workingDirectory, CancellationToken cancellation, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        // Not the test host's own settings: a nested build or test run must behave as it would in a terminal.
        foreach (var name in info.Environment.Keys.Where(k => k.StartsWith("VSTEST_", StringComparison.OrdinalIgnoreCase)
            || k.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || k.StartsWith("TESTINGPLATFORM_", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            info.Environment.Remove(name);
        }

        // No MSBuild node or build server may outlive the test.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        var (exitCode, output, errors) = await ChildProcess.RunAsync(info, HangAfter, cancellation);
        if (exitCode != 0)
        {
            Assert.Fail($"dotnet {string.Join(' ', args)} exited {exitCode}:\n{output}{errors}");
        }

        return output + errors;
    }
}
