using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Http;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Members.Wire;
using Stytch.Fake.Products.B2B.Mfa;
using Stytch.Fake.Products.B2B.Mfa.Wire;
using Stytch.Fake.Products.B2B.Organizations.Wire;
using Stytch.Fake.Products.B2B.Sessions.Wire;

namespace Stytch.Fake.Products.B2B.Passwords.Wire;

/// <summary>The B2B password endpoints: authenticate, strength check, the three resets and migrate.</summary>
internal static class B2BPasswordEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.PostAsync("b2b.passwords.authenticate", "/v1/b2b/passwords/authenticate", B2BPasswordRequestJson.Default.B2BPasswordAuthenticateRequest, Authenticate),
        Endpoint.Post("b2b.passwords.strength_check", "/v1/b2b/passwords/strength_check", B2BPasswordRequestJson.Default.B2BPasswordStrengthCheckRequest, StrengthCheck),
        Endpoint.Post("b2b.passwords.email.reset.start", "/v1/b2b/passwords/email/reset/start", B2BPasswordRequestJson.Default.B2BPasswordResetStartRequest, ResetStart),
        Endpoint.PostAsync("b2b.passwords.email.reset", "/v1/b2b/passwords/email/reset", B2BPasswordRequestJson.Default.B2BPasswordEmailResetRequest, EmailReset),
        Endpoint.PostAsync("b2b.passwords.existing_password.reset", "/v1/b2b/passwords/existing_password/reset", B2BPasswordRequestJson.Default.B2BExistingPasswordResetRequest, ExistingReset),
        Endpoint.PostAsync("b2b.passwords.session.reset", "/v1/b2b/passwords/session/reset", B2BPasswordRequestJson.Default.B2BSessionPasswordResetRequest, SessionReset),
        Endpoint.Post("b2b.passwords.migrate", "/v1/b2b/passwords/migrate", B2BPasswordRequestJson.Default.B2BPasswordMigrateRequest, Migrate),
        Endpoint.Post("b2b.passwords.email.require_reset", "/v1/b2b/passwords/email/require_reset", B2BPasswordRequestJson.Default.B2BPasswordRequireResetRequest, RequireReset),
    ];

    private static async ValueTask<ApiResponse> Authenticate(ApiCall call, B2BPasswordAuthenticateRequest request)
    {
        var session = await SessionOptions(call, request.SessionToken, request.SessionJwt, request.SessionDurationMinutes, request.SessionCustomClaims, request.Locale, request.IntermediateSessionToken).ConfigureAwait(false);
        var login = call.Project.B2BProducts.Passwords.Authenticate(new B2BPasswordAuthenticateCommand
        {
            OrganizationId = request.OrganizationId,
            EmailAddress = request.EmailAddress,
            Password = request.Password,
            Session = session,
        });
        return await B2BLoginWire.RespondAsync(call, login).ConfigureAwait(false);
    }

    private static ApiResponse StrengthCheck(ApiCall call, B2BPasswordStrengthCheckRequest request)
    {
        var report = call.Project.B2BProducts.Passwords.StrengthCheck(request.Password, request.EmailAddress);
        return ApiResponse.Ok(call.RequestId, w => PasswordStrengthWire.Write(w, report));
    }

    private static ApiResponse ResetStart(ApiCall call, B2BPasswordResetStartRequest request)
    {
        var sent = call.Project.B2BProducts.Passwords.ResetStart(new B2BPasswordResetStartCommand
        {
            OrganizationId = request.OrganizationId,
            EmailAddress = request.EmailAddress,
            ResetPasswordRedirectUrl = request.ResetPasswordRedirectUrl,
            ResetPasswordExpirationMinutes = request.ResetPasswordExpirationMinutes,
            CodeChallenge = request.CodeChallenge,
            LoginRedirectUrl = request.LoginRedirectUrl,
            Locale = request.Locale,
            ResetPasswordTemplateId = request.ResetPasswordTemplateId,
        });
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", sent.Member.MemberId);
            w.WriteString("member_email_id", sent.Member.EmailId);
            MemberWire.Write(w, "member", sent.Member, sent.Organization);
        });
    }

    private static async ValueTask<ApiResponse> EmailReset(ApiCall call, B2BPasswordEmailResetRequest request)
    {
        var session = await SessionOptions(call, request.SessionToken, request.SessionJwt, request.SessionDurationMinutes, request.SessionCustomClaims, request.Locale, request.IntermediateSessionToken).ConfigureAwait(false);
        var login = call.Project.B2BProducts.Passwords.ResetByEmail(new B2BPasswordEmailResetCommand
        {
            PasswordResetToken = request.PasswordResetToken,
            Password = request.Password,
            CodeVerifier = request.CodeVerifier,
            Session = session,
        });
        return await B2BLoginWire.RespondAsync(call, login, w => w.WriteString("member_email_id", login.Member.EmailId)).ConfigureAwait(false);
    }

    private static async ValueTask<ApiResponse> ExistingReset(ApiCall call, B2BExistingPasswordResetRequest request)
    {
        var session = await SessionOptions(call, request.SessionToken, request.SessionJwt, request.SessionDurationMinutes, request.SessionCustomClaims, request.Locale, null).ConfigureAwait(false);
        var login = call.Project.B2BProducts.Passwords.ResetExisting(new B2BExistingPasswordResetCommand
        {
            OrganizationId = request.OrganizationId,
            EmailAddress = request.EmailAddress,
            ExistingPassword = request.ExistingPassword,
            NewPassword = request.NewPassword,
            Session = session,
        });
        return await LoggedIn(call, login).ConfigureAwait(false);
    }

    private static async ValueTask<ApiResponse> SessionReset(ApiCall call, B2BSessionPasswordResetRequest request)
    {
        var session = await SessionOptions(call, request.SessionToken, request.SessionJwt, request.SessionDurationMinutes, request.SessionCustomClaims, request.Locale, null).ConfigureAwait(false);
        var login = call.Project.B2BProducts.Passwords.ResetBySession(new B2BSessionPasswordResetCommand
        {
            OrganizationId = request.OrganizationId,
            Password = request.Password,
            Session = session,
        });
        return await LoggedIn(call, login, primaryRequired: false).ConfigureAwait(false);
    }

    /// <summary>The answer names the member and organization only when one member was marked (the spec makes them optional).</summary>
    private static ApiResponse RequireReset(ApiCall call, B2BPasswordRequireResetRequest request)
    {
        var marked = call.Project.B2BProducts.Passwords.RequireReset(request.EmailAddress, request.OrganizationId, request.MemberId);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            if (marked is { Member: { } member, Organization: { } organization })
            {
                w.WriteString("member_id", member.MemberId);
                MemberWire.Write(w, "member", member, organization);
                OrganizationWire.Write(w, "organization", organization);
            }
        });
    }

    private static ApiResponse Migrate(ApiCall call, B2BPasswordMigrateRequest request)
    {
        var migrated = call.Project.B2BProducts.Passwords.Migrate(new B2BPasswordMigrateCommand
        {
            OrganizationId = request.OrganizationId,
            EmailAddress = request.EmailAddress,
            Hash = LegacyHashJson.Read(request.HashType, request.Hash, request.Md5Config, request.Sha1Config, request.Sha512Config, request.Argon2Config, request.ScryptConfig, request.Pbkdf2Config),
            Fields = new MemberFields
            {
                Name = request.Name,
                TrustedMetadata = request.TrustedMetadata?.GetRawText(),
                UntrustedMetadata = request.UntrustedMetadata?.GetRawText(),
                Roles = request.Roles,
                MfaPhoneNumber = request.MfaPhoneNumber,
                ExternalId = request.ExternalId,
            },
        });
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", migrated.Member.MemberId);
            w.WriteBoolean("member_created", migrated.MemberCreated);
            MemberWire.Write(w, "member", migrated.Member, migrated.Organization);
            OrganizationWire.Write(w, "organization", migrated.Organization);
        });
    }

    /// <summary>The session fields shared by the calls that log a member in, with the JWT read to its session id.</summary>
    private static async ValueTask<B2BPasswordSessionOptions> SessionOptions(ApiCall call, string? sessionToken, string? sessionJwt, int? minutes, JsonElement? claims, string? locale, string? intermediateSessionToken)
    {
        // The spec: "This endpoint will error if both session_token and session_jwt are provided."
        if (!string.IsNullOrEmpty(sessionToken) && !string.IsNullOrEmpty(sessionJwt))
        {
            throw new StytchException(StytchError.TooManySessionArguments);
        }

        return new B2BPasswordSessionOptions
        {
            SessionToken = sessionToken,
            SessionId = string.IsNullOrEmpty(sessionJwt) ? null : await call.Project.Jwts.ReadSessionIdAsync(sessionJwt).ConfigureAwait(false),
            SessionDurationMinutes = minutes,
            CustomClaims = ClaimsJson.Read(claims),
            Locale = locale,
            IntermediateSessionToken = intermediateSessionToken,
        };
    }

    /// <summary>
    /// The answer of the resets without <c>organization_id</c> (the spec's shapes): the member, the organization, the
    /// member session or the intermediate session and its step; session/reset's answer has no <c>primary_required</c>.
    /// </summary>
    private static async ValueTask<ApiResponse> LoggedIn(ApiCall call, B2BLogin login, bool primaryRequired = true)
    {
        var jwt = await B2BLoginWire.JwtAsync(call, login).ConfigureAwait(false);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", login.Member.MemberId);
            MemberWire.Write(w, "member", login.Member, login.Organization);
            OrganizationWire.Write(w, "organization", login.Organization);
            B2BLoginWire.WriteSession(w, login, jwt);
            if (primaryRequired)
            {
                B2BLoginWire.WriteSteps(w, login);
                return;
            }

            w.WriteString("intermediate_session_token", login.IntermediateSessionToken);
            w.WriteBoolean("member_authenticated", login.MemberAuthenticated);
            B2BLoginWire.WriteMfaRequired(w, login.MfaRequired);
        });
    }
}

/// <summary>Writes a strength check's answer (<c>strength_check</c> of both audiences share its shape).</summary>
internal static class PasswordStrengthWire
{
    public static void Write(Utf8JsonWriter w, PasswordStrengthReport report)
    {
        w.WriteBoolean("valid_password", report.ValidPassword);
        w.WriteNumber("score", report.Score);
        w.WriteBoolean("breached_password", report.BreachedPassword);
        w.WriteString("strength_policy", report.StrengthPolicy);
        w.WriteBoolean("breach_detection_on_create", report.BreachDetectionOnCreate);
        w.WriteStartObject("luds_feedback");
        var luds = report.Luds;
        w.WriteBoolean("has_lower_case", luds?.HasLowerCase ?? false);
        w.WriteBoolean("has_upper_case", luds?.HasUpperCase ?? false);
        w.WriteBoolean("has_digit", luds?.HasDigit ?? false);
        w.WriteBoolean("has_symbol", luds?.HasSymbol ?? false);
        w.WriteNumber("missing_complexity", luds?.MissingComplexity ?? 0);
        w.WriteNumber("missing_characters", luds?.MissingCharacters ?? 0);
        w.WriteEndObject();
        w.WriteStartObject("zxcvbn_feedback");
        w.WriteString("warning", report.Warning);
        w.WriteStartArray("suggestions");
        foreach (var suggestion in report.Suggestions)
        {
            w.WriteStringValue(suggestion);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
