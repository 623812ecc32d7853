using System.Text.RegularExpressions;
using SharpYaml.Serialization;
using Stytch.Fake.Http;

namespace Stytch.Fake.Tests.Conformance;

/// <summary>
/// The list of Stytch's operations the library embeds (<c>fixtures/openapi/stytch-operations.tsv</c>) against the
/// whole spec, read here with a YAML parser, and the router against that list: every operation reaches the fake's
/// endpoint for it or the error that says it is not implemented.
/// </summary>
public sealed partial class OperationListTests
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options", "trace"];

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();

    /// <summary><c>shared/reference/stytch-openapi.yml</c> beside the repository or beside one of its parent folders.</summary>
    private static string SpecPath()
    {
        for (var dir = new DirectoryInfo(Readme.RepoRoot.Find()); dir?.Parent is { } parent; dir = parent)
        {
            var candidate = Path.Combine(parent.FullName, "shared", "reference", "stytch-openapi.yml");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        Assert.Fail("stytch-openapi.yml not found in any ../shared/reference/ above " + Readme.RepoRoot.Find());
        throw new InvalidOperationException();
    }

    private static YamlNode Child(YamlMappingNode node, string key) =>
        node.Children.Single(c => c.Key is YamlScalarNode { Value: { } name } && name == key).Value;

    private static IEnumerable<string> SpecOperations() => StytchOperations.All.Select(o => o.ToString());

    [Test]
    public void OperationList_Embedded_IsEveryOperationOfTheSpecWithItsTag()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(SpecPath()))
        {
            yaml.Load(reader);
        }

        var paths = (YamlMappingNode)Child((YamlMappingNode)yaml.Documents[0].RootNode, "paths");
        var spec = new List<string>();
        foreach (var (pathNode, itemNode) in paths.Children)
        {
            foreach (var (methodNode, operationNode) in ((YamlMappingNode)itemNode).Children)
            {
                var method = ((YamlScalarNode)methodNode).Value!;
                if (!Methods.Contains(method))
                {
                    continue;
                }

                var tags = (YamlSequenceNode)Child((YamlMappingNode)operationNode, "tags");
                Assert.That(tags.Children, Has.Count.EqualTo(1), $"{method} {pathNode}");
                spec.Add($"{method.ToUpperInvariant()}\t{((YamlScalarNode)pathNode).Value}\t{((YamlScalarNode)tags.Children[0]).Value}");
            }
        }

        var embedded = StytchOperations.All.Select(o => $"{o.Method}\t{o.Path}\t{o.Tag}");

        Assert.That(embedded, Is.EquivalentTo(spec), "regenerate it: python3 fixtures/openapi/operations.py");
        Assert.That(spec, Has.Count.EqualTo(184), "the spec in shared/reference has 184 operations");
    }

    [TestCaseSource(nameof(SpecOperations))]
    public void Router_SpecOperation_ReachesItsEndpointOrSaysItIsNotImplemented(string operation)
    {
        var router = new Router(ProductCatalog.Endpoints, StytchOperations.All);
        var entry = Coverage.All.Single(e => $"{e.Method} {e.Path}" == operation);
        var path = Parameter().Replace(entry.Path, "sample-1");

        if (entry.Implemented)
        {
            Assert.That(router.Find(entry.Method, path).Endpoint.Name, Is.EqualTo(entry.Endpoint));
        }
        else
        {
            var error = Assert.Throws<StytchException>(() => router.Find(entry.Method, path))!.Error;
            Assert.That(error.Message, Does.StartWith($"{operation} is a Stytch endpoint Stytch.Fake does not implement yet."));
            Assert.That((error.StatusCode, error.ErrorType), Is.EqualTo((404, "route_not_found")));
        }
    }

    [Test]
    public void Coverage_ImplementedOperations_AreExactlyTheFakesStytchEndpoints()
    {
        var implemented = Coverage.All.Where(e => e.Implemented).Select(e => e.Endpoint).ToList();

        Assert.That(implemented, Is.EquivalentTo(OpenApiSchemas.SpecEndpointNames));
        Assert.That(Coverage.All, Has.Count.EqualTo(StytchOperations.All.Count));
    }

    [TestCase("/v1/otps/email/login_or_create", "/v1/otps")]
    [TestCase("/v1/b2b/organizations/{organization_id}/members", "/v1/b2b/organizations")]
    [TestCase("/v1/sessions", "/v1/sessions")]
    [TestCase("/v1/b2b/totp", "/v1/b2b/totp")]
    public void Coverage_Product_IsThePathPrefix(string path, string product)
    {
        Assert.That(Coverage.Product(path), Is.EqualTo(product));
    }
}
