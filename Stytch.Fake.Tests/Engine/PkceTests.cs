using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Engine;

/// <summary>PKCE checks on links (RFC 7636 S256).</summary>
public sealed class PkceTests
{
    // RFC 7636 appendix B's example pair.
    private const string Verifier = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";
    private const string Challenge = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

    [Test]
    public void ChallengeOf_TheRfcExampleVerifier_IsTheRfcExampleChallenge() =>
        Assert.That(Pkce.ChallengeOf(Verifier), Is.EqualTo(Challenge));

    [Test]
    public void Check_TheMatchingVerifier_Passes() =>
        Assert.DoesNotThrow(() => Pkce.Check(Challenge, Verifier));

    [Test]
    public void Check_NeitherChallengeNorVerifier_Passes() =>
        Assert.DoesNotThrow(() => Pkce.Check(null, null));

    [TestCase(Challenge, null, "pkce_expected_code_verifier")]
    [TestCase(null, Verifier, "pkce_did_not_expect_code_verifier")]
    [TestCase(Challenge, "another-verifier-of-enough-length-0123456789abc", "pkce_mismatch")]
    public void Check_AMissingOrWrongHalf_IsRefused(string? challenge, string? verifier, string errorType) =>
        Assert.That(Assert.Throws<StytchException>(() => Pkce.Check(challenge, verifier))!.Error.ErrorType, Is.EqualTo(errorType));
}
