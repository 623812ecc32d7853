using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Mfa;

namespace Stytch.Fake.Products.B2B.Totps;

/// <summary>A TOTP registration imported by <c>b2b/totp/migrate</c>.</summary>
/// <param name="Member">The member, its <c>totp_registration_id</c> set.</param>
/// <param name="Organization">Its organization.</param>
/// <param name="Registration">The active registration with its recovery codes.</param>
internal sealed record TotpMigrated(StytchMember Member, StytchOrganization Organization, TotpRegistration Registration);

internal sealed partial class B2BTotpService
{
    /// <summary>
    /// <c>POST /v1/b2b/totp/migrate</c>: another system's secret becomes the member's active registration at once, so its
    /// codes authenticate without a create step. The spec: "Recovery codes are not required and will be minted for the
    /// Member if not provided" (an empty list mints ten too). Inferred: a member with an active registration answers
    /// <c>active_totp_exists</c> (as create does) and a pending one is replaced; <c>mfa_enrolled</c> and the default method
    /// are left as they are; imported codes are kept in lower case, as recover compares them; a secret that is not
    /// base32 is a <c>bad_request</c> (error-types.txt has no type for it).
    /// </summary>
    public TotpMigrated Migrate(string? organizationReference, string? memberReference, string? secret, IReadOnlyList<string?>? recoveryCodes)
    {
        var command = new MfaStepCommand { OrganizationId = organizationReference, MemberId = memberReference };
        MfaStep.Check(command);
        var checkedSecret = CheckSecret(secret);
        var codes = CheckRecoveryCodes(recoveryCodes);
        return _store.Transact(() =>
        {
            var now = _store.Clock.Now;
            var context = _step.Open(command, now, sessionRequired: false);
            if (Table.Of(context.Member.MemberId) is { Active: true })
            {
                throw new StytchException(StytchError.ActiveTotpExists);
            }

            var registration = Table.Put(new TotpRegistration(
                _store.Ids.New("member-totp"), context.Organization.OrganizationId, context.Member.MemberId, checkedSecret,
                codes ?? TotpCodes.NewRecoveryCodes(_store.Ids), Active: true, now, now, LastUsedStep: -1));
            var member = context.Member with { TotpRegistrationId = registration.RegistrationId, UpdatedAt = now };
            _step.Replace(context.Member, member);
            return new TotpMigrated(member, context.Organization, registration);
        });
    }

    /// <summary>The secret in upper case without padding or spaces (authenticator apps accept either case), checked to be base32.</summary>
    private static string CheckSecret(string? secret)
    {
        if (string.IsNullOrWhiteSpace(secret))
        {
            throw Validate.BadRequest("secret is required.");
        }

        var normalised = secret.Replace(" ", "", StringComparison.Ordinal).TrimEnd('=').ToUpperInvariant();
        // Two base32 characters are the fewest that hold a whole byte of key.
        return normalised.Length >= 2 && normalised.All(c => c is (>= 'A' and <= 'Z') or (>= '2' and <= '7'))
            ? normalised
            : throw Validate.BadRequest("secret must be a base32 string (A-Z and 2-7).");
    }

    /// <summary>The imported codes, lower case and without repeats; null when none were sent (ten are minted then).</summary>
    private static string[]? CheckRecoveryCodes(IReadOnlyList<string?>? codes)
    {
        if (codes is null || codes.Count == 0)
        {
            return null;
        }

        if (codes.Any(string.IsNullOrWhiteSpace))
        {
            throw Validate.BadRequest("recovery_codes must not hold empty codes.");
        }

        return codes.Select(c => c!.Trim().ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToArray();
    }
}
