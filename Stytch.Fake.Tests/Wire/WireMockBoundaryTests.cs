using System.Text.RegularExpressions;

namespace Stytch.Fake.Tests.Wire;

/// <summary>
/// WireMock.Net stays behind one adapter: the pipeline, the guard, the router and every endpoint read the fake's own
/// request type, so only the adapter and the public entry point (which hands out the server) name WireMock's types.
/// </summary>
public sealed partial class WireMockBoundaryTests
{
    private static readonly string[] Allowed = ["StytchFake.cs", "Http/WireMockAdapter.cs"];

    [Test]
    public void LibrarySources_NamingWireMock_AreOnlyTheAdapterAndTheEntryPoint()
    {
        var library = Path.Combine(WireShapes.RepoRoot()?.FullName ?? throw new InvalidOperationException("The repository sources are not next to the test binaries."), "Stytch.Fake");
        var naming = Directory.EnumerateFiles(library, "*.cs", SearchOption.AllDirectories)
            .Select(file => Path.GetRelativePath(library, file).Replace('\\', '/'))
            .Where(file => !file.StartsWith("obj/", StringComparison.Ordinal) && !file.StartsWith("bin/", StringComparison.Ordinal))
            .Where(file => File.ReadLines(Path.Combine(library, file)).Any(line => !line.TrimStart().StartsWith("//", StringComparison.Ordinal) && WireMockName().IsMatch(line)))
            .ToList();

        Assert.That(naming, Is.EquivalentTo(Allowed));
    }

    [Test]
    public void WireMockName_UsingOrQualifiedName_IsDetected()
    {
        // The check itself must catch what it looks for, and let the fake's own names through.
        Assert.That(WireMockName().IsMatch("using WireMock.Server;"), Is.True);
        Assert.That(WireMockName().IsMatch("    IReadOnlyList<WireMock.IRequestMessage> seen;"), Is.True);
        Assert.That(WireMockName().IsMatch("    WireMockAdapter.MapPipeline(pipeline, server, hosts);"), Is.False);
    }

    // A using directive for a WireMock namespace, or a name qualified by one.
    [GeneratedRegex(@"\busing\s+WireMock\b|\bWireMock\.\w")]
    private static partial Regex WireMockName();
}
