using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Mfa;
using Stytch.Fake.Products.B2B.Totps;

namespace Stytch.Fake.Products.B2B.RecoveryCodes;

/// <summary>A member's recovery codes as get and rotate answer them.</summary>
/// <param name="Member">The member.</param>
/// <param name="Organization">Its organization.</param>
/// <param name="Codes">The unused codes.</param>
internal sealed record RecoveryCodesOf(StytchMember Member, StytchOrganization Organization, IReadOnlyList<string> Codes);

/// <summary>
/// B2B recovery codes (<c>/v1/b2b/recovery_codes/*</c>): the ten codes of a member's active TOTP registration, each
/// usable once in place of a TOTP code. Get lists the unused ones, rotate replaces them all, recover uses one to finish
/// an MFA login through the login gate.
/// </summary>
internal sealed class B2BRecoveryCodeService(ProjectStore store, MfaStep step)
{
    private TotpTable Table => store.Part<TotpTable>();

    /// <summary><c>GET /v1/b2b/recovery_codes/{organization_id}/{member_id}</c>.</summary>
    public RecoveryCodesOf Get(string? organizationReference, string? memberReference)
    {
        var command = new MfaStepCommand { OrganizationId = organizationReference, MemberId = memberReference };
        MfaStep.Check(command);
        return store.Transact(() =>
        {
            var context = step.Open(command, store.Clock.Now, sessionRequired: false);
            return new RecoveryCodesOf(context.Member, context.Organization, ActiveOf(context.Member).RecoveryCodes);
        });
    }

    /// <summary><c>POST /v1/b2b/recovery_codes/rotate</c>: ten new codes; the old ones stop working.</summary>
    public RecoveryCodesOf Rotate(string? organizationReference, string? memberReference)
    {
        var command = new MfaStepCommand { OrganizationId = organizationReference, MemberId = memberReference };
        MfaStep.Check(command);
        return store.Transact(() =>
        {
            var context = step.Open(command, store.Clock.Now, sessionRequired: false);
            var rotated = Table.Put(ActiveOf(context.Member) with { RecoveryCodes = TotpCodes.NewRecoveryCodes(store.Ids) });
            return new RecoveryCodesOf(context.Member, context.Organization, rotated.RecoveryCodes);
        });
    }

    /// <summary>
    /// <c>POST /v1/b2b/recovery_codes/recover</c>: uses one code (a <c>recovery_codes</c> factor) and ends the login through
    /// the gate; also the number of codes left.
    /// </summary>
    public (StytchMember Member, B2BLogin Login, int Remaining) Recover(MfaStepCommand command, string? recoveryCode)
    {
        MfaStep.Check(command);
        if (string.IsNullOrEmpty(recoveryCode))
        {
            throw new StytchException(StytchError.UnableToAuthenticateRecoveryCode);
        }

        if (recoveryCode.Length == 6 && recoveryCode.All(char.IsAsciiDigit))
        {
            throw new StytchException(StytchError.TotpCodeUsedAsRecoveryCode);
        }

        return store.Transact(() =>
        {
            var now = store.Clock.Now;
            var context = step.Open(command, now, sessionRequired: false);
            var registration = ActiveOf(context.Member);
            var code = recoveryCode.ToLowerInvariant();
            var attempt = MfaStep.Attempt(context, command, AuthenticationFactor.Of(FactorKind.RecoveryCode, null, null, "", now, now)!);
            step.Gate.Check(attempt);
            if (!registration.RecoveryCodes.Contains(code, StringComparer.Ordinal))
            {
                throw new StytchException(StytchError.UnableToAuthenticateRecoveryCode);
            }

            var left = Table.Put(registration with { RecoveryCodes = registration.RecoveryCodes.Where(c => c != code).ToArray() });
            return (context.Member, step.Gate.Pass(attempt, now), left.RecoveryCodes.Count);
        });
    }

    private TotpRegistration ActiveOf(StytchMember member) =>
        Table.Of(member.MemberId) is { Active: true } registration ? registration : throw new StytchException(StytchError.NoActiveRecoveryCodeBackedFactor);
}
