namespace Stytch.Fake.Http;

/// <summary>A path template such as <c>/v1/users/{user_id}</c>, matched segment by segment.</summary>
internal sealed class Route
{
    private readonly string[] _segments;

    public Route(string template)
    {
        Template = template;
        _segments = template.Split('/');
        IsLiteral = !template.Contains('{', StringComparison.Ordinal);
    }

    public string Template { get; }

    /// <summary>True when the template has no <c>{name}</c> part, so it matches exactly one path.</summary>
    public bool IsLiteral { get; }

    /// <summary>How many <c>/</c>-separated parts the template (and so any path it matches) has.</summary>
    public int SegmentCount => _segments.Length;

    /// <summary>
    /// Orders templates of equal length most specific first: at the first segment where they differ in kind, the
    /// literal one comes first, so <c>/v1/users/search</c> is tried before <c>/v1/users/{user_id}</c>.
    /// </summary>
    public static int CompareSpecificity(Route a, Route b)
    {
        for (var i = 0; i < Math.Min(a._segments.Length, b._segments.Length); i++)
        {
            var aParameter = a._segments[i].StartsWith('{');
            var bParameter = b._segments[i].StartsWith('{');
            if (aParameter != bParameter)
            {
                return aParameter ? 1 : -1;
            }
        }

        return 0;
    }

    /// <summary>Matches a path already split on <c>/</c>; fills <paramref name="values"/> only on a match.</summary>
    public bool TryMatch(string[] parts, Dictionary<string, string>? values)
    {
        if (parts.Length != _segments.Length)
        {
            return false;
        }

        for (var i = 0; i < parts.Length; i++)
        {
            var segment = _segments[i];
            if (segment.StartsWith('{') ? parts[i].Length == 0 : !string.Equals(segment, parts[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        if (values is not null)
        {
            for (var i = 0; i < parts.Length; i++)
            {
                // The path comes decoded once (RequestPath); decoding again would let "%2541" name "A"
                // and reach a record the caller did not ask for.
                if (_segments[i].StartsWith('{'))
                {
                    values.Add(_segments[i][1..^1], parts[i]);
                }
            }
        }

        return true;
    }
}
