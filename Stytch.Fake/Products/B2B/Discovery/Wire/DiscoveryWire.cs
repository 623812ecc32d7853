using System.Text.Json;
using Stytch.Fake.Products.B2B.Members.Wire;
using Stytch.Fake.Products.B2B.Mfa.Wire;
using Stytch.Fake.Products.B2B.Organizations.Wire;

namespace Stytch.Fake.Products.B2B.Discovery.Wire;

/// <summary>
/// Writes discovered organizations as Stytch's Discovered Organization object: the organization, its
/// <c>membership</c> (<c>type</c>; <c>details</c> <c>{domain}</c> for an organization joinable by email domain, else
/// null; <c>member</c> or null), <c>member_authenticated</c>, <c>primary_required</c> and <c>mfa_required</c>.
/// </summary>
internal static class DiscoveryWire
{
    /// <summary>The organizations as the array <paramref name="name"/>.</summary>
    public static void WriteOrganizations(Utf8JsonWriter w, string name, IEnumerable<DiscoveredOrganization> organizations)
    {
        w.WriteStartArray(name);
        foreach (var found in organizations)
        {
            w.WriteStartObject();
            w.WriteBoolean("member_authenticated", found.MemberAuthenticated);
            OrganizationWire.Write(w, "organization", found.Organization);
            w.WriteStartObject("membership");
            w.WriteString("type", found.MembershipType);
            if (found.Domain is null)
            {
                w.WriteNull("details");
            }
            else
            {
                w.WriteStartObject("details");
                w.WriteString("domain", found.Domain);
                w.WriteEndObject();
            }

            if (found.Member is null)
            {
                w.WriteNull("member");
            }
            else
            {
                MemberWire.Write(w, "member", found.Member, found.Organization);
            }

            w.WriteEndObject();
            B2BLoginWire.WritePrimaryRequired(w, found.PrimaryRequired);
            B2BLoginWire.WriteMfaRequired(w, found.MfaRequired);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    /// <summary>A discovery authenticate's answer: the intermediate session token, the address and what it can reach.</summary>
    public static void WriteAuthenticated(Utf8JsonWriter w, DiscoveryAuthenticated result)
    {
        w.WriteString("intermediate_session_token", result.Session.Token);
        w.WriteString("email_address", result.EmailAddress);
        WriteOrganizations(w, "discovered_organizations", result.Organizations);
    }
}
