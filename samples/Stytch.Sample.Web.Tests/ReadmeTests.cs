namespace Stytch.Sample.Web.Tests;

public sealed class ReadmeTests
{
    [TestCase("SampleAppTest.cs", "suite-setup")]
    [TestCase("SignInTests.cs", "suite-test")]
    [TestCase("SessionTests.cs", "suite-refresh")]
    public void Readme_CompleteConsumerSuite_ShowsTheCompiledCode(string file, string region)
    {
        var root = RepoRoot();
        var readme = Normalize(File.ReadAllText(Path.Combine(root, "README.md")));
        var source = Normalize(File.ReadAllText(Path.Combine(root, "samples", "Stytch.Sample.Web.Tests", file)));

        var begin = $"// README:{region}:begin\n";
        var from = source.IndexOf(begin, StringComparison.Ordinal) + begin.Length;
        var to = source.IndexOf($"// README:{region}:end", from, StringComparison.Ordinal);
        Assert.That(from >= begin.Length && to > from, $"{file} has no README:{region} markers");
        var example = Dedent(source[from..to].TrimEnd(' ')).TrimEnd('\n');

        Assert.That(readme, Does.Contain(example));
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Dedent(string text)
    {
        var lines = text.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart(' ').Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart(' ')));
    }

    private static string RepoRoot()
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
