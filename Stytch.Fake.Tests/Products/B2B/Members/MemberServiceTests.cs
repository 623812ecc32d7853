using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Members;

namespace Stytch.Fake.Tests.Products.B2B.Members;

/// <summary>B2B members in the engine: soft delete, roles and search.</summary>
public sealed class MemberServiceTests : B2BEngineTest
{
    // ---- members ----------------------------------------------------------------------------------

    [Test]
    public void DeleteMember_IsSoft_FreesEmailAndEndsSessions()
    {
        Jit();
        var (member, _) = B2B.Members.Create("acme", new MemberFields { EmailAddress = "ada@acme.io" });
        var (session, _, _) = B2B.Sessions.Mint("acme", member.MemberId, 60);

        B2B.Members.Delete("acme", member.MemberId);

        Assert.That(B2B.Members.Get("acme", member.MemberId, null).Member.Status, Is.EqualTo("deleted"));
        Assert.That(ErrorOf(() => B2B.Members.Get("acme", null, "ada@acme.io")), Is.EqualTo(StytchError.MemberNotFound));
        Assert.That(ErrorOf(() => B2B.Sessions.Authenticate(session.SessionToken, null, null, null)), Is.EqualTo(StytchError.SessionNotFound));
        Assert.That(B2B.Members.Create("acme", new MemberFields { EmailAddress = "ada@acme.io" }).Member.MemberId, Is.Not.EqualTo(member.MemberId));
    }

    [Test]
    public void RolesOf_ExplicitAndEmailDomainRoles_AreMergedWithTheirSources()
    {
        var org = B2B.Organizations.Create(new OrganizationFields
        {
            OrganizationName = "Acme",
            OrganizationSlug = "acme",
            RbacEmailImplicitRoleAssignments = [new EmailImplicitRoleAssignment("ACME.io", "engineer")],
        });
        var (member, _) = B2B.Members.Create("acme", new MemberFields { EmailAddress = "ada@acme.io", Roles = ["engineer", "stytch_admin"] });

        var roles = MemberRoles.Of(member, org);

        Assert.That(roles.Select(r => r.RoleId), Is.EqualTo(new[] { "stytch_member", "engineer", "stytch_admin" }));
        Assert.That(roles[1].Sources, Is.EqualTo(new[] { new RoleSource("direct_assignment", null), new RoleSource("email_assignment", "acme.io") }));
    }

    [Test]
    public void SearchMembers_Paging_CoversEveryMemberOnce()
    {
        var org = Jit();
        for (var i = 0; i < 7; i++)
        {
            B2B.Members.Create("acme", new MemberFields { EmailAddress = $"m{i}@acme.io" });
        }

        var seen = new List<string>();
        string? cursor = null;
        do
        {
            var page = B2B.Members.Search([org.OrganizationId], new SearchRequest { Limit = 3, Cursor = cursor });
            Assert.That(page.Total, Is.EqualTo(7));
            seen.AddRange(page.Members.Select(m => m.EmailAddress));
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        Assert.That(seen, Is.EqualTo(Enumerable.Range(0, 7).Select(i => $"m{i}@acme.io")));
    }

    [Test]
    public void Update_NewEmail_RetiresTheOldAddressAndItsCode()
    {
        Jit();
        B2B.EmailOtp.LoginOrSignup("acme", "ada@acme.io", Defaults);
        var code = CodeFor("ada@acme.io");
        var member = B2B.Members.List().Single();

        var (updated, _) = B2B.Members.Update("acme", member.MemberId, new MemberFields { EmailAddress = "ada.l@acme.io" });

        Assert.That(updated.EmailId, Is.Not.EqualTo(member.EmailId));
        Assert.That(updated.RetiredEmailAddresses, Is.EqualTo(new[] { new RetiredEmail(member.EmailId, "ada@acme.io") }));
        Assert.That(B2B.Members.Get("acme", null, "ada.l@acme.io").Member.MemberId, Is.EqualTo(member.MemberId));
        B2B.Members.Create("acme", new MemberFields { EmailAddress = "ada@acme.io" });
        Assert.That(ErrorOf(() => Authenticate("acme", "ada@acme.io", code)), Is.EqualTo(StytchError.OtpCodeNotFound));
    }

    [Test]
    public void Create_ExternalIdOfAnotherMember_ThrowsAndAddsNobody()
    {
        Jit();
        B2B.Members.Create("acme", new MemberFields { EmailAddress = "ada@acme.io", ExternalId = "ext-1" });

        Assert.That(ErrorOf(() => B2B.Members.Create("acme", new MemberFields { EmailAddress = "bob@acme.io", ExternalId = "ext-1" })),
            Is.EqualTo(StytchError.DuplicateMemberExternalId));
        Assert.That(B2B.Members.List(), Has.Count.EqualTo(1));
        Assert.That(B2B.Members.Get("acme", "ext-1", null).Member.EmailAddress, Is.EqualTo("ada@acme.io"));
    }
}
