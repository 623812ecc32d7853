using System.Text.Json;
using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Consumer.Users.Wire;

/// <summary>The users endpoints, one entry per endpoint.</summary>
internal static class UserEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("users.get", "/v1/users/{user_id}", GetUser),
        Endpoint.Delete("users.delete", "/v1/users/{user_id}", DeleteUser),
        Endpoint.Post("users.create", "/v1/users", UserRequestJson.Default.UserCreateRequest, Create),
        Endpoint.Put("users.update", "/v1/users/{user_id}", UserRequestJson.Default.UserUpdateRequest, Update),
        Endpoint.Post("users.search", "/v1/users/search", UserRequestJson.Default.UserSearchRequest, Search),
        Endpoint.Delete("users.emails.delete", "/v1/users/emails/{email_id}", DeleteEmail),
        Endpoint.Delete("users.phone_numbers.delete", "/v1/users/phone_numbers/{phone_id}", DeletePhone),
        Endpoint.Delete("users.external_id.delete", "/v1/users/{user_id}/external_id", DeleteExternalId),
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

    private static UserFields Fields(JsonElement? name, JsonElement? trusted, JsonElement? untrusted, string? externalId, string[]? roles) => new()
    {
        Name = UserNameJson.Read(name),
        TrustedMetadata = UserMetadataJson.Merge(trusted),
        UntrustedMetadata = UserMetadataJson.Merge(untrusted),
        ExternalId = externalId,
        Roles = roles,
    };

    private static ApiResponse Create(ApiCall call, UserCreateRequest request)
    {
        var common = Fields(request.Name, request.TrustedMetadata, request.UntrustedMetadata, request.ExternalId, request.Roles);
        var fields = common with { Email = request.Email, PhoneNumber = request.PhoneNumber };
        var created = call.Project.ConsumerProducts.Users.Create(fields, request.CreateUserAsPending ?? false);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("user_id", created.User.UserId);
            w.WriteString("email_id", created.EmailId);
            w.WriteString("status", created.User.Status);
            w.WriteString("phone_id", created.PhoneId);
            UserWire.Write(w, "user", created.User);
        });
    }

    private static ApiResponse Update(ApiCall call, UserUpdateRequest request)
    {
        var fields = Fields(request.Name, request.TrustedMetadata, request.UntrustedMetadata, request.ExternalId, request.Roles);
        var user = call.Project.ConsumerProducts.Users.Update(call.PathValues["user_id"], fields);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("user_id", user.UserId);
            UserWire.WriteContacts(w, user);
            UserWire.Write(w, "user", user);
        });
    }

    private static ApiResponse Search(ApiCall call, UserSearchRequest request)
    {
        var (users, total, next) = call.Project.ConsumerProducts.Users.Search(SearchJson.ReadSearch(request));
        return ApiResponse.Ok(call.RequestId, w =>
        {
            UserWire.WriteArray(w, "results", users);
            SearchJson.WriteResultsMetadata(w, total, next);
        });
    }

    private static ApiResponse DeleteEmail(ApiCall call) =>
        UserAnswer(call, call.Project.ConsumerProducts.Users.DeleteEmail(call.PathValues["email_id"]));

    private static ApiResponse DeletePhone(ApiCall call) =>
        UserAnswer(call, call.Project.ConsumerProducts.Users.DeletePhone(call.PathValues["phone_id"]));

    private static ApiResponse DeleteExternalId(ApiCall call) =>
        UserAnswer(call, call.Project.ConsumerProducts.Users.DeleteExternalId(call.PathValues["user_id"]));

    private static ApiResponse UserAnswer(ApiCall call, StytchUser user) =>
        ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("user_id", user.UserId);
            UserWire.Write(w, "user", user);
        });
}
