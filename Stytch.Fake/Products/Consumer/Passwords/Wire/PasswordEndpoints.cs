using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Http;
using Stytch.Fake.Products.Consumer.Sessions.Wire;
using Stytch.Fake.Products.Consumer.Users;
using Stytch.Fake.Products.Consumer.Users.Wire;

namespace Stytch.Fake.Products.Consumer.Passwords.Wire;

/// <summary>The consumer password endpoints, one entry per endpoint.</summary>
internal static class PasswordEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.PostAsync(StytchEndpoints.Consumer.PasswordCreate, "/v1/passwords", PasswordRequestJson.Default.PasswordCreateRequest, Create),
        Endpoint.PostAsync(StytchEndpoints.Consumer.PasswordAuthenticate, "/v1/passwords/authenticate", PasswordRequestJson.Default.PasswordAuthenticateRequest, Authenticate),
        Endpoint.Post(StytchEndpoints.Consumer.PasswordStrengthCheck, "/v1/passwords/strength_check", PasswordRequestJson.Default.PasswordStrengthCheckRequest, StrengthCheck),
        Endpoint.Post(StytchEndpoints.Consumer.PasswordEmailResetStart, "/v1/passwords/email/reset/start", PasswordRequestJson.Default.PasswordResetStartRequest, ResetStart),
        Endpoint.PostAsync(StytchEndpoints.Consumer.PasswordEmailReset, "/v1/passwords/email/reset", PasswordRequestJson.Default.PasswordResetRequest, Reset),
        Endpoint.PostAsync(StytchEndpoints.Consumer.PasswordExistingPasswordReset, "/v1/passwords/existing_password/reset", PasswordRequestJson.Default.PasswordExistingResetRequest, ExistingReset),
        Endpoint.PostAsync(StytchEndpoints.Consumer.PasswordSessionReset, "/v1/passwords/session/reset", PasswordRequestJson.Default.PasswordSessionResetRequest, SessionReset),
        Endpoint.Post(StytchEndpoints.Consumer.PasswordMigrate, "/v1/passwords/migrate", PasswordRequestJson.Default.PasswordMigrateRequest, Migrate),
    ];

    private static PasswordService Service(ApiCall call) => call.Project.ConsumerProducts.Passwords;

    private static async ValueTask<PasswordSessionOptions> SessionOptions(ApiCall call, IPasswordSessionRequest request, JsonElement? attributes = null)
    {
        var (token, jwt) = (request.SessionToken, request.SessionJwt);
        return new PasswordSessionOptions
        {
            SessionDurationMinutes = request.SessionDurationMinutes,
            SessionToken = token,
            SessionId = string.IsNullOrEmpty(jwt) || !string.IsNullOrEmpty(token) ? null : await call.Project.Jwts.ReadSessionIdAsync(jwt).ConfigureAwait(false),
            CustomClaims = ClaimsJson.Read(request.SessionCustomClaims),
            Attributes = AttributesJson.ReadAttributes(attributes),
        };
    }

    private static async ValueTask<ApiResponse> Create(ApiCall call, PasswordCreateRequest request)
    {
        var created = Service(call).Create(request.Email, request.Password, await SessionOptions(call, request).ConfigureAwait(false));
        var jwt = created.Session is null ? "" : await call.Project.Jwts.MintAsync(created.Session).ConfigureAwait(false);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("user_id", created.User.UserId);
            w.WriteString("email_id", created.User.EmailId);
            WriteSession(w, created.User, created.Session, jwt);
        });
    }

    private static async ValueTask<ApiResponse> Authenticate(ApiCall call, PasswordAuthenticateRequest request) =>
        await Authenticated(call, Service(call).Authenticate(request.Email, request.Password, await SessionOptions(call, request).ConfigureAwait(false))).ConfigureAwait(false);

    private static ApiResponse StrengthCheck(ApiCall call, PasswordStrengthCheckRequest request)
    {
        var report = Service(call).StrengthCheck(request.Password, request.Email);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteBoolean("valid_password", report.ValidPassword);
            w.WriteNumber("score", report.Score);
            w.WriteBoolean("breached_password", report.BreachedPassword);
            w.WriteString("strength_policy", report.StrengthPolicy);
            w.WriteBoolean("breach_detection_on_create", report.BreachDetectionOnCreate);
            PasswordStrengthWire.WriteFeedback(w, report);
        });
    }

    private static ApiResponse ResetStart(ApiCall call, PasswordResetStartRequest request)
    {
        var (userId, emailId) = Service(call).ResetStart(new PasswordResetStartCommand
        {
            Email = request.Email,
            ResetPasswordRedirectUrl = request.ResetPasswordRedirectUrl,
            ResetPasswordExpirationMinutes = request.ResetPasswordExpirationMinutes,
            LoginRedirectUrl = request.LoginRedirectUrl,
            CodeChallenge = request.CodeChallenge,
            Locale = request.Locale,
            Attributes = AttributesJson.ReadAttributes(request.Attributes),
        });
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("user_id", userId);
            w.WriteString("email_id", emailId);
        });
    }

    private static async ValueTask<ApiResponse> Reset(ApiCall call, PasswordResetRequest request) =>
        await Authenticated(call, Service(call).Reset(new PasswordResetCommand
        {
            // [BodyRequired]: never null once bound.
            Token = request.Token!,
            Password = request.Password!,
            CodeVerifier = request.CodeVerifier,
            Options = AttributesJson.ReadOptions(request.Options),
            Session = await SessionOptions(call, request, request.Attributes).ConfigureAwait(false),
        })).ConfigureAwait(false);

    private static async ValueTask<ApiResponse> ExistingReset(ApiCall call, PasswordExistingResetRequest request) =>
        await Authenticated(call, Service(call).ExistingPasswordReset(
            request.Email, request.ExistingPassword, request.NewPassword, await SessionOptions(call, request).ConfigureAwait(false))).ConfigureAwait(false);

    private static async ValueTask<ApiResponse> SessionReset(ApiCall call, PasswordSessionResetRequest request) =>
        await Authenticated(call, Service(call).SessionReset(request.Password, await SessionOptions(call, request).ConfigureAwait(false))).ConfigureAwait(false);

    private static ApiResponse Migrate(ApiCall call, PasswordMigrateRequest request)
    {
        var migrated = Service(call).Migrate(new PasswordMigrateCommand
        {
            Email = request.Email,
            Hash = LegacyHashJson.Read(request.HashType, request.Hash, request.Md5Config, request.Sha1Config, request.Sha512Config, request.Argon2Config, request.ScryptConfig, request.Pbkdf2Config),
            PhoneNumber = request.PhoneNumber,
            SetEmailVerified = request.SetEmailVerified ?? false,
            SetPhoneNumberVerified = request.SetPhoneNumberVerified ?? false,
            Fields = new UserFields
            {
                Name = UserNameJson.Read(request.Name),
                TrustedMetadata = UserMetadataJson.Merge(request.TrustedMetadata),
                UntrustedMetadata = UserMetadataJson.Merge(request.UntrustedMetadata),
                ExternalId = request.ExternalId,
                Roles = request.Roles,
            },
        });
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("user_id", migrated.User.UserId);
            w.WriteString("email_id", migrated.EmailId);
            w.WriteBoolean("user_created", migrated.UserCreated);
            UserWire.Write(w, "user", migrated.User);
        });
    }

    private static async ValueTask<ApiResponse> Authenticated(ApiCall call, PasswordAuthenticated result)
    {
        var jwt = result.Session is null ? "" : await call.Project.Jwts.MintAsync(result.Session).ConfigureAwait(false);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("user_id", result.User.UserId);
            WriteSession(w, result.User, result.Session, jwt);
        });
    }

    private static void WriteSession(Utf8JsonWriter w, StytchUser user, StytchSession? session, string jwt)
    {
        w.WriteString("session_token", session?.SessionToken ?? "");
        w.WriteString("session_jwt", jwt);
        UserWire.Write(w, "user", user);
        SessionWire.Write(w, session);
    }
}
