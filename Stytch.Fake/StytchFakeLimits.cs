using System.Globalization;

namespace Stytch.Fake;

/// <summary>
/// Caps on what one fake server holds, so a runaway or hostile client cannot make it grow without end. The
/// defaults sit far above what a test suite uses; a call past a cap gets a 400 saying which cap and how to raise it.
/// </summary>
public sealed record StytchFakeLimits
{
    /// <summary>Projects one server hosts, the default one included (default 100,000).</summary>
    public int MaxProjects { get; init; } = 100_000;

    /// <summary>
    /// Signing keys one project publishes at once, the signing one and the old ones kept for verification
    /// (default 1,000). <c>keys/remove_old</c> frees them; <see cref="StytchFakeProject.Reset"/> keeps keys.
    /// </summary>
    public int MaxSigningKeysPerProject { get; init; } = 1_000;

    /// <summary>Fault rules one project holds at once (default 10,000).</summary>
    public int MaxFaultRulesPerProject { get; init; } = 10_000;

    internal void Check()
    {
        if (MaxProjects < 1 || MaxSigningKeysPerProject < 1 || MaxFaultRulesPerProject < 1)
        {
            throw new ArgumentException(
                "StytchFakeLimits: MaxProjects, MaxSigningKeysPerProject and MaxFaultRulesPerProject must each be at least 1.");
        }
    }
}

/// <summary>The errors a cap answers with: the catalogue entry, with a message naming the cap and how to raise it.</summary>
internal static class LimitErrors
{
    /// <summary>Rotations one project may have waiting for a new key at once; more get 429.</summary>
    public const int MaxWaitingRotationsPerProject = 8;

    public static StytchError TooManyProjects(int max) => StytchError.TooManyProjects with
    {
        Message = Format($"This server already hosts {max} projects, the most it allows. Remove projects you no longer need (StytchFake.RemoveProject), or raise the cap: StytchFakeOptions.Limits.MaxProjects, or --max-projects for the standalone server."),
    };

    public static StytchError TooManySigningKeys(int max) => StytchError.TooManySigningKeys with
    {
        Message = Format($"The project already publishes {max} signing keys, the most this server allows. Drop the old ones (POST /_fake/v1/projects/{{project_id}}/keys/remove_old, or RemoveOldSigningKeys()), or raise the cap: StytchFakeOptions.Limits.MaxSigningKeysPerProject, or --max-signing-keys for the standalone server."),
    };

    public static StytchError TooManyFaultRules(int max) => StytchError.TooManyFaultRules with
    {
        Message = Format($"The project already has {max} fault rules, the most this server allows. Remove some (DELETE /_fake/v1/projects/{{project_id}}/faults, or Faults.Clear()), or raise the cap: StytchFakeOptions.Limits.MaxFaultRulesPerProject, or --max-fault-rules for the standalone server."),
    };

    public static StytchError TooManyKeyRotations(int waiting) => StytchError.TooManyKeyRotations with
    {
        Message = Format($"{waiting} key rotations are already waiting for a new RSA key, the most allowed at once (keys are made on background threads so other calls keep their CPU). Retry when some have finished; the cap is fixed."),
    };

    public static StytchError TooManyProjectKeyRotations() => StytchError.TooManyKeyRotations with
    {
        Message = Format($"{MaxWaitingRotationsPerProject} key rotations of this project are already waiting for a new RSA key, the most allowed at once for one project. Retry when some have finished; the cap is fixed."),
    };

    private static string Format(FormattableString message) => message.ToString(CultureInfo.InvariantCulture);
}
