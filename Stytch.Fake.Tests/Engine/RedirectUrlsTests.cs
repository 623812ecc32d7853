using Stytch.Fake.Core;

namespace Stytch.Fake.Tests.Engine;

/// <summary>The redirect URLs a project allows, and the links built on them.</summary>
public sealed class RedirectUrlsTests
{
    private static readonly StytchError NotAllowed = new("not_allowed", 400, "not allowed");
    private static readonly StytchError Malformed = new("malformed", 400, "malformed");
    private static readonly StytchError NoneSet = new("none_set", 400, "none set");
    private static readonly StytchError NoDefault = new("no_default", 400, "no default");
    private static readonly RedirectUrlErrors Errors = new(NotAllowed, Malformed, NoneSet, NoDefault);

    private static StytchError ErrorOf(TestDelegate call) => Assert.Throws<StytchException>(call)!.Error;

    [Test]
    public void FreshProject_EveryType_DefaultsToLocalhostAuthenticate()
    {
        var urls = new RedirectUrls();

        Assert.That(Enum.GetValues<RedirectUrlType>().Select(t => urls.Resolve(t, null, Errors)),
            Has.All.EqualTo("http://localhost:3000/authenticate"));
    }

    [Test]
    public void Resolve_AnAllowedUrl_IsUsedAsGiven()
    {
        var urls = new RedirectUrls([new("https://app.example/login?from=mail", RedirectUrlType.Login)]);

        Assert.That(urls.Resolve(RedirectUrlType.Login, "https://app.example/login?from=mail", Errors), Is.EqualTo("https://app.example/login?from=mail"));
    }

    [Test]
    public void Resolve_AUrlOfAnotherTypeOrWithAnotherPath_IsNotAllowed()
    {
        var urls = new RedirectUrls([new("https://app.example/signup", RedirectUrlType.Signup), new("https://app.example/login", RedirectUrlType.Login)]);

        Assert.Multiple(() =>
        {
            Assert.That(ErrorOf(() => urls.Resolve(RedirectUrlType.Login, "https://app.example/signup", Errors)), Is.EqualTo(NotAllowed));
            Assert.That(ErrorOf(() => urls.Resolve(RedirectUrlType.Login, "https://app.example/login/", Errors)), Is.EqualTo(NotAllowed));
        });
    }

    [TestCase("not a url")]
    [TestCase("/authenticate")]
    [TestCase("ftp://app.example/login")]
    public void Resolve_AMalformedUrl_IsMalformed(string url) =>
        Assert.That(ErrorOf(() => new RedirectUrls().Resolve(RedirectUrlType.Login, url, Errors)), Is.EqualTo(Malformed));

    [Test]
    public void Resolve_NoUrlsOfTheType_IsNoneSet()
    {
        var urls = new RedirectUrls([new("https://app.example/login", RedirectUrlType.Login, IsDefault: true)]);

        Assert.Multiple(() =>
        {
            Assert.That(ErrorOf(() => urls.Resolve(RedirectUrlType.Invite, null, Errors)), Is.EqualTo(NoneSet));
            Assert.That(ErrorOf(() => urls.Resolve(RedirectUrlType.Invite, "https://app.example/login", Errors)), Is.EqualTo(NoneSet));
        });
    }

    [Test]
    public void Resolve_NoUrlGivenAndNoDefault_IsNoDefault()
    {
        var urls = new RedirectUrls([new("https://app.example/login", RedirectUrlType.Login)]);

        Assert.That(ErrorOf(() => urls.Resolve(RedirectUrlType.Login, null, Errors)), Is.EqualTo(NoDefault));
    }

    [Test]
    public void Restore_AfterSet_GoesBackToTheBaseline()
    {
        var urls = new RedirectUrls();
        urls.Set([new("https://app.example/login", RedirectUrlType.Login, IsDefault: true)]);

        urls.Restore();

        Assert.That(urls.All, Is.EqualTo(RedirectUrls.FreshProject()));
    }

    [Test]
    public void Set_TwoDefaultsOfOneType_IsRefusedAndChangesNothing()
    {
        var urls = new RedirectUrls();

        var error = ErrorOf(() => urls.Set([new("https://a.example/", RedirectUrlType.Login, true), new("https://b.example/", RedirectUrlType.Login, true)]));

        Assert.That(error.ErrorType, Is.EqualTo("bad_request"));
        Assert.That(urls.All, Is.EqualTo(RedirectUrls.FreshProject()));
    }

    [Test]
    public void Set_AUrlListedTwiceForItsType_IsRefused() =>
        Assert.That(ErrorOf(() => new RedirectUrls().Set([new("https://a.example/", RedirectUrlType.Login), new("https://a.example/", RedirectUrlType.Login)])).ErrorType,
            Is.EqualTo("bad_request"));

    [TestCase("http://localhost:3000/authenticate", "http://localhost:3000/authenticate?stytch_token_type=magic_links&token=abc%2B1")]
    [TestCase("https://app.example/cb?next=%2Fhome", "https://app.example/cb?next=%2Fhome&stytch_token_type=magic_links&token=abc%2B1")]
    [TestCase("https://app.example/cb#top", "https://app.example/cb?stytch_token_type=magic_links&token=abc%2B1#top")]
    public void Links_Build_AddsTheTokenTypeAndTokenToTheQuery(string redirectUrl, string expected) =>
        Assert.That(Links.Build(redirectUrl, "magic_links", "abc+1"), Is.EqualTo(expected));
}
