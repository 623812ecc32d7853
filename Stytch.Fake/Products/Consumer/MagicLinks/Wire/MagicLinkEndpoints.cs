using Stytch.Fake.Http;
using Stytch.Fake.Products.Consumer.Sessions.Wire;
using Stytch.Fake.Products.Consumer.Users.Wire;

namespace Stytch.Fake.Products.Consumer.MagicLinks.Wire;

/// <summary>The consumer magic-link endpoints, one entry per endpoint.</summary>
internal static class MagicLinkEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Post("magic_links.email.login_or_create", "/v1/magic_links/email/login_or_create", MagicLinkRequestJson.Default.MagicLinkLoginOrCreateRequest, LoginOrCreate),
        Endpoint.Post("magic_links.email.send", "/v1/magic_links/email/send", MagicLinkRequestJson.Default.MagicLinkSendRequest, Send),
        Endpoint.Post("magic_links.email.invite", "/v1/magic_links/email/invite", MagicLinkRequestJson.Default.MagicLinkInviteRequest, Invite),
        Endpoint.Post("magic_links.email.revoke_invite", "/v1/magic_links/email/revoke_invite", MagicLinkRequestJson.Default.MagicLinkRevokeInviteRequest, RevokeInvite),
        Endpoint.Post("magic_links.create", "/v1/magic_links", MagicLinkRequestJson.Default.MagicLinkCreateRequest, Create),
        Endpoint.PostAsync("magic_links.authenticate", "/v1/magic_links/authenticate", MagicLinkRequestJson.Default.MagicLinkAuthenticateRequest, Authenticate),
    ];

    private static MagicLinkSendOptions SendOptions(IMagicLinkEmailOptions request, bool createUserAsPending = false) =>
        new()
        {
            LoginMagicLinkUrl = request.LoginMagicLinkUrl,
            SignupMagicLinkUrl = request.SignupMagicLinkUrl,
            LoginExpirationMinutes = request.LoginExpirationMinutes,
            SignupExpirationMinutes = request.SignupExpirationMinutes,
            LoginTemplateId = request.LoginTemplateId,
            SignupTemplateId = request.SignupTemplateId,
            Locale = request.Locale,
            CodeChallenge = request.CodeChallenge,
            CreateUserAsPending = createUserAsPending,
            Attributes = AttributesJson.ReadAttributes(request.Attributes),
        };

    private static ApiResponse LoginOrCreate(ApiCall call, MagicLinkLoginOrCreateRequest request)
    {
        var sent = call.Project.ConsumerProducts.MagicLinks.LoginOrCreate(request.Email, SendOptions(request, request.CreateUserAsPending ?? false));
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("user_id", sent.UserId);
            w.WriteString("email_id", sent.EmailId);
            w.WriteBoolean("user_created", sent.UserCreated);
        });
    }

    private static ApiResponse Send(ApiCall call, MagicLinkSendRequest request) =>
        Sent(call, call.Project.ConsumerProducts.MagicLinks.Send(request.Email, SendOptions(request)));

    private static ApiResponse Invite(ApiCall call, MagicLinkInviteRequest request) =>
        Sent(call, call.Project.ConsumerProducts.MagicLinks.Invite(request.Email, new MagicLinkInviteOptions
        {
            InviteMagicLinkUrl = request.InviteMagicLinkUrl,
            InviteExpirationMinutes = request.InviteExpirationMinutes,
            InviteTemplateId = request.InviteTemplateId,
            Locale = request.Locale,
            Attributes = AttributesJson.ReadAttributes(request.Attributes),
        }));

    private static ApiResponse RevokeInvite(ApiCall call, MagicLinkRevokeInviteRequest request)
    {
        call.Project.ConsumerProducts.MagicLinks.RevokeInvite(request.Email);
        return ApiResponse.Ok(call.RequestId, _ => { });
    }

    private static ApiResponse Create(ApiCall call, MagicLinkCreateRequest request)
    {
        var (userId, token) = call.Project.ConsumerProducts.MagicLinks.Create(request.UserId, request.ExpirationMinutes, AttributesJson.ReadAttributes(request.Attributes));
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("user_id", userId);
            w.WriteString("token", token);
        });
    }

    private static ApiResponse Sent(ApiCall call, MagicLinkSent sent) =>
        ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("user_id", sent.UserId);
            w.WriteString("email_id", sent.EmailId);
        });

    private static async ValueTask<ApiResponse> Authenticate(ApiCall call, MagicLinkAuthenticateRequest request)
    {
        var (sessionToken, sessionJwt) = (request.SessionToken, request.SessionJwt);
        var command = new MagicLinkAuthenticateCommand
        {
            // [BodyRequired]: never null once bound.
            Token = request.Token!,
            CodeVerifier = request.CodeVerifier,
            SessionDurationMinutes = request.SessionDurationMinutes,
            SessionToken = sessionToken,
            SessionId = string.IsNullOrEmpty(sessionJwt) || !string.IsNullOrEmpty(sessionToken)
                ? null
                : await call.Project.Jwts.ReadSessionIdAsync(sessionJwt).ConfigureAwait(false),
            Attributes = AttributesJson.ReadAttributes(request.Attributes),
            Options = AttributesJson.ReadOptions(request.Options),
            CustomClaims = ClaimsJson.Read(request.SessionCustomClaims),
        };
        var result = call.Project.ConsumerProducts.MagicLinks.Authenticate(command);
        var jwt = result.Session is null ? "" : await call.Project.Jwts.MintAsync(result.Session).ConfigureAwait(false);

        // The consumer shape the SDKs read (the spec points this operation at B2B's schema): as otps/authenticate.
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
