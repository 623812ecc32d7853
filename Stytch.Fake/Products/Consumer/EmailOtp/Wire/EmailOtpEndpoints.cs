using Stytch.Fake.Http;
using Stytch.Fake.Products.Consumer.PhoneOtp;
using Stytch.Fake.Products.Consumer.Sessions.Wire;
using Stytch.Fake.Products.Consumer.Users.Wire;

namespace Stytch.Fake.Products.Consumer.EmailOtp.Wire;

/// <summary>The consumer email OTP endpoints, one entry per endpoint.</summary>
internal static class EmailOtpEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Post("otps.email.login_or_create", "/v1/otps/email/login_or_create", EmailOtpRequestJson.Default.OtpEmailLoginOrCreateRequest, LoginOrCreate),
        Endpoint.Post("otps.email.send", "/v1/otps/email/send", EmailOtpRequestJson.Default.OtpEmailSendRequest, Send),
        Endpoint.PostAsync("otps.authenticate", "/v1/otps/authenticate", EmailOtpRequestJson.Default.OtpAuthenticateRequest, AuthenticateOtp),
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
        var sent = call.Project.ConsumerProducts.EmailOtp.LoginOrCreate(request.Email, OtpOptions(request, request.CreateUserAsPending ?? false));
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("user_id", sent.UserId);
            w.WriteString("email_id", sent.EmailId);
            w.WriteBoolean("user_created", sent.UserCreated);
        });
    }

    private static ApiResponse Send(ApiCall call, OtpEmailSendRequest request)
    {
        var sent = call.Project.ConsumerProducts.EmailOtp.Send(request.Email, OtpOptions(request));
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
        // One endpoint authenticates every consumer code: a phone id's goes to phone OTP, the rest to email OTP.
        var result = PhoneOtpService.IsPhoneId(command.MethodId)
            ? call.Project.ConsumerProducts.PhoneOtp.Authenticate(command)
            : call.Project.ConsumerProducts.EmailOtp.Authenticate(command);
        var jwt = result.Session is null ? "" : await call.Project.Jwts.MintAsync(result.Session).ConfigureAwait(false);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("user_id", result.User.UserId);
            w.WriteString("method_id", result.MethodId);
            w.WriteString("session_token", result.Session?.SessionToken ?? "");
            w.WriteString("session_jwt", jwt);
            UserWire.Write(w, "user", result.User);
            w.WriteBoolean("reset_sessions", false);
            SessionWire.Write(w, result.Session);
        });
    }
}
