using Stytch.Fake.Products.B2B.Members;

namespace Stytch.Fake;

/// <summary>The members of a project's organizations, read in process: <c>project.B2B.Members</c>.</summary>
public sealed class ProjectMembers
{
    private readonly MemberService _members;

    internal ProjectMembers(MemberService members) => _members = members;

    /// <summary>Every member of the project (deleted ones too), oldest first.</summary>
    public IReadOnlyList<StytchMember> All => _members.List();

    /// <summary>One member of one organization, deleted or not.</summary>
    /// <param name="organization">The organization id, slug or external id.</param>
    /// <param name="member">The member id or external id.</param>
    /// <exception cref="StytchException">No such organization (<c>organization_not_found</c>) or member (<c>member_not_found</c>).</exception>
    public StytchMember Get(string organization, string member) => _members.Get(organization, member, emailAddress: null).Member;
}
