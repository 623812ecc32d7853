using QRCoder;
using Stytch.Fake.Http;
using Stytch.Fake.Products.B2B.Members.Wire;
using Stytch.Fake.Products.B2B.Mfa.Wire;
using Stytch.Fake.Products.B2B.Organizations.Wire;
using Stytch.Fake.Products.B2B.SmsOtp.Wire;

namespace Stytch.Fake.Products.B2B.Totps.Wire;

/// <summary>The B2B TOTP endpoints: create a member's registration (secret, QR code, recovery codes), authenticate a code, and import another system's secret.</summary>
internal static class B2BTotpEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.PostAsync("b2b.totp.create", "/v1/b2b/totp", B2BTotpRequestJson.Default.B2BTotpCreateRequest, Create),
        Endpoint.PostAsync("b2b.totp.authenticate", "/v1/b2b/totp/authenticate", B2BSmsOtpRequestJson.Default.B2BMfaAuthenticateRequest, Authenticate),
        Endpoint.Post("b2b.totp.migrate", "/v1/b2b/totp/migrate", B2BTotpRequestJson.Default.B2BTotpMigrateRequest, Migrate),
    ];

    private static async ValueTask<ApiResponse> Create(ApiCall call, B2BTotpCreateRequest request)
    {
        var step = await MfaStepJson.ReadAsync(call, request.OrganizationId, request.MemberId, request.IntermediateSessionToken, request.SessionToken, request.SessionJwt).ConfigureAwait(false);
        var created = call.Project.B2BProducts.Totps.Create(step, request.ExpirationMinutes);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", created.Member.MemberId);
            w.WriteString("totp_registration_id", created.Registration.RegistrationId);
            w.WriteString("secret", created.Registration.Secret);
            w.WriteString("qr_code", QrCode(created.Uri));
            WriteCodes(w, created.Registration.RecoveryCodes);
            MemberWire.Write(w, "member", created.Member, created.Organization);
            OrganizationWire.Write(w, "organization", created.Organization);
        });
    }

    private static async ValueTask<ApiResponse> Authenticate(ApiCall call, B2BMfaAuthenticateRequest request)
    {
        var step = await B2BSmsOtpEndpoints.ReadStepAsync(call, request).ConfigureAwait(false);
        var (_, login) = call.Project.B2BProducts.Totps.Authenticate(step, request.Code);
        return await B2BSmsOtpEndpoints.RespondAsync(call, login).ConfigureAwait(false);
    }

    private static ApiResponse Migrate(ApiCall call, B2BTotpMigrateRequest request)
    {
        var migrated = call.Project.B2BProducts.Totps.Migrate(request.OrganizationId, request.MemberId, request.Secret, request.RecoveryCodes);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", migrated.Member.MemberId);
            MemberWire.Write(w, "member", migrated.Member, migrated.Organization);
            OrganizationWire.Write(w, "organization", migrated.Organization);
            w.WriteString("totp_registration_id", migrated.Registration.RegistrationId);
            WriteCodes(w, migrated.Registration.RecoveryCodes);
        });
    }

    private static void WriteCodes(System.Text.Json.Utf8JsonWriter w, IReadOnlyList<string> codes)
    {
        w.WriteStartArray("recovery_codes");
        foreach (var code in codes)
        {
            w.WriteStringValue(code);
        }

        w.WriteEndArray();
    }

    /// <summary>
    /// The QR code of the <c>otpauth://</c> URI as a PNG data URI ("The QR code image encoded in base64", the spec; Stytch
    /// answers <c>data:image/png;base64,…</c>).
    /// </summary>
    private static string QrCode(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        return "data:image/png;base64," + Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(4));
    }
}
