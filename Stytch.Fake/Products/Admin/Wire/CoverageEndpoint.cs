using System.Text.Json;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary>
/// <c>GET /_fake/v1/endpoints</c>: the Stytch operations the fake implements (with the name fault rules target), the
/// ones it does not implement yet, and its back doors.
/// </summary>
internal static class CoverageEndpoint
{
    public static ApiResponse List(ApiCall call) => ApiResponse.Plain(200, w =>
    {
        w.WritePropertyName("implemented");
        w.WriteStartArray();
        foreach (var entry in Coverage.All.Where(e => e.Implemented))
        {
            Write(w, entry.Method, entry.Path, entry.Tag, entry.Endpoint);
        }

        w.WriteEndArray();
        w.WritePropertyName("not_implemented");
        w.WriteStartArray();
        foreach (var entry in Coverage.All.Where(e => !e.Implemented))
        {
            Write(w, entry.Method, entry.Path, entry.Tag, null);
        }

        w.WriteEndArray();
        w.WritePropertyName("back_doors");
        w.WriteStartArray();
        foreach (var endpoint in ProductCatalog.BackDoors)
        {
            Write(w, endpoint.Method, endpoint.Route.Template, null, null);
        }

        w.WriteEndArray();
    });

    private static void Write(Utf8JsonWriter w, string method, string path, string? tag, string? endpoint)
    {
        w.WriteStartObject();
        w.WriteString("method", method);
        w.WriteString("path", path);
        if (tag is not null)
        {
            w.WriteString("tag", tag);
        }

        if (endpoint is not null)
        {
            w.WriteString("endpoint", endpoint);
        }

        w.WriteEndObject();
    }
}
