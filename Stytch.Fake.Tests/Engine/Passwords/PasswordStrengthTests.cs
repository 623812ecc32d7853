using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Engine.Passwords;

/// <summary>zxcvbn and LUDS strength checks and the breached list.</summary>
public sealed class PasswordStrengthTests
{
    private static readonly PasswordPolicy Luds = new() { Strategy = PasswordStrategy.Luds };

    private static PasswordStrengthReport Check(string password, PasswordPolicy? policy = null, bool checkBreach = true, string? email = null) =>
        PasswordStrength.Check(password, email, policy ?? PasswordPolicy.Default, checkBreach, BreachedPasswords.BuiltIn.Contains);

    [Test]
    public void Check_ALongUncommonPassphrase_IsValidWithScoreFour()
    {
        var report = Check("violet-Tractor-umbrella-88");
        Assert.That((report.ValidPassword, report.Score, report.StrengthPolicy, report.Warning, report.Suggestions), Is.EqualTo((true, 4, "zxcvbn", "", (IReadOnlyList<string>)[])));
    }

    [Test]
    public void Check_ATopTenPassword_IsInvalidWithZxcvbnsWarning()
    {
        var report = Check("password", checkBreach: false);
        Assert.That(report.ValidPassword, Is.False);
        Assert.That(report.Score, Is.LessThan(PasswordStrength.ValidScore));
        Assert.That(report.Warning, Is.EqualTo("This is a top-10 common password"));
        Assert.That(report.Suggestions, Does.Contain("Add another word or two. Uncommon words are better."));
    }

    [Test]
    public void Check_AL33tCommonPassword_SuggestsAvoidingSubstitutions()
    {
        var report = Check("p@ssword1", checkBreach: false);
        Assert.That(report.ValidPassword, Is.False);
        Assert.That(report.Suggestions, Does.Contain("Predictable substitutions like '@' instead of 'a' don't help very much"));
    }

    [Test]
    public void Check_AKeyboardRow_WarnsOfStraightRows() =>
        Assert.That(Check("zxcvbnm,./", checkBreach: false).Warning, Is.EqualTo("Straight rows of keys are easy to guess"));

    [Test]
    public void Check_AStrongButBreachedPassword_IsInvalidAndBreached()
    {
        var report = Check("correct horse battery staple");
        Assert.That((report.ValidPassword, report.BreachedPassword, report.Score >= PasswordStrength.ValidScore), Is.EqualTo((false, true, true)));
    }

    [Test]
    public void Check_WithoutTheBreachCheck_DoesNotReportABreach() =>
        Assert.That(Check("correct horse battery staple", checkBreach: false).BreachedPassword, Is.False);

    [Test]
    public void Check_BreachDetectionOffInThePolicy_DoesNotReportABreach()
    {
        var report = Check("correct horse battery staple", PasswordPolicy.Default with { BreachDetectionOnCreate = false });
        Assert.That((report.ValidPassword, report.BreachedPassword, report.BreachDetectionOnCreate), Is.EqualTo((true, false, false)));
    }

    [Test]
    public void Check_APasswordMadeOfTheEmail_ScoresLowerThanWithoutIt() =>
        Assert.That(Check("zanzibarquokka", email: "zanzibarquokka@example.com", checkBreach: false).Score,
            Is.LessThan(Check("zanzibarquokka", checkBreach: false).Score));

    [Test]
    public void Check_LudsWithEveryTypeAndLength_IsValidWithItsFindings()
    {
        var report = Check("aB3$efgh", Luds);
        Assert.That(report.ValidPassword, Is.True);
        Assert.That(report.StrengthPolicy, Is.EqualTo("luds"));
        Assert.That(report.Luds, Is.EqualTo(new LudsResult(true, true, true, true, 0, 0)));
    }

    [Test]
    public void Check_LudsTooShortAndTooSimple_CountsWhatIsMissing()
    {
        var report = Check("abc", Luds with { LudsMinLength = 10, LudsMinComplexity = 4 });
        Assert.That(report.ValidPassword, Is.False);
        Assert.That(report.Luds, Is.EqualTo(new LudsResult(true, false, false, false, 3, 7)));
    }

    [Test]
    public void Luds_ANonAsciiLetter_CountsAsASymbol() =>
        Assert.That(PasswordStrength.Luds("é", Luds).HasSymbol, Is.True);

    [Test]
    public void Luds_AnEmoji_CountsAsOneCharacter() =>
        Assert.That(PasswordStrength.Luds("😀", Luds with { LudsMinLength = 8 }).MissingCharacters, Is.EqualTo(7));

    [Test]
    public void ThrowIfWeak_AnInvalidReport_ThrowsWeakPassword() =>
        Assert.That(Assert.Throws<StytchException>(() => Check("password").ThrowIfWeak())!.Error, Is.EqualTo(StytchError.WeakPassword));

    [Test]
    public void Check_AnEmptyPassword_IsInvalidWithZxcvbnsSuggestions()
    {
        var report = Check("", checkBreach: false);
        Assert.That((report.ValidPassword, report.Score), Is.EqualTo((false, 0)));
        Assert.That(report.Suggestions, Has.Count.EqualTo(2));
    }
}
