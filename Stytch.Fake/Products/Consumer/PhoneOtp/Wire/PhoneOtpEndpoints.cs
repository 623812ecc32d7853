using Stytch.Fake.Http;

namespace Stytch.Fake.Products.Consumer.PhoneOtp.Wire;

/// <summary>The consumer SMS and WhatsApp OTP endpoints, one entry per endpoint; codes are authenticated by <c>otps.authenticate</c>.</summary>
internal static class PhoneOtpEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Post("otps.sms.login_or_create", "/v1/otps/sms/login_or_create", PhoneOtpRequestJson.Default.PhoneOtpLoginOrCreateRequest, (call, r) => LoginOrCreate(call, r, DeliveryChannel.Sms)),
        Endpoint.PostAsync("otps.sms.send", "/v1/otps/sms/send", PhoneOtpRequestJson.Default.PhoneOtpSendRequest, (call, r) => SendAsync(call, r, DeliveryChannel.Sms)),
        Endpoint.Post("otps.whatsapp.login_or_create", "/v1/otps/whatsapp/login_or_create", PhoneOtpRequestJson.Default.PhoneOtpLoginOrCreateRequest, (call, r) => LoginOrCreate(call, r, DeliveryChannel.WhatsApp)),
        Endpoint.PostAsync("otps.whatsapp.send", "/v1/otps/whatsapp/send", PhoneOtpRequestJson.Default.PhoneOtpSendRequest, (call, r) => SendAsync(call, r, DeliveryChannel.WhatsApp)),
    ];

    private static ApiResponse LoginOrCreate(ApiCall call, PhoneOtpLoginOrCreateRequest request, DeliveryChannel channel)
    {
        var sent = call.Project.ConsumerProducts.PhoneOtp.LoginOrCreate(channel, request.PhoneNumber, new PhoneOtpOptions
        {
            ExpirationMinutes = request.ExpirationMinutes,
            Locale = request.Locale,
            CreateUserAsPending = request.CreateUserAsPending ?? false,
            Attributes = AttributesJson.ReadAttributes(request.Attributes),
        });
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("user_id", sent.UserId);
            w.WriteString("phone_id", sent.PhoneId);
            w.WriteBoolean("user_created", sent.UserCreated);
        });
    }

    private static async ValueTask<ApiResponse> SendAsync(ApiCall call, PhoneOtpSendRequest request, DeliveryChannel channel)
    {
        var (sessionToken, sessionJwt) = (request.SessionToken, request.SessionJwt);
        var options = new PhoneOtpOptions
        {
            ExpirationMinutes = request.ExpirationMinutes,
            Locale = request.Locale,
            Attributes = AttributesJson.ReadAttributes(request.Attributes),
            UserId = request.UserId,
            SessionToken = sessionToken,
            SessionId = string.IsNullOrEmpty(sessionJwt) || !string.IsNullOrEmpty(sessionToken)
                ? null
                : await call.Project.Jwts.ReadSessionIdAsync(sessionJwt).ConfigureAwait(false),
        };
        var sent = call.Project.ConsumerProducts.PhoneOtp.Send(channel, request.PhoneNumber, options);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("user_id", sent.UserId);
            w.WriteString("phone_id", sent.PhoneId);
        });
    }
}
