using System.Globalization;
using System.Text;
using Bogus;
using Stytch.Fake.Products.B2B.Members;

namespace Stytch.Fake;

/// <summary>
/// Puts test data into a project: B2B organizations with members, and consumer users. Whatever you leave out
/// (names, slugs, member emails) is made up with Bogus: realistic company and person names, and the same project
/// <see cref="StytchProjectOptions.Seed"/> makes the same data (and, through the project's ids, the same ids).
/// </summary>
/// <example>
/// <code>
/// var acme = stytch.DefaultProject.Seed.Organization(o => o.Slug("acme").JitDomains("acme.io"))
///                                      .WithMember("ada@acme.io", active: true);
/// var ada = acme.MemberFor("ada@acme.io");
/// </code>
/// </example>
public sealed partial class StytchSeeder
{
    private readonly Lock _gate = new();
    private readonly StytchFakeProject _project;
    private readonly Lazy<Faker> _faker;

    internal StytchSeeder(StytchFakeProject project, int? seed)
    {
        _project = project;
        // Bogus' locale data loads on first use, so a project that never seeds pays nothing for it.
        _faker = new Lazy<Faker>(() => new Faker("en") { Random = seed is { } s ? new Randomizer(s) : new Randomizer() });
    }

    private Faker Fake => _faker.Value;

    /// <summary>Creates an organization; unset fields get a random company name and a slug made from it.</summary>
    public SeededOrganization Organization(Action<OrganizationSeed>? configure = null)
    {
        var seed = new OrganizationSeed();
        configure?.Invoke(seed);
        lock (_gate)
        {
            return new SeededOrganization(this, CreateOrganization(seed.Fields));
        }
    }

    /// <summary>Creates an active (or pending) consumer user; a random realistic address when none is given.</summary>
    public StytchUser User(string? email = null, bool pending = false)
    {
        lock (_gate)
        {
            return _project.ConsumerProducts.Users.Create(email ?? RandomUserEmail(), pending);
        }
    }

    /// <summary>
    /// Creates everything <paramref name="spec"/> describes, or nothing: when one item is refused (a taken slug, a
    /// bad email…), what the call had created is removed again and the Stytch error is thrown.
    /// </summary>
    internal SeedResult Apply(SeedSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        lock (_gate)
        {
            var organizations = new List<SeededOrganization>();
            var users = new List<StytchUser>();
            try
            {
                foreach (var org in spec.Organizations ?? [])
                {
                    var created = new SeededOrganization(this, CreateOrganization(new OrganizationFields
                    {
                        OrganizationName = org.OrganizationName,
                        OrganizationSlug = org.OrganizationSlug,
                        EmailJitProvisioning = org.EmailJitProvisioning,
                        EmailAllowedDomains = org.EmailAllowedDomains,
                    }));
                    organizations.Add(created);
                    foreach (var member in org.Members ?? [])
                    {
                        created.AddMember(member.EmailAddress, member.Name, member.Status ?? "active");
                    }
                }

                foreach (var user in spec.Users ?? [])
                {
                    var status = user.Status ?? "active";
                    if (status is not ("active" or "pending"))
                    {
                        throw new StytchException(StytchError.InvalidRequestValue);
                    }

                    users.Add(user.PhoneNumber is null
                        ? _project.ConsumerProducts.Users.Create(user.Email ?? RandomUserEmail(), status == "pending")
                        : CreateWithPhone(user.PhoneNumber, user.Email, status == "pending"));
                }
            }
            catch (StytchException)
            {
                foreach (var org in organizations)
                {
                    _project.B2BProducts.Organizations.Delete(org.OrganizationId);
                }

                foreach (var user in users)
                {
                    _project.ConsumerProducts.Users.Delete(user.UserId);
                }

                throw;
            }

            return new SeedResult(organizations, users);
        }
    }

    internal StytchMember CreateMember(StytchOrganization organization, string? email, string? name, string status, IEnumerable<string> taken)
    {
        lock (_gate)
        {
            var first = Fake.Name.FirstName();
            var last = Fake.Name.LastName();
            if (email is null)
            {
                var domain = organization.EmailAllowedDomains.Count > 0 ? organization.EmailAllowedDomains[0] : DomainFor(organization.OrganizationSlug);
                var local = Ascii(first) + "." + Ascii(last);
                var used = taken.ToHashSet(StringComparer.Ordinal);
                email = $"{local}@{domain}";
                for (var i = 2; used.Contains(email); i++)
                {
                    email = $"{local}{i.ToString(CultureInfo.InvariantCulture)}@{domain}";
                }
            }

            return _project.B2BProducts.Members.Create(organization.OrganizationId, new MemberFields
            {
                EmailAddress = email,
                Name = name ?? $"{first} {last}",
            }, status).Member;
        }
    }

    private StytchOrganization CreateOrganization(OrganizationFields fields)
    {
        var name = fields.OrganizationName ?? Fake.Company.CompanyName();
        var slug = fields.OrganizationSlug ?? _project.B2BProducts.Organizations.FreeSlug(Slugify(name));
        return _project.B2BProducts.Organizations.Create(fields with { OrganizationName = name, OrganizationSlug = slug });
    }

    private string RandomUserEmail()
    {
        var first = Ascii(Fake.Name.FirstName());
        var last = Ascii(Fake.Name.LastName());
        return $"{first}.{last}@{Fake.PickRandom("example.com", "example.org", "example.net")}";
    }

    /// <summary>Lower-case letters and digits joined by single dashes: "Kub, Schmidt and Hills" → "kub-schmidt-and-hills".</summary>
    internal static string Slugify(string name)
    {
        var builder = new StringBuilder();
        foreach (var c in name.ToLowerInvariant())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if (builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        if (slug.Length > 100)
        {
            slug = slug[..100].Trim('-');
        }

        return slug.Length >= 2 ? slug : "org-" + slug;
    }

    private static string DomainFor(string slug) => Slugify(slug) + ".com";

    private static string Ascii(string name)
    {
        var letters = name.ToLowerInvariant().Where(char.IsAsciiLetterOrDigit).ToArray();
        return letters.Length > 0 ? new string(letters) : "member";
    }
}

/// <summary>How to seed one organization; anything not set takes Stytch's default or a random realistic value.</summary>
public sealed class OrganizationSeed
{
    internal OrganizationFields Fields { get; private set; } = new();

    /// <summary>The organization's name.</summary>
    public OrganizationSeed Name(string name)
    {
        Fields = Fields with { OrganizationName = name };
        return this;
    }

    /// <summary>The organization's slug.</summary>
    public OrganizationSeed Slug(string slug)
    {
        Fields = Fields with { OrganizationSlug = slug };
        return this;
    }

    /// <summary>The organization's external id.</summary>
    public OrganizationSeed ExternalId(string externalId)
    {
        Fields = Fields with { OrganizationExternalId = externalId };
        return this;
    }

    /// <summary>
    /// Lets new members with these email domains join by email: <c>email_jit_provisioning</c> RESTRICTED and
    /// <c>email_allowed_domains</c> set to <paramref name="domains"/>.
    /// </summary>
    public OrganizationSeed JitDomains(params string[] domains)
    {
        Fields = Fields with { EmailJitProvisioning = "RESTRICTED", EmailAllowedDomains = domains };
        return this;
    }

    /// <summary>Sets <c>email_allowed_domains</c> only.</summary>
    public OrganizationSeed AllowedDomains(params string[] domains)
    {
        Fields = Fields with { EmailAllowedDomains = domains };
        return this;
    }

    /// <summary>Sets <c>claimed_email_domains</c>.</summary>
    public OrganizationSeed ClaimedDomains(params string[] domains)
    {
        Fields = Fields with { ClaimedEmailDomains = domains };
        return this;
    }

    /// <summary>Sets any other organization field.</summary>
    public OrganizationSeed With(Func<OrganizationFields, OrganizationFields> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        Fields = change(Fields);
        return this;
    }
}

/// <summary>A seeded organization and the members seeded into it through this object.</summary>
public sealed partial class SeededOrganization
{
    private readonly StytchSeeder _seeder;
    private readonly List<StytchMember> _members = [];

    internal SeededOrganization(StytchSeeder seeder, StytchOrganization organization)
    {
        _seeder = seeder;
        Organization = organization;
    }

    /// <summary>The organization as it was created.</summary>
    public StytchOrganization Organization { get; }

    /// <summary>Its id.</summary>
    public string OrganizationId => Organization.OrganizationId;

    /// <summary>Its slug.</summary>
    public string Slug => Organization.OrganizationSlug;

    /// <summary>The members seeded through this object, in order (as they were created).</summary>
    public IReadOnlyList<StytchMember> Members => _members.ToArray();

    /// <summary>The seeded member with this email address.</summary>
    /// <exception cref="InvalidOperationException">No member with that address was seeded through this object.</exception>
    public StytchMember MemberFor(string emailAddress) =>
        _members.FirstOrDefault(m => string.Equals(m.EmailAddress, emailAddress, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No member '{emailAddress}' was seeded into {Slug}.");

    /// <summary>Adds an active (or, with <paramref name="active"/> false, pending) member; random realistic name and address when not given.</summary>
    public SeededOrganization WithMember(string? emailAddress = null, bool active = true, string? name = null)
    {
        AddMember(emailAddress, name, active ? "active" : "pending");
        return this;
    }

    /// <summary>Adds an invited member: it gets signup codes and becomes active when it authenticates.</summary>
    public SeededOrganization WithInvitedMember(string? emailAddress = null, string? name = null)
    {
        AddMember(emailAddress, name, "invited");
        return this;
    }

    /// <summary>Adds <paramref name="count"/> members with random realistic names and addresses.</summary>
    public SeededOrganization WithMembers(int count, bool active = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        for (var i = 0; i < count; i++)
        {
            AddMember(null, null, active ? "active" : "pending");
        }

        return this;
    }

    internal StytchMember AddMember(string? emailAddress, string? name, string status)
    {
        var member = _seeder.CreateMember(Organization, emailAddress, name, status, _members.Select(m => m.EmailAddress));
        _members.Add(member);
        return member;
    }
}

/// <summary>What to seed, as the <c>/_fake/v1/projects/{id}/seed</c> back door takes it.</summary>
/// <param name="Organizations">Organizations, each with its members.</param>
/// <param name="Users">Consumer users.</param>
internal sealed record SeedSpec(IReadOnlyList<OrganizationSpec>? Organizations, IReadOnlyList<UserSpec>? Users);

/// <summary>One organization to seed; null fields are made up or take Stytch's default.</summary>
internal sealed record OrganizationSpec
{
    /// <summary>The name; a random company name when null.</summary>
    public string? OrganizationName { get; init; }
    /// <summary>The slug; made from the name when null.</summary>
    public string? OrganizationSlug { get; init; }
    /// <summary><c>NOT_ALLOWED</c> (default) or <c>RESTRICTED</c>.</summary>
    public string? EmailJitProvisioning { get; init; }
    /// <summary>The allowed email domains.</summary>
    public IReadOnlyList<string>? EmailAllowedDomains { get; init; }
    /// <summary>Its members.</summary>
    public IReadOnlyList<MemberSpec>? Members { get; init; }
}

/// <summary>One member to seed.</summary>
/// <param name="EmailAddress">The address; a random one on the organization's domain when null.</param>
/// <param name="Name">The name; a random realistic name when null.</param>
/// <param name="Status"><c>active</c> (default), <c>pending</c> or <c>invited</c>.</param>
internal sealed record MemberSpec(string? EmailAddress, string? Name = null, string? Status = null);

/// <summary>One consumer user to seed.</summary>
/// <param name="Email">The address; a random one when null.</param>
/// <param name="Status"><c>active</c> (default) or <c>pending</c>.</param>
internal sealed record UserSpec(string? Email, string? Status = null)
{
    /// <summary>The user's phone number (E.164), or null for a user with an email alone.</summary>
    public string? PhoneNumber { get; init; }
}

/// <summary>What <see cref="StytchSeeder.Apply"/> created.</summary>
/// <param name="Organizations">The organizations, with their members, in the order given.</param>
/// <param name="Users">The users, in the order given.</param>
internal sealed record SeedResult(IReadOnlyList<SeededOrganization> Organizations, IReadOnlyList<StytchUser> Users);
