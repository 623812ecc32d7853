using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B;
using Stytch.Fake.Products.B2B.Passwords;
using Stytch.Fake.Products.Consumer;
using Stytch.Fake.Products.Consumer.Passwords;

namespace Stytch.Fake.Snapshots;

/// <summary>The password part of <see cref="SnapshotMapping"/>: both audiences' hashes, locks, reset tokens and the policy.</summary>
internal static class SnapshotPasswordMapping
{
    private const string Consumer = "consumer";
    private const string B2B = "b2b";
    private const string B2BDiscovery = "b2b_discovery";

    private static readonly string[] Purposes = [PasswordService.ResetPurpose, B2BPasswordService.ResetPurpose, B2BPasswordService.DiscoveryResetPurpose];

    /// <summary>The project's password state; under the store's lock.</summary>
    public static SnapshotPasswords Export(ProjectStore store) => Export(store.ExportPasswords(Purposes));

    public static SnapshotPasswords Export(PasswordsSnapshot p) => new(
        new SnapshotPasswordPolicy(
            p.Policy.Strategy == PasswordStrategy.Luds ? "luds" : "zxcvbn", p.Policy.LudsMinLength, p.Policy.LudsMinComplexity,
            p.Policy.BreachDetectionOnCreate, p.Policy.BreachDetectionOnAuthenticate, p.Policy.LockThreshold,
            (long)p.Policy.LockDuration.TotalSeconds),
        p.AddedBreachedDigests,
        [.. p.Passwords.Select(x => new SnapshotPasswordHash(x.SubjectId, x.Password.PasswordId, x.Password.Hash, x.Password.RequiresReset))],
        [.. p.Lockouts.Select(x => new SnapshotPasswordLock(x.SubjectId, x.State.Failures, x.State.LockedAt, x.State.LockedUntil))],
        [.. p.Resets.Select(r => new SnapshotPasswordReset(
            r.Purpose switch
            {
                PasswordService.ResetPurpose => Consumer,
                B2BPasswordService.DiscoveryResetPurpose => B2BDiscovery,
                _ => B2B,
            },
            r.Token, r.Payload.SubjectId, r.Payload.EmailId,
            r.Payload.CodeChallenge, r.ExpiresAt, r.Used, new SnapshotAttributes(r.Attributes.IpAddress, r.Attributes.UserAgent)))]);

    /// <summary>
    /// The engine's password state for <paramref name="passwords"/>, checked on its own and against the snapshot's users
    /// and members (<see cref="ArgumentException"/>): every hash, lock and reset names one of them, a consumer reset a
    /// user and a B2B reset a member, and each user's <c>password_id</c> is that of their hash.
    /// </summary>
    public static PasswordsSnapshot ToChecked(SnapshotPasswords passwords, ConsumerSnapshot state, B2BSnapshot b2b)
    {
        var p = passwords.Policy;
        var policy = new PasswordPolicy
        {
            Strategy = p.Strategy switch
            {
                "zxcvbn" => PasswordStrategy.Zxcvbn,
                "luds" => PasswordStrategy.Luds,
                _ => throw new ArgumentException($"A password policy's strategy must be zxcvbn or luds, not '{Validate.Clip(p.Strategy)}'."),
            },
            LudsMinLength = p.LudsMinLength,
            LudsMinComplexity = p.LudsMinComplexity,
            BreachDetectionOnCreate = p.BreachDetectionOnCreate,
            BreachDetectionOnAuthenticate = p.BreachDetectionOnAuthenticate,
            LockThreshold = p.LockThreshold,
            LockDuration = p.LockDurationSeconds is >= 0 and <= 7 * 24 * 3600
                ? TimeSpan.FromSeconds(p.LockDurationSeconds)
                : throw new ArgumentException("A password policy's lock_duration_seconds must be between 300 and 604800."),
        };
        var snapshot = new PasswordsSnapshot(
            policy,
            passwords.AddedBreachedSha256,
            [.. passwords.Hashes.Select(h => (h.SubjectId, new StoredPassword(h.PasswordId, h.Hash, h.RequiresReset)))],
            [.. passwords.Locks.Select(l => (l.SubjectId, new LockoutState(l.Failures, l.LockedUntil) { LockedAt = l.LockedAt }))],
            [.. passwords.Resets.Select(r => new PasswordResetSnapshot(
                r.Audience switch
                {
                    Consumer => PasswordService.ResetPurpose,
                    B2B => B2BPasswordService.ResetPurpose,
                    B2BDiscovery => B2BPasswordService.DiscoveryResetPurpose,
                    _ => throw new ArgumentException($"A password reset's audience must be consumer, b2b or b2b_discovery, not '{Validate.Clip(r.Audience)}'."),
                },
                r.Token, new PasswordResetPayload(r.SubjectId, r.EmailId, r.CodeChallenge), r.ExpiresAt, r.Used,
                new RequestAttributes(r.Attributes.IpAddress, r.Attributes.UserAgent)))]);

        var users = state.Users.ToDictionary(u => u.UserId, StringComparer.Ordinal);
        var members = b2b.Members.Select(m => m.MemberId).ToHashSet(StringComparer.Ordinal);
        // A discovery reset names an email address (it resets the password of each of its members), not a member.
        var discovery = snapshot.Resets.Where(r => r.Purpose == B2BPasswordService.DiscoveryResetPurpose).ToArray();
        var addresses = discovery.Select(r => r.Payload.SubjectId).ToHashSet(StringComparer.Ordinal);
        PasswordSnapshots.Check(snapshot, s => users.ContainsKey(s) || members.Contains(s) || addresses.Contains(s), Purposes);
        var ids = snapshot.Passwords.ToDictionary(x => x.SubjectId, x => x.Password.PasswordId, StringComparer.Ordinal);
        if (users.Values.Any(u => u.PasswordId != ids.GetValueOrDefault(u.UserId, ""))
            || discovery.Any(r => !IsEmail(r.Payload.SubjectId) || r.Payload.EmailId.Length > 0)
            || snapshot.Passwords.Select(p => p.SubjectId).Concat(snapshot.Lockouts.Select(l => l.SubjectId)).Any(id => !users.ContainsKey(id) && !members.Contains(id))
            || snapshot.Resets.Except(discovery).Any(r => r.Purpose == PasswordService.ResetPurpose ? !users.ContainsKey(r.Payload.SubjectId) : !members.Contains(r.Payload.SubjectId)))
        {
            throw new ArgumentException("The password state does not match the users: a user's password_id differs from their hash's, a reset is of the other audience's subject, or a discovery reset names no email address.");
        }

        return snapshot;
    }

    private static bool IsEmail(string text)
    {
        try
        {
            return Validate.Email(text) == text;
        }
        catch (StytchException)
        {
            return false;
        }
    }

    /// <summary><paramref name="members"/> with the password ids <paramref name="passwords"/> gives them (a member's <c>member_password_id</c> is kept with its hash).</summary>
    public static IReadOnlyList<StytchMember> WithPasswordIds(IReadOnlyList<StytchMember> members, PasswordsSnapshot passwords)
    {
        var ids = passwords.Passwords.ToDictionary(x => x.SubjectId, x => x.Password.PasswordId, StringComparer.Ordinal);
        return [.. members.Select(m => m with { MemberPasswordId = ids.GetValueOrDefault(m.MemberId, "") })];
    }
}
