using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;
using Stytch.Fake.Products.Admin.Wire;
using Stytch.Fake.Products.Consumer.EmailOtp.Wire;
using Stytch.Fake.Products.Consumer.MagicLinks.Wire;
using Stytch.Fake.Products.Consumer.Passwords.Wire;
using Stytch.Fake.Products.Consumer.Sessions.Wire;
using Stytch.Fake.Products.Consumer.Users.Wire;

namespace Stytch.Fake.Products.Frontend.Wire;

/// <summary>
/// The frontend SDK API under <c>/sdk/v1</c>, the calls of <c>@stytch/vanilla-js</c> (and so of <c>@stytch/react</c> and
/// <c>@stytch/nextjs</c>): the project's bootstrap, telemetry, and the backend's own endpoints reused one line each.
/// </summary>
internal static class FrontendEndpoints
{
    private static readonly FrontendBody OtpAuthenticate = new(new Dictionary<string, string>(StringComparer.Ordinal) { ["token"] = "code" });
    private static readonly FrontendBody OfSession = FrontendBody.OfSession;
    private static readonly FrontendBody OtpSend = new(MethodIdOf: "email_id");
    private static readonly FrontendBody OtpSendOfSession = new(Session: SessionUse.Required, MethodIdOf: "email_id");

    public static IEnumerable<Endpoint> All()
    {
        var emailOtp = EmailOtpEndpoints.All().ToList();
        var sessions = SessionEndpoints.All().ToList();
        var users = UserEndpoints.All().ToList();
        var magicLinks = MagicLinkEndpoints.All().ToList();
        var passwords = PasswordEndpoints.All().ToList();
        return
        [
            Endpoint.Get("sdk.projects.bootstrap", FrontendEndpoint.Base + "/projects/bootstrap/{public_token}", BootstrapWire.Respond, Access.PublicToken),
            // Telemetry: a JSON array, sent without credentials; accepted and dropped (the SDK ignores the answer).
            new Endpoint("sdk.events", "POST", new Route(FrontendEndpoint.Base + "/events"), null, _ => ValueTask.FromResult(ApiResponse.Plain(200, _ => { })), Access.Public),
            Endpoint.Get("sdk.clientside_services", ClientsideServicesStub.Path, ClientsideServicesStub.Respond, Access.Public),
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(emailOtp, "otps.email.login_or_create"), "/otps/email/login_or_create", OtpSend),
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(emailOtp, "otps.authenticate"), "/otps/authenticate", OtpAuthenticate),
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(sessions, "sessions.authenticate"), "/sessions/authenticate", OfSession),
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(sessions, "sessions.revoke"), "/sessions/revoke", OfSession),
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(users, "users.get"), "/users/me", pathValues: SessionUser),
            Endpoint.Post("sdk.users.search", FrontendEndpoint.Base + "/users/search", FrontendRequestJson.Default.FrontendUserSearchRequest, SearchUser, Access.PublicToken),
            // The SDK's send is primary before login and secondary (a factor for the logged-in session) after.
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(emailOtp, "otps.email.send"), "/otps/email/send/primary", OtpSend),
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(emailOtp, "otps.email.send"), "/otps/email/send/secondary", OtpSendOfSession),
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(magicLinks, "magic_links.email.login_or_create"), "/magic_links/email/login_or_create"),
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(magicLinks, "magic_links.email.send"), "/magic_links/email/send/primary"),
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(magicLinks, "magic_links.email.send"), "/magic_links/email/send/secondary", OfSession),
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(magicLinks, "magic_links.authenticate"), "/magic_links/authenticate"),
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(passwords, StytchEndpoints.Consumer.PasswordCreate), "/passwords"),
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(passwords, StytchEndpoints.Consumer.PasswordAuthenticate), "/passwords/authenticate"),
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(passwords, StytchEndpoints.Consumer.PasswordStrengthCheck), "/passwords/strength_check"),
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(passwords, StytchEndpoints.Consumer.PasswordEmailResetStart), "/passwords/email/reset/start"),
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(passwords, StytchEndpoints.Consumer.PasswordEmailReset), "/passwords/email/reset"),
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(passwords, StytchEndpoints.Consumer.PasswordExistingPasswordReset), "/passwords/existing_password/reset"),
            FrontendEndpoint.Reuse(FrontendEndpoint.Named(passwords, StytchEndpoints.Consumer.PasswordSessionReset), "/passwords/session/reset", OfSession),
            .. FrontendB2BEndpoints.All(),
            .. OriginEndpoints.All(),
        ];
    }

    /// <summary>
    /// <c>users/search</c>: <c>{"userType": "new" | "password" | "passwordless"}</c>, in camelCase as the SDK reads it
    /// (<c>SearchManager.searchUser</c> and the pre-built <c>PasswordForm</c> of <c>@stytch/vanilla-js</c> 6.3.0). The
    /// field's spelling on Stytch's wire is inferred from that reading: the call is not in Stytch's published API.
    /// </summary>
    private static ApiResponse SearchUser(ApiCall call, FrontendUserSearchRequest request)
    {
        var type = UserTypes.Of(call.Project.ConsumerProducts.Store, call.Project.ConsumerProducts.Users, request.Email);
        return ApiResponse.Ok(call.RequestId, w => w.WriteString("userType", type));
    }

    /// <summary><c>users/me</c> is the backend's get-user of the logged-in session's user.</summary>
    private static Dictionary<string, string> SessionUser(ApiCall call)
    {
        var token = FrontendCalls.SessionToken(call) ?? throw new StytchException(StytchError.SessionNotFound);
        var session = call.Project.ConsumerProducts.Sessions.Authenticate(token, null, null);
        return new Dictionary<string, string>(StringComparer.Ordinal) { ["user_id"] = session.User.UserId };
    }
}

/// <summary><c>POST /sdk/v1/users/search</c>: the address the pre-built password login was given.</summary>
internal sealed record FrontendUserSearchRequest(
    [property: BodyRequired("bad_request", Message = "email is required.")] string? Email,
    string? DfpTelemetryId,
    string? CaptchaToken);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(FrontendUserSearchRequest))]
internal sealed partial class FrontendRequestJson : JsonSerializerContext;
