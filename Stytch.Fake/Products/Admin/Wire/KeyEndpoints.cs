using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Admin.Wire;

/// <summary>The signing-key back doors: rotate the JWT signing key, and drop the keys it replaced from the JWKS.</summary>
internal static class KeyEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.PostAsync("admin.keys.rotate", AdminEndpoints.Project + "/keys/rotate", [], Rotate, Access.Admin),
        Endpoint.PostAsync("admin.keys.remove_old", AdminEndpoints.Project + "/keys/remove_old", [], RemoveOld, Access.Admin),
    ];

    private static async ValueTask<ApiResponse> Rotate(ApiCall call)
    {
        var key = await call.Project.Jwts.Keys.RotateAsync().ConfigureAwait(false);
        return ApiResponse.Plain(200, w => w.WriteString("kid", key.Kid));
    }

    private static async ValueTask<ApiResponse> RemoveOld(ApiCall call)
    {
        await call.Project.Jwts.Keys.CurrentAsync().ConfigureAwait(false);
        call.Project.RemoveOldSigningKeys();
        return ApiResponse.Plain(200, w => w.WriteString("kid", call.Project.Jwts.Keys.Current.Kid));
    }
}
