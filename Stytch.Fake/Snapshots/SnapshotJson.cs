using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Stytch.Fake.Core;
using Stytch.Fake.Http;
using Stytch.Fake.Products.Admin.Wire;

namespace Stytch.Fake.Snapshots;

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    RespectRequiredConstructorParameters = true,
    RespectNullableAnnotations = true,
    Converters = [typeof(ClaimsJson.SnapshotConverter)])]
[JsonSerializable(typeof(SnapshotDocument))]
[JsonSerializable(typeof(SnapshotPasswords))]
internal sealed partial class SnapshotJsonContext : JsonSerializerContext;

/// <summary>Reads and writes snapshot files (<see cref="SnapshotDocument"/>, which also states the version rules).</summary>
internal static class SnapshotJson
{
    /// <summary>The version written; every version from 1 up to it is read.</summary>
    public const int Version = 5;

    /// <summary>
    /// The largest snapshot the fake loads, in UTF-8 bytes: the same at start (<c>--snapshot</c>,
    /// <see cref="StytchFakeProject.ImportSnapshot"/>) as over HTTP (<c>PUT …/snapshot</c>, whose body the server
    /// stops reading past this size).
    /// </summary>
    public const int MaxBytes = 64 * 1024 * 1024;

    /// <summary>The error for a snapshot over <see cref="MaxBytes"/>.</summary>
    public static StytchError TooLarge { get; } = StytchError.BadRequest with { Message = $"The snapshot is larger than {MaxBytes / 1024 / 1024} MB." };

    // Free JSON, where a null list item is a value like any other.
    private static readonly HashSet<string> FreeJson = new(StringComparer.Ordinal) { "custom_claims", "trusted_metadata", "untrusted_metadata", "allowed_oauth_tenants" };

    public static string Write(StytchFakeProject project) =>
        JsonSerializer.Serialize(SnapshotMapping.Export(project), SnapshotJsonContext.Default.SnapshotDocument);

    /// <summary>
    /// Loads <paramref name="json"/> into <paramref name="project"/>; anything malformed is a 400 and changes nothing.
    /// Returns the snapshot's time, for the caller to set the clock to once everything else is loaded: that fires
    /// timers, whose callbacks must find the whole snapshot in place and no lock held.
    /// </summary>
    public static DateTimeOffset Read(StytchFakeProject project, string json)
    {
        // Characters never outnumber UTF-8 bytes, so the cheap check settles most sizes before the exact one.
        if (json.Length > MaxBytes || System.Text.Encoding.UTF8.GetByteCount(json) > MaxBytes)
        {
            throw new StytchException(TooLarge);
        }

        var snapshot = Parse(json);
        if (snapshot.Clock < ClockEndpoints.Earliest || snapshot.Clock >= ClockEndpoints.Latest)
        {
            throw Validate.BadRequest("The snapshot's clock must be between 1970 and 9000.");
        }

        if (!IsWellFormed(snapshot))
        {
            throw Validate.BadRequest("The snapshot holds a malformed or unnormalised email, id, code or session token.");
        }

        try
        {
            SnapshotMapping.Import(project, snapshot);
        }
        catch (Exception e) when (e is ArgumentException or System.Security.Cryptography.CryptographicException)
        {
            throw Validate.BadRequest("The snapshot could not be loaded: " + e.Message);
        }

        return snapshot.Clock;
    }

    /// <summary>The document <paramref name="json"/> holds, in the current version's layout whatever its version.</summary>
    private static SnapshotDocument Parse(string json)
    {
        var version = 0;
        try
        {
            // The serializer refuses null for a non-nullable property, but not a null item in a list, which
            // would be imported and break every later call that reads it.
            // A key twice is refused by the parser; the object it would make throws a plain ArgumentException later.
            var node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
            if (HasNullItem(node))
            {
                throw new JsonException("A list in the snapshot holds null.");
            }

            if (node is not JsonObject root || root["version"] is not JsonValue value || !value.TryGetValue(out version))
            {
                throw Validate.BadRequest($"The snapshot must be an object with a version: {SnapshotV1.Version} to {Version}.");
            }

            root = version switch
            {
                SnapshotV1.Version => SnapshotV4.Upgrade(SnapshotV3.Upgrade(SnapshotV2.Upgrade(SnapshotV1.Upgrade(root)))),
                SnapshotV2.Version => SnapshotV4.Upgrade(SnapshotV3.Upgrade(SnapshotV2.Upgrade(root))),
                SnapshotV3.Version => SnapshotV4.Upgrade(SnapshotV3.Upgrade(root)),
                SnapshotV4.Version => SnapshotV4.Upgrade(root),
                Version => root,
                _ => throw Validate.BadRequest(
                    $"The snapshot has version {version}, which this Stytch.Fake does not read: it reads versions {SnapshotV1.Version} to {Version}."),
            };
            return root.Deserialize(SnapshotJsonContext.Default.SnapshotDocument)
                ?? throw new JsonException("The snapshot is null.");
        }
        catch (JsonException e)
        {
            // An older file is read in the newest layout, which is what a path in the message names.
            var read = version is SnapshotV1.Version or SnapshotV2.Version or SnapshotV3.Version or SnapshotV4.Version ? $" (version {version}, read in the layout of version {Version})" : "";
            throw Validate.BadRequest("The snapshot is not valid JSON of a Stytch.Fake snapshot" + read + ": " + e.Message);
        }
    }

    /// <summary>The <c>passwords</c> section of a project without password state: no hashes, Stytch's default policy.</summary>
    public static JsonNode EmptyPasswords() =>
        JsonSerializer.SerializeToNode(SnapshotPasswordMapping.Export(PasswordsSnapshot.Empty), SnapshotJsonContext.Default.SnapshotPasswords)!;

    private static bool HasNullItem(JsonNode? node) => node switch
    {
        JsonArray array => array.Any(item => item is null || HasNullItem(item)),
        JsonObject obj => obj.Any(p => !FreeJson.Contains(p.Key) && HasNullItem(p.Value)),
        _ => false,
    };

    /// <summary>
    /// What the engine relies on for its own records: ids and tokens shaped as it makes them, emails valid and
    /// lower-cased, six-digit codes. A hand-edited snapshot that breaks these is refused rather than loaded.
    /// </summary>
    private static bool IsWellFormed(SnapshotDocument snapshot)
    {
        static bool IsNormalisedEmail(string email)
        {
            try
            {
                return string.Equals(Validate.Email(email), email, StringComparison.Ordinal);
            }
            catch (StytchException)
            {
                return false;
            }
        }

        static bool IsUserId(string id)
        {
            try
            {
                Products.Consumer.Users.UserService.CheckUserId(id);
                return true;
            }
            catch (StytchException)
            {
                return false;
            }
        }

        static bool IsCode(string code)
        {
            try
            {
                Validate.Code(code);
                return true;
            }
            catch (StytchException)
            {
                return false;
            }
        }

        return snapshot.Users.All(u => Validate.IsId(u.UserId, "user")
                && u.Emails.All(e => Validate.IsId(e.EmailId, "email") && IsNormalisedEmail(e.Email))
                && u.PhoneNumbers.All(p => Validate.IsId(p.PhoneId, "phone-number") && E164.IsValid(p.PhoneNumber))
                && (u.ExternalId.Length == 0 || IsUserId(u.ExternalId)))
            && snapshot.Codes.All(c => Validate.IsId(c.EmailId, "email") && IsCode(c.Code))
            && snapshot.Sessions.All(s => Validate.IsId(s.SessionId, "session") && Validate.IsId(s.UserId, "user") && Validate.IsSessionToken(s.SessionToken));
    }
}
