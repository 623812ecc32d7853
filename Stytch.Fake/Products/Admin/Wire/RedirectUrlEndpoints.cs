using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary>
/// The redirect-URL back doors, over the same list as <see cref="ProjectRedirectUrls"/>: read it, replace it, add one,
/// remove one. Each answers the whole list: <c>{"redirect_urls":[{"url","type","is_default"}]}</c>.
/// </summary>
internal static class RedirectUrlEndpoints
{
    private const string Path = AdminEndpoints.Project + "/redirect_urls";
    private static readonly string[] ItemKeys = ["url", "type", "is_default"];

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("admin.redirect_urls.list", Path, call => List(call.Project), Access.Admin),
        Endpoint.Put("admin.redirect_urls.set", Path, AdminRequestJson.Default.SetRedirectUrlsRequest, Set, Access.Admin),
        Endpoint.Post("admin.redirect_urls.add", Path, AdminRequestJson.Default.AddRedirectUrlRequest, Add, Access.Admin),
        Endpoint.Delete("admin.redirect_urls.remove", Path, Remove, Access.Admin),
    ];

    private static ApiResponse Set(ApiCall call, SetRedirectUrlsRequest request)
    {
        var items = request.RedirectUrls!.Value;
        if (items.ValueKind != JsonValueKind.Array)
        {
            throw Validate.BadRequest("redirect_urls must be an array of {url, type, is_default}.");
        }

        call.Project.RedirectUrls.Set([.. items.EnumerateArray().Select(Read)]);
        return List(call.Project);
    }

    private static ApiResponse Add(ApiCall call, AddRedirectUrlRequest request)
    {
        call.Project.RedirectUrls.Add(new RedirectUrl(request.Url!, TypeOf(request.Type!), request.IsDefault ?? false));
        return List(call.Project);
    }

    /// <summary><c>DELETE …/redirect_urls?url=…</c>, of every type or of <c>&amp;type=</c>; a URL not in the list is a 404.</summary>
    private static ApiResponse Remove(ApiCall call)
    {
        var url = call.Query("url") is { Length: > 0 } u ? u : throw Validate.BadRequest("url is required: the redirect URL to stop allowing.");
        var removed = call.Query("type") is { } type
            ? call.Project.RedirectUrls.Remove(url, TypeOf(type)) ? 1 : 0
            : call.Project.RedirectUrls.Remove(url);
        return removed > 0 ? List(call.Project) : throw new StytchException(StytchError.RedirectUrlNotFound);
    }

    private static RedirectUrl Read(JsonElement item)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw Validate.BadRequest("Each of redirect_urls must be an object {url, type, is_default}.");
        }

        foreach (var property in item.EnumerateObject())
        {
            if (!ItemKeys.Contains(property.Name, StringComparer.Ordinal))
            {
                throw Validate.BadRequest($"redirect_urls[].{Validate.Clip(property.Name)} is not a field: each item has url, type and is_default.");
            }
        }

        var url = item.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String
            ? u.GetString()!
            : throw Validate.BadRequest("redirect_urls[].url is required: an absolute http or https URL.");
        var type = item.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String
            ? TypeOf(t.GetString()!)
            : throw Validate.BadRequest($"redirect_urls[].type is required: one of {RedirectUrlNames.All}.");
        var isDefault = !item.TryGetProperty("is_default", out var d) || d.ValueKind == JsonValueKind.Null ? false
            : d.ValueKind is JsonValueKind.True or JsonValueKind.False ? d.GetBoolean()
            : throw Validate.BadRequest("redirect_urls[].is_default must be true or false.");
        return new RedirectUrl(url, type, isDefault);
    }

    private static RedirectUrlType TypeOf(string name) =>
        RedirectUrlNames.TryParse(name, out var type)
            ? type
            : throw new StytchException(StytchError.InvalidRedirectUrlType with
            {
                Message = $"The redirect URL type must be one of {RedirectUrlNames.All}, not '{Validate.Clip(name)}'.",
            });

    internal static ApiResponse List(StytchFakeProject project)
    {
        var urls = project.RedirectUrls.All;
        return ApiResponse.Plain(200, w =>
        {
            w.WriteStartArray("redirect_urls");
            foreach (var url in urls)
            {
                w.WriteStartObject();
                w.WriteString("url", url.Url);
                w.WriteString("type", RedirectUrlNames.Of(url.Type));
                w.WriteBoolean("is_default", url.IsDefault);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
    }
}
