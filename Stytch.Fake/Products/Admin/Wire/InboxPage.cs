using System.Collections.Frozen;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary>
/// The web inbox at <c>/_fake/</c>: a static page (HTML, CSS, JS embedded in this assembly) that shows a project's
/// outbox, users, organizations, sessions and fault rules through the documented back doors, and drives the clock,
/// the outbox, faults and reset.
/// <para>
/// The files hold no data, so they are served without credentials. Everything the page shows comes from the back
/// doors, which still require the admin token when the server has one: the page then asks for the token and sends it
/// as <c>X-Admin-Token</c> on every call (kept in the tab's sessionStorage, never in a URL). Its Content-Security-Policy
/// allows only its own script and, with Trusted Types, makes the browser refuse any HTML built from strings.
/// </para>
/// </summary>
internal static class InboxPage
{
    private const string Html = "text/html; charset=utf-8";

    private static readonly FrozenDictionary<string, string> SecurityHeaders = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Content-Security-Policy"] =
            "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; " +
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'; require-trusted-types-for 'script'; trusted-types 'none'",
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
        ["Referrer-Policy"] = "no-referrer",
        ["Cache-Control"] = "no-store",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> RedirectHeaders = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Location"] = "/_fake/",
        ["Cache-Control"] = "no-store",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly Lazy<ApiResponse> Index = Asset("index.html", Html);
    private static readonly Lazy<ApiResponse> Css = Asset("inbox.css", "text/css; charset=utf-8");
    private static readonly Lazy<ApiResponse> Js = Asset("inbox.js", "text/javascript; charset=utf-8");

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("inbox.redirect", "/_fake", _ => new ApiResponse(302, []) { ContentType = Html, Headers = RedirectHeaders }, Access.Public),
        Endpoint.Get("inbox.page", "/_fake/", _ => Index.Value, Access.Public),
        Endpoint.Get("inbox.index", "/_fake/index.html", _ => Index.Value, Access.Public),
        Endpoint.Get("inbox.css", "/_fake/inbox.css", _ => Css.Value, Access.Public),
        Endpoint.Get("inbox.js", "/_fake/inbox.js", _ => Js.Value, Access.Public),
    ];

    /// <summary>The embedded file <c>Inbox/<paramref name="name"/></c> next to this one, read once.</summary>
    internal static byte[] Read(string name)
    {
        using var stream = typeof(InboxPage).Assembly.GetManifestResourceStream("Stytch.Fake.Inbox." + name)
            ?? throw new InvalidOperationException($"The inbox file {name} is not embedded in Stytch.Fake.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static Lazy<ApiResponse> Asset(string name, string contentType) =>
        new(() => new ApiResponse(200, Read(name)) { ContentType = contentType, Headers = SecurityHeaders });
}
