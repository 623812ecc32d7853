using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Members;

namespace Stytch.Fake.Tests.Products.B2B.Organizations;

/// <summary>B2B organizations in the engine: Stytch's defaults, the settings rules, lookups by slug and external id.</summary>
public sealed class OrganizationServiceTests : B2BEngineTest
{
    // ---- organizations ----------------------------------------------------------------------------

    [Test]
    public void CreateOrganization_NoAuthSetting_HasStytchDefaults()
    {
        var org = B2B.Organizations.Create(new OrganizationFields { OrganizationName = "Acme", OrganizationSlug = "acme" });

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
        Assert.That(B2B.Organizations.List(), Has.Count.EqualTo(1));
    }

    [Test]
    public void GetOrganization_BySlugAndExternalId_FindsIt()
    {
        var org = B2B.Organizations.Create(new OrganizationFields { OrganizationName = "Acme", OrganizationSlug = "acme", OrganizationExternalId = "ext" });

        Assert.That(B2B.Organizations.Get("acme"), Is.EqualTo(org));
        Assert.That(B2B.Organizations.Get("ext"), Is.EqualTo(org));
        Assert.That(ErrorOf(() => B2B.Organizations.Get("nope")), Is.EqualTo(StytchError.OrganizationNotFound));
        Assert.That(ErrorOf(() => B2B.Organizations.Get("")), Is.EqualTo(StytchError.InvalidOrganizationId));
    }

    [Test]
    public void UpdateOrganization_InvalidResult_ChangesNothing()
    {
        var org = Jit();

        Assert.That(ErrorOf(() => B2B.Organizations.Update("acme", new OrganizationFields { OrganizationName = "New", AuthMethods = "RESTRICTED" })),
            Is.EqualTo(StytchError.AllowedAuthMethodsRequiredForRestricted));
        Assert.That(B2B.Organizations.Get("acme"), Is.EqualTo(org));
    }

    [Test]
    public void Delete_WithMembersCodesAndSessions_RemovesThemAll()
    {
        Jit();
        Jit("other");
        B2B.EmailOtp.LoginOrSignup("acme", "ada@acme.io", Defaults);
        var (bob, _) = B2B.Members.Create("acme", new MemberFields { EmailAddress = "bob@acme.io" });
        var (session, _, _) = B2B.Sessions.Mint("acme", bob.MemberId, 60);
        var (other, _) = B2B.Members.Create("other", new MemberFields { EmailAddress = "bob@acme.io" });

        B2B.Organizations.Delete("acme");

        Assert.That(B2B.Organizations.List().Select(o => o.OrganizationSlug), Is.EqualTo(new[] { "other" }));
        Assert.That(B2B.Members.List(), Is.EqualTo(new[] { other }));
        Assert.That(B2B.Sessions.ListLive(), Is.Empty);
        Assert.That(ErrorOf(() => B2B.Sessions.Authenticate(session.SessionToken, null, null, null)), Is.EqualTo(StytchError.SessionNotFound));
        Assert.That(B2B.Export().Otps, Is.Empty);
    }

    [Test]
    public void Create_NoSlug_TakesTheNameWithTheFirstFreeNumber()
    {
        B2B.Organizations.Create(new OrganizationFields { OrganizationName = "Acme Corp" });
        B2B.Organizations.Create(new OrganizationFields { OrganizationName = "Acme Corp" });

        Assert.That(B2B.Organizations.List().Select(o => o.OrganizationSlug), Is.EqualTo(new[] { "acme-corp", "acme-corp-2" }));
        Assert.That(B2B.Organizations.FreeSlug("acme-corp"), Is.EqualTo("acme-corp-3"));
        Assert.That(B2B.Organizations.FreeSlug("globex"), Is.EqualTo("globex"));
    }
}
