using Stytch.Fake.Core;

namespace Stytch.Fake;

/// <summary>
/// The redirect URLs a project allows, per type, as Stytch's dashboard sets them: <c>project.RedirectUrls</c>. Links
/// are built on the URL a request names when it is listed for its type, else on the type's default. A fresh project
/// allows <c>http://localhost:3000/authenticate</c> as the default of every type; a project reset goes back to what
/// the project started with (<see cref="StytchProjectOptions.RedirectUrls"/>).
/// </summary>
public sealed class ProjectRedirectUrls
{
    private readonly ProjectStore _store;

    internal ProjectRedirectUrls(ProjectStore store) => _store = store;

    /// <summary>Every URL the project allows, in the order they were set.</summary>
    public IReadOnlyList<RedirectUrl> All => _store.Transact(() => _store.RedirectUrls.All);

    /// <summary>The URLs allowed for <paramref name="type"/>.</summary>
    public IReadOnlyList<RedirectUrl> Of(RedirectUrlType type) => [.. All.Where(u => u.Type == type)];

    /// <summary>Replaces the whole list; an empty one allows no link at all.</summary>
    /// <exception cref="StytchException">A URL is not an absolute http(s) URL, is listed twice for its type, or a type has two defaults (<c>bad_request</c>); nothing changed.</exception>
    public void Set(IEnumerable<RedirectUrl> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);
        RedirectUrl[] list = [.. urls];
        _store.Transact(() => _store.RedirectUrls.Set(list));
    }

    /// <summary>
    /// Allows <paramref name="url"/> (or changes whether it is its type's default). A new default takes over from the
    /// type's old one, which stays allowed.
    /// </summary>
    /// <exception cref="StytchException">The URL is not an absolute http(s) URL (<c>bad_request</c>).</exception>
    public void Add(RedirectUrl url) => _store.Transact(() => _store.RedirectUrls.Add(url));

    /// <summary>Allows <paramref name="url"/> for <paramref name="type"/>, as its default when <paramref name="isDefault"/>.</summary>
    /// <exception cref="StytchException">The URL is not an absolute http(s) URL (<c>bad_request</c>).</exception>
    public void Add(string url, RedirectUrlType type, bool isDefault) => Add(new RedirectUrl(url, type, isDefault));

    /// <summary>Stops allowing <paramref name="url"/> for <paramref name="type"/>; returns whether it was allowed.</summary>
    public bool Remove(string url, RedirectUrlType type) => _store.Transact(() => _store.RedirectUrls.Remove(url, type)) > 0;

    /// <summary>Stops allowing <paramref name="url"/> for every type; returns for how many it was allowed.</summary>
    public int Remove(string url) => _store.Transact(() => _store.RedirectUrls.Remove(url, null));

    /// <summary>Goes back to the URLs the project started with, as a project reset does.</summary>
    public void Restore() => _store.Transact(_store.RedirectUrls.Restore);
}
