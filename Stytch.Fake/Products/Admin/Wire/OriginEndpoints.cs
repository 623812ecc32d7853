using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary>
/// <c>PUT …/allowed_origins</c>: the browser origins the frontend SDK may call from; <c>allow_loopback</c> (default true)
/// keeps every loopback origin allowed too.
/// </summary>
internal sealed record SetAllowedOriginsRequest(
    [property: BodyRequired("bad_request", Message = "origins is required: an array of origins such as https://app.example.com.")] string[]? Origins,
    bool? AllowLoopback);

/// <summary>The allowed-origins back door's request type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(SetAllowedOriginsRequest))]
internal sealed partial class OriginRequestJson : JsonSerializerContext;

/// <summary>The back door of a project's allowed browser origins (<see cref="ProjectOrigins"/>).</summary>
internal static class OriginEndpoints
{
    private const string Path = AdminEndpoints.Project + "/allowed_origins";

    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("admin.allowed_origins.get", Path, Get, Access.Admin),
        Endpoint.Put("admin.allowed_origins.set", Path, OriginRequestJson.Default.SetAllowedOriginsRequest, Set, Access.Admin),
    ];

    /// <summary>The project's origins as the back doors answer them: <c>allowed_origins</c> and <c>allow_loopback_origins</c>.</summary>
    public static void WriteFields(Utf8JsonWriter w, ProjectOrigins origins)
    {
        w.WritePropertyName("allowed_origins");
        w.WriteStartArray();
        foreach (var origin in origins.All)
        {
            w.WriteStringValue(origin);
        }

        w.WriteEndArray();
        w.WriteBoolean("allow_loopback_origins", origins.AllowLoopback);
    }

    private static ApiResponse Get(ApiCall call) => ApiResponse.Plain(200, w => WriteFields(w, call.Project.Origins));

    private static ApiResponse Set(ApiCall call, SetAllowedOriginsRequest request)
    {
        try
        {
            call.Project.Origins.Set(request.Origins!, request.AllowLoopback ?? true);
        }
        catch (ArgumentException e)
        {
            throw AdminEndpoints.InvalidArgument(e);
        }

        return ApiResponse.Plain(200, w => WriteFields(w, call.Project.Origins));
    }
}
