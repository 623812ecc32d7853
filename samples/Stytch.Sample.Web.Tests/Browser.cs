using System.Net;
using System.Text.RegularExpressions;

namespace Stytch.Sample.Web.Tests;

/// <summary>
/// Drives the app the way a browser does: GETs pages, submits their forms with every hidden field
/// (antiforgery token, email_id) plus the fields a person types, keeps cookies and follows redirects,
/// recording each hop so tests can see the Set-Cookie headers and the redirect chain.
/// </summary>
public sealed class Browser(HttpClient http) : IDisposable
{
    public Task<Page> GetAsync(string path) => SendAsync(new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>Submits the form of <paramref name="page"/> whose action is <paramref name="action"/>.</summary>
    public Task<Page> SubmitAsync(Page page, string action, params (string Name, string Value)[] typed)
    {
        var fields = page.Form(action);
        foreach (var (name, value) in typed)
        {
            fields[name] = value;
        }

        return SendAsync(new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) });
    }

    public void Dispose() => http.Dispose();

    private async Task<Page> SendAsync(HttpRequestMessage first)
    {
        var hops = new List<Hop>();
        var request = first;
        while (true)
        {
            Hop hop;
            using (request)
            {
                using var response = await http.SendAsync(request);
                var path = request.RequestUri!.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString;
                hop = new Hop(request.Method.Method, path, response.StatusCode, response.Headers.Location?.OriginalString,
                    response.Headers.TryGetValues("Set-Cookie", out var cookies) ? [.. cookies] : []);
                hops.Add(hop);
                if (hop.Location is null || hops.Count > 10)
                {
                    return new Page(response.StatusCode, path, await response.Content.ReadAsStringAsync(), hops);
                }
            }

            request = new HttpRequestMessage(HttpMethod.Get, hop.Location);
        }
    }
}

/// <summary>One request and its answer on the way to a page.</summary>
public sealed record Hop(string Method, string Path, HttpStatusCode Status, string? Location, IReadOnlyList<string> SetCookies);

/// <summary>The page a browser ends up on, with the hops that led there.</summary>
public sealed partial record Page(HttpStatusCode Status, string Path, string Html, IReadOnlyList<Hop> Hops)
{
    /// <summary>The page title without the site suffix, e.g. "Your account".</summary>
    public string Title => Decode(TitleTag().Match(Html).Groups[1].Value);

    /// <summary>The alert message shown, or null.</summary>
    public string? Alert => AlertTag().Match(Html) is { Success: true } m ? Decode(m.Groups[1].Value) : null;

    /// <summary>Every Set-Cookie header on the way here.</summary>
    public IEnumerable<string> SetCookies => Hops.SelectMany(h => h.SetCookies);

    /// <summary>The text of the element with this id.</summary>
    public string Text(string id) =>
        Regex.Match(Html, $"""id="{Regex.Escape(id)}"[^>]*>(.*?)<""", RegexOptions.Singleline) is { Success: true } m
            ? Decode(m.Groups[1].Value)
            : throw new AssertionException($"No element with id '{id}' on the page:\n{Html}");

    /// <summary>The named inputs of the first form posting to <paramref name="action"/>, with their values.</summary>
    public Dictionary<string, string> Form(string action)
    {
        var form = Regex.Match(Html, $"""<form[^>]*action="{Regex.Escape(action)}"[^>]*>(.*?)</form>""", RegexOptions.Singleline);
        if (!form.Success)
        {
            throw new AssertionException($"No form posting to {action} on the page:\n{Html}");
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match input in InputTag().Matches(form.Groups[1].Value))
        {
            var name = Attribute(input.Value, "name");
            if (name is not null)
            {
                fields[name] = Attribute(input.Value, "value") ?? "";
            }
        }

        return fields;
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"""\s{name}="([^"]*)" """.TrimEnd()) is { Success: true } m ? Decode(m.Groups[1].Value) : null;

    private static string Decode(string html) => WebUtility.HtmlDecode(html).Trim();

    [GeneratedRegex("<title>(.*?) · Stytch sample</title>", RegexOptions.Singleline)]
    private static partial Regex TitleTag();

    [GeneratedRegex("""<p class="alert" role="alert">(.*?)</p>""", RegexOptions.Singleline)]
    private static partial Regex AlertTag();

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.Singleline)]
    private static partial Regex InputTag();
}
