using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Stytch.Fake.Engine;

namespace Stytch.Fake;

/// <summary>The projects one fake server hosts, found by id or by Basic auth credentials.</summary>
internal sealed class ProjectRegistry
{
    private readonly ConcurrentDictionary<string, StytchFakeProject> _projects = new(StringComparer.Ordinal);

    public IReadOnlyCollection<StytchFakeProject> All => _projects.Values.ToArray();

    public StytchFakeProject Add(StytchProjectOptions options)
    {
        var project = new StytchFakeProject(options);
        if (!_projects.TryAdd(project.ProjectId, project))
        {
            throw new ArgumentException($"A project with id '{project.ProjectId}' already exists.", nameof(options));
        }

        return project;
    }

    public StytchFakeProject? Find(string projectId) => _projects.GetValueOrDefault(projectId);

    public bool Remove(string projectId) => _projects.TryRemove(projectId, out _);

    /// <summary>
    /// Resolves an <c>Authorization</c> header to a project: missing, not Basic, undecodable or wrong
    /// credentials are 401 <c>unauthorized_credentials</c>; a user name not shaped like a project id is
    /// 400 <c>invalid_project_id_authentication</c>.
    /// </summary>
    public StytchFakeProject Authenticate(string? authorization)
    {
        const string scheme = "Basic ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            throw new StytchException(StytchError.UnauthorizedCredentials);
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            throw new StytchException(StytchError.UnauthorizedCredentials);
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            throw new StytchException(StytchError.UnauthorizedCredentials);
        }

        var projectId = decoded[..colon];
        if (!StytchFakeProject.IsWellFormedProjectId(projectId))
        {
            throw new StytchException(StytchError.InvalidProjectIdAuthentication);
        }

        var project = Find(projectId);
        if (project is null || !CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(project.Secret), Encoding.UTF8.GetBytes(decoded[(colon + 1)..])))
        {
            throw new StytchException(StytchError.UnauthorizedCredentials);
        }

        return project;
    }
}
