using System.Reflection;
using System.Text.RegularExpressions;
using Stytch.Fake.Http;
using Stytch.Fake.Products.Admin.Wire;
using Stytch.Fake.Tests.Packaging;
using Stytch.Fake.Tests.Server;

namespace Stytch.Fake.Tests.Readme;

/// <summary>
/// The README's reference tables list exactly what the code has: every back door the router serves, every option of
/// <c>stytch-fake --help</c>, every property of the options records. Each table's first cell names the thing in
/// backticks.
/// </summary>
public sealed partial class ReadmeTableTests
{
    private static readonly string Readme =
        File.ReadAllText(Path.Combine(RepoRoot.Find(), "README.md")).Replace("\r\n", "\n", StringComparison.Ordinal);

    [Test]
    public void Readme_BackDoorTable_ListsEveryBackDoorOnce()
    {
        // A call is `GET /path` or `GET`/`POST /path`, with {id} for the project id.
        var listed = FirstCells("## Back doors (`/_fake/v1/`)")
            .SelectMany(cell => Calls().Matches(cell)
                .SelectMany(m => m.Groups["methods"].Captures.Select(c => $"{c.Value} {m.Groups["path"].Value}")))
            .ToList();
        var served = ProductCatalog.BackDoors
            .Select(e => $"{e.Method} {e.Route.Template.Replace("{project_id}", "{id}", StringComparison.Ordinal)}")
            .ToList();

        Assert.Multiple(() =>
        {
            Assert.That(listed, Is.Unique, "a back door is listed twice");
            Assert.That(listed, Is.EquivalentTo(served));
        });
    }

    [Test]
    public async Task Readme_ServerOptionTable_DocumentsEveryOptionOfHelp()
    {
        var (exitCode, help, errors) = await ChildProcess.RunAsync(ServerProcess.StartInfo("--help"), TimeSpan.FromMinutes(5));
        var options = help[help.IndexOf("Options:", StringComparison.Ordinal)..].Split('\n')
            .Select(l => l.Trim()).Where(l => l.StartsWith('-'))
            .SelectMany(l => l.Split("  ")[0].Split(", ").Select(o => o.Split(' ')[0]))
            .ToList();
        var documented = FirstCells("| option | meaning | default |").SelectMany(c => Flags().Matches(c).Select(m => m.Groups[1].Value)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(exitCode, Is.Zero, errors);
            Assert.That(options, Has.Count.GreaterThan(10), help);
            Assert.That(documented, Is.EquivalentTo(options));
        });
    }

    [TestCase(typeof(StytchFakeOptions), "| `StytchFakeOptions` | meaning | default |")]
    [TestCase(typeof(StytchProjectOptions), "| `StytchProjectOptions` (also for `stytch.CreateProject(options)`) | meaning | default |")]
    public void Readme_OptionsTable_DocumentsEveryPublicProperty(Type options, string header)
    {
        var properties = options.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => p.Name);
        var documented = FirstCells(header).Select(c => c.Trim().Trim('`'));

        Assert.That(documented, Is.EquivalentTo(properties));
    }

    /// <summary>The first cell of each body row of the table that starts at <paramref name="header"/> (or just after it).</summary>
    private static List<string> FirstCells(string header)
    {
        var at = Readme.IndexOf(header, StringComparison.Ordinal);
        Assert.That(at, Is.GreaterThanOrEqualTo(0), $"the README has no '{header}'");
        var rows = Readme[at..].Split('\n').SkipWhile(l => !l.StartsWith('|')).TakeWhile(l => l.StartsWith('|')).Skip(2).ToList();
        Assert.That(rows, Is.Not.Empty, $"no table at '{header}'");
        return rows.Select(r => r.Split('|')[1]).ToList();
    }

    // The methods, each in backticks but the last, which shares the path's.
    [GeneratedRegex(@"(?:`(?<methods>[A-Z]+)`/)*`(?<methods>[A-Z]+) (?<path>/_fake/[^`\s]*)`")]
    private static partial Regex Calls();

    [GeneratedRegex(@"`(-{1,2}[a-z?][a-z-]*)")]
    private static partial Regex Flags();
}
