namespace Stytch.Fake.Http;

/// <summary>One Stytch operation and the fake's endpoint for it: its fault-target name, or null when not implemented.</summary>
internal sealed record CoverageEntry(string Method, string Path, string Tag, string? Endpoint)
{
    public bool Implemented => Endpoint is not null;

    /// <summary>The product, by path prefix: <c>/v1/otps</c>, <c>/v1/b2b/organizations</c>.</summary>
    public string Product => Coverage.Product(Path);
}

/// <summary>
/// Which of Stytch's operations the fake implements, sorted by path then method: what <c>GET /_fake/v1/endpoints</c>
/// answers and what the README's coverage table shows.
/// </summary>
internal static class Coverage
{
    public static IReadOnlyList<CoverageEntry> All { get; } = Build();

    /// <summary><c>/v1/&lt;first segment&gt;</c>, or <c>/v1/b2b/&lt;second segment&gt;</c> for B2B paths.</summary>
    public static string Product(string path)
    {
        var parts = path.Split('/');
        return parts.Length > 3 && parts[2] == "b2b" ? $"/v1/b2b/{parts[3]}" : $"/{parts[1]}/{parts[2]}";
    }

    private static CoverageEntry[] Build()
    {
        var names = ProductCatalog.StytchEndpoints
            .ToDictionary(e => (e.Method, e.Route.Template), e => e.Name);
        return StytchOperations.All
            .Select(o => new CoverageEntry(o.Method, o.Path, o.Tag, names.GetValueOrDefault((o.Method, o.Path))))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToArray();
    }
}
