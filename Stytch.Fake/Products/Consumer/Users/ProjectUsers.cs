using Stytch.Fake.Products.Consumer.Users;

namespace Stytch.Fake;

/// <summary>A project's consumer users, read and made in process, without HTTP or codes: <c>project.Users</c>.</summary>
public sealed class ProjectUsers
{
    private readonly UserService _users;

    internal ProjectUsers(UserService users) => _users = users;

    /// <summary>Every user of the project, oldest first.</summary>
    public IReadOnlyList<StytchUser> All => _users.List();

    /// <summary>The user with this id.</summary>
    /// <exception cref="StytchException">No such user (<c>user_not_found</c>).</exception>
    public StytchUser Get(string userId) => _users.Get(userId);

    /// <summary>Creates an active (or pending) user directly, without a code.</summary>
    /// <exception cref="StytchException">The address is malformed (<c>invalid_email</c>) or taken (<c>duplicate_email</c>).</exception>
    public StytchUser Create(string email, bool pending = false) => _users.Create(email, pending);
}
