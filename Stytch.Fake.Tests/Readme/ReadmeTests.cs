namespace Stytch.Fake.Tests.Readme;

/// <summary>
/// The README's code is compiled code: each block named here is cut from a source file between
/// <c>// README:&lt;region&gt;:begin</c> and <c>// README:&lt;region&gt;:end</c> markers. A region may come in several
/// parts (the file's using lines, then a method's body); the block is the parts in order, each dedented.
/// </summary>
public sealed class ReadmeTests
{
    [TestCase("Stytch.Fake.Tests/Readme/LoginTests.cs", "quick-start", "csharp")]
    [TestCase("Stytch.Fake.Tests/Readme/FixtureTests.cs", "fixture", "csharp")]
    [TestCase("samples/Stytch.Sample.Web.Tests/SampleAppTest.cs", "suite-setup", "csharp", false)]
    [TestCase("samples/Stytch.Sample.Web.Tests/SignInTests.cs", "suite-test", "csharp")]
    [TestCase("samples/Stytch.Sample.Web.Tests/SessionTests.cs", "suite-refresh", "csharp")]
    [TestCase("samples/Stytch.Sample.Web.Tests/MagicLinkTests.cs", "suite-magic-link", "csharp")]
    [TestCase("samples/Stytch.Sample.Web.Tests/PasswordTests.cs", "suite-password", "csharp")]
    [TestCase("Stytch.Fake.Tests/Readme/EmbeddingTests.cs", "embedding", "csharp")]
    [TestCase("Stytch.Fake.Tests/Readme/EmbeddingTests.cs", "shared-wiremock", "csharp")]
    [TestCase("Stytch.Fake.Tests/Readme/EmbeddingTests.cs", "reset-mappings", "csharp")]
    [TestCase("Stytch.Fake.Tests/Readme/SessionJwtClockTests.cs", "jwt-clock", "csharp")]
    [TestCase("Stytch.Fake.Tests/NodeSdk/consumer.mjs", "node-clock", "js")]
    [TestCase("Stytch.Fake.Tests/Readme/B2BMagicLinkTests.cs", "b2b-magic-link", "csharp")]
    [TestCase("Stytch.Fake.Tests/Readme/RbacPolicyTests.cs", "rbac", "csharp")]
    [TestCase("Stytch.Fake.Tests/Readme/MfaTests.cs", "mfa", "csharp")]
    [TestCase("Stytch.Fake.Tests/Readme/DiscoveryTests.cs", "discovery", "csharp")]
    [TestCase("Stytch.Fake.Tests/Readme/SmsLoginTests.cs", "sms-login", "csharp")]
    [TestCase("Stytch.Fake.Tests/FrontendSdk/FrontendSdkBrowserTests.cs", "browser-playwright", "csharp")]
    public void Readme_CodeBlock_IsTheCompiledCode(string file, string region, string language, bool wholeBlock = true)
    {
        var readme = Normalize(File.ReadAllText(Path.Combine(RepoRoot.Find(), "README.md")));
        var code = Region(Normalize(File.ReadAllText(Path.Combine(RepoRoot.Find(), file))), region);

        // The block starts with the region (so its using lines come first); whole blocks also end with it.
        Assert.That(readme, Does.Contain($"```{language}\n{code}\n" + (wholeBlock ? "```\n" : "")));
    }

    [Test]
    public void Readme_StartsWithTheTwoCommands()
    {
        var readme = File.ReadAllText(Path.Combine(RepoRoot.Find(), "README.md"));
        var run = readme.IndexOf("dotnet run --project Stytch.Fake.Server", StringComparison.Ordinal);
        var test = readme.IndexOf("dotnet test Stytch.Fake.sln", StringComparison.Ordinal);
        var example = readme.IndexOf("```csharp", StringComparison.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(run, Is.GreaterThan(0));
            Assert.That(test, Is.GreaterThan(0));
            Assert.That(run, Is.LessThan(example));
            Assert.That(test, Is.LessThan(example));
        });
    }

    /// <summary>The parts of <paramref name="region"/> in <paramref name="source"/>, each dedented, joined, without blank ends.</summary>
    internal static string Region(string source, string region)
    {
        var lines = source.Split('\n');
        var parts = new List<List<string>>();
        List<string>? part = null;
        foreach (var line in lines)
        {
            var marker = line.Trim();
            if (marker == $"// README:{region}:begin")
            {
                Assert.That(part, Is.Null, $"README:{region} begins twice without an end");
                part = [];
            }
            else if (marker == $"// README:{region}:end")
            {
                Assert.That(part, Is.Not.Null, $"README:{region} ends without a begin");
                parts.Add(part!);
                part = null;
            }
            else if (part is not null && !IsMarker(marker))   // another region's marker inside this one is not code
            {
                part.Add(line.TrimEnd());
            }
        }

        Assert.That(parts, Is.Not.Empty, $"no README:{region} markers");
        Assert.That(part, Is.Null, $"README:{region} does not end");
        return string.Join('\n', parts.SelectMany(Dedent)).Trim('\n');
    }

    private static bool IsMarker(string line) =>
        line.StartsWith("// README:", StringComparison.Ordinal)
        && (line.EndsWith(":begin", StringComparison.Ordinal) || line.EndsWith(":end", StringComparison.Ordinal));

    private static IEnumerable<string> Dedent(List<string> lines)
    {
        var indent = lines.Where(l => l.Length > 0).Select(l => l.Length - l.TrimStart(' ').Length).DefaultIfEmpty(0).Min();
        return lines.Select(l => l.Length >= indent ? l[indent..] : "");
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);
}

/// <summary>Finds the repository root (the folder holding Stytch.Fake.sln) from the test output folder.</summary>
internal static class RepoRoot
{
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Stytch.Fake.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Stytch.Fake.sln not found above " + AppContext.BaseDirectory);
    }
}
