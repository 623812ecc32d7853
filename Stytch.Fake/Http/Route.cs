namespace Stytch.Fake.Http;

/// <summary>A path template such as <c>/v1/users/{user_id}</c>, matched segment by segment.</summary>
internal sealed class Route
{
    private readonly string[] _segments;

    public Route(string template)
    {
        Template = template;
        _segments = template.Split('/');
    }

    public string Template { get; }

    public bool Matches(string path) => TryMatch(path, null);

    /// <summary>Matches <paramref name="path"/> and fills <paramref name="values"/> with its <c>{name}</c> parts.</summary>
    public bool TryMatch(string path, Dictionary<string, string>? values)
    {
        var parts = path.Split('/');
        if (parts.Length != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            var segment = _segments[i];
            if (segment.StartsWith('{'))
            {
                if (parts[i].Length == 0)
                {
                    return false;
                }

                // WireMock hands over the path already percent-decoded; decoding again would let
                // "%2541" name "A" and reach a record the caller did not ask for.
                values?.Add(segment[1..^1], parts[i]);
            }
            else if (!string.Equals(segment, parts[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }
}
