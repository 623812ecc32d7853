namespace Stytch.Fake.Tests.Readme;

public sealed class ReadmeTests
{
    [Test]
    public void QuickStart_InReadme_IsTheCompiledExample()
    {
        var root = RepoRoot.Find();
        var readme = File.ReadAllText(Path.Combine(root, "README.md"));
        var source = File.ReadAllText(Path.Combine(root, "Stytch.Fake.Tests", "Readme", "LoginTests.cs"));

        var example = Between(source, "// README:begin\n", "// README:end");

        Assert.That(Normalize(readme), Does.Contain(Normalize("```csharp\n" + example + "```")));
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

    private static string Between(string text, string start, string end)
    {
        text = text.Replace("\r\n", "\n", StringComparison.Ordinal);
        var from = text.IndexOf(start, StringComparison.Ordinal) + start.Length;
        return text[from..text.IndexOf(end, from, StringComparison.Ordinal)];
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
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
