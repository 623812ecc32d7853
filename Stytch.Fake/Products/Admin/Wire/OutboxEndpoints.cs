using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary>The outbox back doors: read the messages a project sent (all, or to one address) and clear them.</summary>
internal static class OutboxEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("admin.outbox.list", AdminEndpoints.Project + "/outbox", List, Access.Admin),
        Endpoint.Delete("admin.outbox.clear", AdminEndpoints.Project + "/outbox", Clear, Access.Admin),
    ];

    private static ApiResponse List(ApiCall call)
    {
        var email = call.Query("email_address");
        var messages = email is null ? call.Project.Outbox.All : call.Project.Outbox.For(email);
        return ApiResponse.Plain(200, w =>
            WireJson.WriteArray(w, "messages", messages.Select(WireOutboxMessage.From), WireJsonContext.Default.WireOutboxMessage));
    }

    private static ApiResponse Clear(ApiCall call)
    {
        call.Project.Outbox.Clear();
        return ApiResponse.Plain(200, w => w.WriteNumber("messages", 0));
    }
}
