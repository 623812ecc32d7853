using Microsoft.Extensions.Time.Testing;
using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B;
using Stytch.Fake.Products.B2B.EmailOtp;
using Stytch.Fake.Products.Consumer;
using Stytch.Fake.Products.Consumer.EmailOtp;

namespace Stytch.Fake.Tests.Engine;

/// <summary>
/// Custom claims and request attributes through the consumer and B2B engines: kept on sessions and codes, merged by
/// later calls, matched on request, and refused without changing any state.
/// </summary>
public sealed class SessionClaimsAndAttributesTests
{
    private const string ProjectId = "project-test-00000000-0000-4000-8000-000000000001";
    private static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly RequestAttributes Laptop = new("203.0.113.7", "Mozilla/5.0 (Laptop)");
    private static readonly RequestAttributes Phone = new("198.51.100.9", "Mozilla/5.0 (Phone)");

    private FakeTimeProvider _time = null!;
    private ConsumerProducts _state = null!;
    private B2BProducts _b2b = null!;

    [SetUp]
    public void CreateState()
    {
        _time = new FakeTimeProvider(Start);
        var clock = new StytchClock(_time);
        _state = new ConsumerProducts(new ProjectStore(new ProjectSettings(ProjectId, false, null), clock));
        _b2b = new B2BProducts(new ProjectStore(new ProjectSettings(ProjectId, false, null), clock));
    }

    private static Dictionary<string, object?> Map(params (string Key, object? Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    private static StytchError ErrorOf(TestDelegate action) => Assert.Throws<StytchException>(action)!.Error;

    private (EmailOtpSent Sent, string Code) Send(RequestAttributes? attributes = null)
    {
        var sent = _state.EmailOtp.LoginOrCreate("ada@example.com", new EmailOtpOptions { Attributes = attributes ?? RequestAttributes.None });
        return (sent, _state.Outbox.LatestFor("ada@example.com").Code);
    }

    private OtpAuthenticated Authenticate(EmailOtpSent sent, string code, int? minutes = 60, IReadOnlyDictionary<string, object?>? claims = null,
        RequestAttributes? attributes = null, AttributeMatchOptions? options = null, string? sessionToken = null) =>
        _state.EmailOtp.Authenticate(new OtpAuthenticateCommand
        {
            MethodId = sent.EmailId,
            Code = code,
            SessionDurationMinutes = minutes,
            CustomClaims = claims,
            Attributes = attributes ?? RequestAttributes.None,
            Options = options ?? AttributeMatchOptions.None,
            SessionToken = sessionToken,
        });

    // ---- consumer custom claims -------------------------------------------------------------------

    [Test]
    public void Authenticate_ClaimsWithSession_AreKeptOnTheSession()
    {
        var (sent, code) = Send();

        var session = Authenticate(sent, code, claims: Map(("plan", "pro"))).Session!;

        Assert.That(session.CustomClaims, Is.EquivalentTo(Map(("plan", "pro"))));
        Assert.That(_state.Sessions.List(sent.UserId).Single().CustomClaims, Is.EquivalentTo(Map(("plan", "pro"))));
    }

    [Test]
    public void Authenticate_ExtendingASession_MergesTheClaims()
    {
        var (sent, code) = Send();
        var first = Authenticate(sent, code, claims: Map(("key_1", 1.0), ("key_2", 2.0))).Session!;
        var (_, second) = Send();

        var extended = Authenticate(sent, second, minutes: null, claims: Map(("key_1", null), ("key_3", 3.0)), sessionToken: first.SessionToken).Session!;

        Assert.That(extended.SessionId, Is.EqualTo(first.SessionId));
        Assert.That(extended.CustomClaims, Is.EquivalentTo(Map(("key_2", 2.0), ("key_3", 3.0))));
    }

    [Test]
    public void Authenticate_ClaimsWithoutSession_CreateNoSession()
    {
        var (sent, code) = Send();

        var result = Authenticate(sent, code, minutes: null, claims: Map(("plan", "pro")));

        Assert.That(result.Session, Is.Null);
        Assert.That(_state.Sessions.List(sent.UserId), Is.Empty);
    }

    [Test]
    public void Authenticate_ReservedClaim_LeavesTheCodeUnusedAndStartsNoSession()
    {
        var (sent, code) = Send();

        Assert.That(ErrorOf(() => Authenticate(sent, code, claims: Map(("sub", "someone-else")))), Is.EqualTo(StytchError.ReservedClaimsInCustomClaims));
        Assert.That(_state.Sessions.List(sent.UserId), Is.Empty);
        Assert.That(Authenticate(sent, code).Session, Is.Not.Null, "the code is still usable");
    }

    [Test]
    public void Authenticate_ClaimsOverTheLimit_LeaveTheCodeUnusedAndTheSessionUnchanged()
    {
        var (sent, code) = Send();
        var session = Authenticate(sent, code, claims: Map(("a", new string('a', 4000)))).Session!;
        var (_, second) = Send();
        _time.Advance(TimeSpan.FromMinutes(1));

        var error = ErrorOf(() => Authenticate(sent, second, minutes: 120, claims: Map(("b", new string('b', 200))), sessionToken: session.SessionToken));

        var kept = _state.Sessions.List(sent.UserId).Single();
        Assert.That(error, Is.EqualTo(StytchError.CustomClaimsTooLarge));
        Assert.That(kept, Is.EqualTo(session), "neither extended nor given claims");
        Assert.That(Authenticate(sent, second).Session, Is.Not.Null, "the code is still usable");
    }

    [Test]
    public void AuthenticateSession_Claims_MergeIntoTheSession()
    {
        var (sent, code) = Send();
        var session = Authenticate(sent, code, claims: Map(("key_1", 1.0), ("key_2", 2.0))).Session!;

        var result = _state.Sessions.Authenticate(session.SessionToken, null, null, Map(("key_1", 9.0)));

        Assert.That(result.Session.CustomClaims, Is.EquivalentTo(Map(("key_1", 9.0), ("key_2", 2.0))));
        Assert.That(_state.Sessions.List(sent.UserId).Single().CustomClaims, Is.EquivalentTo(Map(("key_1", 9.0), ("key_2", 2.0))));
    }

    [Test]
    public void AuthenticateSession_RefusedClaims_NeitherExtendNorTouchTheSession()
    {
        var (sent, code) = Send();
        var session = Authenticate(sent, code, claims: Map(("keep", true))).Session!;
        _time.Advance(TimeSpan.FromMinutes(1));

        var error = ErrorOf(() => _state.Sessions.Authenticate(session.SessionToken, null, 600, Map(("https://stytch.com/session", "x"))));

        Assert.That(error, Is.EqualTo(StytchError.StytchClaimsInCustomClaims));
        Assert.That(_state.Sessions.List(sent.UserId).Single(), Is.EqualTo(session));
    }

    // ---- consumer attributes and options ----------------------------------------------------------

    [Test]
    public void LoginOrCreate_Attributes_AreRecordedOnTheCode()
    {
        Send(Laptop);

        Assert.That(_state.Export().Otps.Single().Attributes, Is.EqualTo(Laptop));
    }

    [Test]
    public void Authenticate_Attributes_AreRecordedOnTheSession()
    {
        var (sent, code) = Send();

        Assert.That(Authenticate(sent, code, attributes: Phone).Session!.Attributes, Is.EqualTo(Phone));
    }

    [Test]
    public void Authenticate_ExtendingWithoutAttributes_KeepsTheSessionsAttributes()
    {
        var (sent, code) = Send();
        var session = Authenticate(sent, code, attributes: Phone).Session!;
        var (_, second) = Send();

        Assert.That(Authenticate(sent, second, minutes: null, sessionToken: session.SessionToken).Session!.Attributes, Is.EqualTo(Phone));
    }

    [Test]
    public void Authenticate_IpMatchRequiredFromAnotherIp_ThrowsAttributeMismatchAndLeavesTheCodeUsable()
    {
        var (sent, code) = Send(Laptop);

        var error = ErrorOf(() => Authenticate(sent, code, attributes: Laptop with { IpAddress = Phone.IpAddress }, options: new AttributeMatchOptions(true, false)));

        Assert.That(error, Is.EqualTo(StytchError.AttributeMismatch));
        Assert.That(_state.Sessions.List(sent.UserId), Is.Empty);
        Assert.That(Authenticate(sent, code, attributes: Laptop, options: new AttributeMatchOptions(true, true)).Session, Is.Not.Null);
    }

    [Test]
    public void Authenticate_UserAgentMatchRequiredFromAnotherAgent_ThrowsAttributeMismatch()
    {
        var (sent, code) = Send(Laptop);

        var error = ErrorOf(() => Authenticate(sent, code, attributes: Laptop with { UserAgent = Phone.UserAgent }, options: new AttributeMatchOptions(false, true)));

        Assert.That(error, Is.EqualTo(StytchError.AttributeMismatch));
    }

    [Test]
    public void Authenticate_MatchRequiredButCodeSentWithoutAttributes_ThrowsAttributeMismatch()
    {
        var (sent, code) = Send();

        Assert.That(ErrorOf(() => Authenticate(sent, code, attributes: Laptop, options: new AttributeMatchOptions(true, false))), Is.EqualTo(StytchError.AttributeMismatch));
    }

    [Test]
    public void Authenticate_OtherAttributeDiffersButOnlyOneIsRequired_Succeeds()
    {
        var (sent, code) = Send(Laptop);

        var session = Authenticate(sent, code, attributes: Laptop with { UserAgent = Phone.UserAgent }, options: new AttributeMatchOptions(true, false)).Session;

        Assert.That(session, Is.Not.Null);
    }

    [Test]
    public void Authenticate_NoMatchRequired_AnotherDeviceSucceeds()
    {
        var (sent, code) = Send(Laptop);

        Assert.That(Authenticate(sent, code, attributes: Phone).Session!.Attributes, Is.EqualTo(Phone));
    }

    [Test]
    public void Authenticate_WrongCodeFromAnotherIp_ReportsTheWrongCodeFirst()
    {
        var (sent, code) = Send(Laptop);
        var wrong = code == "000001" ? "000002" : "000001";

        Assert.That(ErrorOf(() => Authenticate(sent, wrong, attributes: Phone, options: new AttributeMatchOptions(true, true))), Is.EqualTo(StytchError.OtpCodeNotFound));
    }

    // ---- snapshots ----------------------------------------------------------------------------------

    [Test]
    public void ExportImport_SessionClaimsAndAttributesAndCodeAttributes_AreCarried()
    {
        var (sent, code) = Send();
        var session = Authenticate(sent, code, claims: Map(("plan", "pro"), ("e", Map(("n", 1.0)))), attributes: Phone).Session!;
        Send(Laptop);
        var copy = new ConsumerProducts(new ProjectStore(new ProjectSettings(ProjectId, false, null), new StytchClock(_time)));

        copy.Import(_state.Export());

        var imported = copy.Sessions.List(sent.UserId).Single();
        Assert.That(imported.CustomClaims, Is.EquivalentTo(session.CustomClaims));
        Assert.That(imported.Attributes, Is.EqualTo(Phone));
        Assert.That(copy.Export().Otps.Single().Attributes, Is.EqualTo(Laptop));
    }

    [Test]
    public void Import_SessionWithAReservedClaim_ThrowsAndChangesNothing()
    {
        var (sent, code) = Send();
        Authenticate(sent, code);
        var snapshot = _state.Export();
        var bad = snapshot with { Sessions = [snapshot.Sessions[0] with { CustomClaims = Map(("exp", 1.0)) }] };
        var copy = new ConsumerProducts(new ProjectStore(new ProjectSettings(ProjectId, false, null), new StytchClock(_time)));

        Assert.Throws<ArgumentException>(() => copy.Import(bad));
        Assert.That(copy.Users.Count, Is.Zero);
    }

    // ---- B2B ----------------------------------------------------------------------------------------

    private (StytchOrganization Organization, string Code) SendMemberCode()
    {
        var organization = _b2b.Organizations.Create(new OrganizationFields
        {
            OrganizationName = "Acme",
            OrganizationSlug = "acme",
            EmailJitProvisioning = "RESTRICTED",
            EmailAllowedDomains = ["acme.io"],
        });
        _b2b.EmailOtp.LoginOrSignup("acme", "ada@acme.io", new LoginOrSignupOptions());
        return (organization, _b2b.Outbox.LatestFor("ada@acme.io").Code);
    }

    private B2BOtpAuthenticated AuthenticateMember(string code, IReadOnlyDictionary<string, object?>? claims) =>
        _b2b.EmailOtp.Authenticate(new B2BOtpAuthenticateCommand { OrganizationId = "acme", EmailAddress = "ada@acme.io", Code = code, CustomClaims = claims });

    [Test]
    public void B2BAuthenticate_Claims_AreKeptOnTheMemberSession()
    {
        var (_, code) = SendMemberCode();

        var result = AuthenticateMember(code, Map(("tier", "gold")));

        Assert.That(result.Session!.CustomClaims, Is.EquivalentTo(Map(("tier", "gold"))));
        Assert.That(_b2b.Sessions.List(result.Member.MemberId).Single().CustomClaims, Is.EquivalentTo(Map(("tier", "gold"))));
    }

    [Test]
    public void B2BAuthenticateSession_Claims_MergeIntoTheMemberSession()
    {
        var (_, code) = SendMemberCode();
        var session = AuthenticateMember(code, Map(("tier", "gold"), ("seats", 5.0))).Session!;

        var result = _b2b.Sessions.Authenticate(session.SessionToken, null, null, null, Map(("tier", null), ("seats", 6.0)));

        Assert.That(result.Session.CustomClaims, Is.EquivalentTo(Map(("seats", 6.0))));
    }

    [Test]
    public void B2BAuthenticate_ReservedClaim_LeavesTheCodeUnusedAndStartsNoSession()
    {
        var (_, code) = SendMemberCode();

        Assert.That(ErrorOf(() => AuthenticateMember(code, Map(("aud", "x")))), Is.EqualTo(StytchError.ReservedClaimsInCustomClaims));
        Assert.That(_b2b.Sessions.ListLive(), Is.Empty);
        Assert.That(AuthenticateMember(code, null).Member.Status, Is.EqualTo("active"), "the code is still usable");
    }

    [Test]
    public void B2BAuthenticateSession_ClaimsOverTheLimit_LeaveTheSessionUnchanged()
    {
        var (_, code) = SendMemberCode();
        var session = AuthenticateMember(code, null).Session!;
        _time.Advance(TimeSpan.FromMinutes(1));

        var error = ErrorOf(() => _b2b.Sessions.Authenticate(session.SessionToken, null, 600, null, Map(("big", new string('x', 5000)))));

        Assert.That(error, Is.EqualTo(StytchError.CustomClaimsTooLarge));
        Assert.That(_b2b.Sessions.ListLive().Single(), Is.EqualTo(session));
    }

    [Test]
    public void B2BExportImport_MemberSessionClaims_AreCarried()
    {
        var (_, code) = SendMemberCode();
        var session = AuthenticateMember(code, Map(("tier", "gold"))).Session!;
        var copy = new B2BProducts(new ProjectStore(new ProjectSettings(ProjectId, false, null), new StytchClock(_time)));

        copy.Import(_b2b.Export());

        Assert.That(copy.Sessions.ListLive().Single().CustomClaims, Is.EquivalentTo(session.CustomClaims));
    }
}
