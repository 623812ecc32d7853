using Microsoft.Extensions.Time.Testing;
using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B;

namespace Stytch.Fake.Tests.Engine;

/// <summary>The B2B engine alone: typed commands in, typed results or a <see cref="StytchException"/> out.</summary>
public sealed class B2BStateTests
{
    private static readonly DateTimeOffset Start = new(2030, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private static readonly LoginOrSignupOptions Defaults = new();

    private FakeTimeProvider _time = null!;
    private B2BState _state = null!;

    [SetUp]
    public void CreateState()
    {
        _time = new FakeTimeProvider(Start);
        _state = NewState();
    }

    private B2BState NewState(int? seed = null) => new(new ProjectStore(new ProjectSettings("project-test-00000000-0000-4000-8000-000000000002", Live: false, seed), new StytchClock(_time)));

    private static StytchError ErrorOf(TestDelegate action) => Assert.Throws<StytchException>(action)!.Error;

    private StytchOrganization Jit(string slug = "acme", params string[] domains) => _state.CreateOrganization(new OrganizationFields
    {
        OrganizationName = "Acme",
        OrganizationSlug = slug,
        EmailJitProvisioning = "RESTRICTED",
        EmailAllowedDomains = domains.Length == 0 ? ["acme.io"] : domains,
    });

    private string CodeFor(string email) => _state.Outbox.LatestFor(email).Code;

    private B2BOtpAuthenticated Authenticate(string org, string email, string code, int? minutes = null) =>
        _state.Authenticate(new B2BOtpAuthenticateCommand { OrganizationId = org, EmailAddress = email, Code = code, SessionDurationMinutes = minutes });

    // ---- organizations ----------------------------------------------------------------------------

    [Test]
    public void CreateOrganization_NoAuthSetting_HasStytchDefaults()
    {
        var org = _state.CreateOrganization(new OrganizationFields { OrganizationName = "Acme", OrganizationSlug = "acme" });

        Assert.That(org.EmailJitProvisioning, Is.EqualTo("NOT_ALLOWED"));
        Assert.That(org.EmailInvites, Is.EqualTo("ALL_ALLOWED"));
        Assert.That(org.SsoJitProvisioning, Is.EqualTo("ALL_ALLOWED"));
        Assert.That(org.CreatedAt, Is.EqualTo(Start));
        Assert.That(org.TrustedMetadata, Is.EqualTo("{}"));
    }

    [Test]
    public void CreateOrganization_TakenSlug_ThrowsAndKeepsOneOrganization()
    {
        Jit();

        Assert.That(ErrorOf(() => Jit()), Is.EqualTo(StytchError.OrganizationSlugAlreadyUsed));
        Assert.That(_state.ListOrganizations(), Has.Count.EqualTo(1));
    }

    [Test]
    public void GetOrganization_BySlugAndExternalId_FindsIt()
    {
        var org = _state.CreateOrganization(new OrganizationFields { OrganizationName = "Acme", OrganizationSlug = "acme", OrganizationExternalId = "ext" });

        Assert.That(_state.GetOrganization("acme"), Is.EqualTo(org));
        Assert.That(_state.GetOrganization("ext"), Is.EqualTo(org));
        Assert.That(ErrorOf(() => _state.GetOrganization("nope")), Is.EqualTo(StytchError.OrganizationNotFound));
        Assert.That(ErrorOf(() => _state.GetOrganization("")), Is.EqualTo(StytchError.InvalidOrganizationId));
    }

    [Test]
    public void UpdateOrganization_InvalidResult_ChangesNothing()
    {
        var org = Jit();

        Assert.That(ErrorOf(() => _state.UpdateOrganization("acme", new OrganizationFields { OrganizationName = "New", AuthMethods = "RESTRICTED" })),
            Is.EqualTo(StytchError.AllowedAuthMethodsRequiredForRestricted));
        Assert.That(_state.GetOrganization("acme"), Is.EqualTo(org));
    }

    // ---- login_or_signup --------------------------------------------------------------------------

    [Test]
    public void LoginOrSignup_JitAllowed_CreatesPendingMemberAndSignupMessage()
    {
        var org = Jit();

        var sent = _state.LoginOrSignup("acme", "Ada@Acme.io", Defaults);

        Assert.That(sent.MemberCreated, Is.True);
        Assert.That(sent.Kind, Is.EqualTo(OtpKind.Signup));
        Assert.That(sent.Member.Status, Is.EqualTo("pending"));
        Assert.That(sent.Member.EmailAddress, Is.EqualTo("ada@acme.io"));
        var message = _state.Outbox.LatestFor("ada@acme.io");
        Assert.That(message.OrganizationId, Is.EqualTo(org.OrganizationId));
        Assert.That(message.MemberId, Is.EqualTo(sent.Member.MemberId));
        Assert.That(message.MethodId, Is.EqualTo(sent.Member.EmailId));
        Assert.That(message.ExpiresAt, Is.EqualTo(Start.AddMinutes(10)));
    }

    [Test]
    public void LoginOrSignup_JitNotAllowed_ThrowsAndCreatesNothing()
    {
        _state.CreateOrganization(new OrganizationFields { OrganizationName = "Acme", OrganizationSlug = "acme" });

        Assert.That(ErrorOf(() => _state.LoginOrSignup("acme", "ada@acme.io", Defaults)), Is.EqualTo(StytchError.EmailJitProvisioningNotAllowed));
        Assert.That(_state.ListMembers(), Is.Empty);
        Assert.That(_state.Outbox.All, Is.Empty);
    }

    [Test]
    public void LoginOrSignup_DomainNotAllowed_ThrowsInvalidEmailForJitProvisioning()
    {
        Jit();

        Assert.That(ErrorOf(() => _state.LoginOrSignup("acme", "ada@other.io", Defaults)), Is.EqualTo(StytchError.InvalidEmailForJitProvisioning));
    }

    [TestCase(1)]
    [TestCase(16)]
    public void LoginOrSignup_ExpirationOutOfRange_ThrowsInvalidExpirationOtp(int minutes)
    {
        Jit();

        Assert.That(ErrorOf(() => _state.LoginOrSignup("acme", "ada@acme.io", new LoginOrSignupOptions { SignupExpirationMinutes = minutes })),
            Is.EqualTo(StytchError.InvalidExpirationOtp));
        Assert.That(_state.ListMembers(), Is.Empty);
    }

    [Test]
    public void LoginOrSignup_ActiveMember_LoginCodeWithLoginExpiration()
    {
        Jit();
        _state.CreateMember("acme", new MemberFields { EmailAddress = "ada@acme.io" });

        var sent = _state.LoginOrSignup("acme", "ada@acme.io", new LoginOrSignupOptions { LoginExpirationMinutes = 3, SignupExpirationMinutes = 12 });

        Assert.That(sent.Kind, Is.EqualTo(OtpKind.Login));
        Assert.That(_state.Outbox.LatestFor("ada@acme.io").ExpiresAt, Is.EqualTo(Start.AddMinutes(3)));
    }

    // ---- authenticate -----------------------------------------------------------------------------

    [Test]
    public void Authenticate_RightCode_ActivatesVerifiesAndStartsASixtyMinuteSession()
    {
        Jit();
        _state.LoginOrSignup("acme", "ada@acme.io", Defaults);

        var result = Authenticate("acme", "ada@acme.io", CodeFor("ada@acme.io"));

        Assert.That(result.Member.Status, Is.EqualTo("active"));
        Assert.That(result.Member.EmailAddressVerified, Is.True);
        Assert.That(result.Session.ExpiresAt, Is.EqualTo(Start.AddMinutes(60)));
        Assert.That(result.Session.OrganizationSlug, Is.EqualTo("acme"));
        Assert.That(result.Session.Roles, Is.EqualTo(new[] { "stytch_member" }));
        Assert.That(result.MethodId, Is.EqualTo(result.Member.EmailId));
    }

    [Test]
    public void Authenticate_OnlyTheNewestCodeWorks_AndOnlyOnce()
    {
        Jit();
        _state.LoginOrSignup("acme", "ada@acme.io", Defaults);
        var older = CodeFor("ada@acme.io");
        _state.LoginOrSignup("acme", "ada@acme.io", Defaults);
        var newer = CodeFor("ada@acme.io");
        Assert.That(newer, Is.Not.EqualTo(older));

        Assert.That(ErrorOf(() => Authenticate("acme", "ada@acme.io", older)), Is.EqualTo(StytchError.OtpCodeNotFound));
        Assert.That(Authenticate("acme", "ada@acme.io", newer).Member.Status, Is.EqualTo("active"));
        Assert.That(ErrorOf(() => Authenticate("acme", "ada@acme.io", newer)), Is.EqualTo(StytchError.UnableToAuthOtpCode));
    }

    [Test]
    public void Authenticate_AfterExpiry_ThrowsUnableToAuthOtpCodeAndMemberStaysPending()
    {
        Jit();
        _state.LoginOrSignup("acme", "ada@acme.io", Defaults);
        _time.Advance(TimeSpan.FromMinutes(10));

        Assert.That(ErrorOf(() => Authenticate("acme", "ada@acme.io", CodeFor("ada@acme.io"))), Is.EqualTo(StytchError.UnableToAuthOtpCode));
        Assert.That(_state.ListMembers().Single().Status, Is.EqualTo("pending"));
    }

    [Test]
    public void Authenticate_InvalidSessionDuration_LeavesTheCodeUsable()
    {
        Jit();
        _state.LoginOrSignup("acme", "ada@acme.io", Defaults);
        var code = CodeFor("ada@acme.io");

        Assert.That(ErrorOf(() => Authenticate("acme", "ada@acme.io", code, 4)), Is.EqualTo(StytchError.InvalidSessionDurationMinutes));
        Assert.That(Authenticate("acme", "ada@acme.io", code).Member.Status, Is.EqualTo("active"));
    }

    // ---- members ----------------------------------------------------------------------------------

    [Test]
    public void DeleteMember_IsSoft_FreesEmailAndEndsSessions()
    {
        Jit();
        var (member, _) = _state.CreateMember("acme", new MemberFields { EmailAddress = "ada@acme.io" });
        var (session, _, _) = _state.MintSession("acme", member.MemberId, 60);

        _state.DeleteMember("acme", member.MemberId);

        Assert.That(_state.GetMember("acme", member.MemberId, null).Member.Status, Is.EqualTo("deleted"));
        Assert.That(ErrorOf(() => _state.GetMember("acme", null, "ada@acme.io")), Is.EqualTo(StytchError.MemberNotFound));
        Assert.That(ErrorOf(() => _state.AuthenticateSession(session.SessionToken, null, null, null)), Is.EqualTo(StytchError.SessionNotFound));
        Assert.That(_state.CreateMember("acme", new MemberFields { EmailAddress = "ada@acme.io" }).Member.MemberId, Is.Not.EqualTo(member.MemberId));
    }

    [Test]
    public void RolesOf_ExplicitAndEmailDomainRoles_AreMergedWithTheirSources()
    {
        var org = _state.CreateOrganization(new OrganizationFields
        {
            OrganizationName = "Acme",
            OrganizationSlug = "acme",
            RbacEmailImplicitRoleAssignments = [new EmailImplicitRoleAssignment("ACME.io", "engineer")],
        });
        var (member, _) = _state.CreateMember("acme", new MemberFields { EmailAddress = "ada@acme.io", Roles = ["engineer", "stytch_admin"] });

        var roles = B2BState.RolesOf(member, org);

        Assert.That(roles.Select(r => r.RoleId), Is.EqualTo(new[] { "stytch_member", "engineer", "stytch_admin" }));
        Assert.That(roles[1].Sources, Is.EqualTo(new[] { new RoleSource("direct_assignment", null), new RoleSource("email_assignment", "acme.io") }));
    }

    [Test]
    public void SearchMembers_Paging_CoversEveryMemberOnce()
    {
        var org = Jit();
        for (var i = 0; i < 7; i++)
        {
            _state.CreateMember("acme", new MemberFields { EmailAddress = $"m{i}@acme.io" });
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = _state.SearchMembers([org.OrganizationId], new SearchRequest { Limit = 3, Cursor = cursor });
            Assert.That(page.Total, Is.EqualTo(7));
            seen.AddRange(page.Members.Select(m => m.EmailAddress));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.That(seen, Is.EqualTo(Enumerable.Range(0, 7).Select(i => $"m{i}@acme.io")));
    }

    // ---- whole state ------------------------------------------------------------------------------

    [Test]
    public void ExportThenImport_IntoAnotherState_KeepsOrganizationsMembersCodesAndSessions()
    {
        Jit();
        _state.LoginOrSignup("acme", "ada@acme.io", Defaults);
        var code = CodeFor("ada@acme.io");
        var (bob, _) = _state.CreateMember("acme", new MemberFields { EmailAddress = "bob@acme.io" });
        var (session, _, _) = _state.MintSession("acme", bob.MemberId, 60);
        var copy = NewState();

        copy.Import(_state.Export());

        Assert.That(copy.ListOrganizations(), Is.EqualTo(_state.ListOrganizations()));
        Assert.That(copy.ListMembers(), Is.EqualTo(_state.ListMembers()));
        Assert.That(copy.AuthenticateSession(session.SessionToken, null, null, null).Member.MemberId, Is.EqualTo(bob.MemberId));
        Assert.That(copy.Authenticate(new B2BOtpAuthenticateCommand { OrganizationId = "acme", EmailAddress = "ada@acme.io", Code = code }).Member.Status, Is.EqualTo("active"));
    }

    [Test]
    public void Import_MemberOfUnknownOrganization_ThrowsAndChangesNothing()
    {
        Jit();
        var snapshot = _state.Export();
        var broken = snapshot with { Organizations = [] };
        var copy = NewState();
        copy.Import(snapshot);

        Assert.Throws<ArgumentException>(() => copy.Import(broken with { Members = [.. snapshot.Members, MemberOf("organization-test-x")] }));
        Assert.That(copy.ListOrganizations(), Has.Count.EqualTo(1));
    }

    private static StytchMember MemberOf(string organizationId) => new()
    {
        OrganizationId = organizationId,
        MemberId = "member-test-1",
        EmailAddress = "x@acme.io",
        EmailId = "email-test-1",
        Status = "active",
    };

    [Test]
    public void Reset_ForgetsEverything()
    {
        Jit();
        _state.LoginOrSignup("acme", "ada@acme.io", Defaults);

        _state.Reset();

        Assert.That(_state.ListOrganizations(), Is.Empty);
        Assert.That(_state.ListMembers(), Is.Empty);
        Assert.That(() => Jit(), Throws.Nothing);
    }
}
