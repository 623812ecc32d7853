namespace Stytch.Fake.Core;

/// <summary>
/// The redirect URLs a project allows, per <see cref="RedirectUrlType"/>. Links are built on the URL a request names,
/// if the project allows it, or on the type's default (stytch.com/docs/api-reference/consumer/api/resources/url-validation:
/// an exact match, subdirectories and query parameters included). Only touch under the store's lock.
/// </summary>
internal sealed class RedirectUrls
{
    /// <summary>The URL a fresh project allows, as the default of every type, so links work with no set-up.</summary>
    public const string FreshProjectDefault = "http://localhost:3000/authenticate";

    private readonly IReadOnlyList<RedirectUrl> _baseline;
    private List<RedirectUrl> _urls;

    /// <param name="baseline">What the project starts with and goes back to on reset; null for <see cref="FreshProjectDefault"/> of every type.</param>
    public RedirectUrls(IReadOnlyList<RedirectUrl>? baseline = null)
    {
        _baseline = baseline is null ? FreshProject() : Checked(baseline);
        _urls = [.. _baseline];
    }

    /// <summary>Every URL the project allows, in the order they were set.</summary>
    public IReadOnlyList<RedirectUrl> All => [.. _urls];

    /// <summary>The URLs a fresh project allows: <see cref="FreshProjectDefault"/> as every type's default.</summary>
    public static IReadOnlyList<RedirectUrl> FreshProject() =>
        [.. Enum.GetValues<RedirectUrlType>().Select(t => new RedirectUrl(FreshProjectDefault, t, IsDefault: true))];

    /// <summary>Replaces the whole list, after checking it.</summary>
    /// <exception cref="StytchException">A URL is malformed, repeated for its type, or a type has two defaults (<c>bad_request</c>).</exception>
    public void Set(IReadOnlyList<RedirectUrl> urls) => _urls = [.. Checked(urls)];

    /// <summary>
    /// Adds <paramref name="url"/>, or replaces the entry with its URL and type. A new default of a type takes over
    /// from the old one, which stays allowed, as a default chosen in Stytch's dashboard does.
    /// </summary>
    /// <exception cref="StytchException">The URL is malformed (<c>bad_request</c>).</exception>
    public void Add(RedirectUrl url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var kept = _urls.Where(u => !(u.Type == url.Type && string.Equals(u.Url, url.Url, StringComparison.Ordinal)))
            .Select(u => url.IsDefault && u.Type == url.Type ? u with { IsDefault = false } : u);
        Set([.. kept, url]);
    }

    /// <summary>Removes <paramref name="url"/> from the list of <paramref name="type"/>, or of every type when null; returns how many went.</summary>
    public int Remove(string url, RedirectUrlType? type)
    {
        var before = _urls.Count;
        _urls.RemoveAll(u => (type is null || u.Type == type) && string.Equals(u.Url, url, StringComparison.Ordinal));
        return before - _urls.Count;
    }

    /// <summary>Checks <paramref name="urls"/> as <see cref="Set"/> does, changing nothing.</summary>
    /// <exception cref="StytchException">A URL is malformed, repeated for its type, or a type has two defaults (<c>bad_request</c>).</exception>
    public static IReadOnlyList<RedirectUrl> Check(IReadOnlyList<RedirectUrl> urls) => Checked(urls);

    /// <summary>Goes back to what the project started with (a project reset).</summary>
    public void Restore() => _urls = [.. _baseline];

    /// <summary>
    /// The URL a link of <paramref name="type"/> is built on: <paramref name="requested"/> when given and allowed, else
    /// the type's default.
    /// </summary>
    /// <exception cref="StytchException">One of <paramref name="errors"/>; nothing changed.</exception>
    public string Resolve(RedirectUrlType type, string? requested, RedirectUrlErrors errors)
    {
        var ofType = _urls.Where(u => u.Type == type).ToList();
        if (!string.IsNullOrEmpty(requested))
        {
            if (!IsWellFormed(requested))
            {
                throw new StytchException(errors.Malformed);
            }

            if (ofType.Count == 0)
            {
                throw new StytchException(errors.NoneSet);
            }

            return ofType.Any(u => string.Equals(u.Url, requested, StringComparison.Ordinal))
                ? requested
                : throw new StytchException(errors.NotAllowed);
        }

        if (ofType.Count == 0)
        {
            throw new StytchException(errors.NoneSet);
        }

        return ofType.FirstOrDefault(u => u.IsDefault)?.Url ?? throw new StytchException(errors.NoDefault);
    }

    /// <summary>True for an absolute http or https URL.</summary>
    public static bool IsWellFormed(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static List<RedirectUrl> Checked(IReadOnlyList<RedirectUrl> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        foreach (var url in urls)
        {
            if (url is null || !IsWellFormed(url.Url))
            {
                throw new StytchException(StytchError.BadRequest with { Message = $"A redirect URL must be an absolute http or https URL, not '{Validate.Clip(url?.Url ?? "null")}'." });
            }
        }

        var repeated = urls.GroupBy(u => (u.Type, u.Url)).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw new StytchException(StytchError.BadRequest with { Message = $"The {repeated.Key.Type} redirect URL '{Validate.Clip(repeated.Key.Url)}' is listed twice." });
        }

        var twoDefaults = urls.Where(u => u.IsDefault).GroupBy(u => u.Type).FirstOrDefault(g => g.Count() > 1);
        if (twoDefaults is not null)
        {
            throw new StytchException(StytchError.BadRequest with { Message = $"Only one {twoDefaults.Key} redirect URL can be the default." });
        }

        return [.. urls];
    }
}

/// <summary>Links as Stytch's emails carry them to the app's redirect page.</summary>
internal static class Links
{
    /// <summary>
    /// <paramref name="redirectUrl"/> with <c>stytch_token_type</c> and <c>token</c> added to its query, as the app's
    /// redirect page receives them (stytch.com/docs/consumer-auth/authentication/magic-links/redirect-routing; the
    /// hop through stytch.com in between is left out).
    /// </summary>
    public static string Build(string redirectUrl, string tokenType, string token)
    {
        var fragment = redirectUrl.IndexOf('#', StringComparison.Ordinal);
        var head = fragment < 0 ? redirectUrl : redirectUrl[..fragment];
        var tail = fragment < 0 ? "" : redirectUrl[fragment..];
        var separator = head.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        return $"{head}{separator}stytch_token_type={Uri.EscapeDataString(tokenType)}&token={Uri.EscapeDataString(token)}{tail}";
    }
}
