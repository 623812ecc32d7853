using Stytch.Fake.Http;
using Stytch.Fake.Products.B2B.Members.Wire;
using Stytch.Fake.Products.B2B.Mfa;
using Stytch.Fake.Products.B2B.Mfa.Wire;
using Stytch.Fake.Products.B2B.Organizations.Wire;

namespace Stytch.Fake.Products.B2B.SmsOtp.Wire;

/// <summary>The B2B SMS OTP endpoints: send an MFA code to a member's phone, and authenticate it.</summary>
internal static class B2BSmsOtpEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.PostAsync("b2b.otps.sms.send", "/v1/b2b/otps/sms/send", B2BSmsOtpRequestJson.Default.B2BSmsSendRequest, Send),
        Endpoint.PostAsync("b2b.otps.sms.authenticate", "/v1/b2b/otps/sms/authenticate", B2BSmsOtpRequestJson.Default.B2BMfaAuthenticateRequest, Authenticate),
    ];

    private static async ValueTask<ApiResponse> Send(ApiCall call, B2BSmsSendRequest request)
    {
        var step = await MfaStepJson.ReadAsync(call, request.OrganizationId, request.MemberId, request.IntermediateSessionToken, request.SessionToken, request.SessionJwt).ConfigureAwait(false);
        var (member, organization) = call.Project.B2BProducts.SmsOtp.Send(new B2BSmsSendCommand { Step = step, MfaPhoneNumber = request.MfaPhoneNumber, Locale = request.Locale });
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", member.MemberId);
            MemberWire.Write(w, "member", member, organization);
            OrganizationWire.Write(w, "organization", organization);
        });
    }

    private static async ValueTask<ApiResponse> Authenticate(ApiCall call, B2BMfaAuthenticateRequest request)
    {
        var step = await ReadStepAsync(call, request).ConfigureAwait(false);
        var (_, login) = call.Project.B2BProducts.SmsOtp.Authenticate(new B2BSmsAuthenticateCommand(step, request.Code));
        return await RespondAsync(call, login).ConfigureAwait(false);
    }

    /// <summary>The member and session fields of an SMS or TOTP authenticate request.</summary>
    public static ValueTask<MfaStepCommand> ReadStepAsync(ApiCall call, B2BMfaAuthenticateRequest request) =>
        MfaStepJson.ReadAsync(
            call, request.OrganizationId, request.MemberId, request.IntermediateSessionToken, request.SessionToken, request.SessionJwt,
            request.SessionDurationMinutes, request.SessionCustomClaims, request.SetMfaEnrollment, request.SetDefaultMfa);

    /// <summary>
    /// The answer of SMS and TOTP authenticate: member, organization and the member session (these two responses have no
    /// intermediate-session fields in the spec: the MFA step is the last one).
    /// </summary>
    public static async ValueTask<ApiResponse> RespondAsync(ApiCall call, B2BLogin login, Action<System.Text.Json.Utf8JsonWriter>? extra = null)
    {
        var jwt = await B2BLoginWire.JwtAsync(call, login).ConfigureAwait(false);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", login.Member.MemberId);
            MemberWire.Write(w, "member", login.Member, login.Organization);
            OrganizationWire.Write(w, "organization", login.Organization);
            B2BLoginWire.WriteSession(w, login, jwt);
            extra?.Invoke(w);
        });
    }
}
