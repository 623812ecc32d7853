using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B;
using Stytch.Fake.Products.B2B.EmailOtp;
using Stytch.Fake.Products.B2B.MagicLinks;
using Stytch.Fake.Products.B2B.Sessions;
using Stytch.Fake.Products.Consumer;
using Stytch.Fake.Products.Consumer.MagicLinks;
using Stytch.Fake.Products.Consumer.PhoneOtp;
using Stytch.Fake.Products.M2M;

namespace Stytch.Fake.Snapshots;

/// <summary>
/// The one place the snapshot format meets the engine: from the engine's snapshot records to the file's and back.
/// When the engine's records change, this file follows and the format stays as it is.
/// </summary>
internal static class SnapshotMapping
{
    /// <summary>The project's whole state (engine and signing keys) as a document of the current version.</summary>
    public static SnapshotDocument Export(StytchFakeProject project) =>
        // One transaction: consumer and B2B state of the same instant.
        project.Store.Transact(() =>
        {
            var state = project.ConsumerProducts.Export();
            return Export(project, state, project.B2BProducts.Export(), SnapshotRbacMapping.Export(project, state));
        });

    private static SnapshotDocument Export(StytchFakeProject project, ConsumerSnapshot state, B2BSnapshot b2b, SnapshotRbac rbac) =>
        new(
            SnapshotJson.Version,
            project.ProjectId,
            state.Clock,
            [.. state.Users.Select(SnapshotUserMapping.From)],
            [.. state.Otps.Select(o => new SnapshotCode(o.EmailId, o.Code, o.ExpiresAt, o.Used, From(o.Attributes)))],
            [.. state.Sessions.Select(s => new SnapshotSession(
                s.SessionId, s.UserId, s.SessionToken, s.StartedAt, s.LastAccessedAt, s.ExpiresAt,
                From(s.AuthenticationFactors), s.Roles, From(s.Attributes), s.CustomClaims))],
            [.. state.Outbox.Select(From)],
            new SnapshotB2B(
                [.. b2b.Organizations.Select(From)],
                [.. b2b.Members.Select(From)],
                [.. b2b.Otps.Select(o => new SnapshotB2BCode(o.OrganizationId, o.EmailAddress, o.Code, o.ExpiresAt, o.Used))],
                [.. b2b.Sessions.Select(s => new SnapshotMemberSession(
                    s.MemberSessionId, s.MemberId, s.OrganizationId, s.OrganizationSlug, s.SessionToken, s.StartedAt,
                    s.LastAccessedAt, s.ExpiresAt, From(s.AuthenticationFactors), s.Roles, s.CustomClaims))],
                [.. b2b.MagicLinks.Select(FromB2BLink)],
                [.. b2b.IntermediateSessions.Select(i => new SnapshotIntermediateSession(
                    i.Token, i.EmailAddress, i.OrganizationId, i.MemberId, From(i.Factors), i.CreatedAt, i.ExpiresAt))],
                [.. b2b.TotpRegistrations.Select(SnapshotMfaMapping.From)]),
            [.. project.Jwts.Keys.Export().Select(k => new SnapshotSigningKey(k.Kid, k.PrivateKeyPem))],
            [.. project.M2MClients.Export().Select(From)],
            [.. state.MagicLinks.Select(l => new SnapshotMagicLink(
                l.Token, l.Payload.UserId, l.Payload.EmailId, MessageKindNames.Of(l.Payload.Kind), l.Payload.CodeChallenge,
                l.Payload.Embedded, l.ExpiresAt, l.Used, From(l.Attributes)))],
            rbac,
            [.. project.Store.RedirectUrls.All.Select(u => new SnapshotRedirectUrl(u.Url, RedirectUrlNames.Of(u.Type), u.IsDefault))],
            [.. state.PhoneOtps.Select(o => new SnapshotPhoneCode(
                o.PhoneId, o.Code, Http.WireOutboxMessage.ChannelName(o.Channel), o.ExpiresAt, o.Used, From(o.Attributes), o.DropUnverifiedAt))],
            SnapshotPasswordMapping.Export(project.Store),
            project.PublicToken,
            project.Origins.All,
            project.Origins.AllowLoopback);

    /// <summary>
    /// Replaces the project's state with <paramref name="document"/>. Everything is converted and checked before the
    /// first change (a value the engine cannot hold, an inconsistency or a bad key throws
    /// <see cref="ArgumentException"/> or <see cref="System.Security.Cryptography.CryptographicException"/> and
    /// changes nothing). The clock is the caller's to set.
    /// </summary>
    public static void Import(StytchFakeProject project, SnapshotDocument document)
    {
        var keys = project.Jwts.Keys.Parse([.. document.SigningKeys.Select(k => (k.Kid, k.PrivateKeyPem))]);
        var state = new ConsumerSnapshot(
            document.Clock,
            [.. document.Users.Select(SnapshotUserMapping.To)],
            [.. document.Codes.Select(c => new OtpSnapshot(c.EmailId, c.Code, c.ExpiresAt, c.Used) { Attributes = To(c.Attributes) })],
            [.. document.Sessions.Select(s => new StytchSession(
                s.SessionId, s.UserId, s.SessionToken, s.StartedAt, s.LastAccessedAt, s.ExpiresAt, To(s.AuthenticationFactors), s.Roles)
            {
                Attributes = To(s.Attributes),
                CustomClaims = s.CustomClaims,
            })],
            [.. document.Outbox.Select(To)])
        {
            MagicLinks = [.. document.MagicLinks.Select(To)],
            PhoneOtps = [.. document.PhoneCodes.Select(c => new PhoneOtpSnapshot(c.PhoneId, c.Code, PhoneChannel(c.Channel), c.ExpiresAt, c.Used)
            {
                Attributes = To(c.Attributes),
                DropUnverifiedAt = c.DropUnverifiedAt,
            })],
        };
        var b2b = new B2BSnapshot(
            [.. document.B2B.Organizations.Select(To)],
            [.. document.B2B.Members.Select(To)],
            [.. document.B2B.Codes.Select(c => new B2BOtpSnapshot(c.OrganizationId, c.EmailAddress, c.Code, c.ExpiresAt, c.Used))],
            [.. document.B2B.MemberSessions.Select(s => new MemberSession(
                s.MemberSessionId, s.MemberId, s.OrganizationId, s.OrganizationSlug, s.SessionToken, s.StartedAt,
                s.LastAccessedAt, s.ExpiresAt, To(s.AuthenticationFactors), s.Roles)
            {
                CustomClaims = s.CustomClaims,
            })])
        {
            MagicLinks = [.. document.B2B.MagicLinks.Select(ToB2BLink)],
            IntermediateSessions = [.. document.B2B.IntermediateSessions.Select(i => new IntermediateSession(
                i.Token, i.EmailAddress, i.OrganizationId, i.MemberId, To(i.AuthenticationFactors), i.CreatedAt, i.ExpiresAt))],
            TotpRegistrations = [.. document.B2B.TotpRegistrations.Select(SnapshotMfaMapping.To)],
        };

        // Both parts are checked before anything is replaced; then one transaction replaces consumer and B2B state
        // and the keys, so that a concurrent reader sees the old state or the new one, never half of each.
        var m2m = document.M2MClients.Select(To).ToArray();
        ConsumerProducts.Check(state);
        B2BProducts.Check(b2b);
        M2MClientService.Check(m2m);
        var rbac = SnapshotRbacMapping.ToChecked(document.Rbac, state, b2b);
        var passwords = SnapshotPasswordMapping.ToChecked(document.Passwords, state, b2b);
        b2b = b2b with { Members = SnapshotPasswordMapping.WithPasswordIds(b2b.Members, passwords) };
        var redirectUrls = RedirectUrlsOf(document.RedirectUrls);
        var publicToken = PublicTokenOf(project, document.PublicToken);
        var allowLoopback = document.AllowLoopbackOrigins ?? project.Origins.AllowLoopback;
        var origins = document.AllowedOrigins ?? project.Origins.All;
        // Checked before anything changes: an origin the project could not hold throws here.
        _ = new ProjectOrigins(origins, allowLoopback);
        project.Store.Replace(() =>
        {
            project.PublicToken = publicToken;
            project.Origins.Set(origins, allowLoopback);
            project.ConsumerProducts.Load(state);
            project.B2BProducts.Load(b2b);
            project.M2MClients.Load(m2m);
            project.RbacService.Load(rbac);
            project.Store.LoadPasswords(passwords);
            project.Store.RedirectUrls.Set(redirectUrls);
            project.Jwts.Keys.Replace(keys);
        });
    }

    /// <summary>
    /// The public token a project takes from a snapshot: the file's, or for a file without one (or with one of the other
    /// environment, test or live) the token derived from the project's own id.
    /// </summary>
    private static string PublicTokenOf(StytchFakeProject project, string? token)
    {
        var own = Products.Frontend.PublicTokens.For(project.ProjectId);
        if (token is null)
        {
            return own;
        }

        if (!Products.Frontend.PublicTokens.IsWellFormed(token))
        {
            throw new ArgumentException($"public_token '{Validate.Clip(token)}' is not a public token: expected public-token-test-<uuid> or public-token-live-<uuid>.");
        }

        return token.Contains("-live-", StringComparison.Ordinal) == own.Contains("-live-", StringComparison.Ordinal) ? token : own;
    }

    private static SnapshotAttributes From(RequestAttributes a) => new(a.IpAddress, a.UserAgent);

    private static MagicLinkSnapshot To(SnapshotMagicLink l) => new(
        l.Token, l.ExpiresAt, l.Used,
        new MagicLinkPayload(
            l.UserId, l.EmailId,
            MessageKindNames.TryParse(l.Kind, out var kind) && kind is MessageKind.Login or MessageKind.Signup or MessageKind.Invite
                ? kind
                : throw new ArgumentException($"A magic link's kind must be login, signup or invite, not '{Validate.Clip(l.Kind)}'."),
            l.CodeChallenge, l.Embedded))
    {
        Attributes = To(l.Attributes),
    };

    private static RequestAttributes To(SnapshotAttributes a) => new(a.IpAddress, a.UserAgent);

    private static SnapshotB2BMagicLink FromB2BLink((string Token, OneTimeSecret Secret) link)
    {
        var payload = (B2BLinkPayload)link.Secret.Payload!;
        return new(link.Token, payload.OrganizationId, payload.MemberId, MessageKindNames.Of(payload.Kind), payload.PkceCodeChallenge,
            link.Secret.ExpiresAt, link.Secret.Used, From(link.Secret.Attributes));
    }

    private static (string Token, OneTimeSecret Secret) ToB2BLink(SnapshotB2BMagicLink l)
    {
        var kind = MessageKindNames.TryParse(l.Kind, out var k) && k is MessageKind.Login or MessageKind.Signup or MessageKind.Invite
            ? k
            : throw new ArgumentException($"A B2B magic link's kind must be login, signup or invite, not '{Validate.Clip(l.Kind)}'.");
        return (l.Token, new OneTimeSecret(l.Token, l.ExpiresAt, l.Used, To(l.Attributes))
        {
            Payload = new B2BLinkPayload(l.OrganizationId, l.MemberId, kind, l.PkceCodeChallenge),
        });
    }

    // The file holds the email or the phone a factor was for, empty strings for what it lacks (TOTP and recovery codes lack both).
    private static SnapshotFactor[] From(IReadOnlyList<AuthenticationFactor> factors) =>
        [.. factors.Select(f => new SnapshotFactor(
            f.Type, f.DeliveryMethod, f.Email?.EmailId ?? "", f.Email?.EmailAddress ?? "", f.CreatedAt, f.LastAuthenticatedAt,
            f.Phone?.PhoneId ?? "", f.Phone?.PhoneNumber ?? ""))];

    private static AuthenticationFactor[] To(IReadOnlyList<SnapshotFactor> factors) =>
        [.. factors.Select(f =>
            AuthenticationFactor.TryParseKind(f.Type, f.DeliveryMethod, out var kind, out var provider)
            && AuthenticationFactor.Of(
                kind,
                f.EmailId.Length == 0 && f.EmailAddress.Length == 0 ? null : new FactorEmail(f.EmailId, f.EmailAddress),
                f.PhoneId.Length > 0 || f.PhoneNumber.Length > 0 ? new FactorPhone(f.PhoneId, f.PhoneNumber) : null,
                provider, f.CreatedAt, f.LastAuthenticatedAt) is { } factor
                ? factor
                : throw new ArgumentException($"An authentication factor of type '{Validate.Clip(f.Type)}' delivered by '{Validate.Clip(f.DeliveryMethod)}' is not one a snapshot holds."))];

    private static SnapshotMessage From(OutboxMessage m) => new(
        m.MessageId, m.EmailAddress, m.Code, m.MethodId, MessageKindNames.Of(m.Kind), m.UserId,
        m.OrganizationId, m.MemberId, m.Locale, m.LoginTemplateId, m.SignupTemplateId, m.SentAt, m.ExpiresAt,
        Http.WireOutboxMessage.ChannelName(m.Channel), m.PhoneNumber, m.Token, m.Link, m.InviteTemplateId);

    private static DeliveryChannel ChannelOf(string name) => name switch
    {
        "email" => DeliveryChannel.Email,
        "sms" => DeliveryChannel.Sms,
        "whatsapp" => DeliveryChannel.WhatsApp,
        _ => throw new ArgumentException($"An outbox message's channel must be email, sms or whatsapp, not '{Validate.Clip(name)}'."),
    };

    private static DeliveryChannel PhoneChannel(string name) => ChannelOf(name) is var channel && channel != DeliveryChannel.Email
        ? channel
        : throw new ArgumentException("A phone code's channel must be sms or whatsapp, not email.");

    private static RedirectUrl[] RedirectUrlsOf(IReadOnlyList<SnapshotRedirectUrl> urls)
    {
        RedirectUrl[] list = [.. urls.Select(u => new RedirectUrl(
            u.Url,
            RedirectUrlNames.TryParse(u.Type, out var type) ? type : throw new ArgumentException($"A redirect URL's type must be one of {RedirectUrlNames.All}, not '{Validate.Clip(u.Type)}'."),
            u.IsDefault))];
        try
        {
            RedirectUrls.Check(list);
        }
        catch (StytchException e)
        {
            throw new ArgumentException(e.Error.Message);
        }

        return list;
    }

    private static OutboxMessage To(SnapshotMessage m) => new()
    {
        MessageId = m.MessageId,
        EmailAddress = m.EmailAddress,
        Code = m.Code,
        MethodId = m.MethodId,
        Kind = MessageKindNames.TryParse(m.Kind, out var kind)
            ? kind
            : throw new ArgumentException($"An outbox message's kind must be one of {MessageKindNames.All}, not '{Validate.Clip(m.Kind)}'."),
        UserId = m.UserId,
        Locale = m.Locale,
        LoginTemplateId = m.LoginTemplateId,
        SignupTemplateId = m.SignupTemplateId,
        SentAt = m.SentAt,
        ExpiresAt = m.ExpiresAt,
        OrganizationId = m.OrganizationId,
        MemberId = m.MemberId,
        Channel = ChannelOf(m.Channel),
        PhoneNumber = m.PhoneNumber,
        Token = m.Token,
        Link = m.Link,
        InviteTemplateId = m.InviteTemplateId,
    };

    private static SnapshotOrganization From(StytchOrganization o) => new(
        o.OrganizationId, o.OrganizationName, o.OrganizationSlug, o.OrganizationLogoUrl, o.OrganizationExternalId,
        Element(o.TrustedMetadata), o.SsoJitProvisioning, o.SsoJitProvisioningAllowedConnections, o.SsoDefaultConnectionId,
        o.EmailAllowedDomains, o.EmailJitProvisioning, o.EmailInvites, o.AuthMethods, o.AllowedAuthMethods, o.MfaPolicy,
        o.MfaMethods, o.AllowedMfaMethods, [.. o.RbacEmailImplicitRoleAssignments.Select(r => new SnapshotRoleAssignment(r.Domain, r.RoleId))],
        o.OauthTenantJitProvisioning, Element(o.AllowedOauthTenants), o.ClaimedEmailDomains, o.FirstPartyConnectedAppsAllowedType,
        o.AllowedFirstPartyConnectedApps, o.ThirdPartyConnectedAppsAllowedType, o.AllowedThirdPartyConnectedApps, o.CreatedAt, o.UpdatedAt);

    private static StytchOrganization To(SnapshotOrganization o) => new()
    {
        OrganizationId = o.OrganizationId,
        OrganizationName = o.OrganizationName,
        OrganizationSlug = o.OrganizationSlug,
        OrganizationLogoUrl = o.OrganizationLogoUrl,
        OrganizationExternalId = o.OrganizationExternalId,
        TrustedMetadata = ObjectText(o.TrustedMetadata, "trusted_metadata"),
        SsoJitProvisioning = o.SsoJitProvisioning,
        SsoJitProvisioningAllowedConnections = o.SsoJitProvisioningAllowedConnections,
        SsoDefaultConnectionId = o.SsoDefaultConnectionId,
        EmailAllowedDomains = o.EmailAllowedDomains,
        EmailJitProvisioning = o.EmailJitProvisioning,
        EmailInvites = o.EmailInvites,
        AuthMethods = o.AuthMethods,
        AllowedAuthMethods = o.AllowedAuthMethods,
        MfaPolicy = o.MfaPolicy,
        MfaMethods = o.MfaMethods,
        AllowedMfaMethods = o.AllowedMfaMethods,
        RbacEmailImplicitRoleAssignments = [.. o.RbacEmailImplicitRoleAssignments.Select(r => new EmailImplicitRoleAssignment(r.Domain, r.RoleId))],
        OauthTenantJitProvisioning = o.OauthTenantJitProvisioning,
        AllowedOauthTenants = ObjectText(o.AllowedOauthTenants, "allowed_oauth_tenants"),
        ClaimedEmailDomains = o.ClaimedEmailDomains,
        FirstPartyConnectedAppsAllowedType = o.FirstPartyConnectedAppsAllowedType,
        AllowedFirstPartyConnectedApps = o.AllowedFirstPartyConnectedApps,
        ThirdPartyConnectedAppsAllowedType = o.ThirdPartyConnectedAppsAllowedType,
        AllowedThirdPartyConnectedApps = o.AllowedThirdPartyConnectedApps,
        CreatedAt = o.CreatedAt,
        UpdatedAt = o.UpdatedAt,
    };

    private static SnapshotMember From(StytchMember m) => new(
        m.OrganizationId, m.MemberId, m.EmailAddress, m.EmailId, m.Status, m.Name, m.IsBreakglass, m.EmailAddressVerified,
        m.MfaPhoneNumber, m.MfaEnrolled, m.DefaultMfaMethod, m.Roles, Element(m.TrustedMetadata), Element(m.UntrustedMetadata),
        m.ExternalId, [.. m.RetiredEmailAddresses.Select(r => new SnapshotRetiredEmail(r.EmailId, r.EmailAddress))], m.CreatedAt, m.UpdatedAt,
        m.MfaPhoneNumberVerified, m.TotpRegistrationId);

    private static StytchMember To(SnapshotMember m) => new()
    {
        OrganizationId = m.OrganizationId,
        MemberId = m.MemberId,
        EmailAddress = m.EmailAddress,
        EmailId = m.EmailId,
        Status = m.Status,
        Name = m.Name,
        IsBreakglass = m.IsBreakglass,
        EmailAddressVerified = m.EmailAddressVerified,
        MfaPhoneNumber = m.MfaPhoneNumber,
        MfaEnrolled = m.MfaEnrolled,
        DefaultMfaMethod = m.DefaultMfaMethod,
        MfaPhoneNumberVerified = m.MfaPhoneNumberVerified,
        TotpRegistrationId = m.TotpRegistrationId,
        Roles = m.Roles,
        TrustedMetadata = ObjectText(m.TrustedMetadata, "trusted_metadata"),
        UntrustedMetadata = ObjectText(m.UntrustedMetadata, "untrusted_metadata"),
        ExternalId = m.ExternalId,
        RetiredEmailAddresses = [.. m.RetiredEmailAddresses.Select(r => new RetiredEmail(r.EmailId, r.EmailAddress))],
        CreatedAt = m.CreatedAt,
        UpdatedAt = m.UpdatedAt,
    };

    private static SnapshotM2MClient From(M2MClientRow r) => new(
        r.Client.ClientId, r.Client.ClientName, r.Client.ClientDescription, r.Client.Status, r.Client.Scopes,
        r.Client.ClientSecretLastFour, r.Client.NextClientSecretLastFour, Element(r.Client.TrustedMetadata), r.SecretHash, r.NextSecretHash);

    private static M2MClientRow To(SnapshotM2MClient c) => new(
        new StytchM2MClient
        {
            ClientId = c.ClientId,
            ClientName = c.ClientName,
            ClientDescription = c.ClientDescription,
            Status = c.Status,
            Scopes = c.Scopes,
            ClientSecretLastFour = c.ClientSecretLastFour,
            NextClientSecretLastFour = c.NextClientSecretLastFour,
            TrustedMetadata = ObjectText(c.TrustedMetadata, "trusted_metadata"),
        },
        c.SecretHash,
        c.NextSecretHash);

    // The engine keeps free-form JSON objects as their text; the file holds them as JSON objects.
    internal static JsonElement Element(string text)
    {
        using var document = JsonDocument.Parse(string.IsNullOrEmpty(text) ? "{}" : text);
        return document.RootElement.Clone();
    }

    internal static string ObjectText(JsonElement element, string field)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException($"Every {field} must be a JSON object.");
        }

        // Compact and with characters as they are, as the text of a request that set it would be.
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            element.WriteTo(writer);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
