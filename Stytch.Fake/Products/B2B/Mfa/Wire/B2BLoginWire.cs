using System.Text.Json;
using Stytch.Fake.Http;
using Stytch.Fake.Products.B2B.Members.Wire;
using Stytch.Fake.Products.B2B.Organizations.Wire;
using Stytch.Fake.Products.B2B.Sessions.Wire;

namespace Stytch.Fake.Products.B2B.Mfa.Wire;

/// <summary>
/// Writes the answer of a B2B login (<see cref="B2BLogin"/>) in Stytch's fields, for every endpoint that ends in the
/// login gate: the member session (<c>session_token</c>, <c>session_jwt</c>, <c>member_session</c>), or the
/// intermediate session and the step still missing (<c>intermediate_session_token</c>, <c>member_authenticated</c>,
/// <c>mfa_required</c>, <c>primary_required</c>).
/// </summary>
/// <remarks>
/// Without a member session Stytch answers empty <c>session_token</c> and <c>session_jwt</c> and
/// <c>member_session: null</c> (stytch.com/docs/multi-tenant-auth/manage-sessions/intermediate-sessions/mfa, sample
/// response); with one, an empty <c>intermediate_session_token</c> and both steps null.
/// </remarks>
internal static class B2BLoginWire
{
    /// <summary>The JWT of the login's member session, or empty when there is none.</summary>
    public static async ValueTask<string> JwtAsync(ApiCall call, B2BLogin login)
    {
        ArgumentNullException.ThrowIfNull(call);
        ArgumentNullException.ThrowIfNull(login);
        return login.Session is null ? "" : await call.Project.Jwts.MintAsync(login.Session).ConfigureAwait(false);
    }

    /// <summary>
    /// The answer of email OTP and magic-link authenticate and of the exchanges: <c>member_id</c>, then what
    /// <paramref name="extra"/> writes (<c>method_id</c>, …), then every field of the login, in Stytch's order.
    /// </summary>
    public static async ValueTask<ApiResponse> RespondAsync(ApiCall call, B2BLogin login, Action<Utf8JsonWriter>? extra = null)
    {
        var jwt = await JwtAsync(call, login).ConfigureAwait(false);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", login.Member.MemberId);
            extra?.Invoke(w);
            w.WriteString("organization_id", login.Organization.OrganizationId);
            MemberWire.Write(w, "member", login.Member, login.Organization);
            OrganizationWire.Write(w, "organization", login.Organization);
            WriteSession(w, login, jwt);
            WriteSteps(w, login);
        });
    }

    /// <summary>
    /// The answer of the exchanges and of discovery's organization create: as <see cref="RespondAsync"/> but without
    /// <c>organization_id</c>, which their response schemas lack.
    /// </summary>
    public static async ValueTask<ApiResponse> RespondWithoutOrganizationIdAsync(ApiCall call, B2BLogin login)
    {
        var jwt = await JwtAsync(call, login).ConfigureAwait(false);
        return ApiResponse.Ok(call.RequestId, w =>
        {
            w.WriteString("member_id", login.Member.MemberId);
            MemberWire.Write(w, "member", login.Member, login.Organization);
            OrganizationWire.Write(w, "organization", login.Organization);
            WriteSession(w, login, jwt);
            WriteSteps(w, login);
        });
    }

    /// <summary><c>session_token</c>, <c>session_jwt</c> and <c>member_session</c> (empty, empty and null without a session).</summary>
    public static void WriteSession(Utf8JsonWriter w, B2BLogin login, string jwt)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(login);
        w.WriteString("session_token", login.Session?.SessionToken ?? "");
        w.WriteString("session_jwt", jwt);
        if (login.Session is null)
        {
            w.WriteNull("member_session");
        }
        else
        {
            MemberSessionWire.Write(w, login.Session);
        }
    }

    /// <summary><c>intermediate_session_token</c>, <c>member_authenticated</c>, <c>mfa_required</c> and <c>primary_required</c>.</summary>
    public static void WriteSteps(Utf8JsonWriter w, B2BLogin login)
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(login);
        w.WriteString("intermediate_session_token", login.IntermediateSessionToken);
        w.WriteBoolean("member_authenticated", login.MemberAuthenticated);
        WriteMfaRequired(w, login.MfaRequired);
        WritePrimaryRequired(w, login.PrimaryRequired);
    }

    /// <summary><c>mfa_required</c>: <c>member_options</c> and <c>secondary_auth_initiated</c>, or null.</summary>
    public static void WriteMfaRequired(Utf8JsonWriter w, MfaRequired? mfa)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (mfa is null)
        {
            w.WriteNull("mfa_required");
            return;
        }

        w.WriteStartObject("mfa_required");
        if (mfa.MemberOptions is { } options)
        {
            w.WriteStartObject("member_options");
            w.WriteString("mfa_phone_number", options.MfaPhoneNumber);
            w.WriteString("totp_registration_id", options.TotpRegistrationId);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("member_options");
        }

        if (mfa.SecondaryAuthInitiated is { } initiated)
        {
            w.WriteString("secondary_auth_initiated", initiated);
        }
        else
        {
            w.WriteNull("secondary_auth_initiated");
        }

        w.WriteEndObject();
    }

    /// <summary><c>primary_required</c>: <c>allowed_auth_methods</c>, or null.</summary>
    public static void WritePrimaryRequired(Utf8JsonWriter w, PrimaryRequired? primary)
    {
        ArgumentNullException.ThrowIfNull(w);
        if (primary is null)
        {
            w.WriteNull("primary_required");
            return;
        }

        w.WriteStartObject("primary_required");
        w.WriteStartArray("allowed_auth_methods");
        foreach (var method in primary.AllowedAuthMethods)
        {
            w.WriteStringValue(method);
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }
}
