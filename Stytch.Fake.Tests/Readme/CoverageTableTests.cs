using System.Text;
using Stytch.Fake.Http;

namespace Stytch.Fake.Tests.Readme;

/// <summary>The README's coverage table is what the router serves of Stytch's spec, product by product.</summary>
// With STYTCH_FAKE_UPDATE_README=1 it rewrites README.md, which other fixtures read: alone, so none reads it half-written.
[NonParallelizable]
public sealed class CoverageTableTests
{
    private const string Begin = "<!-- coverage:begin -->";
    private const string End = "<!-- coverage:end -->";

    /// <summary>The table as it must read: one row per product (path prefix), its operations as <c>METHOD path</c>.</summary>
    internal static string Render()
    {
        var text = new StringBuilder();
        var implemented = Coverage.All.Count(e => e.Implemented);
        text.Append('\n');
        text.Append(System.Globalization.CultureInfo.InvariantCulture,
            $"The fake implements {implemented} of the {Coverage.All.Count} operations of Stytch's OpenAPI spec. ");
        text.Append("Each row is one product, by path prefix; `GET /_fake/v1/endpoints` answers the same lists as JSON.\n\n");
        text.Append("| product | implemented | not yet |\n|---|---|---|\n");
        foreach (var product in Coverage.All.GroupBy(e => e.Product).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            static string Cell(IEnumerable<CoverageEntry> entries)
            {
                var list = entries.Select(e => $"`{e.Method} {e.Path}`").ToList();
                return list.Count == 0 ? "—" : string.Join(", ", list);
            }

            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"| `{product.Key}` ({product.Count(e => e.Implemented)} of {product.Count()}) | {Cell(product.Where(e => e.Implemented))} | {Cell(product.Where(e => !e.Implemented))} |\n");
        }

        text.Append('\n');
        return text.ToString();
    }

    [Test]
    public void Readme_CoverageTable_MatchesTheRouterAndTheSpec()
    {
        var path = Path.Combine(RepoRoot.Find(), "README.md");
        var readme = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        var from = readme.IndexOf(Begin, StringComparison.Ordinal);
        var to = readme.IndexOf(End, StringComparison.Ordinal);
        Assert.That(from, Is.GreaterThan(0), $"README.md has no {Begin} … {End} section");
        Assert.That(to, Is.GreaterThan(from));
        var expected = Render();

        if (Environment.GetEnvironmentVariable("STYTCH_FAKE_UPDATE_README") == "1")
        {
            readme = readme[..(from + Begin.Length)] + expected + readme[to..];
            File.WriteAllText(path, readme);
            to = readme.IndexOf(End, StringComparison.Ordinal);
        }

        Assert.That(readme[(from + Begin.Length)..to], Is.EqualTo(expected),
            "README.md's coverage table is stale: run the tests with STYTCH_FAKE_UPDATE_README=1 to rewrite it");
    }
}
