using System.Text.Json;
using System.Text.Json.Serialization;
using Stytch.Fake.Http;
using Stytch.Fake.Http.Binding;
using Stytch.Fake.Products.B2B.Members.Wire;
using Stytch.Fake.Products.B2B.Mfa.Wire;
using Stytch.Fake.Products.B2B.Organizations.Wire;
using Stytch.Fake.Products.B2B.SmsOtp.Wire;

namespace Stytch.Fake.Products.B2B.RecoveryCodes.Wire;

/// <summary><c>POST /v1/b2b/recovery_codes/rotate</c>.</summary>
internal sealed record B2BRecoveryRotateRequest(string? OrganizationId, string? MemberId);

/// <summary><c>POST /v1/b2b/recovery_codes/recover</c>; <c>telemetry_id</c> is type-checked only.</summary>
internal sealed record B2BRecoveryRecoverRequest(
    [property: BodyRule<ClaimsJson.Rule>] JsonElement? SessionCustomClaims,
    string? TelemetryId,
    string? OrganizationId,
    string? MemberId,
    string? RecoveryCode,
    string? IntermediateSessionToken,
    string? SessionToken,
    string? SessionJwt,
    int? SessionDurationMinutes);

/// <summary>The B2B recovery code request records' source-generated type info.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, GenerationMode = JsonSourceGenerationMode.Metadata)]
[JsonSerializable(typeof(B2BRecoveryRotateRequest))]
[JsonSerializable(typeof(B2BRecoveryRecoverRequest))]
internal sealed partial class B2BRecoveryCodeRequestJson : JsonSerializerContext;

/// <summary>The B2B recovery code endpoints: list a member's unused codes, replace them, and log in with one.</summary>
internal static class B2BRecoveryCodeEndpoints
{
    public static IEnumerable<Endpoint> All() =>
    [
        Endpoint.Get("b2b.recovery_codes.get", "/v1/b2b/recovery_codes/{organization_id}/{member_id}", Get),
        Endpoint.Post("b2b.recovery_codes.rotate", "/v1/b2b/recovery_codes/rotate", B2BRecoveryCodeRequestJson.Default.B2BRecoveryRotateRequest, Rotate),
        Endpoint.PostAsync("b2b.recovery_codes.recover", "/v1/b2b/recovery_codes/recover", B2BRecoveryCodeRequestJson.Default.B2BRecoveryRecoverRequest, Recover),
    ];

    private static ApiResponse Get(ApiCall call) =>
        Codes(call, call.Project.B2BProducts.RecoveryCodes.Get(call.PathValues["organization_id"], call.PathValues["member_id"]));

    private static ApiResponse Rotate(ApiCall call, B2BRecoveryRotateRequest request) =>
        Codes(call, call.Project.B2BProducts.RecoveryCodes.Rotate(request.OrganizationId, request.MemberId));

    private static async ValueTask<ApiResponse> Recover(ApiCall call, B2BRecoveryRecoverRequest request)
    {
        var step = await MfaStepJson.ReadAsync(
            call, request.OrganizationId, request.MemberId, request.IntermediateSessionToken, request.SessionToken, request.SessionJwt,
            request.SessionDurationMinutes, request.SessionCustomClaims).ConfigureAwait(false);
        var (_, login, remaining) = call.Project.B2BProducts.RecoveryCodes.Recover(step, request.RecoveryCode);
        return await B2BSmsOtpEndpoints.RespondAsync(call, login, w => w.WriteNumber("recovery_codes_remaining", remaining)).ConfigureAwait(false);
    }

    private static ApiResponse Codes(ApiCall call, RecoveryCodesOf codes) => ApiResponse.Ok(call.RequestId, w =>
    {
        w.WriteString("member_id", codes.Member.MemberId);
        MemberWire.Write(w, "member", codes.Member, codes.Organization);
        OrganizationWire.Write(w, "organization", codes.Organization);
        w.WriteStartArray("recovery_codes");
        foreach (var code in codes.Codes)
        {
            w.WriteStringValue(code);
        }

        w.WriteEndArray();
    });
}
