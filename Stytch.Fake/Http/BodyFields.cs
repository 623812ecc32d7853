using System.Text.Json;
using Stytch.Fake.Core;

namespace Stytch.Fake.Http;

/// <summary>
/// What a request body may hold beyond the fields its endpoint reads, and what happens to the rest.
/// <list type="bullet">
/// <item>An id of the path repeated in the body (the official .NET SDK serialises its whole request model, path
/// ids included): accepted when it equals the path's. A different one is ignored and the path's is used, as a
/// grpc-gateway transcoder does (inferred: Stytch's operation ids, <c>api_organization_v1_Update</c>, are those of
/// protobuf services; its behaviour for a mismatch is not documented).</item>
/// <item>A field the endpoint does not know (a newer SDK's, or a typo): ignored, as a protobuf JSON reader that
/// discards unknown fields does, since the official SDKs show Stytch accepts at least the path ids.</item>
/// </list>
/// Either way the field is listed in <see cref="Ignored"/> (the request log shows it); a strict project refuses it
/// with a 400 <c>bad_request</c> naming it instead.
/// </summary>
internal sealed class BodyFields(FieldPolicy policy)
{
    /// <summary>At most this many ignored fields are listed per request, each name cut to <see cref="MaxName"/> characters.</summary>
    private const int MaxListed = 20;
    private const int MaxName = 64;

    private readonly List<string> _ignored = [];
    private int _unlisted;

    /// <summary>The ignored fields, in the order met, with a last "… and N more" entry when there were too many.</summary>
    public IReadOnlyList<string> Ignored => _unlisted == 0 ? _ignored : [.. _ignored, $"… and {_unlisted} more"];

    /// <summary>A top-level field the endpoint does not read: a repeated path id, or an unknown field.</summary>
    public void Check(JsonProperty property, IReadOnlyDictionary<string, string>? pathValues)
    {
        if (pathValues is null || !pathValues.TryGetValue(property.Name, out var fromPath))
        {
            Unknown(property.Name);
            return;
        }

        switch (property.Value.ValueKind)
        {
            case JsonValueKind.Null:
                return;
            case JsonValueKind.String when property.Value.ValueEquals(fromPath):
                return;
            case JsonValueKind.String:
                Ignore(
                    $"{property.Name} (differs from the path's, which is used)",
                    $"{property.Name} in the body differs from the {property.Name} in the path; send the same id or leave it out.");
                return;
            default:
                throw JsonBody.Expected(property.Name, "a string (the same id as in the path)", property.Value);
        }
    }

    /// <summary>A field the endpoint does not know, named by its path (<c>nope</c>, <c>attributes.shoe_size</c>).</summary>
    public void Unknown(string path)
    {
        var name = path.Length > MaxName ? path[..MaxName] + "…" : path;
        Ignore(name, policy == FieldPolicy.StrictProject
            ? $"Unknown field: {name}. This project is strict (StytchProjectOptions.StrictFields, or the server's --strict), so fields the fake does not know are refused, not ignored."
            : $"Unknown field: {name}. Back-door bodies take only the fields they document.");
    }

    private void Ignore(string entry, string strictMessage)
    {
        if (policy != FieldPolicy.Ignore)
        {
            throw Validate.BadRequest(strictMessage);
        }

        if (_ignored.Count < MaxListed)
        {
            _ignored.Add(entry);
        }
        else
        {
            _unlisted++;
        }
    }
}

/// <summary>What a body's unknown fields get.</summary>
internal enum FieldPolicy
{
    /// <summary>A back door's body: unknown fields are refused.</summary>
    BackDoor,
    /// <summary>A Stytch body: unknown fields are ignored and listed.</summary>
    Ignore,
    /// <summary>A Stytch body of a strict project: unknown fields are refused.</summary>
    StrictProject,
}
