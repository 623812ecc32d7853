using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Consumer.Users.Wire;

/// <summary>The users endpoints, one entry per endpoint.</summary>
internal static class UserEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("users.get", "/v1/users/{user_id}", GetUser),
        Endpoint.Delete("users.delete", "/v1/users/{user_id}", DeleteUser),
    ];

    private static ApiResponse GetUser(ApiCall call)
    {
        var user = call.Project.ConsumerProducts.Users.Get(call.PathValues["user_id"]);

        // GET /v1/users/{id} answers the user's fields at the top level, with no "user" wrapper.
        return ApiResponse.Ok(call.RequestId, w => UserWire.WriteFields(w, user));
    }

    private static ApiResponse DeleteUser(ApiCall call)
    {
        var userId = call.Project.ConsumerProducts.Users.Delete(call.PathValues["user_id"]);
        return ApiResponse.Ok(call.RequestId, w => w.WriteString("user_id", userId));
    }
}
