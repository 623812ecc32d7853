using Stytch.Fake.Core;
using Stytch.Fake.Products.B2B.Organizations;

namespace Stytch.Fake.Products.B2B.Members;

/// <summary>
/// B2B members (<c>/v1/b2b/organizations/{organization_id}/members</c>) in the project's store: create, get, update,
/// delete, list and search (in MemberSearch.cs). Every operation validates first and changes state only when it
/// succeeds, in one transaction of the store. A member can be named by its id or its external id.
/// </summary>
/// <remarks>
/// Deleting a member is a soft delete, as on Stytch (which can reactivate deleted members and whose member search
/// skips them): the member keeps its id with status <c>deleted</c> and is still returned by id, but its email and
/// external id are free again, its codes and sessions are gone (the products that keep them register in
/// <see cref="Deleting"/>), and email lookups, login_or_signup and updates no longer see it. A deleted organization
/// takes all its members with it.
/// </remarks>
internal sealed partial class MemberService
{
    private readonly ProjectStore _store;
    private readonly OrganizationService _organizations;

    public MemberService(ProjectStore store, OrganizationService organizations)
    {
        _store = store;
        _organizations = organizations;
        Table = store.Part<MemberTable>();
        organizations.Deleting.Add(RemoveAllOf);
    }

    /// <summary>What the other products drop with a member that goes (deleted, or with its organization); run under the lock.</summary>
    public Cleanups<StytchMember> Deleting { get; } = new();

    /// <summary>What the other products drop for a member's old address when an update replaces it; run under the lock.</summary>
    public Cleanups<StytchMember> EmailReplacing { get; } = new();

    /// <summary>The members themselves; only touch under the store's lock.</summary>
    internal MemberTable Table { get; }

    /// <summary><c>POST /v1/b2b/organizations/{organization_id}/members</c>, and seeding (which may also create invited members).</summary>
    public (StytchMember Member, StytchOrganization Organization) Create(string? organizationReference, MemberFields fields, string status = MemberStatus.Active)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var email = Validate.Email(fields.EmailAddress);
        if (status is not (MemberStatus.Active or MemberStatus.Pending or MemberStatus.Invited))
        {
            throw new StytchException(StytchError.InvalidRequestValue);
        }

        MemberRules.Check(fields);
        return _store.Transact(() =>
        {
            var organization = _organizations.Resolve(organizationReference);
            if (Table.WithEmail(organization.OrganizationId, email) is not null)
            {
                throw new StytchException(StytchError.DuplicateMemberEmail);
            }

            MemberRules.CheckExternalIdFree(Table, organization.OrganizationId, fields.ExternalId, current: null);
            var added = Add(organization, email, status, _store.Clock.Now);
            var member = MemberRules.Apply(added, fields);
            Table.Replace(added, member);
            return (member, organization);
        });
    }

    /// <summary><c>GET /v1/b2b/organizations/{organization_id}/member</c>: by member id (or external id), else by email.</summary>
    public (StytchMember Member, StytchOrganization Organization) Get(string? organizationReference, string? memberId, string? emailAddress)
    {
        if (string.IsNullOrEmpty(memberId) && string.IsNullOrEmpty(emailAddress))
        {
            throw new StytchException(StytchError.InvalidMemberGetFields);
        }

        var email = string.IsNullOrEmpty(memberId) ? Validate.Email(emailAddress) : null;
        return _store.Transact(() =>
        {
            var organization = _organizations.Resolve(organizationReference);
            var member = email is null
                ? Resolve(organization, memberId, includeDeleted: true)
                : Table.WithEmail(organization.OrganizationId, email) ?? throw new StytchException(StytchError.MemberNotFound);
            return (member, organization);
        });
    }

    /// <summary>Every member (deleted ones too), oldest first.</summary>
    public IReadOnlyList<StytchMember> List() => _store.Transact(() => Table.All.ToArray());

    /// <summary>Every member (deleted ones too) of the given organizations, oldest first.</summary>
    public IReadOnlyList<StytchMember> Of(IReadOnlySet<string> organizationIds) =>
        _store.Transact(() => Table.All.Where(m => organizationIds.Contains(m.OrganizationId)).ToArray());

    /// <summary><c>PUT /v1/b2b/organizations/{organization_id}/members/{member_id}</c>: only the given fields change.</summary>
    public (StytchMember Member, StytchOrganization Organization) Update(string? organizationReference, string? memberReference, MemberFields fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var newEmail = fields.EmailAddress is null ? null : Validate.Email(fields.EmailAddress);
        MemberRules.Check(fields);
        if (fields.DefaultMfaMethod is { } method && Array.IndexOf(OrganizationRules.MfaMethodNames, method) < 0)
        {
            throw new StytchException(StytchError.InvalidMfaDefaultMethod);
        }

        return _store.Transact(() =>
        {
            var organization = _organizations.Resolve(organizationReference);
            var current = Resolve(organization, memberReference, includeDeleted: false);
            var emailChanges = newEmail is not null && newEmail != current.EmailAddress;
            if (emailChanges && Table.WithEmail(organization.OrganizationId, newEmail!) is not null)
            {
                throw new StytchException(StytchError.DuplicateMemberEmail);
            }

            MemberRules.CheckExternalIdFree(Table, organization.OrganizationId, fields.ExternalId, current);
            var updated = MemberRules.Apply(current, fields) with { UpdatedAt = _store.Clock.Now };
            if (emailChanges)
            {
                updated = updated with
                {
                    EmailAddress = newEmail!,
                    EmailId = _store.Ids.New("email"),
                    EmailAddressVerified = false,
                    RetiredEmailAddresses = fields.UnlinkEmail == true
                        ? current.RetiredEmailAddresses
                        : [.. current.RetiredEmailAddresses, new RetiredEmail(current.EmailId, current.EmailAddress)],
                };
                EmailReplacing.Run(current);
            }

            Table.Replace(current, updated);
            return (updated, organization);
        });
    }

    /// <summary><c>DELETE /v1/b2b/organizations/{organization_id}/members/{member_id}</c>: a soft delete (see the class remarks).</summary>
    public string Delete(string? organizationReference, string? memberReference) => _store.Transact(() =>
    {
        var organization = _organizations.Resolve(organizationReference);
        var member = Resolve(organization, memberReference, includeDeleted: false);
        Deleting.Run(member);
        Table.Replace(member, member with { Status = MemberStatus.Deleted, UpdatedAt = _store.Clock.Now });
        return member.MemberId;
    });

    /// <summary>The member of <paramref name="organization"/> with this id or external id; under the store's lock.</summary>
    /// <exception cref="StytchException"><c>member_not_found</c>, also for a deleted member unless <paramref name="includeDeleted"/>.</exception>
    public StytchMember Resolve(StytchOrganization organization, string? reference, bool includeDeleted)
    {
        if (string.IsNullOrEmpty(reference))
        {
            throw new StytchException(StytchError.MemberNotFound);
        }

        var member = Table.ById(reference) ?? Table.WithExternalId(organization.OrganizationId, reference);
        return member is not null && member.OrganizationId == organization.OrganizationId && (includeDeleted || member.Status != MemberStatus.Deleted)
            ? member
            : throw new StytchException(StytchError.MemberNotFound);
    }

    /// <summary>The member with this id who is not deleted; under the store's lock.</summary>
    /// <exception cref="StytchException"><c>member_not_found</c>.</exception>
    public StytchMember RequireLive(string? memberId) =>
        memberId is not null && Table.ById(memberId) is { Status: not MemberStatus.Deleted } member
            ? member
            : throw new StytchException(StytchError.MemberNotFound);

    /// <summary>The member with this id, which the caller knows exists; under the store's lock.</summary>
    public StytchMember ById(string memberId) =>
        Table.ById(memberId) ?? throw new InvalidOperationException($"No member has the id '{memberId}'.");

    /// <summary>The member of the organization with this email who is not deleted, or null; under the store's lock.</summary>
    public StytchMember? WithEmail(StytchOrganization organization, string email) => Table.WithEmail(organization.OrganizationId, email);

    /// <summary>Adds a new member with only an address and a status (as email JIT provisioning does); under the store's lock.</summary>
    public StytchMember Add(StytchOrganization organization, string email, string status, DateTimeOffset now)
    {
        // The member id before the email id: a seeded project draws them in this order.
        var member = new StytchMember
        {
            OrganizationId = organization.OrganizationId,
            MemberId = _store.Ids.New("member"),
            EmailAddress = email,
            EmailId = _store.Ids.New("email"),
            Status = status,
            CreatedAt = now,
            UpdatedAt = now,
        };
        Table.Add(member);
        return member;
    }

    /// <summary>The member, now active with a verified address (a code sent to it was authenticated); under the store's lock.</summary>
    public StytchMember Verify(StytchMember member, DateTimeOffset now)
    {
        var verified = member with { Status = MemberStatus.Active, EmailAddressVerified = true, UpdatedAt = now };
        Table.Replace(member, verified);
        return verified;
    }

    /// <summary>Adds a snapshot's members to an empty store; under the store's lock.</summary>
    public void Load(IEnumerable<StytchMember> members)
    {
        foreach (var member in members)
        {
            Table.Add(member);
        }
    }

    private void RemoveAllOf(StytchOrganization organization)
    {
        foreach (var member in Table.Of(organization.OrganizationId).ToArray())
        {
            if (member.Status != MemberStatus.Deleted)
            {
                Deleting.Run(member);
            }

            Table.Remove(member);
        }
    }
}
