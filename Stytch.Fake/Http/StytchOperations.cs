namespace Stytch.Fake.Http;

/// <summary>One operation of Stytch's API: its method, path template and the spec's tag for it.</summary>
internal sealed record StytchOperation(string Method, string Path, string Tag)
{
    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// Every operation of Stytch's OpenAPI spec, from <c>fixtures/openapi/stytch-operations.tsv</c> (embedded; generated
/// from the spec by <c>fixtures/openapi/operations.py</c> beside it, and checked against the spec by a test), so the
/// library never parses the 2.5 MB spec itself.
/// </summary>
internal static class StytchOperations
{
    private const string Resource = "Stytch.Fake.StytchOperations.tsv";

    public static IReadOnlyList<StytchOperation> All { get; } = Load();

    private static StytchOperation[] Load()
    {
        using var stream = typeof(StytchOperations).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing.");
        using var reader = new StreamReader(stream);
        var operations = new List<StytchOperation>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split('\t');
            operations.Add(parts.Length == 3
                ? new StytchOperation(parts[0], parts[1], parts[2])
                : throw new InvalidOperationException($"{Resource}: malformed line '{line}'."));
        }

        return [.. operations];
    }
}
