using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Products.Consumer.EmailOtp;

namespace Stytch.Fake.Http;

/// <summary>The consumer endpoints: email OTP, users and sessions, one entry per endpoint.</summary>
internal static class ConsumerEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Post("otps.email.login_or_create", "/v1/otps/email/login_or_create", ConsumerRequestJson.Default.OtpEmailLoginOrCreateRequest, LoginOrCreate),
        Endpoint.Post("otps.email.send", "/v1/otps/email/send", ConsumerRequestJson.Default.OtpEmailSendRequest, Send),
        Endpoint.PostAsync("otps.authenticate", "/v1/otps/authenticate", ConsumerRequestJson.Default.OtpAuthenticateRequest, AuthenticateOtp),
        Endpoint.Get("users.get", "/v1/users/{user_id}", GetUser),
        Endpoint.Delete("users.delete", "/v1/users/{user_id}", DeleteUser),
        Endpoint.PostAsync("sessions.authenticate", "/v1/sessions/authenticate", ConsumerRequestJson.Default.SessionAuthenticateRequest, AuthenticateSession),
        Endpoint.PostAsync("sessions.revoke", "/v1/sessions/revoke", ConsumerRequestJson.Default.SessionRevokeRequest, RevokeSession),
        Endpoint.Get("sessions.get", "/v1/sessions", ListSessions),
    ];

    private static EmailOtpOptions OtpOptions(IOtpEmailOptions request, bool createUserAsPending = false) =>
        new()
        {
            ExpirationMinutes = request.ExpirationMinutes,
            Locale = request.Locale,
            LoginTemplateId = request.LoginTemplateId,
            SignupTemplateId = request.SignupTemplateId,
            CreateUserAsPending = createUserAsPending,
            Attributes = AttributesJson.ReadAttributes(request.Attributes),
        };

    private static ApiResponse LoginOrCreate(ApiCall call, OtpEmailLoginOrCreateRequest request)
    {
        var sent = call.Project.Consumer.EmailOtp.LoginOrCreate(request.Email, OtpOptions(request, request.CreateUserAsPending ?? false));
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("user_id", sent.UserId);
            w.WriteString("email_id", sent.EmailId);
            w.WriteBoolean("user_created", sent.UserCreated);
        });
    }

    private static ApiResponse Send(ApiCall call, OtpEmailSendRequest request)
    {
        var sent = call.Project.Consumer.EmailOtp.Send(request.Email, OtpOptions(request));
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("user_id", sent.UserId);
            w.WriteString("email_id", sent.EmailId);
        });
    }

    private static async ValueTask<ApiResponse> AuthenticateOtp(ApiCall call, OtpAuthenticateRequest request)
    {
        var (sessionToken, sessionJwt) = (request.SessionToken, request.SessionJwt);
        var command = new OtpAuthenticateCommand
        {
            // Both are [BodyRequired]: never null once bound.
            MethodId = request.MethodId!,
            Code = request.Code!,
            SessionDurationMinutes = request.SessionDurationMinutes,
            SessionToken = sessionToken,
            SessionId = string.IsNullOrEmpty(sessionJwt) || !string.IsNullOrEmpty(sessionToken)
                ? null
                : await call.Project.Jwts.ReadSessionIdAsync(sessionJwt).ConfigureAwait(false),
            Attributes = AttributesJson.ReadAttributes(request.Attributes),
            Options = AttributesJson.ReadOptions(request.Options),
            CustomClaims = ClaimsJson.Read(request.SessionCustomClaims),
        };
        var result = call.Project.Consumer.EmailOtp.Authenticate(command);
        var jwt = result.Session is null ? "" : await call.Project.Jwts.MintAsync(result.Session).ConfigureAwait(false);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("user_id", result.User.UserId);
            w.WriteString("method_id", result.MethodId);
            w.WriteString("session_token", result.Session?.SessionToken ?? "");
            w.WriteString("session_jwt", jwt);
            WriteUser(w, "user", result.User);
            w.WriteBoolean("reset_sessions", false);
            WriteSession(w, result.Session);
        });
    }

    private static ApiResponse GetUser(ApiCall call)
    {
        var user = call.Project.Consumer.Users.Get(call.PathValues["user_id"]);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            // GET /v1/users/{id} answers the user's fields at the top level, with no "user" wrapper.
            using var document = JsonSerializer.SerializeToDocument(WireUser.From(user), WireJsonContext.Default.WireUser);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                property.WriteTo(w);
            }
        });
    }

    private static ApiResponse DeleteUser(ApiCall call)
    {
        var userId = call.Project.Consumer.Users.Delete(call.PathValues["user_id"]);
        return ApiResponse.Ok(call.RequestId, w => w.WriteString("user_id", userId));
    }

    private static async ValueTask<ApiResponse> AuthenticateSession(ApiCall call, SessionAuthenticateRequest request)
    {
        var claims = ClaimsJson.Read(request.SessionCustomClaims);
        var (token, sessionId, duration) = await SessionArguments.ResolveAsync(call, request.SessionToken, request.SessionJwt, request.SessionDurationMinutes).ConfigureAwait(false);
        var result = call.Project.Consumer.Sessions.Authenticate(token, sessionId, duration, claims);
        var newJwt = await call.Project.Jwts.MintAsync(result.Session).ConfigureAwait(false);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            WriteSession(w, result.Session);
            w.WriteString("session_token", result.Session.SessionToken);
            w.WriteString("session_jwt", newJwt);
            WriteUser(w, "user", result.User);
        });
    }

    private static async ValueTask<ApiResponse> RevokeSession(ApiCall call, SessionRevokeRequest request)
    {
        var (id, token, jwt) = (request.SessionId, request.SessionToken, request.SessionJwt);
        SessionArguments.CheckRevokeArguments(id, token, jwt);
        var sessionId = string.IsNullOrEmpty(jwt) ? id : await call.Project.Jwts.ReadSessionIdAsync(jwt).ConfigureAwait(false);
        call.Project.Consumer.Sessions.Revoke(token, sessionId);
        return ApiResponse.Ok(call.RequestId, _ => { });
    }

    private static ApiResponse ListSessions(ApiCall call)
    {
        var sessions = call.Project.Consumer.Sessions.List(call.Query("user_id"));
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WritePropertyName("sessions");
            w.WriteStartArray();
            foreach (var session in sessions)
            {
                JsonSerializer.Serialize(w, WireSession.From(session), WireJsonContext.Default.WireSession);
            }

            w.WriteEndArray();
        });
    }

    private static void WriteUser(Utf8JsonWriter w, string name, StytchUser user)
    {
        w.WritePropertyName(name);
        JsonSerializer.Serialize(w, WireUser.From(user), WireJsonContext.Default.WireUser);
    }

    private static void WriteSession(Utf8JsonWriter w, StytchSession? session)
    {
        w.WritePropertyName("session");
        if (session is null)
        {
            w.WriteNullValue();
        }
        else
        {
            JsonSerializer.Serialize(w, WireSession.From(session), WireJsonContext.Default.WireSession);
        }
    }
}
