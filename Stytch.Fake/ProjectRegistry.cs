using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;

namespace Stytch.Fake;

/// <summary>
/// The projects one fake server hosts, found by id or by Basic auth credentials; at most
/// <see cref="StytchFakeLimits.MaxProjects"/> of them.
/// </summary>
internal sealed class ProjectRegistry
{
    private readonly ConcurrentDictionary<string, StytchFakeProject> _projects = new(StringComparer.Ordinal);
    // Authorization headers already checked, each to its project: a repeat skips the base64 decode, the id's shape
    // check and the secret's comparison, a few percent of a request. Bounded: past the cap, headers are checked afresh.
    private readonly ConcurrentDictionary<string, StytchFakeProject> _checkedHeaders = new(StringComparer.Ordinal);
    private const int MaxCheckedHeaders = 10_000;
    private int _checkedCount;
    private readonly StytchFakeLimits _limits;
    private readonly Tokens.RsaKeyGenerator _keys;
    // Counted apart from the dictionary: its Count takes every bucket lock, and a slot is held while a project is made.
    private int _count;
    private StytchFakeProject? _default;

    public ProjectRegistry(StytchFakeLimits? limits = null, Tokens.RsaKeyGenerator? keys = null)
    {
        _limits = limits ?? new StytchFakeLimits();
        _keys = keys ?? Tokens.RsaKeyGenerator.Shared;
    }

    public IReadOnlyCollection<StytchFakeProject> All => _projects.Values.ToArray();

    /// <summary>The first project added: the fake's default project, which cannot be removed. Null while there is none.</summary>
    public StytchFakeProject? Default => Volatile.Read(ref _default);

    /// <exception cref="StytchException">The server hosts <see cref="StytchFakeLimits.MaxProjects"/> already (<c>too_many_projects</c>).</exception>
    /// <exception cref="ArgumentException">The options are invalid, or the id is taken.</exception>
    public StytchFakeProject Add(StytchProjectOptions options)
    {
        if (Interlocked.Increment(ref _count) > _limits.MaxProjects)
        {
            Interlocked.Decrement(ref _count);
            throw new StytchException(LimitErrors.TooManyProjects(_limits.MaxProjects));
        }

        try
        {
            var project = new StytchFakeProject(options, _limits, _keys);
            if (!_projects.TryAdd(project.ProjectId, project))
            {
                var why = options.ProjectId is null && options.Seed is not null
                    ? " A project's id is drawn from its seed: give projects on one server different seeds or a fixed ProjectId."
                    : "";
                throw new ArgumentException($"A project with id '{project.ProjectId}' already exists.{why}", nameof(options));
            }

            Interlocked.CompareExchange(ref _default, project, null);
            return project;
        }
        catch
        {
            Interlocked.Decrement(ref _count);
            throw;
        }
    }

    public StytchFakeProject? Find(string projectId) => _projects.GetValueOrDefault(projectId);

    /// <summary>The project whose <see cref="StytchFakeProject.PublicToken"/> is <paramref name="publicToken"/>, or null.</summary>
    public StytchFakeProject? ByPublicToken(string publicToken)
    {
        foreach (var project in _projects.Values)
        {
            if (string.Equals(project.PublicToken, publicToken, StringComparison.Ordinal))
            {
                return project;
            }
        }

        return null;
    }

    public bool Remove(string projectId)
    {
        if (!_projects.TryRemove(projectId, out var removed))
        {
            return false;
        }

        foreach (var (header, project) in _checkedHeaders)
        {
            if (ReferenceEquals(project, removed))
            {
                if (_checkedHeaders.TryRemove(header, out _))
                {
                    Interlocked.Decrement(ref _checkedCount);
                }
            }
        }

        Interlocked.Decrement(ref _count);
        return true;
    }

    /// <summary>
    /// The project whose id (or public token, for a frontend SDK call) is the user name of a Basic <c>Authorization</c>
    /// header, whatever its password; null when there is no such header or project. Only for deciding whose request log a refused call goes to.
    /// </summary>
    public StytchFakeProject? NamedBy(string? authorization) =>
        TryDecodeBasic(authorization, out var projectId, out _) ? Find(projectId) ?? ByPublicToken(projectId) : null;

    /// <summary>
    /// Resolves an <c>Authorization</c> header to a project: missing, not Basic, undecodable or wrong
    /// credentials are 401 <c>unauthorized_credentials</c>; a user name not shaped like a project id is
    /// 400 <c>invalid_project_id_authentication</c>.
    /// </summary>
    public StytchFakeProject Authenticate(string? authorization)
    {
        // The project must still be the one registered: a removed project's header falls through to a full check.
        if (authorization is not null && _checkedHeaders.TryGetValue(authorization, out var known)
            && ReferenceEquals(_projects.GetValueOrDefault(known.ProjectId), known))
        {
            return known;
        }

        if (!TryDecodeBasic(authorization, out var projectId, out var secret))
        {
            throw new StytchException(StytchError.UnauthorizedCredentials);
        }

        if (!StytchFakeProject.IsWellFormedProjectId(projectId))
        {
            throw new StytchException(StytchError.InvalidProjectIdAuthentication);
        }

        var project = Find(projectId);
        if (project is null || !CryptographicOperations.FixedTimeEquals(
                Encoding.UTF8.GetBytes(project.Secret), Encoding.UTF8.GetBytes(secret)))
        {
            throw new StytchException(StytchError.UnauthorizedCredentials);
        }

        if (Volatile.Read(ref _checkedCount) < MaxCheckedHeaders && _checkedHeaders.TryAdd(authorization!, project))
        {
            Interlocked.Increment(ref _checkedCount);
        }

        return project;
    }

    /// <summary>Splits a Basic <c>Authorization</c> header into user name and password; false when it is not one.</summary>
    internal static bool TryDecodeBasic(string? authorization, out string user, out string password)
    {
        const string scheme = "Basic ";
        user = password = "";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(authorization[scheme.Length..].Trim()));
        }
        catch (FormatException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return false;
        }

        user = decoded[..colon];
        password = decoded[(colon + 1)..];
        return true;
    }
}
