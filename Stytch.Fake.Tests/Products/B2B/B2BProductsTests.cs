using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.EmailOtp;
using Stytch.Fake.Products.B2B.Members;

namespace Stytch.Fake.Tests.Products.B2B;

/// <summary>The B2B state as a whole: export, import and reset.</summary>
public sealed class B2BProductsTests : B2BEngineTest
{
    // ---- whole state ------------------------------------------------------------------------------

    [Test]
    public void ExportThenImport_IntoAnotherState_KeepsOrganizationsMembersCodesAndSessions()
    {
        Jit();
        B2B.EmailOtp.LoginOrSignup("acme", "ada@acme.io", Defaults);
        var code = CodeFor("ada@acme.io");
        var (bob, _) = B2B.Members.Create("acme", new MemberFields { EmailAddress = "bob@acme.io" });
        var (session, _, _) = B2B.Sessions.Mint("acme", bob.MemberId, 60);
        var copy = NewState();

        copy.Import(B2B.Export());

        Assert.That(copy.Organizations.List(), Is.EqualTo(B2B.Organizations.List()));
        Assert.That(copy.Members.List(), Is.EqualTo(B2B.Members.List()));
        Assert.That(copy.Sessions.Authenticate(session.SessionToken, null, null, null).Member.MemberId, Is.EqualTo(bob.MemberId));
        Assert.That(copy.EmailOtp.Authenticate(new B2BOtpAuthenticateCommand { OrganizationId = "acme", EmailAddress = "ada@acme.io", Code = code }).Member.Status, Is.EqualTo("active"));
    }

    [Test]
    public void Import_MemberOfUnknownOrganization_ThrowsAndChangesNothing()
    {
        Jit();
        var snapshot = B2B.Export();
        var broken = snapshot with { Organizations = [] };
        var copy = NewState();
        copy.Import(snapshot);

        Assert.Throws<ArgumentException>(() => copy.Import(broken with { Members = [.. snapshot.Members, MemberOf("organization-test-x")] }));
        Assert.That(copy.Organizations.List(), Has.Count.EqualTo(1));
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
        B2B.EmailOtp.LoginOrSignup("acme", "ada@acme.io", Defaults);

        B2B.Store.Reset();

        Assert.That(B2B.Organizations.List(), Is.Empty);
        Assert.That(B2B.Members.List(), Is.Empty);
        Assert.That(() => Jit(), Throws.Nothing);
    }
}
