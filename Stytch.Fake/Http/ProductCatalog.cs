using Stytch.Fake.Products.Admin.Wire;
using Stytch.Fake.Products.B2B.Discovery.Wire;
using Stytch.Fake.Products.B2B.EmailOtp.Wire;
using Stytch.Fake.Products.B2B.MagicLinks.Wire;
using Stytch.Fake.Products.B2B.Members.Wire;
using Stytch.Fake.Products.B2B.Mfa.Wire;
using Stytch.Fake.Products.B2B.Organizations.Wire;
using Stytch.Fake.Products.B2B.Passwords.Wire;
using Stytch.Fake.Products.B2B.RecoveryCodes.Wire;
using Stytch.Fake.Products.B2B.Sessions.Wire;
using Stytch.Fake.Products.B2B.SmsOtp.Wire;
using Stytch.Fake.Products.B2B.Totps.Wire;
using Stytch.Fake.Products.Consumer.EmailOtp.Wire;
using Stytch.Fake.Products.Consumer.MagicLinks.Wire;
using Stytch.Fake.Products.Consumer.Passwords.Wire;
using Stytch.Fake.Products.Consumer.PhoneOtp.Wire;
using Stytch.Fake.Products.Consumer.Sessions.Wire;
using Stytch.Fake.Products.Consumer.Users.Wire;
using Stytch.Fake.Products.Frontend.Wire;
using Stytch.Fake.Products.Jwks.Wire;
using Stytch.Fake.Products.M2M.Wire;
using Stytch.Fake.Products.Rbac.Wire;

namespace Stytch.Fake.Http;

/// <summary>
/// Every product the fake serves, one registration line each: the router, the fault rules' endpoint names, the
/// coverage list and the back-door list all come from here, so adding a product is its folder plus one line below.
/// </summary>
internal static class ProductCatalog
{
    /// <summary>Each product's endpoints, in registration order.</summary>
    private static readonly Func<IEnumerable<Endpoint>>[] Products =
    [
        EmailOtpEndpoints.All,
        UserEndpoints.All,
        SessionEndpoints.All,
        MagicLinkEndpoints.All,
        B2BEmailOtpEndpoints.All,
        OrganizationEndpoints.All,
        MemberEndpoints.All,
        MemberSessionEndpoints.All,
        B2BMagicLinkEndpoints.All,
        JwksEndpoints.All,
        AdminEndpoints.All,
        M2MEndpoints.All,
        RbacEndpoints.All,
        DiscoveryEndpoints.All,
        B2BSmsOtpEndpoints.All,
        B2BTotpEndpoints.All,
        B2BRecoveryCodeEndpoints.All,
        PasswordEndpoints.All,
        B2BPasswordEndpoints.All,
        B2BPasswordDiscoveryEndpoints.All,
        MfaRemovalEndpoints.All,
        PhoneOtpEndpoints.All,
        FrontendEndpoints.All,
    ];

    /// <summary>Every endpoint of every product, Stytch's and the back doors.</summary>
    public static IReadOnlyList<Endpoint> Endpoints { get; } = [.. Products.SelectMany(endpoints => endpoints())];

    /// <summary>The endpoints of Stytch's API (consumer and B2B): what the coverage list maps Stytch's operations to.</summary>
    public static IReadOnlyList<Endpoint> StytchEndpoints { get; } = [.. Endpoints.Where(e => e.IsStytchApi)];

    /// <summary>The back doors under <c>/_fake/v1/</c> that need the admin token (not the inbox page's static files).</summary>
    public static IReadOnlyList<Endpoint> BackDoors { get; } = [.. Endpoints.Where(e => e.Access == Access.Admin)];

    /// <summary>The names of every Stytch endpoint (not the back doors): what fault rules can target.</summary>
    public static IReadOnlySet<string> StytchEndpointNames { get; } = StytchEndpoints.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
}
