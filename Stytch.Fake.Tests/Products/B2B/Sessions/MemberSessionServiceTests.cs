using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Members;
using Stytch.Fake.Products.B2B.Sessions;

namespace Stytch.Fake.Tests.Products.B2B.Sessions;

/// <summary>B2B member sessions in the engine: minting, authenticating with a check, revoking.</summary>
public sealed class MemberSessionServiceTests : B2BEngineTest
{
    private (StytchMember Member, MemberSession Session) MintedMember(string email = "ada@acme.io")
    {
        var (member, _) = B2B.Members.Create("acme", new MemberFields { EmailAddress = email });
        var (session, _, _) = B2B.Sessions.Mint("acme", member.MemberId, 60);
        return (member, session);
    }

    [Test]
    public void Authenticate_AfterTheMembersRolesChange_CarriesTheNewRoles()
    {
        Jit();
        var (member, session) = MintedMember();
        B2B.Members.Update("acme", member.MemberId, new MemberFields { Roles = ["stytch_admin"] });

        var result = B2B.Sessions.Authenticate(session.SessionToken, null, null, null);

        Assert.That(session.Roles, Is.EqualTo(new[] { "stytch_member" }));
        Assert.That(result.Session.Roles, Is.EqualTo(new[] { "stytch_member", "stytch_admin" }));
    }

    [Test]
    public void Authenticate_CheckOnStytchSelf_IsGrantedByStytchMember()
    {
        var org = Jit();
        var (_, session) = MintedMember();

        var result = B2B.Sessions.Authenticate(session.SessionToken, null, null, new AuthorizationCheck(org.OrganizationId, "stytch.self", "update"));

        Assert.That(result.Verdict, Is.Not.Null);
        Assert.That(result.Verdict!.GrantingRoles, Is.EqualTo(new[] { "stytch_member" }));
    }

    [Test]
    public void Authenticate_CheckForAnotherOrganization_ThrowsTenancyErrorAndKeepsTheSession()
    {
        Jit();
        var (_, session) = MintedMember();

        Assert.That(ErrorOf(() => B2B.Sessions.Authenticate(session.SessionToken, null, 120, new AuthorizationCheck("other", "stytch.self", "update"))),
            Is.EqualTo(StytchError.SessionAuthorizationTenancyError));
        Assert.That(B2B.Sessions.ListLive().Single(), Is.EqualTo(session));
    }

    [Test]
    public void RevokeAllOf_OneMember_EndsOnlyThatMembersSessions()
    {
        Jit();
        var (ada, _) = MintedMember();
        B2B.Sessions.Mint("acme", ada.MemberId, 60);
        var (_, bobs) = MintedMember("bob@acme.io");

        B2B.Sessions.RevokeAllOf(ada.MemberId);

        Assert.That(B2B.Sessions.List(ada.MemberId), Is.Empty);
        Assert.That(B2B.Sessions.ListLive(), Is.EqualTo(new[] { bobs }));
    }

    [Test]
    public void RevokeAllOf_DeletedMember_ThrowsMemberNotFound()
    {
        Jit();
        var (member, _) = MintedMember();
        B2B.Members.Delete("acme", member.MemberId);

        Assert.That(ErrorOf(() => B2B.Sessions.RevokeAllOf(member.MemberId)), Is.EqualTo(StytchError.MemberNotFound));
    }
}
