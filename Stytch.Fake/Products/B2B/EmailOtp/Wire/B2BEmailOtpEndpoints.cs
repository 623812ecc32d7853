using Stytch.Fake.Http;
using Stytch.Fake.Products.B2B.Members.Wire;
using Stytch.Fake.Products.B2B.Mfa.Wire;
using Stytch.Fake.Products.B2B.Organizations.Wire;

namespace Stytch.Fake.Products.B2B.EmailOtp.Wire;

/// <summary>The B2B email OTP endpoints: send a code to a member (made when the organization lets them in), and log in with it.</summary>
internal static class B2BEmailOtpEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Post("b2b.otps.email.login_or_signup", "/v1/b2b/otps/email/login_or_signup", B2BEmailOtpRequestJson.Default.B2BOtpEmailLoginOrSignupRequest, LoginOrSignup),
        Endpoint.PostAsync("b2b.otps.email.authenticate", "/v1/b2b/otps/email/authenticate", B2BEmailOtpRequestJson.Default.B2BOtpEmailAuthenticateRequest, Authenticate),
    ];

    private static ApiResponse LoginOrSignup(ApiCall call, B2BOtpEmailLoginOrSignupRequest request)
    {
        var sent = call.Project.B2BProducts.EmailOtp.LoginOrSignup(request.OrganizationId, request.EmailAddress, new LoginOrSignupOptions
        {
            LoginExpirationMinutes = request.LoginExpirationMinutes,
            SignupExpirationMinutes = request.SignupExpirationMinutes,
            Locale = request.Locale,
            LoginTemplateId = request.LoginTemplateId,
            SignupTemplateId = request.SignupTemplateId,
        });
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", sent.Member.MemberId);
            w.WriteBoolean("member_created", sent.MemberCreated);
            MemberWire.Write(w, "member", sent.Member, sent.Organization);
            OrganizationWire.Write(w, "organization", sent.Organization);
        });
    }

    private static async ValueTask<ApiResponse> Authenticate(ApiCall call, B2BOtpEmailAuthenticateRequest request)
    {
        var (sessionToken, sessionJwt) = (request.SessionToken, request.SessionJwt);
        var command = new B2BOtpAuthenticateCommand
        {
            OrganizationId = request.OrganizationId,
            EmailAddress = request.EmailAddress,
            Code = request.Code,
            SessionDurationMinutes = request.SessionDurationMinutes,
            IntermediateSessionToken = request.IntermediateSessionToken,
            Locale = request.Locale,
            CustomClaims = ClaimsJson.Read(request.SessionCustomClaims),
            SessionToken = sessionToken,
            SessionId = string.IsNullOrEmpty(sessionJwt) || !string.IsNullOrEmpty(sessionToken)
                ? null
                : await call.Project.Jwts.ReadSessionIdAsync(sessionJwt).ConfigureAwait(false),
        };
        var result = call.Project.B2BProducts.EmailOtp.Authenticate(command);
        return await B2BLoginWire.RespondAsync(call, result.Login, w => w.WriteString("method_id", result.MethodId)).ConfigureAwait(false);
    }
}
