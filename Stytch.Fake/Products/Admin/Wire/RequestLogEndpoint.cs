using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary><c>GET …/requests</c>: the project's request log, newest first, with the fields each request had ignored.</summary>
internal static class RequestLogEndpoint
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("admin.requests.list", AdminEndpoints.Project + "/requests", List, Access.Admin),
    ];

    private static ApiResponse List(ApiCall call) => ApiResponse.Plain(200, w =>
    {
        w.WritePropertyName("requests");
        w.WriteStartArray();
        foreach (var r in call.Project.Requests.All.Reverse())
        {
            w.WriteStartObject();
            w.WriteString("method", r.Method);
            w.WriteString("path", r.Path);
            w.WriteNumber("status_code", r.StatusCode);
            w.WriteString("error_type", r.ErrorType);
            w.WriteString("error_message", r.ErrorMessage);
            w.WriteString("request_id", r.RequestId);
            w.WriteString("at", WireJson.Time(r.At));
            w.WritePropertyName("ignored_fields");
            w.WriteStartArray();
            foreach (var field in r.IgnoredFields)
            {
                w.WriteStringValue(field);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    });
}
