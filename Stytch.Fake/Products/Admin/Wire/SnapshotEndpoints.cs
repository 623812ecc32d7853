using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary>
/// The snapshot back doors: export a project's whole state as a snapshot file, and replace it with one. The PUT body
/// is the whole file, which <c>Snapshots/</c> reads; it has no fields of its own to bind.
/// </summary>
internal static class SnapshotEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.GetAsync("admin.snapshot.export", AdminEndpoints.Project + "/snapshot", Export, Access.Admin),
        Endpoint.PutDocument("admin.snapshot.import", AdminEndpoints.Project + "/snapshot", Import, Access.Admin),
    ];

    private static async ValueTask<ApiResponse> Export(ApiCall call)
    {
        // The snapshot holds the signing keys: have the first one made without holding a request thread.
        await call.Project.Jwts.Keys.CurrentAsync().ConfigureAwait(false);
        return new(200, System.Text.Encoding.UTF8.GetBytes(call.Project.ExportSnapshot()));
    }

    private static ApiResponse Import(ApiCall call)
    {
        var errors = call.Project.ImportSnapshotCollectingErrors(call.BodyText);
        return ApiResponse.Plain(200, w =>
        {
            ProjectEndpoints.WriteFields(w, call.Project);
            w.WriteNumber("users", call.Project.ConsumerProducts.Users.Count);
            ClockEndpoints.WriteTimerErrors(w, errors);
        });
    }
}
