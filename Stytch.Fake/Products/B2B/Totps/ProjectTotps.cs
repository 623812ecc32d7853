using Stytch.Fake.Products.B2B.Totps;

namespace Stytch.Fake;

/// <summary>
/// The members' authenticator apps, in process: <c>project.B2B.Totps.CodeFor("acme", memberId)</c> is the code an
/// authenticator app would show now, on the project clock, so a test can finish a TOTP login without a phone.
/// </summary>
public sealed class ProjectTotps
{
    private readonly B2BTotpService _totps;

    internal ProjectTotps(B2BTotpService totps) => _totps = totps;

    /// <summary>The current six-digit code of the member's TOTP registration (pending or active), on the project clock.</summary>
    /// <param name="organization">The organization id, slug or external id.</param>
    /// <param name="member">The member id or external id.</param>
    /// <exception cref="StytchException">No such organization or member, or the member has no TOTP registration (<c>totp_not_found</c>).</exception>
    public string CodeFor(string organization, string member) => _totps.CurrentCode(organization, member);

    /// <summary>The member's unused recovery codes.</summary>
    /// <param name="organization">The organization id, slug or external id.</param>
    /// <param name="member">The member id or external id.</param>
    /// <exception cref="StytchException">No such organization or member, or the member has no TOTP registration (<c>totp_not_found</c>).</exception>
    public IReadOnlyList<string> RecoveryCodesFor(string organization, string member) => _totps.RecoveryCodesOf(organization, member);
}
