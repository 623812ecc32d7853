using Stytch.Fake.Products.B2B;

namespace Stytch.Fake;

/// <summary>
/// A project's B2B state in process, one property per product: <c>project.B2B.Organizations</c>,
/// <c>project.B2B.Members</c>, <c>project.B2B.Sessions</c>.
/// </summary>
public sealed class ProjectB2B
{
    internal ProjectB2B(B2BProducts products, Func<MemberSession, string> jwt)
    {
        Organizations = new ProjectOrganizations(products.Organizations);
        Members = new ProjectMembers(products.Members);
        Sessions = new ProjectMemberSessions(products.Sessions, jwt);
        Totps = new ProjectTotps(products.Totps);
    }

    /// <summary>The project's organizations.</summary>
    public ProjectOrganizations Organizations { get; }

    /// <summary>The members of the project's organizations.</summary>
    public ProjectMembers Members { get; }

    /// <summary>The members' sessions.</summary>
    public ProjectMemberSessions Sessions { get; }

    /// <summary>The members' TOTP registrations: the current code of a member's authenticator app.</summary>
    public ProjectTotps Totps { get; }
}
