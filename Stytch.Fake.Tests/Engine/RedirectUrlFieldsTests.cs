using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Engine;

/// <summary>Which Stytch error each redirect-URL request field gets, case by case.</summary>
public sealed class RedirectUrlFieldsTests
{
    private static readonly string[] KnownTypes = File.ReadAllLines(ErrorTypesPath());

    // field, its type, then the error type for: unlisted URL, malformed URL, no URL of the type, no default.
    private static IEnumerable<TestCaseData> Fields()
    {
        yield return Case(nameof(RedirectUrlFields.MagicLinkLogin), RedirectUrlType.Login, "invalid_login_magic_link_url", "no_login_redirect_urls_set", "no_default_login_redirect_url_set");
        yield return Case(nameof(RedirectUrlFields.MagicLinkSignup), RedirectUrlType.Signup, "invalid_signup_magic_link_url", "no_signup_redirect_urls_set", "no_default_signup_redirect_url_set");
        yield return Case(nameof(RedirectUrlFields.MagicLinkInvite), RedirectUrlType.Invite, "invalid_invite_magic_link_url", "no_invite_redirect_urls_set", "no_default_invite_redirect_url_set");
        yield return Case(nameof(RedirectUrlFields.B2BLogin), RedirectUrlType.Login, "invalid_login_redirect_url", "no_login_redirect_urls_set", "no_default_login_redirect_url_set");
        yield return Case(nameof(RedirectUrlFields.B2BSignup), RedirectUrlType.Signup, "invalid_signup_redirect_url", "no_signup_redirect_urls_set", "no_default_signup_redirect_url_set");
        yield return Case(nameof(RedirectUrlFields.B2BInvite), RedirectUrlType.Invite, "invalid_invite_redirect_url", "no_invite_redirect_urls_set", "no_default_invite_redirect_url_set");
        yield return Case(nameof(RedirectUrlFields.B2BDiscovery), RedirectUrlType.Discovery, "invalid_discovery_redirect_url", "no_discovery_redirect_urls_set", "no_default_discovery_redirect_url_set");
        yield return Case(nameof(RedirectUrlFields.ResetPassword), RedirectUrlType.ResetPassword, "invalid_password_reset_redirect_url", "no_password_reset_redirect_url", "no_password_reset_redirect_url");

        static TestCaseData Case(string field, RedirectUrlType type, string malformed, string noneSet, string noDefault) =>
            new TestCaseData(field, type, malformed, noneSet, noDefault).SetArgDisplayNames(field);
    }

    private static readonly Dictionary<string, RedirectUrlErrors> ByName = new()
    {
        [nameof(RedirectUrlFields.MagicLinkLogin)] = RedirectUrlFields.MagicLinkLogin,
        [nameof(RedirectUrlFields.MagicLinkSignup)] = RedirectUrlFields.MagicLinkSignup,
        [nameof(RedirectUrlFields.MagicLinkInvite)] = RedirectUrlFields.MagicLinkInvite,
        [nameof(RedirectUrlFields.B2BLogin)] = RedirectUrlFields.B2BLogin,
        [nameof(RedirectUrlFields.B2BSignup)] = RedirectUrlFields.B2BSignup,
        [nameof(RedirectUrlFields.B2BInvite)] = RedirectUrlFields.B2BInvite,
        [nameof(RedirectUrlFields.B2BDiscovery)] = RedirectUrlFields.B2BDiscovery,
        [nameof(RedirectUrlFields.ResetPassword)] = RedirectUrlFields.ResetPassword,
    };

    // The fields are internal, so test cases name them and the tests look them up.
    private static RedirectUrlErrors Of(string field) => ByName[field];

    private static string ErrorTypeOf(TestDelegate call) => Assert.Throws<StytchException>(call)!.Error.ErrorType;

    [TestCaseSource(nameof(Fields))]
    public void Resolve_AWellFormedUrlNotInTheList_IsNoMatchForProvidedMagicLinkUrl(string field, RedirectUrlType type, string malformed, string noneSet, string noDefault)
    {
        var urls = new RedirectUrls([new("https://app.example/cb", type, IsDefault: true)]);

        Assert.That(ErrorTypeOf(() => urls.Resolve(type, "https://evil.example/cb", Of(field))), Is.EqualTo("no_match_for_provided_magic_link_url"));
    }

    [TestCaseSource(nameof(Fields))]
    public void Resolve_AMalformedUrl_IsTheFieldsInvalidType(string field, RedirectUrlType type, string malformed, string noneSet, string noDefault) =>
        Assert.That(ErrorTypeOf(() => new RedirectUrls().Resolve(type, "app.example/cb", Of(field))), Is.EqualTo(malformed));

    [TestCaseSource(nameof(Fields))]
    public void Resolve_NoUrlOfTheType_IsTheTypesNoneSetError(string field, RedirectUrlType type, string malformed, string noneSet, string noDefault)
    {
        var other = type == RedirectUrlType.Login ? RedirectUrlType.Signup : RedirectUrlType.Login;
        var urls = new RedirectUrls([new("https://app.example/cb", other, IsDefault: true)]);

        Assert.That(ErrorTypeOf(() => urls.Resolve(type, null, Of(field))), Is.EqualTo(noneSet));
    }

    [TestCaseSource(nameof(Fields))]
    public void Resolve_NoUrlRequestedAndNoDefault_IsTheTypesNoDefaultError(string field, RedirectUrlType type, string malformed, string noneSet, string noDefault)
    {
        var urls = new RedirectUrls([new("https://app.example/cb", type)]);

        Assert.That(ErrorTypeOf(() => urls.Resolve(type, null, Of(field))), Is.EqualTo(noDefault));
    }

    [TestCaseSource(nameof(Fields))]
    public void RedirectUrlFields_EveryError_IsAStytchErrorTypeSentWith400(string field, RedirectUrlType type, string malformed, string noneSet, string noDefault)
    {
        var errors = Of(field);
        StytchError[] all = [errors.NotAllowed, errors.Malformed, errors.NoneSet, errors.NoDefault];

        Assert.Multiple(() =>
        {
            Assert.That(all.Select(e => e.ErrorType), Has.All.Matches<string>(KnownTypes.Contains), "every type is in error-types.txt");
            Assert.That(all.Select(e => e.StatusCode), Has.All.EqualTo(400));
            Assert.That(all, Has.All.Matches<StytchError>(StytchError.Catalogue.Contains), "every error is in the catalogue");
        });
    }

    /// <summary><c>shared/reference/error-types.txt</c> beside the repository or beside one of its parent folders.</summary>
    private static string ErrorTypesPath()
    {
        for (var dir = new DirectoryInfo(Readme.RepoRoot.Find()); dir?.Parent is { } parent; dir = parent)
        {
            var candidate = Path.Combine(parent.FullName, "shared", "reference", "error-types.txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("error-types.txt not found in any ../shared/reference/ above " + Readme.RepoRoot.Find());
    }
}
