namespace Stytch.Fake;

/// <summary>
/// The names of the Stytch endpoints the fake serves, as fault rules target them:
/// <c>project.Faults.Next(StytchEndpoints.B2B.OtpEmailLoginOrSignup)</c>. The strings themselves work as well; these
/// only spare a typo. Each name is also the <c>endpoint</c> of <c>GET /_fake/v1/endpoints</c> and of the faults back door.
/// </summary>
public static class StytchEndpoints
{
    /// <summary>Every Stytch endpoint at once.</summary>
    public const string Any = "*";

    /// <summary>The consumer API (<c>/v1/…</c>).</summary>
    public static class Consumer
    {
        /// <summary><c>POST /v1/otps/email/login_or_create</c>.</summary>
        public const string OtpEmailLoginOrCreate = "otps.email.login_or_create";
        /// <summary><c>POST /v1/otps/email/send</c>.</summary>
        public const string OtpEmailSend = "otps.email.send";
        /// <summary><c>POST /v1/otps/authenticate</c>.</summary>
        public const string OtpAuthenticate = "otps.authenticate";
        /// <summary><c>GET /v1/users/{user_id}</c>.</summary>
        public const string UserGet = "users.get";
        /// <summary><c>DELETE /v1/users/{user_id}</c>.</summary>
        public const string UserDelete = "users.delete";
        /// <summary><c>POST /v1/users</c>.</summary>
        public const string UserCreate = "users.create";
        /// <summary><c>PUT /v1/users/{user_id}</c>.</summary>
        public const string UserUpdate = "users.update";
        /// <summary><c>POST /v1/users/search</c>.</summary>
        public const string UserSearch = "users.search";
        /// <summary><c>DELETE /v1/users/emails/{email_id}</c>.</summary>
        public const string UserEmailDelete = "users.emails.delete";
        /// <summary><c>DELETE /v1/users/phone_numbers/{phone_id}</c>.</summary>
        public const string UserPhoneNumberDelete = "users.phone_numbers.delete";
        /// <summary><c>DELETE /v1/users/{user_id}/external_id</c>.</summary>
        public const string UserExternalIdDelete = "users.external_id.delete";
        /// <summary><c>POST /v1/sessions/authenticate</c>.</summary>
        public const string SessionAuthenticate = "sessions.authenticate";
        /// <summary><c>POST /v1/sessions/revoke</c>.</summary>
        public const string SessionRevoke = "sessions.revoke";
        /// <summary><c>GET /v1/sessions</c>.</summary>
        public const string SessionGet = "sessions.get";
        /// <summary><c>GET /v1/sessions/jwks/{project_id}</c>.</summary>
        public const string SessionJwks = "sessions.jwks";
        /// <summary><c>POST /v1/passwords</c>.</summary>
        public const string PasswordCreate = "passwords.create";
        /// <summary><c>POST /v1/passwords/authenticate</c>.</summary>
        public const string PasswordAuthenticate = "passwords.authenticate";
        /// <summary><c>POST /v1/passwords/strength_check</c>.</summary>
        public const string PasswordStrengthCheck = "passwords.strength_check";
        /// <summary><c>POST /v1/passwords/email/reset/start</c>.</summary>
        public const string PasswordEmailResetStart = "passwords.email.reset_start";
        /// <summary><c>POST /v1/passwords/email/reset</c>.</summary>
        public const string PasswordEmailReset = "passwords.email.reset";
        /// <summary><c>POST /v1/passwords/existing_password/reset</c>.</summary>
        public const string PasswordExistingPasswordReset = "passwords.existing_password.reset";
        /// <summary><c>POST /v1/passwords/session/reset</c>.</summary>
        public const string PasswordSessionReset = "passwords.session.reset";
        /// <summary><c>POST /v1/passwords/migrate</c>.</summary>
        public const string PasswordMigrate = "passwords.migrate";
        /// <summary><c>POST /v1/magic_links/email/login_or_create</c>.</summary>
        public const string MagicLinkEmailLoginOrCreate = "magic_links.email.login_or_create";
        /// <summary><c>POST /v1/magic_links/email/send</c>.</summary>
        public const string MagicLinkEmailSend = "magic_links.email.send";
        /// <summary><c>POST /v1/magic_links/email/invite</c>.</summary>
        public const string MagicLinkEmailInvite = "magic_links.email.invite";
        /// <summary><c>POST /v1/magic_links/email/revoke_invite</c>.</summary>
        public const string MagicLinkEmailRevokeInvite = "magic_links.email.revoke_invite";
        /// <summary><c>POST /v1/magic_links</c> (an embeddable link).</summary>
        public const string MagicLinkCreate = "magic_links.create";
        /// <summary><c>POST /v1/magic_links/authenticate</c>.</summary>
        public const string MagicLinkAuthenticate = "magic_links.authenticate";
        /// <summary><c>GET /v1/rbac/policy</c>.</summary>
        public const string RbacPolicy = "rbac.policy";
        /// <summary><c>POST /v1/otps/sms/login_or_create</c>.</summary>
        public const string OtpSmsLoginOrCreate = "otps.sms.login_or_create";
        /// <summary><c>POST /v1/otps/sms/send</c>.</summary>
        public const string OtpSmsSend = "otps.sms.send";
        /// <summary><c>POST /v1/otps/whatsapp/login_or_create</c>.</summary>
        public const string OtpWhatsAppLoginOrCreate = "otps.whatsapp.login_or_create";
        /// <summary><c>POST /v1/otps/whatsapp/send</c>.</summary>
        public const string OtpWhatsAppSend = "otps.whatsapp.send";
    }

    /// <summary>The B2B API (<c>/v1/b2b/…</c>).</summary>
    public static class B2B
    {
        /// <summary><c>POST /v1/b2b/otps/email/login_or_signup</c>.</summary>
        public const string OtpEmailLoginOrSignup = "b2b.otps.email.login_or_signup";
        /// <summary><c>POST /v1/b2b/otps/email/authenticate</c>.</summary>
        public const string OtpEmailAuthenticate = "b2b.otps.email.authenticate";
        /// <summary><c>POST /v1/b2b/organizations</c>.</summary>
        public const string OrganizationCreate = "b2b.organizations.create";
        /// <summary><c>POST /v1/b2b/organizations/search</c>.</summary>
        public const string OrganizationSearch = "b2b.organizations.search";
        /// <summary><c>GET /v1/b2b/organizations/{organization_id}</c>.</summary>
        public const string OrganizationGet = "b2b.organizations.get";
        /// <summary><c>PUT /v1/b2b/organizations/{organization_id}</c>.</summary>
        public const string OrganizationUpdate = "b2b.organizations.update";
        /// <summary><c>DELETE /v1/b2b/organizations/{organization_id}</c>.</summary>
        public const string OrganizationDelete = "b2b.organizations.delete";
        /// <summary><c>POST /v1/b2b/organizations/{organization_id}/members</c>.</summary>
        public const string MemberCreate = "b2b.organizations.members.create";
        /// <summary><c>GET /v1/b2b/organizations/{organization_id}/member</c>.</summary>
        public const string MemberGet = "b2b.organizations.members.get";
        /// <summary><c>POST /v1/b2b/organizations/members/search</c>.</summary>
        public const string MemberSearch = "b2b.organizations.members.search";
        /// <summary><c>PUT /v1/b2b/organizations/{organization_id}/members/{member_id}</c>.</summary>
        public const string MemberUpdate = "b2b.organizations.members.update";
        /// <summary><c>DELETE /v1/b2b/organizations/{organization_id}/members/{member_id}</c>.</summary>
        public const string MemberDelete = "b2b.organizations.members.delete";
        /// <summary><c>POST /v1/b2b/sessions/authenticate</c>.</summary>
        public const string SessionAuthenticate = "b2b.sessions.authenticate";
        /// <summary><c>POST /v1/b2b/sessions/revoke</c>.</summary>
        public const string SessionRevoke = "b2b.sessions.revoke";
        /// <summary><c>GET /v1/b2b/sessions/jwks/{project_id}</c>.</summary>
        public const string SessionJwks = "b2b.sessions.jwks";
        /// <summary><c>POST /v1/b2b/magic_links/email/login_or_signup</c>.</summary>
        public const string MagicLinkEmailLoginOrSignup = "b2b.magic_links.email.login_or_signup";
        /// <summary><c>POST /v1/b2b/magic_links/email/invite</c>.</summary>
        public const string MagicLinkEmailInvite = "b2b.magic_links.email.invite";
        /// <summary><c>POST /v1/b2b/magic_links/authenticate</c>.</summary>
        public const string MagicLinkAuthenticate = "b2b.magic_links.authenticate";
        /// <summary><c>GET /v1/b2b/rbac/policy</c>.</summary>
        public const string RbacPolicy = "b2b.rbac.policy";
        /// <summary><c>GET /v1/b2b/rbac/organizations/{organization_id}</c>.</summary>
        public const string RbacOrganizationGetPolicy = "b2b.rbac.organizations.get_org_policy";
        /// <summary><c>PUT /v1/b2b/rbac/organizations/{organization_id}</c>.</summary>
        public const string RbacOrganizationSetPolicy = "b2b.rbac.organizations.set_org_policy";
        /// <summary><c>POST /v1/b2b/otps/email/discovery/send</c>.</summary>
        public const string OtpEmailDiscoverySend = "b2b.otps.email.discovery.send";
        /// <summary><c>POST /v1/b2b/otps/email/discovery/authenticate</c>.</summary>
        public const string OtpEmailDiscoveryAuthenticate = "b2b.otps.email.discovery.authenticate";
        /// <summary><c>POST /v1/b2b/discovery/organizations</c>.</summary>
        public const string DiscoveryOrganizationsList = "b2b.discovery.organizations.list";
        /// <summary><c>POST /v1/b2b/magic_links/email/discovery/send</c>.</summary>
        public const string MagicLinkEmailDiscoverySend = "b2b.magic_links.email.discovery.send";
        /// <summary><c>POST /v1/b2b/magic_links/discovery/authenticate</c>.</summary>
        public const string MagicLinkDiscoveryAuthenticate = "b2b.magic_links.discovery.authenticate";
        /// <summary><c>POST /v1/b2b/discovery/organizations/create</c>.</summary>
        public const string DiscoveryOrganizationsCreate = "b2b.discovery.organizations.create";
        /// <summary><c>POST /v1/b2b/discovery/intermediate_sessions/exchange</c>.</summary>
        public const string DiscoveryIntermediateSessionsExchange = "b2b.discovery.intermediate_sessions.exchange";
        /// <summary><c>POST /v1/b2b/otps/sms/send</c>.</summary>
        public const string OtpSmsSend = "b2b.otps.sms.send";
        /// <summary><c>POST /v1/b2b/otps/sms/authenticate</c>.</summary>
        public const string OtpSmsAuthenticate = "b2b.otps.sms.authenticate";
        /// <summary><c>POST /v1/b2b/totp</c>.</summary>
        public const string TotpCreate = "b2b.totp.create";
        /// <summary><c>POST /v1/b2b/totp/authenticate</c>.</summary>
        public const string TotpAuthenticate = "b2b.totp.authenticate";
        /// <summary><c>GET /v1/b2b/recovery_codes/{organization_id}/{member_id}</c>.</summary>
        public const string RecoveryCodesGet = "b2b.recovery_codes.get";
        /// <summary><c>POST /v1/b2b/recovery_codes/rotate</c>.</summary>
        public const string RecoveryCodesRotate = "b2b.recovery_codes.rotate";
        /// <summary><c>POST /v1/b2b/recovery_codes/recover</c>.</summary>
        public const string RecoveryCodesRecover = "b2b.recovery_codes.recover";
        /// <summary><c>POST /v1/b2b/passwords/authenticate</c>.</summary>
        public const string PasswordAuthenticate = "b2b.passwords.authenticate";
        /// <summary><c>POST /v1/b2b/passwords/strength_check</c>.</summary>
        public const string PasswordStrengthCheck = "b2b.passwords.strength_check";
        /// <summary><c>POST /v1/b2b/passwords/email/reset/start</c>.</summary>
        public const string PasswordEmailResetStart = "b2b.passwords.email.reset.start";
        /// <summary><c>POST /v1/b2b/passwords/email/reset</c>.</summary>
        public const string PasswordEmailReset = "b2b.passwords.email.reset";
        /// <summary><c>POST /v1/b2b/passwords/existing_password/reset</c>.</summary>
        public const string PasswordExistingPasswordReset = "b2b.passwords.existing_password.reset";
        /// <summary><c>POST /v1/b2b/passwords/session/reset</c>.</summary>
        public const string PasswordSessionReset = "b2b.passwords.session.reset";
        /// <summary><c>POST /v1/b2b/passwords/migrate</c>.</summary>
        public const string PasswordMigrate = "b2b.passwords.migrate";
        /// <summary><c>POST /v1/b2b/sessions/exchange</c>.</summary>
        public const string SessionExchange = "b2b.sessions.exchange";
        /// <summary><c>GET /v1/b2b/sessions</c>.</summary>
        public const string SessionGet = "b2b.sessions.get";
        /// <summary><c>POST /v1/b2b/passwords/discovery/authenticate</c>.</summary>
        public const string PasswordDiscoveryAuthenticate = "b2b.passwords.discovery.authenticate";
        /// <summary><c>POST /v1/b2b/passwords/discovery/email/reset/start</c>.</summary>
        public const string PasswordDiscoveryEmailResetStart = "b2b.passwords.discovery.email.reset.start";
        /// <summary><c>POST /v1/b2b/passwords/discovery/email/reset</c>.</summary>
        public const string PasswordDiscoveryEmailReset = "b2b.passwords.discovery.email.reset";
        /// <summary><c>DELETE /v1/b2b/organizations/{organization_id}/members/mfa_phone_numbers/{member_id}</c>.</summary>
        public const string MemberDeleteMfaPhoneNumber = "b2b.organizations.members.delete_mfa_phone_number";
        /// <summary><c>DELETE /v1/b2b/organizations/{organization_id}/members/{member_id}/totp</c>.</summary>
        public const string MemberDeleteTotp = "b2b.organizations.members.delete_totp";
        /// <summary><c>POST /v1/b2b/totp/migrate</c>.</summary>
        public const string TotpMigrate = "b2b.totp.migrate";
        /// <summary><c>POST /v1/b2b/passwords/email/require_reset</c>.</summary>
        public const string PasswordEmailRequireReset = "b2b.passwords.email.require_reset";
    }

    /// <summary>The M2M API, shared by consumer and B2B projects (<c>/v1/m2m/…</c> and the token endpoint).</summary>
    public static class M2M
    {
        /// <summary><c>POST /v1/m2m/clients</c>.</summary>
        public const string ClientCreate = "m2m.clients.create";
        /// <summary><c>POST /v1/m2m/clients/search</c>.</summary>
        public const string ClientSearch = "m2m.clients.search";
        /// <summary><c>GET /v1/m2m/clients/{client_id}</c>.</summary>
        public const string ClientGet = "m2m.clients.get";
        /// <summary><c>PUT /v1/m2m/clients/{client_id}</c>.</summary>
        public const string ClientUpdate = "m2m.clients.update";
        /// <summary><c>DELETE /v1/m2m/clients/{client_id}</c>.</summary>
        public const string ClientDelete = "m2m.clients.delete";
        /// <summary><c>POST /v1/m2m/clients/{client_id}/secrets/rotate/start</c>.</summary>
        public const string SecretRotateStart = "m2m.clients.secrets.rotate_start";
        /// <summary><c>POST /v1/m2m/clients/{client_id}/secrets/rotate/cancel</c>.</summary>
        public const string SecretRotateCancel = "m2m.clients.secrets.rotate_cancel";
        /// <summary><c>POST /v1/m2m/clients/{client_id}/secrets/rotate</c>.</summary>
        public const string SecretRotate = "m2m.clients.secrets.rotate";
        /// <summary><c>POST /v1/public/{project_id}/oauth2/token</c>: the client-credentials token endpoint.</summary>
        public const string Token = "m2m.token";
    }
}
