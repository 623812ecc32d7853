using System.Globalization;
using System.Text.RegularExpressions;

namespace Stytch.Fake.Tests.NodeSdk;

/// <summary>The B2B client of the Node SDK (b2b.mjs): organizations, members, email OTP and member sessions.</summary>
public sealed partial class NodeSdkTests
{
    [Test]
    public void B2B_Package_RanThePinnedVersion()
    {
        RequireRun(_b2b);

        Assert.That(_b2b.Output["sdk_version"]!.GetValue<string>(), Is.EqualTo(PinnedVersion), $"node_modules holds another version: run `npm ci` in {Folder}");
    }

    [Test]
    public void B2BOrganizationsCreate_NameAndSlug_ReturnsTheOrganizationWithStytchDefaults()
    {
        var value = Ok(_b2b, "organizations_create");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["request_id"]!.GetValue<string>(), Does.Match(Wire.WireShapes.RequestId()));
            Assert.That(value["organization_id"]!.GetValue<string>(), Does.Match(OrganizationIdPattern()));
            Assert.That(value["organization_slug"]!.GetValue<string>(), Is.EqualTo(_b2b.Output["slug"]!.GetValue<string>()));
            Assert.That(value["organization_name"]!.GetValue<string>(), Is.EqualTo("Acme Inc"));
            Assert.That(value["email_jit_provisioning"]!.GetValue<string>(), Is.EqualTo("NOT_ALLOWED"));
        });
    }

    [Test]
    public void B2BOrganizationsGet_Slug_ReturnsTheSameOrganization()
    {
        var value = Ok(_b2b, "organizations_get");

        Assert.That(value["organization_id"]!.GetValue<string>(), Is.EqualTo(OrganizationId()));
    }

    [Test]
    public void B2BMembersCreate_NewEmail_CreatesAnActiveUnverifiedMember()
    {
        var value = Ok(_b2b, "members_create");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["member_id"]!.GetValue<string>(), Does.Match(MemberIdPattern()));
            Assert.That(value["status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(value["email_address"]!.GetValue<string>(), Is.EqualTo(_b2b.Output["email"]!.GetValue<string>()));
            Assert.That(value["name"]!.GetValue<string>(), Is.EqualTo("Ada Lovelace"));
            Assert.That(value["email_address_verified"]!.GetValue<bool>(), Is.False);
            Assert.That(value["organization_id"]!.GetValue<string>(), Is.EqualTo(OrganizationId()));
        });
    }

    [Test]
    public void B2BLoginOrSignup_ActiveMember_SendsALoginCodeToTheOutbox()
    {
        var sent = Ok(_b2b, "login_or_signup");
        var outbox = Ok(_b2b, "outbox");

        Assert.Multiple(() =>
        {
            Assert.That(sent["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(sent["member_id"]!.GetValue<string>(), Is.EqualTo(MemberId()));
            Assert.That(sent["member_created"]!.GetValue<bool>(), Is.False);
            Assert.That(outbox["code"]!.GetValue<string>(), Does.Match("^[0-9]{6}$"));
            Assert.That(outbox["kind"]!.GetValue<string>(), Is.EqualTo("login"));
            Assert.That(outbox["organization_id"]!.GetValue<string>(), Is.EqualTo(OrganizationId()));
            Assert.That(outbox["member_id"]!.GetValue<string>(), Is.EqualTo(MemberId()));
        });
    }

    [Test]
    public void B2BOtpsEmailAuthenticate_CodeFromOutbox_ReturnsAMemberSessionAndJwt()
    {
        var value = Ok(_b2b, "otp_authenticate");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["member_id"]!.GetValue<string>(), Is.EqualTo(MemberId()));
            Assert.That(value["organization_id"]!.GetValue<string>(), Is.EqualTo(OrganizationId()));
            Assert.That(value["member_authenticated"]!.GetValue<bool>(), Is.True);
            Assert.That(value["member_status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(value["email_address_verified"]!.GetValue<bool>(), Is.True);
            Assert.That(value["session_token_length"]!.GetValue<int>(), Is.EqualTo(44));
            Assert.That(value["session_jwt_parts"]!.GetValue<int>(), Is.EqualTo(3));
            Assert.That(value["member_session_id"]!.GetValue<string>(), Does.StartWith("member-session-test-"));
            Assert.That(value["member_session_member_id"]!.GetValue<string>(), Is.EqualTo(MemberId()));
            Assert.That(value["member_session_organization_slug"]!.GetValue<string>(), Is.EqualTo(_b2b.Output["slug"]!.GetValue<string>()));
            Assert.That(value["intermediate_session_token"]!.GetValue<string>(), Is.Empty);
            Assert.That(value["mfa_required"], Is.Null);
            Assert.That(value["primary_required"], Is.Null);
        });
    }

    [Test]
    public void B2BOtpsEmailAuthenticate_Jwt_CarriesTheOrganizationClaim()
    {
        var value = Ok(_b2b, "otp_authenticate");
        var claim = value["jwt_organization_claim"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(value["jwt_sub"]!.GetValue<string>(), Is.EqualTo(MemberId()));
            Assert.That(value["jwt_iss"]!.GetValue<string>(), Is.EqualTo("stytch.com/" + _b2b.ProjectId));
            Assert.That(value["jwt_aud"]!.AsArray().Select(a => a!.GetValue<string>()), Is.EqualTo(new[] { _b2b.ProjectId }));
            Assert.That(claim["organization_id"]!.GetValue<string>(), Is.EqualTo(OrganizationId()));
            Assert.That(claim["slug"]!.GetValue<string>(), Is.EqualTo(_b2b.Output["slug"]!.GetValue<string>()));
        });
    }

    [Test]
    public void B2BOtpsEmailAuthenticate_ReusedCode_ThrowsStytchErrorUnableToAuthOtpCode() =>
        AssertStytchError(_b2b, "otp_authenticate_reused_code", 401, "unable_to_auth_otp_code");

    [Test]
    public void B2BSessionsAuthenticate_SessionToken_ReturnsTheMemberSession()
    {
        var value = Ok(_b2b, "sessions_authenticate");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["member_session_id"]!.GetValue<string>(), Is.EqualTo(MemberSessionId()));
            Assert.That(value["member_id"]!.GetValue<string>(), Is.EqualTo(MemberId()));
            Assert.That(value["organization_id"]!.GetValue<string>(), Is.EqualTo(OrganizationId()));
            Assert.That(value["session_token_same"]!.GetValue<bool>(), Is.True);
            Assert.That(value["session_jwt_parts"]!.GetValue<int>(), Is.EqualTo(3));
        });
    }

    [Test]
    public void B2BSessionsAuthenticateJwt_FreshJwt_IsVerifiedLocallyWithTheOrganizationClaim()
    {
        var value = Ok(_b2b, "sessions_authenticate_jwt");

        Assert.Multiple(() =>
        {
            Assert.That(value["verified_locally"]!.GetValue<bool>(), Is.True, "the SDK fell back to /v1/b2b/sessions/authenticate");
            Assert.That(value["member_session_id"]!.GetValue<string>(), Is.EqualTo(MemberSessionId()));
            Assert.That(value["member_id"]!.GetValue<string>(), Is.EqualTo(MemberId()));
            Assert.That(value["organization_id"]!.GetValue<string>(), Is.EqualTo(OrganizationId()), "from the https://stytch.com/organization claim");
            Assert.That(value["organization_slug"]!.GetValue<string>(), Is.EqualTo(_b2b.Output["slug"]!.GetValue<string>()));
            Assert.That(value["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "stytch_member" }));
            Assert.That(value["factor_types"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "otp" }));
            Assert.That(value["custom_claims"]!.AsObject(), Is.Empty, "the organization claim is not a custom claim");
            Assert.That(DateTimeOffset.Parse(value["expires_at"]!.GetValue<string>(), CultureInfo.InvariantCulture)
                - DateTimeOffset.Parse(value["started_at"]!.GetValue<string>(), CultureInfo.InvariantCulture),
                Is.EqualTo(TimeSpan.FromMinutes(60)), "the default B2B session lasts 60 minutes");
        });
    }

    [Test]
    public void B2BSessionsAuthenticateJwt_MaxTokenAgeZero_AuthenticatesRemotely()
    {
        var value = Ok(_b2b, "sessions_authenticate_jwt_remote");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["member_session_id"]!.GetValue<string>(), Is.EqualTo(MemberSessionId()));
            Assert.That(value["organization_id"]!.GetValue<string>(), Is.EqualTo(OrganizationId()));
        });
    }

    [Test]
    public void B2BSessionsGetJwks_ProjectId_ReturnsAnRs256SigningKey()
    {
        var key = Ok(_b2b, "sessions_get_jwks")["keys"]!.AsArray().Single()!;

        Assert.Multiple(() =>
        {
            Assert.That(key["kty"]!.GetValue<string>(), Is.EqualTo("RSA"));
            Assert.That(key["alg"]!.GetValue<string>(), Is.EqualTo("RS256"));
            Assert.That(key["use"]!.GetValue<string>(), Is.EqualTo("sig"));
            Assert.That(key["has_kid"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public void B2BMembersGet_MemberIdAfterLogin_ReturnsTheActiveVerifiedMember()
    {
        var value = Ok(_b2b, "members_get");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["member_id"]!.GetValue<string>(), Is.EqualTo(MemberId()));
            Assert.That(value["status"]!.GetValue<string>(), Is.EqualTo("active"));
            Assert.That(value["email_address_verified"]!.GetValue<bool>(), Is.True);
            Assert.That(value["organization_id"]!.GetValue<string>(), Is.EqualTo(OrganizationId()));
        });
    }

    [Test]
    public void B2BMembersGet_SlugAndEmailAddress_ReturnsTheSameMember() =>
        Assert.That(Ok(_b2b, "members_get_by_email")["member_id"]!.GetValue<string>(), Is.EqualTo(MemberId()));

    [Test]
    public void B2BSessionsRevoke_SessionToken_Succeeds() =>
        Assert.That(Ok(_b2b, "sessions_revoke")["status_code"]!.GetValue<int>(), Is.EqualTo(200));

    [Test]
    public void B2BSessionsAuthenticate_AfterRevoke_ThrowsStytchErrorSessionNotFound() =>
        AssertStytchError(_b2b, "sessions_authenticate_after_revoke", 404, "session_not_found");

    [Test]
    public void B2BLoginOrSignup_UnknownOrganization_ThrowsStytchErrorOrganizationNotFound() =>
        AssertStytchError(_b2b, "error_unknown_organization", 404, "organization_not_found");

    [Test]
    public void B2BLoginOrSignup_NewEmailWithoutJit_ThrowsStytchErrorEmailJitProvisioningNotAllowed() =>
        AssertStytchError(_b2b, "error_jit_not_allowed", 400, "email_jit_provisioning_not_allowed");

    [Test]
    public void B2BOtpsEmailAuthenticate_WrongCode_ThrowsStytchErrorOtpCodeNotFound() =>
        AssertStytchError(_b2b, "error_wrong_code", 404, "otp_code_not_found");

    [Test]
    public void B2BMembersGet_UnknownEmail_ThrowsStytchErrorMemberNotFound() =>
        AssertStytchError(_b2b, "error_member_not_found", 404, "member_not_found");

    [Test]
    public void B2BSessionsAuthenticateJwt_AuthorizationCheckOnStytchSelf_PassesLocallyWithTheFetchedPolicies()
    {
        var value = Ok(_b2b, "sessions_authenticate_jwt_authorization_check");

        Assert.Multiple(() =>
        {
            Assert.That(value["member_session_id"]!.GetValue<string>(), Is.EqualTo(MemberSessionId()));
            Assert.That(value["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "stytch_member" }));
            Assert.That(value["remote_calls"]!.GetValue<int>(), Is.Zero, "checked locally, without sessions/authenticate");
            Assert.That(value["policy_fetched"]!.GetValue<bool>(), Is.True);
            Assert.That(value["org_policy_fetched"]!.GetValue<bool>(), Is.True);
        });
    }

    [Test]
    public void B2BSessionsAuthenticateJwt_PlainMemberOnStytchOrganization_ThrowsSessionAuthorizationError() =>
        AssertStytchError(_b2b, "sessions_authenticate_jwt_authorization_check_member_refused", 403, "session_authorization_error");

    [Test]
    public void B2BSessionsAuthenticateJwt_AdminOnStytchOrganization_PassesLocally()
    {
        var value = Ok(_b2b, "sessions_authenticate_jwt_authorization_check_admin");

        Assert.Multiple(() =>
        {
            Assert.That(value["roles"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "stytch_member", "stytch_admin" }));
            Assert.That(value["remote_calls"]!.GetValue<int>(), Is.Zero);
        });
    }

    [Test]
    public void B2BOrganizationsUpdate_WithAPlainMembersSessionToken_ThrowsSessionAuthorizationError() =>
        AssertStytchError(_b2b, "organizations_update_as_member_refused", 403, "session_authorization_error");

    [Test]
    public void B2BOrganizationsUpdate_WithAnAdminsSessionToken_Renames() =>
        Assert.That(Ok(_b2b, "organizations_update_as_admin")["organization_name"]!.GetValue<string>(), Is.EqualTo("Acme Inc"));

    [Test]
    public void B2BOrganizationsUpdate_NameAndDomains_ReturnsTheUpdatedOrganization()
    {
        var value = Ok(_b2b, "organizations_update");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["organization_name"]!.GetValue<string>(), Is.EqualTo("Acme Corp"));
            Assert.That(value["email_allowed_domains"]!.AsArray().Select(d => d!.GetValue<string>()), Is.EqualTo(new[] { "acme.io" }));
        });
    }

    [Test]
    public void B2BOrganizationsSearch_SlugFilter_FindsTheOrganizationOnOnePage()
    {
        var value = Ok(_b2b, "organizations_search");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["organization_ids"]!.AsArray().Select(o => o!.GetValue<string>()), Is.EqualTo(new[] { OrganizationId() }));
            Assert.That(value["total"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(value["next_cursor"], Is.Null);
        });
    }

    [Test]
    public void B2BMembersUpdate_NameAndMetadata_ReturnsTheUpdatedMember()
    {
        var value = Ok(_b2b, "members_update");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["name"]!.GetValue<string>(), Is.EqualTo("Ada King"));
            Assert.That(value["untrusted_metadata"]!.ToJsonString(), Is.EqualTo("""{"theme":"dark"}"""));
        });
    }

    [Test]
    public void B2BMembersSearch_Organization_ListsTheMemberWithItsOrganization()
    {
        var value = Ok(_b2b, "members_search");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["member_ids"]!.AsArray().Select(m => m!.GetValue<string>()), Is.EqualTo(new[] { MemberId() }));
            Assert.That(value["total"]!.GetValue<int>(), Is.EqualTo(1));
            Assert.That(value["next_cursor"], Is.Null);
            Assert.That(value["organization_ids"]!.AsArray().Select(o => o!.GetValue<string>()), Is.EqualTo(new[] { OrganizationId() }));
        });
    }

    [Test]
    public void B2BOrganizationsUpdate_Settings_ReturnsThemAndKeepsTheName()
    {
        var value = Ok(_b2b, "organizations_update_settings");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["organization_name"]!.GetValue<string>(), Is.EqualTo("Acme Corp"));
            Assert.That(value["trusted_metadata"]!.ToJsonString(), Is.EqualTo("""{"plan":"gold"}"""));
            Assert.That(value["email_jit_provisioning"]!.GetValue<string>(), Is.EqualTo("RESTRICTED"));
            Assert.That(value["email_invites"]!.GetValue<string>(), Is.EqualTo("ALL_ALLOWED"));
            Assert.That(value["mfa_policy"]!.GetValue<string>(), Is.EqualTo("OPTIONAL"));
            Assert.That(value["rbac_email_implicit_role_assignments"]!.ToJsonString(), Is.EqualTo("""[{"domain":"acme-partners.io","role_id":"stytch_admin"}]"""));
        });
    }

    [Test]
    public void B2BMembersCreate_EveryField_CreatesThePendingMemberWithThem()
    {
        var value = Ok(_b2b, "members_create_every_field");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["member_id"]!.GetValue<string>(), Does.Match(MemberIdPattern()).And.Not.EqualTo(MemberId()));
            Assert.That(value["status"]!.GetValue<string>(), Is.EqualTo("pending"));
            Assert.That(value["name"]!.GetValue<string>(), Is.EqualTo("Grace Hopper"));
            Assert.That(value["trusted_metadata"]!.ToJsonString(), Is.EqualTo("""{"tier":1}"""));
            Assert.That(value["untrusted_metadata"]!.ToJsonString(), Is.EqualTo("""{"theme":"dark"}"""));
            Assert.That(value["is_breakglass"]!.GetValue<bool>(), Is.True);
            Assert.That(value["external_id"]!.GetValue<string>(), Does.StartWith("grace-"));
            Assert.That(value["role_ids"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EquivalentTo(new[] { "stytch_member", "stytch_admin" }));
        });
    }

    [Test]
    public void B2BMembersUpdate_EveryField_ReturnsTheUpdatedMember()
    {
        var value = Ok(_b2b, "members_update_every_field");

        Assert.Multiple(() =>
        {
            Assert.That(value["status_code"]!.GetValue<int>(), Is.EqualTo(200));
            Assert.That(value["member_id"]!.GetValue<string>(), Is.EqualTo(Ok(_b2b, "members_create_every_field")["member_id"]!.GetValue<string>()));
            Assert.That(value["name"]!.GetValue<string>(), Is.EqualTo("Grace B. Hopper"));
            Assert.That(value["email_address"]!.GetValue<string>(), Is.EqualTo(_b2b.Output["grace_email"]!.GetValue<string>()));
            Assert.That(value["trusted_metadata"]!.ToJsonString(), Is.EqualTo("""{"tier":2}"""));
            Assert.That(value["untrusted_metadata"]!.ToJsonString(), Is.EqualTo("""{"theme":"light"}"""));
            Assert.That(value["is_breakglass"]!.GetValue<bool>(), Is.False);
            Assert.That(value["external_id"]!.GetValue<string>(), Does.StartWith("grace-2-"));
            Assert.That(value["role_ids"]!.AsArray().Select(r => r!.GetValue<string>()), Is.EqualTo(new[] { "stytch_member" }));
        });
    }

    [Test]
    public void B2BMembersCreate_DuplicateEmail_ThrowsStytchErrorDuplicateMemberEmail() =>
        AssertStytchError(_b2b, "error_members_create_duplicate_email", 400, "duplicate_member_email");

    [Test]
    public void B2BMembersUpdate_UnknownMember_ThrowsStytchErrorMemberNotFound() =>
        AssertStytchError(_b2b, "error_members_update_unknown_member", 404, "member_not_found");

    [Test]
    public void B2BOrganizationsUpdate_UnknownOrganization_ThrowsStytchErrorOrganizationNotFound() =>
        AssertStytchError(_b2b, "error_organizations_update_unknown_organization", 404, "organization_not_found");

    [Test]
    public void B2B_EveryCall_SendsOnlyFieldsTheFakeKnows()
    {
        var value = Ok(_b2b, "request_log");

        Assert.That(value["requests"]!.GetValue<int>(), Is.GreaterThan(30), "the log holds the script's calls");
        Assert.That(value["ignored"]!.AsArray(), Is.Empty, "the fake ignored fields the Node SDK sent: " + value["ignored"]!.ToJsonString());
    }

    [Test]
    public void B2BMembersDelete_Member_ReturnsItsId() =>
        Assert.That(Ok(_b2b, "members_delete")["member_id"]!.GetValue<string>(), Is.EqualTo(MemberId()));

    [Test]
    public void B2BOrganizationsDelete_Organization_ReturnsItsIdAndGetThenThrowsOrganizationNotFound()
    {
        Assert.That(Ok(_b2b, "organizations_delete")["organization_id"]!.GetValue<string>(), Is.EqualTo(OrganizationId()));
        AssertStytchError(_b2b, "organizations_get_after_delete", 404, "organization_not_found");
    }

    private string OrganizationId() => Ok(_b2b, "organizations_create")["organization_id"]!.GetValue<string>();

    private string MemberId() => Ok(_b2b, "members_create")["member_id"]!.GetValue<string>();

    private string MemberSessionId() => Ok(_b2b, "otp_authenticate")["member_session_id"]!.GetValue<string>();

    [GeneratedRegex("^organization-test-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex OrganizationIdPattern();

    [GeneratedRegex("^member-test-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex MemberIdPattern();
}
